import Foundation
import SIPASStore
import SIPASTestSupport
import Testing

@testable import SIPASStorePostgres

/// Accounts and sessions of `sipas serve` in the PostgreSQL store, read and written by the web
/// server's login (a member of `sipas_web`) through a pool, with the SQLite store's rules.
@Suite(.serialized) struct PostgresStoreAccountsTests {
    @Test func webAccountsAndSessionsFollowTheSQLiteRules() async throws {
        let db = try await PostgresStoreStoringTests.database()
        let pool = try await PostgresStorePool.connect(db.web, size: 2)
        let lan = try await pool.addAccount(
            WebAccount(name: "lan", passwordHash: "h", role: .team, team: db.a, provinces: ["01", "24"]))
        await #expect(throws: StoreError.self) {
            try await pool.addAccount(WebAccount(name: "lan", passwordHash: "h", role: .admin))
        }
        #expect(try await pool.account(named: "lan")?.provinces == ["01", "24"])
        #expect(try await pool.account(named: "nobody") == nil)
        try await pool.createSession(tokenHash: "s1", accountID: lan.id, csrf: "c1", now: 1000, replacing: nil)
        #expect(try await pool.session(tokenHash: "s1", now: 1500, idle: 600, absolute: 3600)?.csrf == "c1")
        #expect(try await pool.session(tokenHash: "s1", now: 2101, idle: 600, absolute: 3600) == nil)
        #expect(try await pool.session(tokenHash: "s1", now: 2000, idle: 600, absolute: 3600) == nil)
        try await pool.createSession(tokenHash: "s2", accountID: lan.id, csrf: "c2", now: 0, replacing: nil)
        try await pool.createSession(tokenHash: "s3", accountID: lan.id, csrf: "c3", now: 1, replacing: "s2")
        #expect(try await pool.session(tokenHash: "s2", now: 2, idle: 600, absolute: 3600) == nil)
        #expect(try await pool.session(tokenHash: "s3", now: 2, idle: 600, absolute: 3600)?.account.team == db.a)
        // Seen 30 s after creation: not written (under WebSessionRecord.seenResolution), so idle time runs from creation.
        try await pool.createSession(tokenHash: "s4", accountID: lan.id, csrf: "c4", now: 0, replacing: nil)
        #expect(try await pool.session(tokenHash: "s4", now: 30, idle: 600, absolute: 3600) != nil)
        #expect(try await pool.session(tokenHash: "s4", now: 601, idle: 600, absolute: 3600) == nil)
        #expect(try await pool.setAccount("lan", disabled: true))
        #expect(try await pool.session(tokenHash: "s3", now: 3, idle: 600, absolute: 3600) == nil)
        #expect(try await !pool.setAccount("nobody", disabled: true))
        await pool.close()
    }
}
