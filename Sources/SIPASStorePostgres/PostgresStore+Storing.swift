import Foundation
import PostgresNIO
import SIPASBlocks
import SIPASCore
import SIPASImport
import SIPASInstruments
import SIPASStore

/// The PostgreSQL store as a ``SurveyStoring``, on its one connection: each call on survey data
/// runs between `SET ROLE` (the team's login role, or `sipas_analyst`) and `RESET ROLE`, so the
/// server's row-level security decides what it sees and writes. Accounts and sessions are read
/// and written as the connected role (a member of `sipas_web`).
extension PostgresStore: SurveyStoring {
    public func health() async throws {
        _ = try await rawCount("SELECT 1")
    }

    public func close() async {
        await close(seconds: 5)
    }

    /// Runs `body` as `role`, then back as the connected role (also when `body` throws);
    /// ``StoreRole/connected`` runs it as the connected role, with no `SET ROLE`.
    /// - Throws: ``StoreError/Kind/refused(reason:)`` for a team name that is not a role name, or a
    ///   role the connected one may not take.
    public func acting<T>(as role: StoreRole, _ body: () async throws -> T) async throws -> T {
        let name: String
        switch role {
        case .team(let team):
            try Self.checkRoleName(team, store: location)
            name = team
        case .analyst:
            name = "sipas_analyst"
        case .connected:
            return try await body()
        }
        try await run("SET ROLE \"\(name)\"")
        do {
            let value = try await body()
            try await run("RESET ROLE")
            return value
        } catch {
            // A connection that cannot take back its own role is not used again (the pool drops a
            // connection whose call lost it).
            do { try await run("RESET ROLE") } catch {
                throw StoreError(.connectionLost(reason: "RESET ROLE: \(error)"), store: location)
            }
            throw error
        }
    }

    public func batches(as role: StoreRole) async throws -> [BatchInfo] {
        try await acting(as: role) { try await batches() }
    }

    public func rejections(of batch: BatchInfo, as role: StoreRole) async throws -> (
        header: [String], rows: [StoredRejection]
    ) {
        try await acting(as: role) {
            // Row-level security hides another team's batch: it is absent, not empty.
            let visible = try await batches(where: "id = $1::bigint", [String(batch.id)])
            guard !visible.isEmpty else {
                throw StoreError(.noSuchBatch(String(batch.id)), store: location)
            }
            return try await rejections(of: batch)
        }
    }

    public func importFile(_ file: URL, instrument: Instrument, name: String, replace: Bool, as role: StoreRole)
        async throws -> LoadOutcome
    {
        try await acting(as: role) {
            try await importFile(file, instrument: instrument, name: name, language: .vi, threads: 1, replace: replace)
                .outcome
        }
    }

    public func responseCount(as role: StoreRole) async throws -> Int {
        try await acting(as: role) {
            try await rawCount(
                "SELECT count(*) FROM response r JOIN batch b ON b.id = r.batch_id WHERE b.replaced_by IS NULL")
        }
    }

    public func years(as role: StoreRole) async throws -> [Int] {
        try await acting(as: role) {
            var years: [Int] = []
            let found = try await query(
                """
                SELECT DISTINCT r.year FROM response r JOIN batch b ON b.id = r.batch_id \
                WHERE b.replaced_by IS NULL AND r.year IS NOT NULL ORDER BY 1
                """)
            for try await year in found.decode(Int32.self) { years.append(Int(year)) }
            return years
        }
    }

    public func select(_ selection: ResponseSelection, as role: StoreRole) async throws -> SelectionSummary {
        try await acting(as: role) { try await select(selection) }
    }

    public func reduceRecords<State: Sendable>(
        in selection: SelectionSummary, year: Int?, layout: RecordLayout, as role: StoreRole,
        into initial: State,
        _ add: @escaping @Sendable (inout State, ResponseRecord) throws -> Void
    ) async throws -> State {
        try await acting(as: role) {
            var state = initial
            try await forEachRecord(in: selection, year: year, layout: layout) { record, _ in try add(&state, record) }
            return state
        }
    }

    public func batch(_ name: String, as role: StoreRole) async throws -> BatchInfo {
        try await acting(as: role) { try await batch(name) }
    }

    public func exportCSV(_ selection: SelectionSummary, year: Int?, layout: RecordLayout, as role: StoreRole)
        async throws -> String
    {
        try await acting(as: role) {
            var text = ""
            try await exportCSV(selection, year: year, layout: layout) { text += $0 }
            return text
        }
    }

    /// The file is written in one transaction as `role` while it is read (the team is the role
    /// the load runs as, not `team`).
    public func load(
        _ file: URL, instrument: Instrument, team: String, name: String?, language: Language, threads: Int,
        replace: Bool,
        as role: StoreRole, whenRead: @escaping @Sendable (ImportSummary) -> Void
    ) async throws -> StoreLoad {
        try await acting(as: role) {
            try await importFile(
                file, instrument: instrument, name: name, language: language, threads: threads, replace: replace,
                whenRead: whenRead)
        }
    }

    package func forEachBlock(
        in selection: SelectionSummary, year: Int?, layout: RecordLayout, excluded: [Set<Int>], as role: StoreRole,
        _ body: @escaping @Sendable (FastBlock) throws -> Void
    ) async throws -> Bool {
        try await acting(as: role) {
            do {
                return try await forEachBlock(in: selection, year: year, layout: layout, excluded: excluded, body)
            } catch is SurveyStore.NeedsRecords {
                return false
            }
        }
    }

    public func cells(
        in selection: SelectionSummary, year: Int?, layout: RecordLayout, groupAttributes: [Int],
        satisfied: [[Int]], excluded: [[Int]], as role: StoreRole
    ) async throws -> [ResponseCell]? {
        try await acting(as: role) {
            try await aggregate(
                selection, year: year, layout: layout, groupAttributes: groupAttributes, satisfied: satisfied,
                excluded: excluded)
        }
    }
}
