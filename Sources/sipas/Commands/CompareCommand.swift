import ArgumentParser
import Foundation
import SIPASCore
import SIPASImport
import SIPASReport
import SIPASStats

extension PValueAdjustment: ExpressibleByArgument {}

/// `sipas compare 2023.csv 2024.csv …`: year-over-year changes, across the 2025 province merger.
struct CompareCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare survey years: each year's index, the change with its 95 % CI and p-value, ranks.",
        discussion: """
        Give one file per year, oldest first. When the years fall on both sides of 1 July 2025, the \
        earlier years' provinces are regrouped into the 34 provinces in force since then (the old \
        provinces stay strata), and the output lists the regrouped provinces. Years measured with \
        different method versions are marked as a method break.
        """
    )

    @Argument(help: "One response file per year, oldest first.")
    var files: [String]

    @Option(help: "Built-in instrument id or YAML file for every file (default: chosen from each header).")
    var instrument: String?

    @Option(help: "Breakdowns, comma-separated (default: the instrument's, plus its provincial unit).")
    var by: String?

    @Option(help: "Output format: table, md, csv or json.")
    var format: ReportFormat = .table

    @Option(name: [.short, .long], help: "Write the results to this file instead of standard output.")
    var output: String?

    @Option(help: "Target plan: a built-in id (bac-giang-2025, hung-yen-2023, luc-ngan-2024, hung-thang-2025, bac-giang-2021-2030) or a YAML file.")
    var targets: String?

    @Option(help: "Language of labels and messages: vi or en.")
    var lang: Language = .vi

    @Option(help: "Adjustment of p-values across a breakdown's groups: holm, BH, bonferroni or none.")
    var adjust: PValueAdjustment = .holm

    @Option(help: "A crosswalk CSV (old_code,new_code) regrouping an earlier year's codes of --crosswalk-column, e.g. communes before and after 1 July 2025.")
    var crosswalk: String?

    @Option(name: .customLong("crosswalk-column"), help: "The column the crosswalk applies to.")
    var crosswalkColumn = "commune_code"

    @Flag(help: "Also show each item in the whole-sample table.")
    var items = false

    @OptionGroup var importFlags: ImportFlags

    @Flag(name: .customLong("accept-rejects"), help: "Exit 0 even when rows were rejected.")
    var acceptRejects = false

    func validate() throws {
        guard files.count >= 2 else { throw ValidationError("compare needs at least two files, one per year") }
    }

    func run() async throws {
        try await ErrorReporter.exit(language: lang) { try compare() }
    }

    private func compare() throws -> Int32 {
        let years = try files.map { path -> Int? in
            guard FileManager.default.fileExists(atPath: path) else { throw CLIError.inputMissing(path) }
            return try InstrumentDetector.peekYear(of: URL(fileURLWithPath: path))
        }
        // Regroup pre-merger years when the comparison reaches a year from 2025 on.
        let acrossMerger = years.contains { ($0 ?? 0) >= 2025 } && years.contains { ($0 ?? 9999) < 2025 }
        let userCrosswalk = try crosswalk.map { path -> (column: String, map: [String: String]) in
            guard let data = FileManager.default.contents(atPath: path) else { throw CLIError.inputMissing(path) }
            let walk = try Crosswalk(csv: String(decoding: data, as: UTF8.self), file: URL(fileURLWithPath: path).lastPathComponent)
            return (crosswalkColumn, walk.newCodeOfOldCode)
        }
        var runs: [AnalysisRun] = []
        for (index, (path, year)) in zip(files, years).enumerated() {
            let first = try AnalysisRunner.chooseInstrument(instrument, for: URL(fileURLWithPath: path), source: importFlags.source, language: lang)
            let breakdowns = by.map(splitList) ?? (first.breakdowns + [first.rollup.unit].compactMap { $0 })
            let settings = AnalysisSettings(
                instrument: instrument ?? first.id, breakdowns: breakdowns, lonelyPSU: nil, estimation: EstimationOptions(),
                rejects: nil, language: lang, regroupProvinces: acrossMerger && (year ?? 9999) < 2025,
                crosswalk: index < files.count - 1 ? userCrosswalk : nil, source: importFlags.source
            )
            runs.append(try AnalysisRunner.run([path], settings))
        }
        let labels = zip(runs, files).map { run, path in run.year.map(String.init) ?? URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent }
        let comparison = try YearComparison(
            results: runs.map(\.result), years: labels, methodVersions: runs.map(\.instrument.methodVersion), adjustment: adjust
        )
        let latest = runs[runs.count - 1]
        var regrouped = acrossMerger ? ProvinceCatalog.official.mergeDescriptions : []
        if let userCrosswalk {
            let merged = Dictionary(grouping: userCrosswalk.map, by: \.value).filter { $0.value.count > 1 }
            regrouped.append((lang == .vi ? "\(userCrosswalk.column): \(merged.count) mã mới gộp từ nhiều mã cũ theo \(crosswalk!)"
                                           : "\(userCrosswalk.column): \(merged.count) new codes regrouping several old ones, from \(crosswalk!)"))
        }
        var report = ComparisonReport(
            comparison: comparison, labeler: ResultLabeler(instrument: latest.instrument, language: lang, year: latest.year),
            sources: files.map { URL(fileURLWithPath: $0).lastPathComponent }, regrouped: regrouped, includeItems: items
        )
        if let targets { report.targets = InstrumentResolver.assess(try InstrumentResolver.targets(targets), latest) }
        try Console.emit(try report.render(format), to: output)
        return runs.contains { $0.rejected > 0 } && !acceptRejects ? ExitStatus.dataError : ExitStatus.ok
    }
}
