import Foundation
import GRDB
import SIPASBlocks
import SIPASCore
import SIPASImport
import SIPASInstruments

/// The SQLite store as a ``SurveyStoring``: each call runs the store's blocking call on a dispatch
/// queue. The file has no roles, so a team's view is the application's filter on `batch.team`.
extension SurveyStore: SurveyStoring {
    public var location: String { path }

    public func health() async throws {
        try await BlockingWork.run { try self.ping() }
    }

    public func close() async {}

    public func batches(as role: StoreRole) async throws -> [BatchInfo] {
        try await BlockingWork.run { try self.batches().filter(role.sees) }
    }

    public func rejections(of batch: BatchInfo, as role: StoreRole) async throws -> (
        header: [String], rows: [StoredRejection]
    ) {
        guard role.sees(batch) else { throw StoreError(.noSuchBatch(String(batch.id)), store: path) }
        let found = try await BlockingWork.run { try self.rejections(of: batch) }
        return found
    }

    public func importFile(_ file: URL, instrument: Instrument, name: String, replace: Bool, as role: StoreRole)
        async throws -> LoadOutcome
    {
        let team: String
        switch role {
        case .team(let name): team = name
        case .analyst, .connected: team = ""
        }
        return try await BlockingWork.run {
            try self.importFile(
                file, instrument: instrument, team: team, name: name, language: .vi, threads: 1, replace: replace)
        }
    }

    public func responseCount(as role: StoreRole) async throws -> Int {
        try await BlockingWork.run {
            try self.read { db in
                switch role {
                case .team(let team):
                    return try Int.fetchOne(
                        db,
                        sql: """
                            SELECT count(*) FROM response r JOIN batch b ON b.id = r.batch_id WHERE b.replaced_by IS NULL AND b.team = ?
                            """, arguments: [team]) ?? 0
                case .analyst, .connected:
                    return try Int.fetchOne(
                        db,
                        sql: """
                            SELECT count(*) FROM response r JOIN batch b ON b.id = r.batch_id WHERE b.replaced_by IS NULL
                            """) ?? 0
                }
            }
        }
    }

    public func years(as role: StoreRole) async throws -> [Int] {
        try await BlockingWork.run {
            let visible = try self.batches().filter { $0.isInForce && role.sees($0) }.map { String($0.id) }
            return try self.read { db in
                try Int.fetchAll(
                    db,
                    sql: """
                        SELECT DISTINCT year FROM response WHERE year IS NOT NULL \
                        AND batch_id IN (\(visible.joined(separator: ","))) ORDER BY year
                        """)
            }
        }
    }

    public func select(_ selection: ResponseSelection, as role: StoreRole) async throws -> SelectionSummary {
        try await BlockingWork.run {
            var selection = selection
            if case .team = role, selection.batches == nil {
                selection.batches = try self.batches().filter { $0.isInForce && role.sees($0) }.map(\.name)
                if selection.batches?.isEmpty == true {
                    throw StoreError(
                        .noResponses(year: selection.year, instrument: selection.instrumentID), store: self.path)
                }
            }
            let summary = try self.select(selection)
            if let hidden = summary.batches.first(where: { !role.sees($0) }) {
                throw StoreError(.noSuchBatch(hidden.name), store: self.path)
            }
            return summary
        }
    }

    public func reduceRecords<State: Sendable>(
        in selection: SelectionSummary, year: Int?, layout: RecordLayout, as role: StoreRole,
        into initial: State,
        _ add: @escaping @Sendable (inout State, ResponseRecord) throws -> Void
    ) async throws -> State {
        try checkSees(selection, role)
        return try await BlockingWork.run {
            var state = initial
            try self.forEachRecord(in: selection, year: year, layout: layout) { try add(&state, $0) }
            return state
        }
    }

    public func batch(_ name: String, as role: StoreRole) async throws -> BatchInfo {
        let found = try await BlockingWork.run { try self.batch(name) }
        guard role.sees(found) else { throw StoreError(.noSuchBatch(name), store: path) }
        return found
    }

    public func exportCSV(_ selection: SelectionSummary, year: Int?, layout: RecordLayout, as role: StoreRole)
        async throws -> String
    {
        try checkSees(selection, role)
        return try await BlockingWork.run {
            var text = ""
            try self.exportCSV(selection, year: year, layout: layout) { text += $0 }
            return text
        }
    }

    /// Rows are inserted while the file is read (``importFile(_:instrument:team:name:language:threads:slowPath:replace:maxDuplicatesReported:chunkRows:whenRead:)``):
    /// no write time of its own.
    public func load(
        _ file: URL, instrument: Instrument, team: String, name: String?, language: Language, threads: Int,
        replace: Bool,
        as role: StoreRole, whenRead: @escaping @Sendable (ImportSummary) -> Void
    ) async throws -> StoreLoad {
        let batchTeam = if case .team(let name) = role { name } else { team }
        return try await BlockingWork.run {
            var summary: ImportSummary?
            let outcome = try self.importFile(
                file, instrument: instrument, team: batchTeam, name: name, language: language,
                threads: threads, replace: replace
            ) {
                summary = $0
                whenRead($0)
            }
            return StoreLoad(outcome: outcome, summary: summary)
        }
    }

    package func forEachBlock(
        in selection: SelectionSummary, year: Int?, layout: RecordLayout, excluded: [Set<Int>], as role: StoreRole,
        _ body: @escaping @Sendable (FastBlock) throws -> Void
    ) async throws -> Bool {
        try checkSees(selection, role)
        return try await BlockingWork.run {
            do {
                try self.forEachBlock(in: selection, year: year, layout: layout, excluded: excluded, body)
                return true
            } catch is NeedsRecords {
                return false
            }
        }
    }

    /// A SQLite store does not sum: nil.
    public func cells(
        in selection: SelectionSummary, year: Int?, layout: RecordLayout, groupAttributes: [Int],
        satisfied: [[Int]], excluded: [[Int]], as role: StoreRole
    ) async throws -> [ResponseCell]? {
        nil
    }

    /// Throws ``StoreError/Kind/noSuchBatch(_:)`` for a selected batch the role may not see.
    private func checkSees(_ selection: SelectionSummary, _ role: StoreRole) throws {
        if let hidden = selection.batches.first(where: { !role.sees($0) }) {
            throw StoreError(.noSuchBatch(hidden.name), store: path)
        }
    }
}
