import ArgumentParser
import Foundation
import SIPASCore
import SIPASImport
import SIPASReport
import SIPASReportJobs
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

    @Option(
        help:
            "A crosswalk CSV (old_code,new_code) regrouping an earlier year's codes of --crosswalk-column, e.g. communes before and after 1 July 2025."
    )
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
        let inputs = YearInput.list(files: files, store: common.store, years: yearList)
        let userCrosswalk = try crosswalk.map { path -> (column: String, map: [String: String], file: String) in
            guard let data = FileManager.default.contents(atPath: path) else { throw CLIError.inputMissing(path) }
            let walk = try Crosswalk(
                csv: String(decoding: data, as: UTF8.self), file: URL(fileURLWithPath: path).lastPathComponent)
            return (crosswalkColumn, walk.newCodeOfOldCode, path)
        }
        let job = ComparisonJob(
            inputs: inputs, instrument: common.instrument, breakdowns: by.map(splitList), adjustment: adjust,
            crosswalk: userCrosswalk, includeItems: items, language: common.lang, source: common.importFlags.source,
            targetPlan: try common.outcome.plan(), observer: .console)
        let (report, runs) = try await job.run()
        try Console.emit(try report.render(common.output.format), to: common.output.output)
        return common.outcome.status(runs)
    }
}
