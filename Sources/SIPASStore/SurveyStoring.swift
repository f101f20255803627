import Foundation
import SIPASBlocks
import SIPASCore
import SIPASImport
import SIPASInstruments

/// Whose view of the survey data a store call takes.
public enum StoreRole: Hashable, Sendable {
    /// A survey team: its own batches only. On PostgreSQL the call runs as the team's login role,
    /// so row-level security, not only the application, holds it to them.
    case team(String)
    /// Analysts and administrators: every team's batches (PostgreSQL role `sipas_analyst`).
    case analyst
    /// Whoever opened the store, as the command line reads and loads: every batch of a SQLite file
    /// (a file has no roles); on PostgreSQL the URL's login role, whose row-level security decides
    /// (a team's login sees its own batches, an analyst's every batch), with no `SET ROLE`.
    case connected

    /// True when the role may see `batch` (on PostgreSQL the server decides for ``connected``).
    public func sees(_ batch: BatchInfo) -> Bool {
        switch self {
        case .team(let team): return batch.team == team
        case .analyst, .connected: return true
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

/// What `sipas serve`, `analyze`, `compare`, `report`, `import` and `store` need of a survey store,
/// whatever holds it: a SQLite file (``SurveyStore``) or a PostgreSQL server (`PostgresStore`,
/// `PostgresStorePool` in SIPASStorePostgres; `StoreLocation.open` there opens either from its
/// location). What only one kind can do is a result the caller reads (nil sums, a nil write
/// time), never a type the caller tests.
///
/// Every call on survey data names the ``StoreRole`` it acts for. Calls never block the caller's
/// thread: a SQLite store does its work on a dispatch queue.
package protocol SurveyStoring: AnyObject, Sendable {
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
    func importFile(_ file: URL, instrument: Instrument, name: String, replace: Bool, as role: StoreRole) async throws
        -> LoadOutcome

    /// Responses stored in the batches in force the role may see (progress counts).
    func responseCount(as role: StoreRole) async throws -> Int

    /// The survey years of the responses in force that the role may read, oldest first (responses
    /// without a year are not counted).
    func years(as role: StoreRole) async throws -> [Int]

    /// The batches in force of `selection` that the role may see, and their instrument.
    func select(_ selection: ResponseSelection, as role: StoreRole) async throws -> SelectionSummary

    /// Folds every response of `selection` (in batch then row order) into `initial` with `add`:
    /// the input of an analysis.
    func reduceRecords<State: Sendable>(
        in selection: SelectionSummary, year: Int?, layout: RecordLayout, as role: StoreRole,
        into initial: State,
        _ add: @escaping @Sendable (inout State, ResponseRecord) throws -> Void
    ) async throws -> State

    // MARK: The command line's reads and loads

    /// The batch named `name` that the role may see (the one in force, else the latest of that
    /// name), or numbered `name`.
    /// - Throws: ``StoreError/Kind/noSuchBatch(_:)``.
    func batch(_ name: String, as role: StoreRole) async throws -> BatchInfo

    /// The selected responses as CSV (``StoreCSVFormat``): the header line, then one line per response.
    func exportCSV(_ selection: SelectionSummary, year: Int?, layout: RecordLayout, as role: StoreRole) async throws
        -> String

    /// Reads `file` and writes it as one batch (``SurveyStore/importFile(_:instrument:team:name:language:threads:slowPath:replace:maxDuplicatesReported:chunkRows:whenRead:)``'s
    /// rules), calling `whenRead` with the file's summary once it is read. `team` names the batch's
    /// team where the store has no login roles (SQLite); PostgreSQL's team is the login role.
    func load(
        _ file: URL, instrument: Instrument, team: String, name: String?, language: Language, threads: Int,
        replace: Bool,
        as role: StoreRole, whenRead: @escaping @Sendable (ImportSummary) -> Void
    ) async throws -> StoreLoad

    /// Sends the selected responses to `body` as ``FastBlock``s (columns stratum, cluster, the
    /// layout's attributes, codes; batch then row order, one block at a time) and returns true; returns
    /// false when they must be read as records instead: a stored answer whose "don't know" mark
    /// disagrees with `excluded` (blocks may have been sent: the caller starts again), or rows the
    /// store keeps no blocks of.
    func forEachBlock(
        in selection: SelectionSummary, year: Int?, layout: RecordLayout, excluded: [Set<Int>], as role: StoreRole,
        _ body: @escaping @Sendable (FastBlock) throws -> Void
    ) async throws -> Bool

    /// The selected responses summed on the store's side per stratum × cluster × values of
    /// `groupAttributes` (``ResponseCell``s; `satisfied[j]`, `excluded[j]` item j's codes), or nil
    /// when the store does not sum (SQLite: the caller folds the records, ``reduceRecords(in:year:layout:as:into:_:)``).
    func cells(
        in selection: SelectionSummary, year: Int?, layout: RecordLayout, groupAttributes: [Int],
        satisfied: [[Int]], excluded: [[Int]], as role: StoreRole
    ) async throws -> [ResponseCell]?

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

/// What ``SurveyStoring/load(_:instrument:team:name:language:threads:replace:as:whenRead:)`` did.
public struct StoreLoad: Sendable {
    public var outcome: LoadOutcome
    /// The file's import summary (nil when the file was already in the store and not read).
    public var summary: ImportSummary?

    public init(outcome: LoadOutcome, summary: ImportSummary?) {
        self.outcome = outcome
        self.summary = summary
    }
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
