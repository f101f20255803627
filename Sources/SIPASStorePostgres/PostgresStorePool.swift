import Foundation
import SIPASBlocks
import SIPASCore
import SIPASImport
import SIPASInstruments
import SIPASStore

/// Several ``PostgresStore`` connections to one server, for `sipas serve`: each call takes an idle
/// connection (or opens one, up to `size`, or waits for one), runs there, and gives it back. A
/// connection whose call failed with a lost connection is closed, not given back.
public final class PostgresStorePool: SurveyStoring {
    public let location: String
    private let url: String
    private let idle: Idle

    private init(url: String, location: String, size: Int, first: PostgresStore) {
        self.url = url
        self.location = location
        idle = Idle(size: size, first: first)
    }

    /// Connects once (to fail early on a bad URL or a store without the web tables) and keeps
    /// that connection for the pool.
    /// - Throws: ``StoreError`` (``StoreError/Kind/cannotOpen(reason:)``).
    public static func connect(_ url: String, size: Int) async throws -> PostgresStorePool {
        let first = try await PostgresStore.connect(url)
        do {
            _ = try await first.rawCount("SELECT count(*) FROM web_user WHERE false")
        } catch {
            await first.close()
            throw StoreError(
                .cannotOpen(
                    reason: "no web accounts table (run sipas store setup as the administrator first): \(error)"),
                store: first.location)
        }
        return PostgresStorePool(url: url, location: first.location, size: max(1, size), first: first)
    }

    /// Runs `body` on a connection of the pool.
    public func withStore<T: Sendable>(_ body: (PostgresStore) async throws -> T) async throws -> T {
        let store: PostgresStore
        if let taken = await idle.take() {
            store = taken
        } else {
            do { store = try await PostgresStore.connect(url) } catch {
                await idle.give(nil)
                throw error
            }
        }
        do {
            let value = try await body(store)
            await idle.give(store)
            return value
        } catch {
            if let error = error as? StoreError, case .connectionLost = error.kind {
                await idle.give(nil)
                await store.close(seconds: 1)
            } else {
                await idle.give(store)
            }
            throw error
        }
    }

    public func health() async throws { try await withStore { try await $0.health() } }

    public func close() async {
        for store in await idle.drain() { await store.close(seconds: 2) }
    }

    public func batches(as role: StoreRole) async throws -> [BatchInfo] {
        try await withStore { try await $0.batches(as: role) }
    }

    public func rejections(of batch: BatchInfo, as role: StoreRole) async throws -> (
        header: [String], rows: [StoredRejection]
    ) {
        let found = try await withStore { store in
            let found = try await store.rejections(of: batch, as: role)
            return Rejections(header: found.header, rows: found.rows)
        }
        return (found.header, found.rows)
    }

    public func importFile(_ file: URL, instrument: Instrument, name: String, replace: Bool, as role: StoreRole)
        async throws -> LoadOutcome
    {
        try await withStore {
            try await $0.importFile(file, instrument: instrument, name: name, replace: replace, as: role)
        }
    }

    public func responseCount(as role: StoreRole) async throws -> Int {
        try await withStore { try await $0.responseCount(as: role) }
    }

    public func years(as role: StoreRole) async throws -> [Int] {
        try await withStore { try await $0.years(as: role) }
    }

    public func select(_ selection: ResponseSelection, as role: StoreRole) async throws -> SelectionSummary {
        try await withStore { try await $0.select(selection, as: role) }
    }

    public func reduceRecords<State: Sendable>(
        in selection: SelectionSummary, year: Int?, layout: RecordLayout, as role: StoreRole,
        into initial: State,
        _ add: @escaping @Sendable (inout State, ResponseRecord) throws -> Void
    ) async throws -> State {
        try await withStore {
            try await $0.reduceRecords(in: selection, year: year, layout: layout, as: role, into: initial, add)
        }
    }

    public func batch(_ name: String, as role: StoreRole) async throws -> BatchInfo {
        try await withStore { try await $0.batch(name, as: role) }
    }

