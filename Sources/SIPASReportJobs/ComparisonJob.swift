import Foundation
import SIPASCore
import SIPASImport
import SIPASInstruments
import SIPASReport
import SIPASStats

/// Year-over-year changes: what `sipas compare` and the web's comparison page both compute. When
/// the years fall on both sides of 1 July 2025, the earlier years' provinces are regrouped into the
/// 34 provinces in force since then; a user's crosswalk regroups another column of earlier years.
public struct ComparisonJob {
    /// One input per year, oldest first.
    public var inputs: [YearInput]
    public var instrument: String?
    /// Breakdowns (default: the instrument's, plus its provincial unit).
    public var breakdowns: [String]?
    public var adjustment: PValueAdjustment
    /// A crosswalk of `column` (old → new codes) from the file named `file`, applied to all but the last year.
    public var crosswalk: (column: String, map: [String: String], file: String)?
    public var includeItems: Bool
    public var language: Language
    public var source: SourceOptions
    public var targetPlan: TargetPlan?
    public var observer: AnalysisObserver

    public init(
        inputs: [YearInput], instrument: String?, breakdowns: [String]? = nil, adjustment: PValueAdjustment = .holm,
        crosswalk: (column: String, map: [String: String], file: String)? = nil, includeItems: Bool = false,
        language: Language,
        source: SourceOptions = SourceOptions(), targetPlan: TargetPlan? = nil, observer: AnalysisObserver = .silent
    ) {
        self.inputs = inputs
        self.instrument = instrument
        self.breakdowns = breakdowns
        self.adjustment = adjustment
        self.crosswalk = crosswalk
        self.includeItems = includeItems
        self.language = language
        self.source = source
        self.targetPlan = targetPlan
        self.observer = observer
    }

    /// The comparison report (with targets, provenance and the regrouped national baselines) and the runs it rests on.
    public func run() async throws -> (report: ComparisonReport, runs: [AnalysisRun]) {
        let lang = language
        let years = try inputs.map { try $0.year() }
        // Regroup pre-merger years when the comparison reaches a year from 2025 on.
        let acrossMerger = YearInput.acrossMerger(years)
        let userCrosswalk = crosswalk.map { (column: $0.column, map: $0.map) }
        var runs: [AnalysisRun] = []
        for (index, (input, year)) in zip(inputs, years).enumerated() {
            let first = try await input.instrument(instrument, source: source, language: lang, observer: observer)
            let breakdowns = self.breakdowns ?? (first.breakdowns + [first.rollup.unit].compactMap { $0 })
            var settings = AnalysisSettings(
                instrument: instrument ?? first.id, breakdowns: breakdowns, lonelyPSU: nil,
                estimation: EstimationOptions(),
                rejects: nil, language: lang, regroupProvinces: acrossMerger && (year ?? 9999) < 2025,
                crosswalk: index < inputs.count - 1 ? userCrosswalk : nil, source: source
            )
            settings.targetPlan = targetPlan
            settings.observer = observer
            runs.append(try await input.run(settings))
        }
        let comparison = try YearComparison(
            results: runs.map(\.result), years: zip(inputs, runs).map { $0.label($1) },
            methodVersions: runs.map(\.instrument.methodVersion), adjustment: adjustment
        )
        let latest = runs[runs.count - 1]
        var regrouped = acrossMerger ? ProvinceCatalog.official.mergeDescriptions : []
        if let crosswalk {
            let merged = Dictionary(grouping: crosswalk.map, by: \.value).filter { $0.value.count > 1 }
            regrouped.append(
                JobMessage.crosswalkRegrouping(column: crosswalk.column, merged: merged.count, file: crosswalk.file)
                    .text(lang))
        }
        var report = ComparisonReport(
            comparison: comparison.removingTargetUnits(),
            labeler: ResultLabeler(instrument: latest.instrument, language: lang, year: latest.year),
            sources: zip(inputs, runs).flatMap { $0.sourceNames($1) }, regrouped: regrouped, includeItems: includeItems
        )
        report.targets = targetPlan.map { InstrumentResolver.assess($0, latest, changes: comparison) }
        report.provenance = runs.map(\.provenance).reduce(DataProvenance()) { $0.adding($1) }
        if acrossMerger {
            report.baselines = try zip(zip(inputs, years), runs).compactMap { pair, run -> NationalBaseline? in
                // The regrouped mean of units needs every stratum inside one unit: the instrument's strata are its units.
                guard (pair.1 ?? 9999) < 2025, let unit = run.instrument.rollup.unit,
                    run.instrument.design.strata == unit
                else { return nil }
                return try NationalBaseline.make(year: pair.0.label(run), result: run.result, unitVariable: unit)
            }
        }
        return (report, runs)
    }
}
