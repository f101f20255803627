import Foundation
import GRDB
import SIPASBlocks
import SIPASCore
import SIPASImport
import SIPASInstruments
import SIPASTestSupport
import Testing

@testable import SIPASStore

/// What the faster import and reading must not change: a streamed import writes the store that
/// reading first then loading writes, a failed one writes nothing, and new stores have large pages.
struct StoreSpeedTests {
    @Test func aNewStoreHasLargePagesAndAnOldOneKeepsItsOwn() throws {
        let (store, directory) = try StoreFixtures.store()
        #expect(try Self.pageSize(store.path) == 65536)
        let old = directory.appendingPathComponent("old.db").path
        let queue = try DatabaseQueue(path: old)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA page_size = 4096")
            try db.execute(sql: "CREATE TABLE t (x)")
        }
        try queue.close()
        let reopened = try SurveyStore(path: old)
        _ = try reopened.load(
            try PreparedBatch.read(
                file: try StoreFixtures.file("a.csv", rows: 1...20, in: directory),
                instrument: try StoreFixtures.instrument))
        #expect(try Self.pageSize(old) == 4096)
    }

    @Test func aStreamedImportWritesTheStoreOfAReadThenLoad() throws {
        let directory = try Fixtures.temporaryDirectory()
        let instrument = try StoreFixtures.instrument
        let file = try StoreSinkTests.faulty(rows: 1200, quotes: true, in: directory)
        let second = try StoreFixtures.file("b.csv", rows: 1...300, in: directory)
        let loaded = directory.appendingPathComponent("loaded.db").path
        let store = try SurveyStore(path: loaded)
        for f in [file, second] {
            _ = try store.load(try PreparedBatch.read(file: f, instrument: instrument, team: "t"))
        }
        let expected = try Self.dumpWithoutTimes(loaded)
        for (threads, slow, chunk) in [(1, false, 7), (2, false, 100), (2, true, 50), (2, false, 16_384)] {
            let path = directory.appendingPathComponent("streamed-\(threads)-\(slow)-\(chunk).db").path
            let streamed = try SurveyStore(path: path)
            var summaries: [ImportSummary] = []
            for f in [file, second] {
                let outcome = try streamed.importFile(
                    f, instrument: instrument, team: "t", threads: threads, slowPath: slow,
                    chunkRows: chunk
                ) { summaries.append($0) }
                guard case .loaded = outcome else {
                    Issue.record("\(outcome)")
                    return
                }
            }
            #expect(summaries.count == 2 && summaries[1].rowsRead == 300)
            #expect(try Self.dumpWithoutTimes(path) == expected, "threads \(threads), slow \(slow), chunk \(chunk)")
            // The same file again: found by its digest, not read.
            var readAgain = false
            let again = try streamed.importFile(file, instrument: instrument, team: "t", threads: threads) { _ in
                readAgain = true
            }
            guard case .alreadyLoaded = again else {
                Issue.record("\(again)")
                return
            }
            #expect(!readAgain)
        }
    }

    /// The disk fills up while rows are still being read: the error is the store's, and no trace
    /// of the batch is left; with room, the same import then succeeds.
    @Test func aFailedStreamedImportLeavesNoPartialBatch() throws {
        let directory = try Fixtures.temporaryDirectory()
        let path = directory.appendingPathComponent("sipas.db").path
        _ = try SurveyStore(path: path)
        let before = try Self.dumpWithoutTimes(path)
        let file = try StoreFixtures.file("a.csv", rows: 1...2000, in: directory)
        let small = try SurveyStore(path: path, options: StoreOptions(busyTimeout: 1, maxPageCount: 40))
        #expect(throws: StoreError(.diskFull, store: path)) {
            _ = try small.importFile(file, instrument: try StoreFixtures.instrument, threads: 2, chunkRows: 50)
        }
        #expect(try small.batches().isEmpty)
        #expect(try Self.dumpWithoutTimes(path) == before)
        let roomy = try SurveyStore(path: path)
        if case .loaded(let info, _, _, _) = try roomy.importFile(
            file, instrument: try StoreFixtures.instrument, chunkRows: 50)
        {
            #expect(info.accepted == 2000)
        }
        #expect(try StoreFixtures.stored(roomy).count == 2000)
    }

    /// A load writes its rows without foreign key checks (no statement journal): the store's
    /// connection checks them again afterwards, a failed load too, and the loaded rows all name
    /// their batch.
    @Test func aLoadLeavesForeignKeyChecksOn() throws {
        let (store, directory) = try StoreFixtures.store()
        let file = try StoreFixtures.file("a.csv", rows: 1...200, in: directory)
        _ = try store.importFile(file, instrument: try StoreFixtures.instrument, threads: 2, chunkRows: 50)
        #expect(throws: StoreError.self) {
            _ = try store.load(
                BatchIdentity(
                    name: "x", team: "", fileName: "x.csv", sha256: "x", instrumentID: "i", methodVersion: "1",
                    layout: try StoreFixtures.instrument.recordLayout),
                expectedRows: 1, replace: false, maxDuplicatesReported: 1
            ) { _ in throw StoreError(.diskFull, store: "x") }
        }
        let (checked, violations, orphanRefused) = try store.writeTransaction { db throws -> (Bool?, Int, Bool) in
            let checked = try Bool.fetchOne(db, sql: "PRAGMA foreign_keys")
            let violations = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").count
            let orphan = Result {
                try db.execute(
                    sql: "INSERT INTO response_block (batch_id, first_row, row_count, data) VALUES (999, 1, 1, x'00')")
            }
            if case .failure = orphan { return (checked, violations, true) }
            return (checked, violations, false)
        }
        #expect(checked == true)
        #expect(violations == 0)
        #expect(orphanRefused)
        #expect(try store.batches().count == 1)
    }

    static func pageSize(_ path: String) throws -> Int {
        try DatabaseQueue(path: path).read { try Int.fetchOne($0, sql: "PRAGMA page_size") ?? 0 }
    }

    /// ``StoreSinkTests/dump(_:)`` without the load times.
    static func dumpWithoutTimes(_ path: String) throws -> [String] {
        try StoreSinkTests.dump(path).map {
            $0.replacingOccurrences(of: #"loaded_at:"[^"]*""#, with: "", options: .regularExpression)
        }
    }
}
