import ArgumentParser
import Foundation
import SIPASCore
import SIPASImport
import SIPASReport
import SIPASStats

extension PValueAdjustment: ExpressibleByArgument {}

/// `sipas compare 2023.csv 2024.csv …` or `sipas compare --store sipas.db --years 2023,2024`:
/// year-over-year changes, across the 2025 province merger.
struct CompareCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare survey years: each year's index, the change with its 95 % CI and p-value, ranks.",
        discussion: """
        Give one file per year, oldest first, or a survey store with --store and the years with \
        --years (the store's responses in force of each year give the numbers of the files they \
        were loaded from). When the years fall on both sides of 1 July 2025, the earlier years' \
        provinces are regrouped into the 34 provinces in force since then (the old provinces stay \
        strata), and the output lists the regrouped provinces. Years measured with different method \
        versions are marked as a method break.
        """
    )

    @Argument(help: "One response file per year, oldest first.")
    var files: [String] = []

    @Option(help: "With --store: the survey years to compare, comma-separated, oldest first (e.g. 2023,2024).")
    var years: String?

    @Option(help: "Breakdowns, comma-separated (default: the instrument's, plus its provincial unit).")
    var by: String?

    @Option(help: "Adjustment of p-values across a breakdown's groups: holm, BH, bonferroni or none.")
    var adjust: PValueAdjustment = .holm

    @Option(help: "A crosswalk CSV (old_code,new_code) regrouping an earlier year's codes of --crosswalk-column, e.g. communes before and after 1 July 2025.")
    var crosswalk: String?

    @Option(name: .customLong("crosswalk-column"), help: "The column the crosswalk applies to.")
    var crosswalkColumn = "commune_code"

    @Flag(help: "Also show each item in the whole-sample table.")
    var items = false

    @OptionGroup var common: AnalysisCommandOptions

    private var yearList: [Int] { years.map(splitList)?.compactMap { Int($0) } ?? [] }

    func validate() throws {
        if common.store == nil {
            guard years == nil else { throw ValidationError("--years selects the years of a --store") }
            guard files.count >= 2 else { throw ValidationError("compare needs at least two files, one per year") }
        } else {
            guard files.isEmpty else { throw ValidationError("give response files or --store, not both") }
            guard let years, yearList.count == splitList(years).count, yearList.count >= 2 else {
                throw ValidationError("with --store, --years needs at least two years, e.g. --years 2023,2024")
            }
        }
    }

    func run() async throws {
        try await ErrorReporter.exit(language: common.lang) { try await compare() }
    }

    private func compare() async throws -> Int32 {
        let lang = common.lang, instrument = common.instrument
        let inputs = YearInput.list(files: files, store: common.store, years: yearList)
        let years = try inputs.map { try $0.year() }
        // Regroup pre-merger years when the comparison reaches a year from 2025 on.
        let acrossMerger = YearInput.acrossMerger(years)
        let userCrosswalk = try crosswalk.map { path -> (column: String, map: [String: String]) in
            guard let data = FileManager.default.contents(atPath: path) else { throw CLIError.inputMissing(path) }
            let walk = try Crosswalk(csv: String(decoding: data, as: UTF8.self), file: URL(fileURLWithPath: path).lastPathComponent)
            return (crosswalkColumn, walk.newCodeOfOldCode)
        }
        let targetPlan = try common.outcome.plan()
        var runs: [AnalysisRun] = []
        for (index, (input, year)) in zip(inputs, years).enumerated() {
            let first = try await input.instrument(instrument, source: common.importFlags.source, language: lang)
            let breakdowns = by.map(splitList) ?? (first.breakdowns + [first.rollup.unit].compactMap { $0 })
            var settings = AnalysisSettings(
                instrument: instrument ?? first.id, breakdowns: breakdowns, lonelyPSU: nil, estimation: EstimationOptions(),
                rejects: nil, language: lang, regroupProvinces: acrossMerger && (year ?? 9999) < 2025,
                crosswalk: index < inputs.count - 1 ? userCrosswalk : nil, source: common.importFlags.source
            )
            settings.targetPlan = targetPlan
            runs.append(try await input.run(settings))
        }
        let comparison = try YearComparison(
            results: runs.map(\.result), years: zip(inputs, runs).map { $0.label($1) },
            methodVersions: runs.map(\.instrument.methodVersion), adjustment: adjust
        )
        let latest = runs[runs.count - 1]
        var regrouped = acrossMerger ? ProvinceCatalog.official.mergeDescriptions : []
        if let userCrosswalk {
            let merged = Dictionary(grouping: userCrosswalk.map, by: \.value).filter { $0.value.count > 1 }
            regrouped.append((lang == .vi ? "\(userCrosswalk.column): \(merged.count) mã mới gộp từ nhiều mã cũ theo \(crosswalk!)"
                                           : "\(userCrosswalk.column): \(merged.count) new codes regrouping several old ones, from \(crosswalk!)"))
        }
        var report = ComparisonReport(
            comparison: comparison.removingTargetUnits(), labeler: ResultLabeler(instrument: latest.instrument, language: lang, year: latest.year),
            sources: zip(inputs, runs).flatMap { $0.sourceNames($1) }, regrouped: regrouped, includeItems: items
        )
        report.targets = common.outcome.assess(targetPlan, latest, changes: comparison)
        report.provenance = runs.map(\.provenance).reduce(DataProvenance()) { $0.adding($1) }
        if acrossMerger {
            report.baselines = try zip(zip(inputs, years), runs).compactMap { pair, run -> NationalBaseline? in
                // The regrouped mean of units needs every stratum inside one unit: the instrument's strata are its units.
                guard (pair.1 ?? 9999) < 2025, let unit = run.instrument.rollup.unit, run.instrument.design.strata == unit else { return nil }
                return try NationalBaseline.make(year: pair.0.label(run), result: run.result, unitVariable: unit)
            }
        }
        try Console.emit(try report.render(common.output.format), to: common.output.output)
        return common.outcome.status(runs)
    }
}
