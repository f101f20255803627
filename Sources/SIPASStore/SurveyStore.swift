import Foundation
import GRDB
import SIPASCore

/// How a store file is opened.
public struct StoreOptions: Sendable {
    /// How long to wait for another process's transaction before failing with ``StoreError/Kind/locked(seconds:)``.
    public var busyTimeout: Double
    /// A size limit in units of 4 KiB (turned into pages of the store's own size), for tests of a
    /// full disk; nil for none.
    public var maxPageCount: Int?

    public init(busyTimeout: Double = 300, maxPageCount: Int? = nil) {
        self.busyTimeout = busyTimeout
        self.maxPageCount = maxPageCount
    }
}

/// The embedded survey store: one SQLite file (GRDB), safe for several `sipas import` processes at
/// once. Each batch is written in one IMMEDIATE transaction, so a batch is either complete or
/// absent, whatever happens to the process; with `synchronous = FULL` a batch reported as written
/// survives a power cut.
///
/// A new store uses SQLite's rollback journal with 64 KiB pages; a store made in WAL mode (before
/// these settings) keeps WAL and its page size, and works the same. Why not WAL: a load is one large
/// transaction of new pages, which WAL writes twice (to the log, then to the file at the
/// checkpoint, with a sync each), while the rollback journal writes them once: pages beyond the
/// file's old end have no old content to save. What WAL would add is readers during a write; here
/// a reader (an analysis) waits, up to the busy timeout, while a load commits or spills its cache,
/// and a load waits for the readers in progress, as importers already wait for each other.
///
/// ```swift
/// let store = try SurveyStore(path: "sipas.db")
/// let batch = try PreparedBatch.read(file: url, instrument: instrument, team: "ha-noi")
/// let outcome = try store.load(batch)
/// ```
public final class SurveyStore: Sendable {
    public let path: String
    let queue: DatabaseQueue
    let options: StoreOptions

    /// Opens (creating if needed) the store at `path` and brings its schema up to date.
    /// - Throws: ``StoreError`` (``StoreError/Kind/cannotOpen(reason:)`` for a bad path or a file that is not a store).
    public init(path: String, options: StoreOptions = .init()) throws {
        self.path = path
        self.options = options
        var configuration = Configuration()
        // The journal mode is the file's own: a new file gets the rollback journal (see above),
        // a WAL store stays WAL.
        configuration.journalMode = .default
        configuration.busyMode = .timeout(options.busyTimeout)
        configuration.label = "sipas-store"
        let pages = options.maxPageCount
        configuration.prepareDatabase { db in
            // Only a new, empty file takes it (a store keeps the page size it was made with). 64 KiB
            // pages: a million-row batch is 16 times fewer pages to allocate, write and read back,
            // and as many fewer system calls.
            try db.execute(sql: "PRAGMA page_size = \(Self.newPageSize)")
            // 64 MiB of page cache: a 250 000-row batch keeps the respondent index's pages in memory.
            try db.execute(sql: "PRAGMA cache_size = -65536")
            if let pages {
                let size = try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 4096
                try db.execute(sql: "PRAGMA max_page_count = \(max(1, (pages * 4096 + size - 1) / size))")
            }
        }
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
            // FULL (SQLite's default, said explicitly): the journal and the file (or, on a WAL store,
            // the log) are synced at each commit, so a batch reported as written survives a power
            // cut, not only a crash of the process. One batch is one transaction: a few syncs per batch.
            try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") }
        } catch {
            throw Self.translate(error, store: path, options: options, opening: true)
        }
        try migrate()
    }

    /// Page size of a new store file.
    static let newPageSize = 65536

    /// Runs the migrations. Several processes may open a new store at once: a process that loses
    /// the race sees the winner's migration applied on its next try.
    private func migrate() throws {
        var attempt = 0
        while true {
            do {
                try StoreSchema.migrator.migrate(queue)
                return
            } catch {
                attempt += 1
                if attempt >= 3 { throw Self.translate(error, store: path, options: options, opening: true) }
            }
        }
    }

    /// Runs `body` in one write transaction that takes the write lock at once (`BEGIN IMMEDIATE`).
    /// With `checkingForeignKeys: false` the connection's foreign key checks are off for the
    /// transaction (SQLite only changes them outside one) and back as they were after it: for a
    /// body whose rows reference a parent it has just written itself.
    func writeTransaction<T>(checkingForeignKeys: Bool = true, _ body: (Database) throws -> T) throws -> T {
        do {
            return try queue.writeWithoutTransaction { db in
                let checked = try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") ?? false
                if checked && !checkingForeignKeys { try db.execute(sql: "PRAGMA foreign_keys = OFF") }
                defer { if checked && !checkingForeignKeys { try? db.execute(sql: "PRAGMA foreign_keys = ON") } }
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                return result!
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw Self.translate(error, store: path, options: options)
        }
    }

    /// Runs `body` on a consistent snapshot of the store.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try queue.read(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw Self.translate(error, store: path, options: options)
        }
    }

    /// A database error as a ``StoreError``: locked, full, cannot open, refused, or the database's own message.
    static func translate(_ error: any Error, store: String, options: StoreOptions, opening: Bool = false) -> StoreError
    {
        guard let error = error as? DatabaseError else {
            return StoreError(.database(code: -1, message: String(describing: error)), store: store)
        }
        let message = error.message ?? "\(error.resultCode)"
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: return StoreError(.locked(seconds: options.busyTimeout), store: store)
        case .SQLITE_FULL: return StoreError(.diskFull, store: store)
        case .SQLITE_CANTOPEN, .SQLITE_NOTADB: return StoreError(.cannotOpen(reason: message), store: store)
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_AUTH: return StoreError(.refused(reason: message), store: store)
        case .SQLITE_IOERR:
            if opening { return StoreError(.cannotOpen(reason: message), store: store) }
            return StoreError(.database(code: Int(error.extendedResultCode.rawValue), message: message), store: store)
        default:
            return StoreError(.database(code: Int(error.extendedResultCode.rawValue), message: message), store: store)
        }
    }
}

extension SurveyStore {
    /// Holds the write lock while `body` runs (for tests of a locked store).
    public func writeTransactionForTesting(_ body: () throws -> Void) throws {
        try writeTransaction { _ in try body() }
    }
}
