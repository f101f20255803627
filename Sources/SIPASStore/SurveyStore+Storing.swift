import Foundation
import GRDB
import SIPASCore
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

    public func rejections(of batch: BatchInfo, as role: StoreRole) async throws -> (header: [String], rows: [StoredRejection]) {
        guard role.sees(batch) else { throw StoreError(.noSuchBatch(String(batch.id)), store: path) }
        let found = try await BlockingWork.run { try self.rejections(of: batch) }
        return found
    }

    public func importFile(_ file: URL, instrument: Instrument, name: String, replace: Bool, as role: StoreRole) async throws -> LoadOutcome {
        let team: String
        switch role {
        case .team(let name): team = name
        case .analyst: team = ""
        }
        return try await BlockingWork.run {
            try self.importFile(file, instrument: instrument, team: team, name: name, language: .vi, threads: 1, replace: replace)
        }
    }

    public func responseCount(as role: StoreRole) async throws -> Int {
        try await BlockingWork.run {
            try self.read { db in
                switch role {
                case .team(let team):
                    return try Int.fetchOne(db, sql: """
                        SELECT count(*) FROM response r JOIN batch b ON b.id = r.batch_id WHERE b.replaced_by IS NULL AND b.team = ?
                        """, arguments: [team]) ?? 0
                case .analyst:
                    return try Int.fetchOne(db, sql: """
                        SELECT count(*) FROM response r JOIN batch b ON b.id = r.batch_id WHERE b.replaced_by IS NULL
                        """) ?? 0
                }
            }
        }
    }

    public func select(_ selection: ResponseSelection, as role: StoreRole) async throws -> SelectionSummary {
        try await BlockingWork.run {
            var selection = selection
            if case .team = role, selection.batches == nil {
                selection.batches = try self.batches().filter { $0.isInForce && role.sees($0) }.map(\.name)
                if selection.batches?.isEmpty == true {
                    throw StoreError(.noResponses(year: selection.year, instrument: selection.instrumentID), store: self.path)
                }
            }
            let summary = try self.select(selection)
            if let hidden = summary.batches.first(where: { !role.sees($0) }) {
                throw StoreError(.noSuchBatch(hidden.name), store: self.path)
            }
            return summary
        }
    }

    public func reduceRecords<State: Sendable>(in selection: SelectionSummary, year: Int?, layout: RecordLayout, as role: StoreRole,
                                               into initial: State,
                                               _ add: @escaping @Sendable (inout State, ResponseRecord) throws -> Void) async throws -> State {
        if let hidden = selection.batches.first(where: { !role.sees($0) }) {
            throw StoreError(.noSuchBatch(hidden.name), store: path)
        }
        return try await BlockingWork.run {
            var state = initial
            try self.forEachRecord(in: selection, year: year, layout: layout) { try add(&state, $0) }
            return state
        }
    }
}
