import Foundation
import SIPASCore
import SIPASInstruments
import SIPASStats
import SIPASStore
import SIPASStorePostgres

/// Opens the store a command names: a SQLite file path.
enum StoreOpener {
    static func open(_ location: String, language: Language) throws -> SurveyStore {
        if PostgresStore.isURL(location) {
            throw StoreError(.cannotOpen(reason: language == .vi
                ? "lệnh này chỉ dùng với kho SQLite" : "this command works on a SQLite store only"), store: location)
        }
        return try SurveyStore(path: location)
    }
}

extension AnalysisRunner {
    /// The analysis of the responses in force in a store (optionally one year), read back in batch
    /// and row order, so that a store holding one file gives the numbers of that file.
    static func run(store location: String, year: Int?, _ settings: AnalysisSettings) throws -> (AnalysisRun, sources: [String]) {
        let store = try StoreOpener.open(location, language: settings.language)
        let requested = try settings.instrument.map { try InstrumentResolver.resolve($0) }
        let selection = try store.select(ResponseSelection(year: year, instrumentID: requested?.id))
        let instrument = try requested ?? InstrumentResolver.resolve(selection.instrumentID)
        var accumulator = SurveyAccumulator(plan: try makePlan(instrument, settings))
        try store.forEachRecord(in: selection, year: year, layout: instrument.recordLayout) { try accumulator.add($0) }
        return try finish(accumulator, instrument, selection, location: location, year: year, settings)
    }

    /// The same analysis on a PostgreSQL store: the server sums per stratum × PSU × group
    /// (``ResponseCell``s) and only those sums come back.
    static func run(postgres location: String, year: Int?, _ settings: AnalysisSettings) async throws -> (AnalysisRun, sources: [String]) {
        let store = try await PostgresStore.connect(location)
        defer { Task { await store.close() } }
        let requested = try settings.instrument.map { try InstrumentResolver.resolve($0) }
        let selection = try await store.select(ResponseSelection(year: year, instrumentID: requested?.id))
        let instrument = try requested ?? InstrumentResolver.resolve(selection.instrumentID)
        let plan = try makePlan(instrument, settings)
        var accumulator = SurveyAccumulator(plan: plan)
        let cells = try await store.aggregate(selection, year: year, layout: plan.layout, groupAttributes: accumulator.cellAttributes,
                                              satisfied: plan.satisfiedCodes.map { $0.sorted() }, excluded: plan.excludedCodes.map { $0.sorted() })
        for cell in cells { try accumulator.add(cell) }
        return try finish(accumulator, instrument, selection, location: store.location, year: year, settings)
    }

    private static func finish(_ accumulator: SurveyAccumulator, _ instrument: Instrument, _ selection: SelectionSummary,
                               location: String, year: Int?, _ settings: AnalysisSettings) throws -> (AnalysisRun, sources: [String]) {
        let vi = settings.language == .vi
        Console.message(vi
            ? "\(location): \(selection.batches.count) lô, \(selection.responses) phiếu\(year.map { " năm \($0)" } ?? "") (bộ công cụ \(instrument.id))"
            : "\(location): \(selection.batches.count) batches, \(selection.responses) responses\(year.map { " of \($0)" } ?? "") (instrument \(instrument.id))")
        let result = try SurveyEstimator.estimate(accumulator, options: settings.estimation)
        let run = AnalysisRun(instrument: instrument, result: result, year: accumulator.surveyYear,
                              rowsRead: selection.rowsRead, accepted: selection.accepted, rejected: selection.rejected)
        return (run, selection.batches.sorted { $0.id < $1.id }.map(\.fileName))
    }
}
