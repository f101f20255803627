import Foundation
import SIPASTestSupport
import Testing

@testable import SIPASStore

@Suite("Web accounts and sessions in the store")
struct SurveyStoreAccountsTests {
    static func store() throws -> SurveyStore {
        try SurveyStore(path: try Fixtures.temporaryDirectory().appendingPathComponent("s.db").path)
    }

    @Test("accounts are added once per name, listed by name, with team and provinces")
    func accounts() async throws {
        let store = try Self.store()
        let added = try await store.addAccount(
            WebAccount(name: "lan", passwordHash: "$2b$10$x", role: .team, team: "bac-giang", provinces: ["24", "19"]))
        try await store.addAccount(WebAccount(name: "an", passwordHash: "$2b$10$y", role: .analyst))
        await #expect(throws: StoreError.self) {
            try await store.addAccount(WebAccount(name: "lan", passwordHash: "h", role: .admin))
        }
        #expect(try await store.accounts().map(\.name) == ["an", "lan"])
        let lan = try #require(try await store.account(named: "lan"))
        #expect(lan.id == added.id)
        #expect(lan.provinces == ["24", "19"])
        #expect(lan.team == "bac-giang")
        #expect(!lan.seesAllTeams)
        #expect(try await store.account(named: "nobody") == nil)
    }

    @Test("a session lives until idle or absolute expiry; login replaces the old one; disabling ends them")
    func sessions() async throws {
        let store = try Self.store()
        let lan = try await store.addAccount(WebAccount(name: "lan", passwordHash: "h", role: .team, team: "t"))
        try await store.createSession(tokenHash: "s1", accountID: lan.id, csrf: "c1", now: 1000)
        #expect(try await store.session(tokenHash: "s1", now: 1500, idle: 600, absolute: 3600)?.csrf == "c1")
        // Seen at 1500, then at 2000 (500 s idle); gone at 2601 (601 s idle), and deleted.
        #expect(try await store.session(tokenHash: "s1", now: 2000, idle: 600, absolute: 3600) != nil)
        #expect(try await store.session(tokenHash: "s1", now: 2601, idle: 600, absolute: 3600) == nil)
        #expect(try await store.session(tokenHash: "s1", now: 2000, idle: 600, absolute: 3600) == nil)

        try await store.createSession(tokenHash: "s2", accountID: lan.id, csrf: "c2", now: 0)
        #expect(try await store.session(tokenHash: "s2", now: 3601, idle: 4000, absolute: 3600) == nil)

        try await store.createSession(tokenHash: "s3", accountID: lan.id, csrf: "c3", now: 0)
        try await store.createSession(tokenHash: "s4", accountID: lan.id, csrf: "c4", now: 1, replacing: "s3")
        #expect(try await store.session(tokenHash: "s3", now: 2, idle: 600, absolute: 3600) == nil)
        #expect(try await store.session(tokenHash: "s4", now: 2, idle: 600, absolute: 3600)?.account.name == "lan")

        // Seen 30 s after creation: not written (under WebSessionRecord.seenResolution), so idle time runs from creation.
        try await store.createSession(tokenHash: "s5", accountID: lan.id, csrf: "c5", now: 0)
        #expect(try await store.session(tokenHash: "s5", now: 30, idle: 600, absolute: 3600) != nil)
        #expect(try await store.session(tokenHash: "s5", now: 601, idle: 600, absolute: 3600) == nil)

        #expect(try await store.setAccount("lan", disabled: true))
        #expect(try await store.session(tokenHash: "s4", now: 3, idle: 600, absolute: 3600) == nil)
        #expect(try await !store.setAccount("nobody", disabled: true))
    }
}
