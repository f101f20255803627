import Foundation
import SIPASCore
import SIPASInstruments

/// Whose view of the survey data a store call takes.
public enum StoreRole: Hashable, Sendable {
    /// A survey team: its own batches only. On PostgreSQL the call runs as the team's login role,
    /// so row-level security, not only the application, holds it to them.
    case team(String)
    /// Analysts and administrators: every team's batches (PostgreSQL role `sipas_analyst`).
    case analyst

    /// True when the role may see `batch`.
    public func sees(_ batch: BatchInfo) -> Bool {
        switch self {
        case .team(let team): return batch.team == team
        case .analyst: return true
        }
    }
}

extension WebAccount {
    /// The store role this account reads and loads as.
    public var storeRole: StoreRole {
        switch role {
        case .team: return .team(team)
        case .analyst, .admin: return .analyst
        }
    }
}

/// What `sipas serve` needs of a survey store, whatever holds it: a SQLite file (``SurveyStore``)
/// or a PostgreSQL server (`PostgresStore`, `PostgresStorePool` in SIPASStorePostgres).
///
/// Every call on survey data names the ``StoreRole`` it acts for. Calls never block the caller's
/// thread: a SQLite store does its work on a dispatch queue.
public protocol SurveyStoring: AnyObject, Sendable {
    /// Where the store is, without secrets (a path or a URL without its password).
    var location: String { get }

    /// Answers a trivial query (`GET /health`).
    func health() async throws

    /// Closes the connections (nothing for SQLite).
    func close() async

    /// The batches the role may see, in load order.
    func batches(as role: StoreRole) async throws -> [BatchInfo]

    /// The rejected rows of a batch the role may see, with the file's header.
    /// - Throws: ``StoreError/Kind/noSuchBatch(_:)`` when the role may not see it.
    func rejections(of batch: BatchInfo, as role: StoreRole) async throws -> (header: [String], rows: [StoredRejection])

    /// Loads a file as one batch named `name`, all or nothing: the same file again is
    /// ``LoadOutcome/alreadyLoaded(_:)``, another file under a name in force needs `replace`.
    func importFile(_ file: URL, instrument: Instrument, name: String, replace: Bool, as role: StoreRole) async throws -> LoadOutcome

    /// Responses stored in the batches in force the role may see (progress counts).
    func responseCount(as role: StoreRole) async throws -> Int

    /// The batches in force of `selection` that the role may see, and their instrument.
    func select(_ selection: ResponseSelection, as role: StoreRole) async throws -> SelectionSummary

    /// Folds every response of `selection` (in batch then row order) into `initial` with `add`:
    /// the input of an analysis.
    func reduceRecords<State: Sendable>(in selection: SelectionSummary, year: Int?, layout: RecordLayout, as role: StoreRole,
                                        into initial: State,
                                        _ add: @escaping @Sendable (inout State, ResponseRecord) throws -> Void) async throws -> State

    // MARK: Accounts and sessions of `sipas serve`

    @discardableResult
    func addAccount(_ account: WebAccount) async throws -> WebAccount
    func accounts() async throws -> [WebAccount]
    func account(named name: String) async throws -> WebAccount?
    @discardableResult
    func setAccount(_ name: String, disabled: Bool) async throws -> Bool
    func createSession(tokenHash: String, accountID: Int64, csrf: String, now: Double, replacing: String?) async throws
    func session(tokenHash: String, now: Double, idle: Double, absolute: Double) async throws -> WebSessionRecord?
    func deleteSession(tokenHash: String) async throws
}

/// Runs blocking work (SQLite calls, file reading) off the caller's thread, on a serial dispatch
/// queue of its own. Such a queue gets a thread even when every other one is busy, where the
/// global concurrent queue runs at most as many items as there are cores (libdispatch on Linux):
/// a short session lookup never waits behind imports and validations already running.
public enum BlockingWork {
    public static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue(label: "sipas.blocking-work").async { continuation.resume(with: Result { try work() }) }
        }
    }
}
