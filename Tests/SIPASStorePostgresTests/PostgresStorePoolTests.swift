import Foundation
import SIPASStore
import SIPASTestSupport
import Testing

@testable import SIPASStorePostgres

/// The connection pool of `sipas serve`: concurrent calls as different roles share a few
/// connections, and none sees another call's role.
@Suite(.serialized) struct PostgresStorePoolTests {
    @Test func concurrentCallsKeepTheirOwnRoleOnAtMostSizeConnections() async throws {
        let db = try await PostgresStoreStoringTests.database()
        let pool = try await PostgresStorePool.connect(db.web, size: 2)
        let instrument = try PostgresStoreTests.instrument
        _ = try await pool.importFile(
            try PostgresStoreTests.file("a.csv", province: "01", limit: 10), instrument: instrument, name: "a",
            replace: false, as: .team(db.a))
        _ = try await pool.importFile(
            try PostgresStoreTests.file("b.csv", province: "02", limit: 10), instrument: instrument, name: "b",
            replace: false, as: .team(db.b))
        let roles: [StoreRole] = (0..<18).map { [.team(db.a), .team(db.b), .analyst][$0 % 3] }
        let seen = try await withThrowingTaskGroup(of: (StoreRole, [String]).self) { group in
            for role in roles { group.addTask { (role, try await pool.batches(as: role).map(\.team)) } }
            var seen: [(StoreRole, [String])] = []
            for try await result in group { seen.append(result) }
            return seen
        }
        #expect(seen.count == 18)
        for (role, teams) in seen {
            switch role {
            case .team(let team): #expect(teams == [team])
            case .analyst: #expect(teams == [db.a, db.b])
            case .connected: Issue.record("no call was made as the connected role")
            }
        }
        let web = String(URLComponents(string: db.web)!.user!)
        let connections = try PostgresTestServer.psqlValue(
            db.admin, "SELECT count(*) FROM pg_stat_activity WHERE usename = '\(web)'")
        #expect(connections == "2")
        await pool.close()
    }
}
