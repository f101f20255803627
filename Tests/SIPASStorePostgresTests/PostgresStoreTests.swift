import Foundation
import SIPASCore
import SIPASImport
import SIPASInstruments
import SIPASStats
import SIPASStore
import SIPASStorePostgres
import SIPASTestSupport
import Testing

/// The PostgreSQL store against a real server (``PostgresTestServer``): loads, aggregation in SQL,
/// row-level security between teams, concurrent loaders.
@Suite(.serialized) struct PostgresStoreTests {
    static let lines: [String] = {
        let url = Fixtures.repositoryRoot.appendingPathComponent("SampleData/2024.csv")
        return ((try? String(contentsOf: url, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }()

    static var instrument: Instrument {
        get throws {
            guard let found = try BuiltinInstruments.named("sipas-2023") else {
                throw StoreError(.noSuchBatch("sipas-2023"))
            }
            return found
        }
    }

    /// A file of the sample's rows of `province` (column 3), at most `limit`, skipping `skip`.
    static func file(_ name: String, province: String, limit: Int, skip: Int = 0) throws -> URL {
        let rows = lines.dropFirst().filter {
            $0.split(separator: ",", omittingEmptySubsequences: false)[2] == province
        }
        let url = try Fixtures.temporaryDirectory().appendingPathComponent(name)
        try (([lines[0]] + rows.dropFirst(skip).prefix(limit)).joined(separator: "\n") + "\n").write(
            to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// A migrated fresh database with teams `a_…` (province 01) and `b_…` (province 02) and an analyst.
    static func database() async throws -> (admin: String, teamA: String, teamB: String, analyst: String) {
        let admin = try PostgresTestServer.freshDatabase()
        let store = try await PostgresStore.connect(admin, migrate: true)
        let suffix = String(admin.suffix(8))
        try await store.createTeam("a_\(suffix)", password: nil, provinces: ["01"])
        try await store.createTeam("b_\(suffix)", password: nil, provinces: ["02"])
        try await store.createAnalyst("analyst_\(suffix)", password: nil)
        await store.close()
        func url(_ role: String) -> String { admin.replacingOccurrences(of: "sipas_admin@", with: "\(role)@") }
        return (admin, url("a_\(suffix)"), url("b_\(suffix)"), url("analyst_\(suffix)"))
    }

    @Test func aggregationInSQLGivesTheEstimatesOfTheRecords() async throws {
        let db = try await Self.database()
        let file = try Self.file("hanoi.csv", province: "01", limit: 150)
        let team = try await PostgresStore.connect(db.teamA)
        let batch = try PreparedBatch.read(file: file, instrument: try Self.instrument)
        guard case .loaded(let info, nil, _, 0) = try await team.load(batch) else {
            Issue.record("not loaded")
            return
        }
        #expect(info.accepted == 150)
        if case .alreadyLoaded = try await team.load(batch) {} else { Issue.record("second load was not a no-op") }
        let plan = try AnalysisPlan(
            instrument: try Self.instrument, breakdowns: ["sector", "commune_code"], lonelyPSU: .adjust)
        var fromRecords = SurveyAccumulator(plan: plan)
        _ = try CSVImporter(instrument: try Self.instrument).run(file: file) { try fromRecords.add($0) }
        var fromCells = SurveyAccumulator(plan: plan)
        let selection = try await team.select(ResponseSelection(year: 2024))
        let cells = try await team.aggregate(
            selection, year: 2024, layout: plan.layout, groupAttributes: fromCells.cellAttributes,
            satisfied: plan.satisfiedCodes.map { $0.sorted() }, excluded: plan.excludedCodes.map { $0.sorted() })
        for cell in cells { try fromCells.add(cell) }
        await team.close()
        #expect(cells.count < 150)
        let expected = try SurveyEstimator.estimate(fromRecords, options: EstimationOptions())
        let actual = try SurveyEstimator.estimate(fromCells, options: EstimationOptions())
        #expect(expected.results.count == actual.results.count)
        for (e, a) in zip(expected.results, actual.results) {
            #expect(e.estimate?.n == a.estimate?.n)
            let (x, y) = (e.estimate?.value ?? 0, a.estimate?.value ?? 0)
            let (u, v) = (e.estimate?.standardError ?? 0, a.estimate?.standardError ?? 0)
            #expect(
                abs(x - y) <= 1e-9 * max(1, abs(x)) && abs(u - v) <= 1e-9 * max(1, abs(u)),
                "\(e.indicator.id) \(x) \(y) \(u) \(v)")
        }
    }

    @Test func aRoleParameterSetsTheSessionsRoleAndMustBeAnIdentifier() async throws {
        let db = try await Self.database()
        let suffix = String(db.admin.suffix(8))
        // The administrator taking team A's role is team A: row-level security refuses province 02.
        let asA = try await PostgresStore.connect(db.admin + "?role=a_\(suffix)")
        #expect(!asA.location.contains("role"))
        #expect(
            try await asA.rawCount(
                "SELECT count(*) FROM pg_roles WHERE rolname = current_user AND rolname = 'a_\(suffix)'") == 1)
        let haiPhong = try PreparedBatch.read(
            file: try Self.file("02.csv", province: "02", limit: 10), instrument: try Self.instrument)
        await #expect(throws: StoreError.self) { _ = try await asA.load(haiPhong) }
        await asA.close()
        // Team A may not take team B's role; a role that is not a plain identifier is refused before any SQL.
        await #expect(throws: (any Error).self) { _ = try await PostgresStore.connect(db.teamA + "?role=b_\(suffix)") }
        do {
            _ = try await PostgresStore.connect(db.teamA + "?role=a_\(suffix)%3BDROP%20TABLE%20response")
            Issue.record("a role with SQL in it was taken")
        } catch let error as StoreError {
            guard case .cannotOpen(let reason) = error.kind else { throw error }
            #expect(reason.contains("not a lowercase identifier"))
        }
    }

    @Test func teamAIsRefusedTeamBsProvinceByTheServer() async throws {
        let db = try await Self.database()
        let a = try await PostgresStore.connect(db.teamA)
        let b = try await PostgresStore.connect(db.teamB)
        let haiPhong = try PreparedBatch.read(
            file: try Self.file("02.csv", province: "02", limit: 30), instrument: try Self.instrument)
        do {
            _ = try await a.load(haiPhong)
            Issue.record("team A inserted rows of province 02")
        } catch let error as StoreError {
            guard case .refused(let reason) = error.kind else { throw error }
            #expect(reason.contains("row-level security"))
        }
        #expect(try await a.batches().isEmpty)
        _ = try await b.load(haiPhong)
        _ = try await a.load(
            try PreparedBatch.read(
                file: try Self.file("01.csv", province: "01", limit: 20), instrument: try Self.instrument))
        #expect(try await a.batches().map(\.fileName) == ["01.csv"])
        #expect(try await a.select(ResponseSelection()).responses == 20)
        #expect(try await b.select(ResponseSelection()).responses == 30)
        #expect(try await a.rawCount("SELECT count(*) FROM response WHERE province = '02'") == 0)
        await #expect(throws: StoreError.self) {
            try await a.rawCount("WITH d AS (DELETE FROM response RETURNING 1) SELECT count(*) FROM d")
        }
        await #expect(throws: StoreError.self) {
            try await a.rawCount("WITH d AS (UPDATE response SET province = '02' RETURNING 1) SELECT count(*) FROM d")
        }
        let analyst = try await PostgresStore.connect(db.analyst)
        #expect(try await analyst.select(ResponseSelection()).responses == 50)
        await #expect(throws: StoreError.self) {
            try await analyst.rawCount("WITH d AS (DELETE FROM rejection RETURNING 1) SELECT count(*) FROM d")
        }
        let admin = try await PostgresStore.connect(db.admin)
        #expect(try await admin.rawCount("WITH d AS (DELETE FROM rejection RETURNING 1) SELECT count(*) FROM d") == 0)
        for store in [a, b, analyst, admin] { await store.close() }
    }

