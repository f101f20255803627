import Foundation
import PostgresNIO
import SIPASStore

/// Accounts and sessions of `sipas serve` in the PostgreSQL store (tables `web_user` and
/// `web_session`, migration v3), with the SQLite store's rules (``SurveyStore``).
extension PostgresStore {
    @discardableResult
    public func addAccount(_ account: WebAccount) async throws -> WebAccount {
        var added = account
        added.createdAt = ISO8601DateFormatter().string(from: Date())
        let rows = try await query(
            """
            INSERT INTO web_user (name, password_hash, role, team, provinces, disabled, created_at)
            VALUES (\(account.name), \(account.passwordHash), \(account.role.rawValue), \(account.team),
                    \(account.provinces.joined(separator: ",")), \(account.disabled), \(added.createdAt)) RETURNING id
            """)
        try await translatingErrors { for try await id in rows.decode(Int64.self) { added.id = id } }
        return added
    }

    public func accounts() async throws -> [WebAccount] {
        try await accounts(where: "true", [])
    }

    public func account(named name: String) async throws -> WebAccount? {
        try await accounts(where: "name = $1", [name]).first
    }

    @discardableResult
    public func setAccount(_ name: String, disabled: Bool) async throws -> Bool {
        try await translatingErrors {
            try await transaction {
                var changed = false
                for try await id in try await query(
                    "UPDATE web_user SET disabled = \(disabled) WHERE name = \(name) RETURNING id"
                ).decode(Int64.self) {
                    changed = true
                    try await query("DELETE FROM web_session WHERE user_id = \(id)")
                }
                return changed
            }
        }
    }

    public func createSession(tokenHash: String, accountID: Int64, csrf: String, now: Double, replacing: String?)
        async throws
    {
        try await transaction {
            if let replacing { try await query("DELETE FROM web_session WHERE token_hash = \(replacing)") }
            try await query(
                """
                INSERT INTO web_session (token_hash, user_id, csrf, created_at, seen_at)
                VALUES (\(tokenHash), \(accountID), \(csrf), \(now), \(now))
                """)
        }
    }

    public func session(tokenHash: String, now: Double, idle: Double, absolute: Double) async throws
        -> WebSessionRecord?
    {
        try await translatingErrors {
            var match: (Int64, String, Double, Double)?
            let rows = try await query(
                "SELECT user_id, csrf, created_at, seen_at FROM web_session WHERE token_hash = \(tokenHash)")
            for try await row in rows.decode((Int64, String, Double, Double).self) { match = row }
            guard let match, let account = try await accounts(where: "id = $1::bigint", [String(match.0)]).first else {
                return nil
            }
            let record = WebSessionRecord(account: account, csrf: match.1, createdAt: match.2, seenAt: match.3)
            switch record.state(now: now, idle: idle, absolute: absolute) {
            case .expired:
                try await query("DELETE FROM web_session WHERE token_hash = \(tokenHash)")
                return nil
            case .seenLongAgo:
                try await query("UPDATE web_session SET seen_at = \(now) WHERE token_hash = \(tokenHash)")
            case .seenRecently: break
            }
            return record
        }
    }

    public func deleteSession(tokenHash: String) async throws {
        try await query("DELETE FROM web_session WHERE token_hash = \(tokenHash)")
    }

    private func accounts(where condition: String, _ arguments: [String]) async throws -> [WebAccount] {
        var binds = PostgresBindings()
        for argument in arguments { binds.append(argument, context: .default) }
        let sql = """
            SELECT id, name, password_hash, role, team, provinces, disabled, created_at FROM web_user WHERE \(condition) ORDER BY name
            """
        var found: [WebAccount] = []
        let rows = try await query(PostgresQuery(unsafeSQL: sql, binds: binds))
        try await translatingErrors {
            for try await (id, name, hash, role, team, provinces, disabled, created)
                in rows.decode((Int64, String, String, String, String, String, Bool, String).self)
            {
                found.append(
                    WebAccount(
                        id: id, name: name, passwordHash: hash, role: WebAccount.Role(rawValue: role) ?? .team,
                        team: team,
                        provinces: provinces.split(separator: ",").map(String.init), disabled: disabled,
                        createdAt: created))
            }
        }
        return found
    }

    /// Runs `body`, a server error met while reading rows as a ``StoreError`` (as ``query(_:)`` does
    /// for errors met when sending).
    private func translatingErrors<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch { throw Self.translate(error, store: location) }
    }
}
