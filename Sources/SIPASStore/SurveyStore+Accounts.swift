import Foundation
import GRDB
import SIPASCore

/// An account of `sipas serve`: a survey team member (bound to a team and its province codes), an
/// analyst or an administrator. Only the bcrypt hash of the password is kept.
public struct WebAccount: Hashable, Sendable, Codable {
    public enum Role: String, Sendable, Codable, CaseIterable {
        case team, analyst, admin
    }

    public var id: Int64
    public var name: String
    public var passwordHash: String
    public var role: Role
    /// The team whose batches a team member loads and sees; empty for analysts and administrators.
    public var team: String
    /// Province codes of the team's fieldwork.
    public var provinces: [String]
    public var disabled: Bool
    public var createdAt: String

    public init(
        id: Int64 = 0, name: String, passwordHash: String, role: Role, team: String = "", provinces: [String] = [],
        disabled: Bool = false, createdAt: String = ""
    ) {
        (self.id, self.name, self.passwordHash, self.role, self.team) = (id, name, passwordHash, role, team)
        (self.provinces, self.disabled, self.createdAt) = (provinces, disabled, createdAt)
    }

    /// Sees every team's batches.
    public var seesAllTeams: Bool { role != .team }
}

/// A server-side session: the account, its CSRF token and its times (seconds since 1970).
public struct WebSessionRecord: Hashable, Sendable {
    public var account: WebAccount
    public var csrf: String
    public var createdAt: Double
    public var seenAt: Double

    public init(account: WebAccount, csrf: String, createdAt: Double, seenAt: Double) {
        (self.account, self.csrf, self.createdAt, self.seenAt) = (account, csrf, createdAt, seenAt)
    }

    /// Seconds a session's last-seen time may lag: it is written again only once it is this old.
    public static let seenResolution: Double = 60

    public enum State: Sendable { case expired, seenLongAgo, seenRecently }

    /// Expired (account disabled, older than `absolute`, idle longer than `idle`), or alive and
    /// whether its last-seen time is due to be written.
    public func state(now: Double, idle: Double, absolute: Double) -> State {
        if account.disabled || now - createdAt > absolute || now - seenAt > idle { return .expired }
        return now - seenAt >= Self.seenResolution ? .seenLongAgo : .seenRecently
    }
}

extension SurveyStore {
    /// Adds an account. - Throws: ``StoreError`` with the database's message when the name is taken.
    @discardableResult
    public func addAccount(_ account: WebAccount) async throws -> WebAccount {
        try await BlockingWork.run {
            try self.writeTransaction { db in
                var added = account
                added.createdAt = ISO8601DateFormatter().string(from: Date())
                try db.execute(
                    sql: """
                        INSERT INTO web_user (name, password_hash, role, team, provinces, disabled, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        account.name, account.passwordHash, account.role.rawValue, account.team,
                        account.provinces.joined(separator: ","), account.disabled, added.createdAt,
                    ])
                added.id = db.lastInsertedRowID
                return added
            }
        }
    }

    /// Every account, by name.
    public func accounts() async throws -> [WebAccount] {
        try await BlockingWork.run {
            try self.read { db in try Row.fetchAll(db, sql: "SELECT * FROM web_user ORDER BY name").map(Self.account) }
        }
    }

    /// The account named `name`, or nil.
    public func account(named name: String) async throws -> WebAccount? {
        try await BlockingWork.run {
            try self.read { db in
                try Row.fetchOne(db, sql: "SELECT * FROM web_user WHERE name = ?", arguments: [name]).map(Self.account)
            }
        }
    }

    /// Disables (or enables again) the account named `name` and ends its sessions; false when there is none.
    @discardableResult
    public func setAccount(_ name: String, disabled: Bool) async throws -> Bool {
        try await BlockingWork.run {
            try self.writeTransaction { db in
                try db.execute(sql: "UPDATE web_user SET disabled = ? WHERE name = ?", arguments: [disabled, name])
                guard db.changesCount > 0 else { return false }
                try db.execute(
                    sql: "DELETE FROM web_session WHERE user_id = (SELECT id FROM web_user WHERE name = ?)",
                    arguments: [name])
                return true
            }
        }
    }

    /// Stores a new session; `replacing` (the token hash of the session the browser had) is deleted in
    /// the same transaction, so a login never keeps the old session id alive.
    public func createSession(tokenHash: String, accountID: Int64, csrf: String, now: Double, replacing: String? = nil)
        async throws
    {
        try await BlockingWork.run {
            try self.writeTransaction { db in
                if let replacing {
                    try db.execute(sql: "DELETE FROM web_session WHERE token_hash = ?", arguments: [replacing])
                }
                try db.execute(
                    sql:
                        "INSERT INTO web_session (token_hash, user_id, csrf, created_at, seen_at) VALUES (?, ?, ?, ?, ?)",
                    arguments: [tokenHash, accountID, csrf, now, now])
            }
        }
    }

    /// The live session of `tokenHash` (its account enabled, younger than `absolute` seconds and seen
    /// within `idle` seconds); an expired one is deleted. Its last-seen time moves to `now` once it
    /// is ``WebSessionRecord/seenResolution`` old: most requests only read, and a reader of the
    /// SQLite file never waits for an import holding the write lock.
    public func session(tokenHash: String, now: Double, idle: Double, absolute: Double) async throws
        -> WebSessionRecord?
    {
        try await BlockingWork.run {
            let found = try self.read { db in
                try Row.fetchOne(
                    db,
                    sql: """
                        SELECT u.*, s.csrf AS s_csrf, s.created_at AS s_created, s.seen_at AS s_seen
                        FROM web_session s JOIN web_user u ON u.id = s.user_id WHERE s.token_hash = ?
                        """, arguments: [tokenHash]
                )
                .map {
                    WebSessionRecord(
                        account: Self.account($0), csrf: $0["s_csrf"], createdAt: $0["s_created"], seenAt: $0["s_seen"])
                }
            }
            guard let record = found else { return nil }
            switch record.state(now: now, idle: idle, absolute: absolute) {
            case .expired:
                try self.writeTransaction { db in
                    try db.execute(sql: "DELETE FROM web_session WHERE token_hash = ?", arguments: [tokenHash])
                }
                return nil
            case .seenLongAgo:
                try self.writeTransaction { db in
                    try db.execute(
                        sql: "UPDATE web_session SET seen_at = ? WHERE token_hash = ?", arguments: [now, tokenHash])
                }
            case .seenRecently: break
            }
            return record
        }
    }

    /// Deletes a session (logout).
    public func deleteSession(tokenHash: String) async throws {
        try await BlockingWork.run {
            try self.writeTransaction { db in
                try db.execute(sql: "DELETE FROM web_session WHERE token_hash = ?", arguments: [tokenHash])
            }
        }
    }

    /// Answers a trivial query: the store is open and readable (`GET /health`).
    public func ping() throws {
        _ = try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM batch") }
    }

    private static func account(_ row: Row) -> WebAccount {
        let provinces: String = row["provinces"]
        return WebAccount(
            id: row["id"], name: row["name"], passwordHash: row["password_hash"],
            role: WebAccount.Role(rawValue: row["role"]) ?? .team, team: row["team"],
            provinces: provinces.split(separator: ",").map(String.init), disabled: row["disabled"],
            createdAt: row["created_at"])
    }
}