    public func exportCSV(_ selection: SelectionSummary, year: Int?, layout: RecordLayout, as role: StoreRole)
        async throws -> String
    {
        try await withStore { try await $0.exportCSV(selection, year: year, layout: layout, as: role) }
    }

    public func load(
        _ file: URL, instrument: Instrument, team: String, name: String?, language: Language, threads: Int,
        replace: Bool,
        as role: StoreRole, whenRead: @escaping @Sendable (ImportSummary) -> Void
    ) async throws -> StoreLoad {
        try await withStore {
            try await $0.load(
                file, instrument: instrument, team: team, name: name, language: language, threads: threads,
                replace: replace,
                as: role, whenRead: whenRead)
        }
    }

    package func forEachBlock(
        in selection: SelectionSummary, year: Int?, layout: RecordLayout, excluded: [Set<Int>], as role: StoreRole,
        _ body: @escaping @Sendable (FastBlock) throws -> Void
    ) async throws -> Bool {
        try await withStore {
            try await $0.forEachBlock(in: selection, year: year, layout: layout, excluded: excluded, as: role, body)
        }
    }

    public func cells(
        in selection: SelectionSummary, year: Int?, layout: RecordLayout, groupAttributes: [Int],
        satisfied: [[Int]], excluded: [[Int]], as role: StoreRole
    ) async throws -> [ResponseCell]? {
        try await withStore {
            try await $0.cells(
                in: selection, year: year, layout: layout, groupAttributes: groupAttributes, satisfied: satisfied,
                excluded: excluded, as: role)
        }
    }

    @discardableResult
    public func addAccount(_ account: WebAccount) async throws -> WebAccount {
        try await withStore { try await $0.addAccount(account) }
    }
    public func accounts() async throws -> [WebAccount] { try await withStore { try await $0.accounts() } }
    public func account(named name: String) async throws -> WebAccount? {
        try await withStore { try await $0.account(named: name) }
    }
    @discardableResult
    public func setAccount(_ name: String, disabled: Bool) async throws -> Bool {
        try await withStore { try await $0.setAccount(name, disabled: disabled) }
    }
    public func createSession(tokenHash: String, accountID: Int64, csrf: String, now: Double, replacing: String?)
        async throws
    {
        try await withStore {
            try await $0.createSession(
                tokenHash: tokenHash, accountID: accountID, csrf: csrf, now: now, replacing: replacing)
        }
    }
    public func session(tokenHash: String, now: Double, idle: Double, absolute: Double) async throws
        -> WebSessionRecord?
    {
        try await withStore { try await $0.session(tokenHash: tokenHash, now: now, idle: idle, absolute: absolute) }
    }
    public func deleteSession(tokenHash: String) async throws {
        try await withStore { try await $0.deleteSession(tokenHash: tokenHash) }
    }
}

private struct Rejections: Sendable {
    var header: [String]
    var rows: [StoredRejection]
}

/// The pool's idle connections and how many are open; callers wait in line when all are busy.
private actor Idle {
    private let size: Int
    private var stores: [PostgresStore]
    private var open: Int
    private var waiting: [CheckedContinuation<PostgresStore?, Never>] = []

    init(size: Int, first: PostgresStore) {
        self.size = size
        stores = [first]
        open = 1
    }

    /// An idle connection; nil: the caller opens one (counted already).
    func take() async -> PostgresStore? {
        if let store = stores.popLast() { return store }
        if open < size {
            open += 1
            return nil
        }
        return await withCheckedContinuation { waiting.append($0) }
    }

    /// Gives a connection back; nil: it was closed, and the next waiter (if any) opens another.
    func give(_ store: PostgresStore?) {
        if !waiting.isEmpty {
            waiting.removeFirst().resume(returning: store)
            return
        }
        if let store { stores.append(store) } else { open -= 1 }
    }

    func drain() -> [PostgresStore] {
        defer { stores = [] }
        return stores
    }
}