    /// Without a per-row foreign key, rows still belong to an existing batch of their team: the
    /// insert policy refuses another team's batch or a missing one, and a batch with responses
    /// cannot be deleted, not even by the owner.
    @Test func responsesStayTiedToTheirBatch() async throws {
        let db = try await Self.database()
        let a = try await PostgresStore.connect(db.teamA)
        let b = try await PostgresStore.connect(db.teamB)
        _ = try await b.load(
            try PreparedBatch.read(
                file: try Self.file("02.csv", province: "02", limit: 10), instrument: try Self.instrument))
        _ = try await a.load(
            try PreparedBatch.read(
                file: try Self.file("01.csv", province: "01", limit: 10), instrument: try Self.instrument))
        let batchOfB = try #require(try await b.batches().first).id
        let batchOfA = try #require(try await a.batches().first).id
        func insert(into batch: Int64) -> String {
            """
            WITH i AS (INSERT INTO response (batch_id, row, province, weight, stratum, cluster, attributes, answers,
                                             codes, excluded)
                       VALUES (\(batch), 9999, '01', 1, 's', 'c', '{}', '', '{}', '{}') RETURNING 1)
            SELECT count(*) FROM i
            """
        }
        await #expect(throws: StoreError.self) { try await a.rawCount(insert(into: batchOfB)) }
        await #expect(throws: StoreError.self) { try await a.rawCount(insert(into: 999_999)) }
        let admin = try await PostgresStore.connect(db.admin)
        await #expect(throws: StoreError.self) {
            try await admin.rawCount(
                "WITH d AS (DELETE FROM batch WHERE id = \(batchOfA) RETURNING 1) SELECT count(*) FROM d")
        }
        #expect(try await admin.rawCount("SELECT count(*) FROM response WHERE batch_id = \(batchOfA)") == 10)
        #expect(
            try await admin.rawCount(
                "SELECT count(*) FROM information_schema.table_constraints WHERE table_name = 'response' AND constraint_type = 'FOREIGN KEY'"
            ) == 0)
        for store in [a, b, admin] { await store.close() }
    }

    @Test func fourConcurrentLoadersWriteEveryRowOnce() async throws {
        let db = try await Self.database()
        let files = try (0..<4).map { try Self.file("part\($0).csv", province: "01", limit: 40, skip: 40 * $0) }
        let batches = try files.map { try PreparedBatch.read(file: $0, instrument: try Self.instrument) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for batch in batches {
                group.addTask {
                    let store = try await PostgresStore.connect(db.teamA)
                    _ = try await store.load(batch, pieceRows: 7)
                    await store.close()
                }
            }
            try await group.waitForAll()
        }
        let analyst = try await PostgresStore.connect(db.analyst)
        #expect(try await analyst.batches().map(\.accepted) == [40, 40, 40, 40])
        #expect(try await analyst.rawCount("SELECT count(DISTINCT (batch_id, row)) FROM response") == 160)
        #expect(try await analyst.rawCount("SELECT count(DISTINCT respondent_id) FROM response") == 160)
        await analyst.close()
    }
}
