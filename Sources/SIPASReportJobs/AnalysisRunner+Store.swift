import Foundation
import SIPASCore
import SIPASImport
import SIPASInstruments
import SIPASStats
import SIPASStore
import SIPASStorePostgres

/// Opens the store a command names: a SQLite file path.
public enum StoreOpener {
    public static func open(_ location: String, language: Language) throws -> SurveyStore {
        if PostgresStore.isURL(location) {
            throw StoreError(.cannotOpen(reason: language == .vi
                ? "lệnh này chỉ dùng với kho SQLite" : "this command works on a SQLite store only"), store: location)
        }
        return try SurveyStore(path: location)
    }
}

extension AnalysisRunner {
    /// The analysis of a store's responses in force (optionally one year): SQLite or PostgreSQL by
    /// the location's form. `run.batches` lists the batches read, in load order.
    public static func run(store location: String, year: Int?, _ settings: AnalysisSettings) async throws -> AnalysisRun {
        PostgresStore.isURL(location)
            ? try await run(postgres: location, year: year, settings)
            : try run(sqlite: location, year: year, settings)
    }

    /// The instrument of a store's selection: the one asked for, else the one its batches share.
    public static func instrument(ofStore location: String, year: Int?, requested: String?, language: Language) async throws -> Instrument {
        let requested = try requested.map { try InstrumentResolver.resolve($0) }
        if let requested { return requested }
        let selection = ResponseSelection(year: year)
        if PostgresStore.isURL(location) {
            let store = try await PostgresStore.connect(location)
            defer { Task { await store.close() } }
            return try InstrumentResolver.resolve(try await store.select(selection).instrumentID)
        }
        return try InstrumentResolver.resolve(try StoreOpener.open(location, language: language).select(selection).instrumentID)
    }

    /// The analysis of the responses in force in a SQLite store, read back in batch and row order,
    /// so that a store holding one file gives the numbers of that file (key drivers and records too).
    public static func run(sqlite location: String, year: Int?, _ settings: AnalysisSettings) throws -> AnalysisRun {
        let store = try StoreOpener.open(location, language: settings.language)
        let requested = try settings.instrument.map { try InstrumentResolver.resolve($0) }
        let selection = try store.select(ResponseSelection(year: year, instrumentID: requested?.id))
        let instrument = try requested ?? InstrumentResolver.resolve(selection.instrumentID)
        let plan = try makePlan(instrument, settings)
        if let accumulator = try fastAccumulator(store, selection, year: year, instrument: instrument, plan: plan, settings) {
            return try finish(accumulator, instrument, selection, location: location, year: year, settings)
        }
        var accumulator = SurveyAccumulator(plan: plan)
        var (collector, driversUnavailable) = KeyDriverCollector.asked(settings.keyDrivers, plan: plan, instrument: instrument)
        var records: [ResponseRecord] = []
        try store.forEachRecord(in: selection, year: year, layout: instrument.recordLayout) { record in
            try accumulator.add(record)
            collector?.add(record)
            if settings.keepRecords { records.append(record) }
        }
        var run = try finish(accumulator, instrument, selection, location: location, year: year, settings)
        run.drivers = collector?.fitted(unavailable: &driversUnavailable)
        run.driversUnavailable = driversUnavailable
        run.records = records
        return run
    }

    /// The sums of the analysis filled as from a CSV file's fast path (``FastAccumulator``, the
    /// stored rows handed over as byte blocks, no record per row), or nil where that path does
    /// not apply (as for files: key drivers, records kept, calibration, fpc, second stage,
    /// replicate weights, `SIPAS_SLOW_PATH=1`) or the stored rows need records.
    private static func fastAccumulator(_ store: SurveyStore, _ selection: SelectionSummary, year: Int?, instrument: Instrument,
                                        plan: AnalysisPlan, _ settings: AnalysisSettings) throws -> SurveyAccumulator? {
        guard let excluded = blockReading(instrument, plan: plan, settings) else { return nil }
        let sink = FastAccumulator(plan: plan, threads: settings.threads)
        do {
            // One reader: two (forEachBlock's `readers`) were slower on 2 cores, their thread taking
            // the accumulator's shards' time (BENCHMARKS.md).
            try store.forEachBlock(in: selection, year: year, layout: instrument.recordLayout, excluded: excluded) { try sink.take($0) }
        } catch is SurveyStore.NeedsRecords {
            return nil
        }
        return sink.finish()
    }

