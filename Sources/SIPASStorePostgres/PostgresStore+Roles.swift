import PostgresNIO
import SIPASStore

extension PostgresStore {
    /// Creates (or updates) a team's login role, member of `sipas_team`, and assigns its provinces.
    /// Run as the administrator. Role names: lowercase letters, digits and `_`.
    /// - Throws: ``StoreError/Kind/refused(reason:)`` for a bad role name or when not the administrator.
    public func createTeam(_ role: String, password: String?, provinces: [String]) async throws {
        try Self.checkRoleName(role, store: location)
        try await transaction {
            try await createLogin(role, password: password, group: "sipas_team")
            try await run("GRANT \(role) TO sipas_web")
            try await query("DELETE FROM team_province WHERE team = \(role)")
            try await query("INSERT INTO team_province (team, province) SELECT \(role), unnest(\(provinces)::text[])")
        }
    }

    /// Creates (or updates) an analyst's login role, member of `sipas_analyst` (reads everything).
    public func createAnalyst(_ role: String, password: String?) async throws {
        try Self.checkRoleName(role, store: location)
        try await transaction { try await createLogin(role, password: password, group: "sipas_analyst") }
    }

    /// Creates (or updates) the login role `sipas serve` connects as, member of `sipas_web`: it
    /// keeps the web accounts and sessions and acts for a team or analyst with SET ROLE.
    public func createWebServer(_ role: String, password: String?) async throws {
        try Self.checkRoleName(role, store: location)
        try await transaction { try await createLogin(role, password: password, group: "sipas_web") }
    }

    private func createLogin(_ role: String, password: String?, group: String) async throws {
        let secret = password.map { " PASSWORD '" + $0.replacingOccurrences(of: "'", with: "''") + "'" } ?? ""
        try await run(
            """
            DO $$ BEGIN
              BEGIN CREATE ROLE \(role) LOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END;
            END $$
            """)
        try await run("ALTER ROLE \(role) LOGIN\(secret)")
        try await run("GRANT \(group) TO \(role)")
    }

    /// True for a role name sipas creates and takes: 1 to 63 lowercase letters, digits and `_`, not
    /// starting with a digit.
    public static func isRoleName(_ role: String) -> Bool {
        let allowed = role.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
        }
        return !role.isEmpty && role.count <= 63 && allowed && !("0"..."9").contains(role.unicodeScalars.first!)
    }

    static func checkRoleName(_ role: String, store: String) throws {
        guard isRoleName(role) else {
            throw StoreError(.refused(reason: "role name '\(role)': use lowercase letters, digits and _"), store: store)
        }
    }
}
