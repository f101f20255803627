import Foundation
import Logging
import PostgresNIO
import SIPASStore

/// The survey store on a PostgreSQL server, for many teams loading at once.
///
/// Same batches, responses and rejections as ``SurveyStore`` (SQLite); who may touch what is
/// enforced by the server (roles and row-level security, ``PostgresSchema``). One connection,
/// used by one task at a time.
///
/// ```swift
/// let store = try await PostgresStore.connect("postgres://team_hn:secret@127.0.0.1:5432/sipas")
/// let outcome = try await store.load(batch)
/// try await store.close()
/// ```
public final class PostgresStore: Sendable {
    /// The URL without its password, for messages.
    public let location: String
    let connection: PostgresConnection
    let logger: Logger

    private init(location: String, connection: PostgresConnection, logger: Logger) {
        self.location = location
        self.connection = connection
        self.logger = logger
    }

    /// True for `postgres://` and `postgresql://` URLs.
    public static func isURL(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// Connects to `url` (`postgres://user:password@host:port/database`, TLS off, for loopback and
    /// private networks) and, when `migrate`, brings the schema up to date (as the administrator).
    /// A `?role=NAME` parameter makes the session take that role (`SET ROLE`) once connected: the
    /// web server's login role (a member of `sipas_web`) reads survey data only so, as `sipas_analyst`.
    /// - Throws: ``StoreError`` (``StoreError/Kind/cannotOpen(reason:)`` when the server cannot be
    ///   reached, or the role is not a plain identifier or not granted).
    public static func connect(_ url: String, migrate: Bool = false) async throws -> PostgresStore {
        guard let parts = URLComponents(string: url), let host = parts.host, let user = parts.user else {
            throw StoreError(.cannotOpen(reason: "not a postgres://user@host/database URL"), store: url)
        }
        var shown = parts
        if shown.password != nil { shown.password = "***" }
        shown.queryItems = nil
        let location = shown.string ?? url
        let database = parts.path.hasPrefix("/") ? String(parts.path.dropFirst()) : parts.path
        let configuration = PostgresConnection.Configuration(
            host: host, port: parts.port ?? 5432, username: user, password: parts.password,
            database: database.isEmpty ? user : database, tls: .disable
        )
        var logger = Logger(label: "sipas.store.postgres")
        logger.logLevel = .critical
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
        } catch {
            throw translate(error, store: location, opening: true)
        }
        let store = PostgresStore(location: location, connection: connection, logger: logger)
        if let role = parts.queryItems?.first(where: { $0.name == "role" })?.value {
            guard role.range(of: "^[a-z_][a-z0-9_]*$", options: .regularExpression) != nil else {
                try? await connection.close()
                throw StoreError(.cannotOpen(reason: "role '\(role)' is not a lowercase identifier"), store: location)
            }
            do { try await store.run("SET ROLE \(role)") } catch {
                try? await connection.close()
                throw error
            }
        }
        if migrate { try await store.migrate() }
        return store
    }

    /// Closes the connection, waiting at most `seconds`: postgres-nio's close was seen waiting for
    /// ever on a connection the server had just terminated (once, under load), which left the
    /// command hanging instead of reporting the lost connection. The process ends soon after, and
    /// the socket with it.
    public func close(seconds: Double = 5) async {
        let connection = self.connection
        try? await withCheckedThrowingContinuation { (done: CheckedContinuation<Void, any Error>) in
            let once = ResumeOnce(done)
            Task {
                try? await connection.close()
                once.resume(.success(()))
            }
            Task {
                try? await Task.sleep(nanoseconds: UInt64(seconds * 1e9))
                once.resume(.success(()))
            }
        }
    }

    /// Runs the pending migrations in one transaction, under an advisory lock so that several
    /// administrators' processes do not race.
    public func migrate() async throws {
        try await transaction {
            try await run("SELECT pg_advisory_xact_lock(7270001)")
            try await run("CREATE TABLE IF NOT EXISTS sipas_migrations (identifier text PRIMARY KEY)")
            var applied: Set<String> = []
            for try await id in try await query("SELECT identifier FROM sipas_migrations").decode(String.self) {
                applied.insert(id)
            }
            for migration in PostgresSchema.migrations where !applied.contains(migration.id) {
                for statement in migration.sql { try await run(statement) }
                try await query("INSERT INTO sipas_migrations (identifier) VALUES (\(migration.id))")
            }
        }
    }

    // MARK: - Plumbing

    @discardableResult
    func query(_ query: PostgresQuery) async throws -> PostgresRowSequence {
        do {
            return try await connection.query(query, logger: logger)
        } catch {
            throw Self.translate(error, store: location)
        }
    }

    func run(_ sql: String) async throws {
        try await query(PostgresQuery(unsafeSQL: sql))
    }

    /// Runs `body` between BEGIN and COMMIT; ROLLBACK when it throws.
    func transaction<T>(_ body: () async throws -> T) async throws -> T {
        try await run("BEGIN")
        do {
            let value = try await body()
            try await run("COMMIT")
            return value
        } catch {
            // A lost connection took its transaction with it; a ROLLBACK sent into it as it closes
            // may never be answered.
            if error is PSQLError, case .connectionLost = Self.translate(error, store: location).kind { throw error }
            _ = try? await connection.query("ROLLBACK", logger: logger)
            throw error
        }
    }

    /// A server or connection error as a ``StoreError``.
    static func translate(_ error: any Error, store: String, opening: Bool = false) -> StoreError {
        if let error = error as? StoreError { return error }
        guard let error = error as? PSQLError else {
            return StoreError(
                opening
                    ? .cannotOpen(reason: String(describing: error))
                    : .connectionLost(reason: String(describing: error)), store: store)
        }
        if error.code == .server, let info = error.serverInfo {
            let state = info[.sqlState] ?? ""
            let message = info[.message] ?? state
            switch state {
            case "42501": return StoreError(.refused(reason: message), store: store)
            case "53100": return StoreError(.diskFull, store: store)
            case "55P03", "40P01": return StoreError(.locked(seconds: 0), store: store)
            case "28P01", "28000", "3D000": return StoreError(.cannotOpen(reason: message), store: store)
            case "57P01", "57P02", "57P03":  // the backend was terminated, the server crashed or is shutting down
                return StoreError(
                    opening ? .cannotOpen(reason: message) : .connectionLost(reason: message), store: store)
            case _ where state.hasPrefix("08"):  // connection exception
                return StoreError(
                    opening ? .cannotOpen(reason: message) : .connectionLost(reason: message), store: store)
            default:
                return StoreError(
                    .database(code: Int(state, radix: 36) ?? -1, message: "\(state) \(message)"), store: store)
            }
        }
        let reason = String(describing: error.code)
        return StoreError(opening ? .cannotOpen(reason: reason) : .connectionLost(reason: reason), store: store)
    }
}

/// Resumes a continuation the first time ``resume(_:)`` is called, from any thread.
final class ResumeOnce<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<T, any Error>?

    init(_ continuation: CheckedContinuation<T, any Error>) { self.continuation = continuation }

    func resume(_ result: Result<T, any Error>) {
        lock.lock()
        let pending = continuation
        continuation = nil
        lock.unlock()
        pending?.resume(with: result)
    }
}
