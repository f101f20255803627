import Foundation
import SIPASCore
import SIPASStore
import SIPASTestSupport
import Testing

@testable import SIPASStorePostgres

/// The PostgreSQL store as `sipas serve` uses it (``SurveyStoring`` over a ``PostgresStorePool``
/// logged in as a member of `sipas_web`): each call acts as a team's role or `sipas_analyst`, and
/// the server's row-level security, not the application, keeps a team to its own batches.
@Suite(.serialized) struct PostgresStoreStoringTests {
    /// A migrated database with teams a (province 01) and b (province 02) and a web server role;
    /// returns the web role's URL, the team role names and the administrator's URL.
    static func database() async throws -> (web: String, a: String, b: String, admin: String) {
        let db = try await PostgresStoreTests.database()
        let suffix = String(db.admin.suffix(8))
        let admin = try await PostgresStore.connect(db.admin)
        try await admin.createWebServer("web_\(suffix)", password: nil)
        await admin.close()
        return (PostgresTestServer.url(db.admin, as: "web_\(suffix)"), "a_\(suffix)", "b_\(suffix)", db.admin)
    }

    @Test func aTeamSeesOnlyItsBatchesThroughRowLevelSecurity() async throws {
        let db = try await Self.database()
        let pool = try await PostgresStorePool.connect(db.web, size: 2)
        let instrument = try PostgresStoreTests.instrument
        let fileA = try PostgresStoreTests.file("a.csv", province: "01", limit: 30)
        let fileB = try PostgresStoreTests.file("b.csv", province: "02", limit: 20)
        guard
            case .loaded(let batchA, nil, _, _) = try await pool.importFile(
                fileA, instrument: instrument, name: "a.csv", replace: false, as: .team(db.a)),
            case .loaded(let batchB, nil, _, _) = try await pool.importFile(
                fileB, instrument: instrument, name: "b.csv", replace: false, as: .team(db.b))
        else {
            Issue.record("not loaded")
            return
        }
        #expect(batchA.team == db.a && batchB.team == db.b)
        #expect(try await pool.batches(as: .team(db.a)).map(\.id) == [batchA.id])
        #expect(try await pool.batches(as: .analyst).map(\.id) == [batchA.id, batchB.id])
        #expect(try await pool.responseCount(as: .team(db.a)) == 30)
        #expect(try await pool.responseCount(as: .analyst) == 50)
        await #expect(throws: StoreError.self) { try await pool.rejections(of: batchB, as: .team(db.a)) }
        // The same file again is stored once; team A may not load team B's province.
        if case .alreadyLoaded = try await pool.importFile(
            fileA, instrument: instrument, name: "a.csv", replace: false, as: .team(db.a))
        {
        } else {
            Issue.record("the same file was loaded twice")
        }
        await #expect(throws: StoreError.self) {
            try await pool.importFile(fileB, instrument: instrument, name: "b2.csv", replace: false, as: .team(db.a))
        }
        let summary = try await pool.select(ResponseSelection(), as: .team(db.a))
        #expect(summary.batches.map(\.id) == [batchA.id])
        let rows = try await pool.reduceRecords(
            in: summary, year: nil, layout: instrument.recordLayout, as: .team(db.a), into: 0
        ) { n, _ in n += 1 }
        #expect(rows == 30)

        // Bypassing the application: SQL of the caller's choosing, as team A's role, finds nothing of B.
        let store = try await PostgresStore.connect(db.web)
        let asA = try await store.acting(as: .team(db.a)) {
            (
                try await store.rawCount("SELECT count(*) FROM batch WHERE id = \(batchB.id)"),
                try await store.rawCount("SELECT count(*) FROM response WHERE batch_id = \(batchB.id)"),
                try await store.rawCount("SELECT count(*) FROM rejection WHERE batch_id = \(batchB.id)")
                    + (try await store.rawCount("SELECT count(*) FROM response_block WHERE batch_id = \(batchB.id)"))
            )
        }
        #expect(asA.0 == 0 && asA.1 == 0 && asA.2 == 0)
        let asAnalyst = try await store.acting(as: .analyst) {
            try await store.rawCount("SELECT count(*) FROM response WHERE batch_id = \(batchB.id)")
        }
        #expect(asAnalyst == 20)
        // Without a team's role the web server's own login reads no survey data at all, and takes back its role after each call.
        await #expect(throws: StoreError.self) { try await store.rawCount("SELECT count(*) FROM batch") }
        await #expect(throws: StoreError.self) { try await store.acting(as: .team("a; DROP TABLE batch")) { 0 } }
        await store.close()
        await pool.close()
    }
}