    /// Whether a store's rows may be summed from blocks as a file's fast path sums them: the items'
    /// "don't know" codes the importer marked the stored answers with, or nil where that path
    /// does not apply (key drivers, records kept, calibration, fpc, second stage, replicate
    /// weights, `SIPAS_SLOW_PATH=1`).
    private static func blockReading(_ instrument: Instrument, plan: AnalysisPlan, _ settings: AnalysisSettings) -> [Set<Int>]? {
        let design = instrument.design
        guard !settings.slowPath, !settings.keyDrivers, !settings.keepRecords, FastAccumulator.supports(plan, design: SurveyDesignColumns(
            hasFPC: design.fpc != nil, hasSecondStage: design.ssu != nil, hasReplicates: design.replicateWeights != nil)) else { return nil }
        // The importer's "don't know" codes per item (its record plan), which marked the stored answers.
        let scored = instrument.scoredQuestions
        guard scored.map(\.name) == instrument.recordLayout.items else { return nil }
        return scored.map { Set(instrument.scale(of: $0)?.excluded ?? []) }
    }

    /// The sums of a PostgreSQL store's selection from the column chunks it returns (as a SQLite
    /// store's), or nil where that path does not apply or the chunks do not hold every row.
    private static func fastAccumulator(_ store: PostgresStore, _ selection: SelectionSummary, year: Int?, instrument: Instrument,
                                        plan: AnalysisPlan, _ settings: AnalysisSettings) async throws -> SurveyAccumulator? {
        guard let excluded = blockReading(instrument, plan: plan, settings) else { return nil }
        let sink = FastAccumulator(plan: plan, threads: settings.threads)
        do {
            guard try await store.forEachBlock(in: selection, year: year, layout: instrument.recordLayout, excluded: excluded, { try sink.take($0) })
            else { return nil }
        } catch is SurveyStore.NeedsRecords {
            return nil
        }
        return sink.finish()
    }

    /// The same analysis on a PostgreSQL store: the server sums per stratum × PSU × group
    /// (``ResponseCell``s) and only those sums come back, so there are no records: no key drivers
    /// and no SPSS file (said on standard error when asked for).
    public static func run(postgres location: String, year: Int?, _ settings: AnalysisSettings) async throws -> AnalysisRun {
        let store = try await PostgresStore.connect(location)
        defer { Task { await store.close() } }
        let requested = try settings.instrument.map { try InstrumentResolver.resolve($0) }
        let selection = try await store.select(ResponseSelection(year: year, instrumentID: requested?.id))
        let instrument = try requested ?? InstrumentResolver.resolve(selection.instrumentID)
        let plan = try makePlan(instrument, settings)
        if let accumulator = try await fastAccumulator(store, selection, year: year, instrument: instrument, plan: plan, settings) {
            return try finish(accumulator, instrument, selection, location: store.location, year: year, settings)
        }
        var accumulator = SurveyAccumulator(plan: plan)
        let cells = try await store.aggregate(selection, year: year, layout: plan.layout, groupAttributes: accumulator.cellAttributes,
                                              satisfied: plan.satisfiedCodes.map { $0.sorted() }, excluded: plan.excludedCodes.map { $0.sorted() })
        for cell in cells { try accumulator.add(cell) }
        if settings.keyDrivers || settings.keepRecords {
            settings.observer.message(settings.language == .vi
                ? "\(store.location): kho PostgreSQL chỉ trả về các tổng theo ô, không trả từng phiếu: không có bảng yếu tố tác động và tệp SPSS (dùng kho SQLite hoặc tệp để có chúng)"
                : "\(store.location): a PostgreSQL store returns sums per cell, not the responses: no key-driver table and no SPSS file (use a SQLite store or the files for them)")
        }
        var run = try finish(accumulator, instrument, selection, location: store.location, year: year, settings)
        run.aggregatedOnServer = true
        return run
    }

    private static func finish(_ accumulator: SurveyAccumulator, _ instrument: Instrument, _ selection: SelectionSummary,
                               location: String, year: Int?, _ settings: AnalysisSettings) throws -> AnalysisRun {
        let vi = settings.language == .vi
        settings.observer.message(vi
            ? "\(location): \(selection.batches.count) lô, \(selection.responses) phiếu\(year.map { " năm \($0)" } ?? "") (bộ công cụ \(instrument.id))"
            : "\(location): \(selection.batches.count) batches, \(selection.responses) responses\(year.map { " of \($0)" } ?? "") (instrument \(instrument.id))")
        let result = try SurveyEstimator.estimate(accumulator, options: settings.estimation)
        var run = AnalysisRun(instrument: instrument, result: result, year: accumulator.surveyYear,
                              rowsRead: selection.rowsRead, accepted: selection.accepted, rejected: selection.rejected,
                              batches: selection.batches.sorted { $0.id < $1.id }, storeLocation: location)
        run.provenance = selection.provenance
        return run
    }
}
