import Foundation
import SIPASCore
import SIPASImport
import SIPASInstruments
import SIPASStats
import SIPASStore
import SIPASStorePostgres

extension AnalysisRunner {
    /// The analysis of a store's responses in force (optionally one year), the store opened from
    /// its location (``StoreLocation``) and closed after. `run.batches` lists the batches read, in load order.
    public static func run(store location: String, year: Int?, _ settings: AnalysisSettings) async throws -> AnalysisRun
    {
        try await StoreLocation.with(location, language: settings.language) {
            try await run(store: $0, year: year, settings)
        }
    }

    /// The instrument of a store's selection: the one asked for, else the one its batches share.
    public static func instrument(ofStore location: String, year: Int?, requested: String?, language: Language)
        async throws -> Instrument
    {
        let requested = try requested.map { try InstrumentResolver.resolve($0) }
        if let requested { return requested }
        let selection = ResponseSelection(year: year)
        return try await StoreLocation.with(location, language: language) { store in
            try InstrumentResolver.resolve(try await store.select(selection, as: .connected).instrumentID)
        }
    }

    /// The analysis of the responses in force in `store`, as the connected role, read back in batch
    /// and row order, so that a store holding one file gives the numbers of that file. The sums
    /// come from the stored blocks where that path applies (``fastAccumulator(_:_:year:instrument:plan:_:)``),
    /// else from the store's own sums where it makes them (PostgreSQL: no records, so no key
    /// drivers and no SPSS file, said on standard error when asked for), else from the records
    /// (key drivers and records too).
    package static func run(store: any SurveyStoring, year: Int?, _ settings: AnalysisSettings) async throws
        -> AnalysisRun
    {
        let requested = try settings.instrument.map { try InstrumentResolver.resolve($0) }
        let selection = try await store.select(
            ResponseSelection(year: year, instrumentID: requested?.id), as: .connected)
        let instrument = try requested ?? InstrumentResolver.resolve(selection.instrumentID)
        let plan = try makePlan(instrument, settings)
        let location = store.location
        if let accumulator = try await fastAccumulator(
            store, selection, year: year, instrument: instrument, plan: plan, settings)
        {
            return try finish(accumulator, instrument, selection, location: location, year: year, settings)
        }
        var accumulator = SurveyAccumulator(plan: plan)
        if let cells = try await store.cells(
            in: selection, year: year, layout: plan.layout, groupAttributes: accumulator.cellAttributes,
            satisfied: plan.satisfiedCodes.map { $0.sorted() },
            excluded: plan.excludedCodes.map { $0.sorted() }, as: .connected)
        {
            for cell in cells { try accumulator.add(cell) }
            if settings.keyDrivers || settings.keepRecords {
                settings.observer.message(JobMessage.serverSumsOnly(location: location).text(settings.language))
            }
            var run = try finish(accumulator, instrument, selection, location: location, year: year, settings)
            run.aggregatedOnServer = true
            return run
        }
        var (collector, driversUnavailable) = KeyDriverCollector.asked(
            settings.keyDrivers, plan: plan, instrument: instrument)
        let keepRecords = settings.keepRecords
        let read = try await store.reduceRecords(
            in: selection, year: year, layout: instrument.recordLayout, as: .connected,
            into: RecordsRead(accumulator: accumulator, collector: collector)
        ) { read, record in
            try read.accumulator.add(record)
            read.collector?.add(record)
            if keepRecords { read.records.append(record) }
        }
        accumulator = read.accumulator
        collector = read.collector
        var run = try finish(accumulator, instrument, selection, location: location, year: year, settings)
        run.drivers = collector?.fitted(unavailable: &driversUnavailable)
        run.driversUnavailable = driversUnavailable
        run.records = read.records
        return run
    }

    /// What the records of a store fill: the sums, the key drivers' data, the records kept.
    private struct RecordsRead: Sendable {
        var accumulator: SurveyAccumulator
        var collector: KeyDriverCollector?
        var records: [ResponseRecord] = []
    }

    /// The sums of the analysis filled as from a CSV file's fast path (``FastAccumulator``, the
    /// stored rows handed over as byte blocks, no record per row), or nil where that path does
    /// not apply (as for files: key drivers, records kept, calibration, fpc, second stage,
    /// replicate weights, `SIPAS_SLOW_PATH=1`) or the stored rows need records.
    private static func fastAccumulator(
        _ store: any SurveyStoring, _ selection: SelectionSummary, year: Int?, instrument: Instrument,
        plan: AnalysisPlan, _ settings: AnalysisSettings
    ) async throws -> SurveyAccumulator? {
        guard let excluded = blockReading(instrument, plan: plan, settings) else { return nil }
        let sink = BlockSink(FastAccumulator(plan: plan, threads: settings.threads))
        // One reader: two were slower on 2 cores, their thread taking the accumulator's shards' time (BENCHMARKS.md).
        guard
            try await store.forEachBlock(
                in: selection, year: year, layout: instrument.recordLayout, excluded: excluded, as: .connected,
                { try sink.accumulator.take($0) })
        else { return nil }
        return sink.accumulator.finish()
    }

    /// The fast accumulator handed to a store's block reader. The store calls its body with one
    /// block at a time and returns only after the last call, and the accumulator is not touched
    /// before that, so no two threads use it at once.
    private final class BlockSink: @unchecked Sendable {
        let accumulator: FastAccumulator
        init(_ accumulator: FastAccumulator) { self.accumulator = accumulator }
    }

    /// Whether a store's rows may be summed from blocks as a file's fast path sums them: the items'
    /// "don't know" codes the importer marked the stored answers with, or nil where that path
    /// does not apply (key drivers, records kept, calibration, fpc, second stage, replicate
    /// weights, `SIPAS_SLOW_PATH=1`).
    private static func blockReading(_ instrument: Instrument, plan: AnalysisPlan, _ settings: AnalysisSettings)
        -> [Set<Int>]?
    {
        let design = instrument.design
        guard !settings.slowPath, !settings.keyDrivers, !settings.keepRecords,
            FastAccumulator.supports(
                plan,
                design: SurveyDesignColumns(
                    hasFPC: design.fpc != nil, hasSecondStage: design.ssu != nil,
                    hasReplicates: design.replicateWeights != nil))
        else { return nil }
        // The importer's "don't know" codes per item (its record plan), which marked the stored answers.
        let scored = instrument.scoredQuestions
        guard scored.map(\.name) == instrument.recordLayout.items else { return nil }
        return scored.map { Set(instrument.scale(of: $0)?.excluded ?? []) }
    }

    private static func finish(
        _ accumulator: SurveyAccumulator, _ instrument: Instrument, _ selection: SelectionSummary,
        location: String, year: Int?, _ settings: AnalysisSettings
    ) throws -> AnalysisRun {
        settings.observer.message(
            JobMessage.storeSelection(
                location: location, batches: selection.batches.count, responses: selection.responses, year: year,
                instrument: instrument.id
            ).text(settings.language))
        let result = try SurveyEstimator.estimate(accumulator, options: settings.estimation)
        var run = AnalysisRun(
            instrument: instrument, result: result, year: accumulator.surveyYear,
            rowsRead: selection.rowsRead, accepted: selection.accepted, rejected: selection.rejected,
            batches: selection.batches.sorted { $0.id < $1.id }, storeLocation: location)
        run.provenance = selection.provenance
        return run
    }
}
