import Foundation
import SIPASCore
import SIPASImport
import SIPASStore
import SIPASTestSupport
import Testing

/// The SQLite store: loads, the same file twice, replacement, duplicates, read-back, faults.
struct SurveyStoreTests {
    /// Sets the answer of `column` on data line `line` (1-based) to `value`.
    static func setCell(_ lines: inout [String], line: Int, column: String, to value: String) {
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false)
        guard let index = header.firstIndex(where: { $0 == column }) else { return }
        var fields = lines[line].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        fields[index] = value
        lines[line] = fields.joined(separator: ",")
    }

    @Test func storedRecordsEqualImportedRecordsAndRejectionsKeepTheirReasons() throws {
        let (store, directory) = try StoreFixtures.store()
        let file = try StoreFixtures.file("hanoi.csv", rows: 1...200, in: directory) {
            Self.setCell(&$0, line: 5, column: "POL_econ_quality", to: "7")
        }
        let batch = try PreparedBatch.read(file: file, instrument: try StoreFixtures.instrument, team: "ha-noi")
        guard case .loaded(let info, nil, let duplicates, 0) = try store.load(batch) else {
            Issue.record("first load did not load")
            return
        }
        #expect(duplicates.isEmpty)
        #expect(info.name == "hanoi.csv" && info.team == "ha-noi" && info.instrumentID == "sipas-2023")
        #expect((info.rowsRead, info.accepted, info.rejected) == (200, 199, 1))
        #expect(info.sha256 == (try PreparedBatch.sha256(of: file)))
        #expect(try StoreFixtures.stored(store) == (try StoreFixtures.imported(file)))
        let (header, rejections) = try store.rejections(of: info)
        #expect(header.first == "form_id")
        #expect(rejections.count == 1)
        #expect(rejections.first?.row == 6)
        #expect(rejections.first?.reasons.contains("POL_econ_quality") == true)
        #expect(rejections.first?.fields.count == header.count)
    }

    @Test func theSameFileTwiceIsANoOp() throws {
        let (store, directory) = try StoreFixtures.store()
        let file = try StoreFixtures.file("a.csv", rows: 1...50, in: directory)
        let batch = try PreparedBatch.read(file: file, instrument: try StoreFixtures.instrument)
        _ = try store.load(batch)
        let renamed = try PreparedBatch.read(file: file, instrument: try StoreFixtures.instrument, name: "other name")
        guard case .alreadyLoaded(let info) = try store.load(renamed) else {
            Issue.record("second load wrote a batch")
            return
        }
        #expect(info.name == "a.csv")
        #expect(try store.batches().count == 1)
        #expect(try StoreFixtures.stored(store).count == 50)
    }

    @Test func aCorrectedFileReplacesItsBatchOnlyWithReplace() throws {
        let (store, directory) = try StoreFixtures.store()
        let first = try StoreFixtures.file("a.csv", rows: 1...50, in: directory)
        _ = try store.load(try PreparedBatch.read(file: first, instrument: try StoreFixtures.instrument))
        let second = try StoreFixtures.file("a.csv", rows: 1...60, in: try Fixtures.temporaryDirectory())
        let corrected = try PreparedBatch.read(file: second, instrument: try StoreFixtures.instrument)
        #expect(throws: StoreError.self) { try store.load(corrected) }
        #expect(try StoreFixtures.stored(store).count == 50)
        guard case .loaded(let info, let replaced?, _, _) = try store.load(corrected, replace: true) else {
            Issue.record("--replace did not load")
            return
        }
        #expect(replaced.replacedBy == info.id)
        let batches = try store.batches()
        #expect(batches.map(\.id) == [replaced.id, info.id])
        #expect(batches.filter(\.isInForce).map(\.id) == [info.id])
        #expect(try StoreFixtures.stored(store) == (try StoreFixtures.imported(second)))
        #expect(try store.batch("a.csv").id == info.id)
    }

    @Test func respondentIdsOfOtherBatchesAreReported() throws {
        let (store, directory) = try StoreFixtures.store()
        _ = try store.load(
            try PreparedBatch.read(
                file: try StoreFixtures.file("a.csv", rows: 1...30, in: directory),
                instrument: try StoreFixtures.instrument))
        let overlapping = try StoreFixtures.file("b.csv", rows: 21...40, in: directory)
        guard
            case .loaded(_, _, let duplicates, let count) = try store.load(
                try PreparedBatch.read(file: overlapping, instrument: try StoreFixtures.instrument))
        else {
            Issue.record("not loaded")
            return
        }
        #expect(count == 10)
        #expect(duplicates.first?.otherBatch == "a.csv")
        // Sample row 21 is line 22 of a.csv and line 2 of b.csv.
        #expect(duplicates.first?.row == 2 && duplicates.first?.otherRow == 22)
        #expect(try StoreFixtures.stored(store).count == 50)
    }

    @Test func aLockedStoreGivesALockedError() throws {
        let (_, directory) = try StoreFixtures.store()
        let path = directory.appendingPathComponent("sipas.db").path
        let holder = try SurveyStore(path: path)
        let waiter = try SurveyStore(path: path, options: StoreOptions(busyTimeout: 0.2))
        let batch = try PreparedBatch.read(
            file: try StoreFixtures.file("a.csv", rows: 1...5, in: directory),
            instrument: try StoreFixtures.instrument)
        var caught: StoreError?
        try holder.writeTransactionForTesting {
            do { _ = try waiter.load(batch) } catch let error as StoreError { caught = error }
        }
        #expect(caught?.kind == .locked(seconds: 0.2))
        #expect(caught?.message(.vi).contains("khoá") == true)
        #expect(try waiter.batches().isEmpty)
    }

    @Test func aFullDiskLeavesTheStoreUnchanged() throws {
        let directory = try Fixtures.temporaryDirectory()
        let path = directory.appendingPathComponent("sipas.db").path
        _ = try SurveyStore(path: path)
        let small = try SurveyStore(path: path, options: StoreOptions(busyTimeout: 1, maxPageCount: 40))
        let batch = try PreparedBatch.read(
            file: try StoreFixtures.file("a.csv", rows: 1...1000, in: directory),
            instrument: try StoreFixtures.instrument)
        #expect(throws: StoreError(.diskFull, store: path)) { try small.load(batch) }
        #expect(try small.batches().isEmpty)
        let roomy = try SurveyStore(path: path)
        if case .loaded(let info, _, _, _) = try roomy.load(batch) { #expect(info.accepted == 1000) }
        #expect(try StoreFixtures.stored(roomy).count == 1000)
    }

    @Test func aBadPathCannotBeOpened() throws {
        #expect(throws: StoreError.self) { try SurveyStore(path: "/no/such/folder/sipas.db") }
        do {
            _ = try SurveyStore(path: "/no/such/folder/sipas.db")
        } catch let error as StoreError {
            guard case .cannotOpen = error.kind else {
                Issue.record("\(error)")
                return
            }
            #expect(error.message(.en).hasPrefix("/no/such/folder/sipas.db: cannot open the store"))
        }
    }

    @Test func concurrentLoadersEachWriteEveryRowOnce() async throws {
        let (_, directory) = try StoreFixtures.store()
        let path = directory.appendingPathComponent("sipas.db").path
        let ranges = [1...500, 501...1000, 1001...1500, 1501...2000]
        let batches = try ranges.enumerated().map { index, rows in
            try PreparedBatch.read(
                file: try StoreFixtures.file("part\(index).csv", rows: rows, in: directory),
                instrument: try StoreFixtures.instrument)
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for batch in batches {
                group.addTask { _ = try SurveyStore(path: path, options: StoreOptions(busyTimeout: 30)).load(batch) }
            }
            try await group.waitForAll()
        }
        let store = try SurveyStore(path: path)
        let records = try StoreFixtures.stored(store)
        #expect(records.count == 2000)
        #expect(Set(records.map { "\($0.location.file):\($0.location.row ?? 0)" }).count == 2000)
        #expect(try store.batches().map(\.accepted) == [500, 500, 500, 500])
    }

    @Test func yearSelectionAndInstrumentErrors() throws {
        let (store, directory) = try StoreFixtures.store()
        _ = try store.load(
            try PreparedBatch.read(
                file: try StoreFixtures.file("a.csv", rows: 1...10, in: directory),
                instrument: try StoreFixtures.instrument))
        #expect(try store.select(ResponseSelection(year: 2024)).responses == 10)
        #expect(throws: StoreError(.noResponses(year: 2023, instrument: nil), store: store.path)) {
            try store.select(ResponseSelection(year: 2023))
        }
        #expect(throws: StoreError(.noSuchBatch("x"), store: store.path)) { try store.batch("x") }
    }
}
