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

/// The embedded survey store: one SQLite file (GRDB) in WAL mode, safe for several `sipas import`
/// processes at once. Each batch is written in one IMMEDIATE transaction, so a batch is either
/// complete or absent, whatever happens to the process.
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
        configuration.journalMode = .wal
        configuration.busyMode = .timeout(options.busyTimeout)
        configuration.label = "sipas-store"
        let pages = options.maxPageCount
        configuration.prepareDatabase { db in
            // Only a new, empty file takes it (before GRDB turns WAL on; a store keeps the page size
            // it was made with). 64 KiB pages: a million-row batch is 16 times fewer pages to
            // allocate, log, checkpoint and read back, and as many fewer system calls.
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
            // GRDB sets synchronous = NORMAL with WAL; FULL also syncs the WAL at each commit, so a
            // batch reported as written survives a power cut, not only a crash of the process. One
            // batch is one transaction, so this is one fsync per batch, and the checkpoint that
            // follows a large batch syncs the WAL anyway: NORMAL would save nothing measurable.
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
    func writeTransaction<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try queue.writeWithoutTransaction { db in
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
    static func translate(_ error: any Error, store: String, options: StoreOptions, opening: Bool = false) -> StoreError {
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
