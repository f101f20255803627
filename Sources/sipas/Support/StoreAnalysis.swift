import Foundation
import SIPASCore
import SIPASInstruments
import SIPASStats
import SIPASStore

/// Opens the store a command names: a SQLite file path.
enum StoreOpener {
    static func open(_ location: String, language: Language) throws -> SurveyStore {
        if location.hasPrefix("postgres://") || location.hasPrefix("postgresql://") {
            throw StoreError(.cannotOpen(reason: language == .vi
                ? "kho PostgreSQL chưa có trong bản này; dùng một tệp SQLite" : "PostgreSQL stores are not in this build; use a SQLite file"),
                store: location)
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
        var plan = try AnalysisPlan(instrument: instrument, breakdowns: settings.breakdowns, lonelyPSU: settings.lonelyPSU)
        if settings.regroupProvinces {
            for question in instrument.questions where question.lookup == "province" && plan.layout.attributeIndex(question.name) != nil {
                try plan.regroup(question.name, using: ProvinceCatalog.official.newCodeOfOldCode)
            }
        }
        if let crosswalk = settings.crosswalk { try plan.regroup(crosswalk.column, using: crosswalk.map) }
        var accumulator = SurveyAccumulator(plan: plan)
        try store.forEachRecord(in: selection, year: year, layout: instrument.recordLayout) { try accumulator.add($0) }
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
