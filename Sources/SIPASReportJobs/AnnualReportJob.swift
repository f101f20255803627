import Foundation
import SIPASCore
import SIPASImport
import SIPASInstruments
import SIPASReport
import SIPASStats

/// The annual report of one year (and optionally the year before): what `sipas report` and the
/// web's report page both compute. The years are analysed oldest first; the current one keeps its
/// records (SPSS) and fits the key drivers; years on both sides of 1 July 2025 are compared on the
/// 34 new provinces.
public struct AnnualReportJob {
    /// Last year (optional) then this year, as files or a store's years.
    public var inputs: [YearInput]
    /// The instrument asked for, else the one chosen from the current year's header or batches.
    public var instrument: String?
    public var language: Language
    public var source: SourceOptions
    public var quiet: Bool
    public var targetPlan: TargetPlan?
    /// Cells with fewer answers are suppressed.
    public var minimumN: Int
    public var observer: AnalysisObserver

    public init(
        inputs: [YearInput], instrument: String?, language: Language, source: SourceOptions = SourceOptions(),
        quiet: Bool = false,
        targetPlan: TargetPlan? = nil, minimumN: Int = 30, observer: AnalysisObserver = .silent
    ) {
        self.inputs = inputs
        self.instrument = instrument
        self.language = language
        self.source = source
        self.quiet = quiet
        self.targetPlan = targetPlan
        self.minimumN = minimumN
        self.observer = observer
    }

    /// The report's input with the analyses it rests on; the caller may add the field-work annex
    /// before building it with ``AnnualReportBuilder``.
    public struct Prepared {
        public var input: AnnualReportInput
        public var runs: [AnalysisRun]
        public var current: AnalysisRun { runs[runs.count - 1] }

        /// The accepted responses of the current year for SPSS/PSPP.
        public var spss: SPSSExport {
            SPSSExport(
                instrument: current.instrument, layout: current.instrument.recordLayout, records: current.records,
                language: input.language, year: current.year, provenance: input.provenance)
        }

        /// `requested` without the SPSS files when a PostgreSQL store summed on the server (no responses to write).
        public func formats(_ requested: [AnnualReportFormat]) -> [AnnualReportFormat] {
            requested.filter { $0 != .sps || !current.aggregatedOnServer }
        }
    }

    /// The inputs' survey years, in order.
    public func years() throws -> [Int?] {
        try inputs.map { try $0.year() }
    }

    public func prepare() async throws -> Prepared {
        let lang = language
        let years = try self.years()
        // As `compare`: regroup the earlier year into the 34 provinces when the years straddle 1 July 2025.
        let acrossMerger = YearInput.acrossMerger(years)
        let chosen = try await inputs[inputs.count - 1].instrument(
            instrument, source: source, language: lang, observer: observer)
        let identifying = Set(chosen.questions.filter(\.identifying).map(\.name))
        // The agency ranking (when the instrument asks the agency) rests on its own breakdown.
        let breakdowns =
            (chosen.breakdowns + [chosen.rollup.unit, AgencyRanking.breakdown(for: chosen)].compactMap { $0 })
            .filter { !identifying.contains($0) }
        var runs: [AnalysisRun] = []
        for (index, (input, year)) in zip(inputs, years).enumerated() {
            let isCurrent = index == inputs.count - 1
            var settings = AnalysisSettings(
                instrument: instrument ?? chosen.id, breakdowns: breakdowns, lonelyPSU: nil,
                estimation: EstimationOptions(),
                // Rejected rows keep every original column (identifying ones too), so they go beside the
                // input as with `analyze` (<name>.rejects.csv in the current folder), never into the report.
                rejects: nil, language: lang, regroupProvinces: acrossMerger && (year ?? 9999) < 2025,
                source: source, quiet: quiet, keyDrivers: isCurrent, keepRecords: isCurrent
            )
            settings.targetPlan = targetPlan
            settings.observer = observer
            runs.append(try await input.run(settings))
        }
        let current = runs[runs.count - 1]
        var comparison: YearComparison?
        if runs.count == 2 {
            comparison = try YearComparison(
                results: runs.map(\.result), years: zip(inputs, runs).map { $0.label($1) },
                methodVersions: runs.map(\.instrument.methodVersion))
        }
        var input = AnnualReportInput(
            instrument: current.instrument, result: current.result.removingTargetUnits(), year: current.year,
            comparison: comparison?.removingTargetUnits(),
            regrouped: acrossMerger ? ProvinceCatalog.official.mergeDescriptions : [],
            targets: targetPlan.map { InstrumentResolver.assess($0, current, changes: comparison) },
            drivers: current.drivers,
            files: try zip(inputs, runs).reversed().flatMap { try $0.sourceFiles($1) }, language: lang,
            minimumN: minimumN
        )
        input.store = current.storeLocation
        input.provenance = runs.map(\.provenance).reduce(DataProvenance()) { $0.adding($1) }
        input.driversUnavailable = current.driversUnavailable
        if current.aggregatedOnServer {
            input.perceptionUnavailable =
                current.instrument.perceptionQuestions.isEmpty ? nil : PerceptionResults.summedOnServer
        } else {
            input.perception = try PerceptionResults.estimate(current.records, instrument: current.instrument)
        }
        return Prepared(input: input, runs: runs)
    }
}
