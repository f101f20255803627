import Foundation
import SIPASCore
import SIPASImport
import SIPASInstruments
import SIPASStats
import SIPASStore
import SIPASStorePostgres
import SIPASTestSupport
import Testing

/// The command line's calls of ``SurveyStoring``, one test body run on a SQLite file and on a
/// PostgreSQL server, both opened from their location (``StoreLocation``) and used as the
/// connected role: the same file gives the same batch, selection, export, blocks and records.
@Suite(.serialized) struct StoreLocationTests {
    @Test func theLocationsFormChoosesTheStore() {
        #expect(
            StoreLocation.isPostgres("postgres://a@localhost/sipas") && StoreLocation.isPostgres("postgresql://a@h/d"))
        #expect(!StoreLocation.isPostgres("sipas.db") && !StoreLocation.isPostgres("/tmp/postgres.db"))
        #expect(StoreLocation.readsRecords("sipas.db") && !StoreLocation.readsRecords("postgres://a@localhost/sipas"))
        #expect(throws: StoreError.self) { try StoreLocation.openSQLite("postgres://a@localhost/sipas", language: .en) }
    }

    @Test func anAbsentFileIsNoStoreWhenOneMustExist() async throws {
        let path = try Fixtures.temporaryDirectory().appendingPathComponent("absent.db").path
        await #expect(throws: StoreError.self) { try await StoreLocation.open(path, existing: true, language: .en) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func sqliteAnswersTheCommandLinesCalls() async throws {
        let path = try Fixtures.temporaryDirectory().appendingPathComponent("store.db").path
        let sums = try await Self.commandLineCalls(path, team: "ha-noi")
        #expect(!sums, "a SQLite store does not sum")
    }

    @Test func postgresAnswersTheCommandLinesCalls() async throws {
        let db = try await PostgresStoreTests.database()
        let team = try #require(URLComponents(string: db.teamA)?.user)
        let sums = try await Self.commandLineCalls(db.teamA, team: team)
        #expect(sums, "a PostgreSQL store sums on the server")
    }

    /// Loads 40 rows of province 01 (a commune with U+001F and U+001B) and one row that is rejected into the empty store at
    /// `location` as team `team` (on PostgreSQL, the URL's login role), then reads them back by
    /// every call the commands make; returns whether the store summed them itself.
    static func commandLineCalls(_ location: String, team: String) async throws -> Bool {
        let instrument = try PostgresStoreTests.instrument
        let file = try PostgresStoreTests.file("hanoi-\(UUID().uuidString).csv", province: "01", limit: 40)
        // The last response's commune holds the stored form's separator and escape; a row too short is rejected.
        var lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map(String.init)
        var fields = lines[40].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        fields[4] += "\u{1F}\u{1B}e"
        lines[40] = fields.joined(separator: ",")
        try (lines.joined(separator: "\n") + "\nnot,a,response\n").write(to: file, atomically: true, encoding: .utf8)
        let layout = instrument.recordLayout
        return try await StoreLocation.with(location, language: .en) { store in
            let read = SummaryBox()
            let done = try await store.load(
                file, instrument: instrument, team: team, name: "hanoi", language: .en, threads: 2,
                replace: false, as: .connected
            ) { read.set($0) }
            guard case .loaded(let info, nil, _, _) = done.outcome else {
                Issue.record("not loaded: \(done.outcome)")
                return false
            }
            #expect(info.team == team && info.accepted == 40 && info.rejected == 1)
            #expect(done.summary?.accepted == 40 && read.get()?.accepted == 40)
            if case .alreadyLoaded = try await store.load(
                file, instrument: instrument, team: team, name: "hanoi", language: .en,
                threads: 1, replace: false, as: .connected, whenRead: { _ in }
            ).outcome {
            } else {
                Issue.record("the same file was loaded twice")
            }

            #expect(try await store.batches(as: .connected).map(\.id) == [info.id])
            #expect(try await store.batch("hanoi", as: .connected).id == info.id)
            #expect(try await store.batch(String(info.id), as: .connected).name == "hanoi")
            await #expect(throws: StoreError.self) { try await store.batch("elsewhere", as: .connected) }
            let rejections = try await store.rejections(of: info, as: .connected)
            #expect(rejections.rows.map(\.row) == [42] && rejections.header.first == "form_id")

            let selection = try await store.select(ResponseSelection(), as: .connected)
            #expect(selection.batches.map(\.id) == [info.id] && selection.responses == 40)
            #expect(try await store.years(as: .connected) == [2024])
            let csv = try await store.exportCSV(selection, year: nil, layout: layout, as: .connected)
            let lines = csv.split(separator: "\n")
            #expect(lines.count == 41 && lines.first?.hasPrefix("_batch,_file,_row,_weight") == true)
            let records = try await store.reduceRecords(
                in: selection, year: nil, layout: layout, as: .connected,
                into: [ResponseRecord]()
            ) { $0.append($1) }
            let expected = try Self.imported(file, instrument)
            #expect(records.count == 40 && records == expected)

            let excluded = instrument.scoredQuestions.map { Set(instrument.scale(of: $0)?.excluded ?? []) }
            let rows = RowCount()
            let fromBlocks = try await store.forEachBlock(
                in: selection, year: nil, layout: layout, excluded: excluded, as: .connected
            ) {
                rows.add($0.order.count)
            }
            #expect(fromBlocks && rows.total == 40)

            let plan = try AnalysisPlanInput.plan(instrument)
            let cells = try await store.cells(
                in: selection, year: nil, layout: layout, groupAttributes: [],
                satisfied: plan.satisfied, excluded: plan.excluded, as: .connected)
            if let cells { #expect(cells.map(\.rows).reduce(0, +) == 40) }
            return cells != nil
        }
    }

    /// The records the importer makes of `file`'s accepted rows.
    static func imported(_ file: URL, _ instrument: Instrument) throws -> [ResponseRecord] {
        var records: [ResponseRecord] = []
        _ = try CSVImporter(instrument: instrument).run(file: file) { records.append($0) }
        return records
    }
}

/// The items' satisfied and "don't know" codes, as ``SurveyStoring/cells(in:year:layout:groupAttributes:satisfied:excluded:as:)`` takes them.
private enum AnalysisPlanInput {
    static func plan(_ instrument: Instrument) throws -> (satisfied: [[Int]], excluded: [[Int]]) {
        let plan = try AnalysisPlan(instrument: instrument, breakdowns: [], lonelyPSU: .adjust)
        return (plan.satisfiedCodes.map { $0.sorted() }, plan.excludedCodes.map { $0.sorted() })
    }
}

private final class SummaryBox: @unchecked Sendable {
    private let lock = NSLock()
    private var summary: ImportSummary?
    func set(_ value: ImportSummary) { lock.withLock { summary = value } }
    func get() -> ImportSummary? { lock.withLock { summary } }
}

private final class RowCount: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add(_ rows: Int) { lock.withLock { count += rows } }
    var total: Int { lock.withLock { count } }
}
