import Foundation
import SIPASCore
import SIPASStore

/// Where a command's store is, given as `--store`: a `postgres://` or `postgresql://` URL names a
/// PostgreSQL server (``PostgresStore``), anything else a SQLite file (``SurveyStore``). This is
/// the one place that tells the two apart; the commands work on the ``SurveyStoring`` it opens.
public enum StoreLocation {
    /// True when `location` names a PostgreSQL server.
    public static func isPostgres(_ location: String) -> Bool {
        PostgresStore.isURL(location)
    }

    /// Whether the store at `location` hands out its responses as records, which calibration needs:
    /// a PostgreSQL store returns sums per stratum × PSU × breakdown group
    /// (``SurveyStoring/cells(in:year:layout:groupAttributes:satisfied:excluded:as:)``), not per calibration cell.
    public static func readsRecords(_ location: String) -> Bool {
        !isPostgres(location)
    }

    /// Opens the store at `location`: a SQLite file (created when absent, unless `existing`), or a
    /// connection to the PostgreSQL server (a pool of `connections` when more than one), its
    /// schema left as it is. The caller closes it.
    /// - Throws: ``StoreError`` (``StoreError/Kind/cannotOpen(reason:)`` for a file that is absent
    ///   when `existing`, a file that is not a store, or a server that cannot be reached).
    package static func open(
        _ location: String, existing: Bool = false, connections: Int = 1,
        language: Language = .vi
    ) async throws -> any SurveyStoring {
        if isPostgres(location) {
            if connections > 1 { return try await PostgresStorePool.connect(location, size: connections) }
            return try await PostgresStore.connect(location)
        }
        if existing, !FileManager.default.fileExists(atPath: location) {
            throw StoreError(
                .cannotOpen(reason: StoreMessage.noSuchFile.text(language)), store: location)
        }
        return try SurveyStore(path: location)
    }

    /// Opens the SQLite store at `location` (created when absent) for what only a SQLite store does
    /// (new weights for a batch, `design weights --store`).
    /// - Throws: ``StoreError/Kind/cannotOpen(reason:)`` for a PostgreSQL URL.
    public static func openSQLite(_ location: String, language: Language) throws -> SurveyStore {
        if isPostgres(location) {
            throw StoreError(
                .cannotOpen(reason: StoreMessage.sqliteOnly.text(language)), store: location)
        }
        return try SurveyStore(path: location)
    }

    /// Runs `body` on the store at `location` (``open(_:existing:connections:language:)``) and closes
    /// it, also when `body` throws.
    package static func with<T>(
        _ location: String, existing: Bool = false, language: Language = .vi,
        _ body: (any SurveyStoring) async throws -> T
    ) async throws -> T {
        let store = try await open(location, existing: existing, language: language)
        do {
            let value = try await body(store)
            await store.close()
            return value
        } catch {
            await store.close()
            throw error
        }
    }
}
