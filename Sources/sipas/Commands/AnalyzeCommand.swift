import ArgumentParser
import Foundation
import SIPASCore
import SIPASImport
import SIPASInstruments
import SIPASReport
import SIPASReportJobs
import SIPASStats
import SIPASStorePostgres

extension ReportFormat: ExpressibleByArgument {}
extension CIMethod: ExpressibleByArgument {}
extension LonelyPSU: ExpressibleByArgument {}
extension VarianceMethod: ExpressibleByArgument {}
extension CalibrationSpec.Method: ExpressibleByArgument {}

/// `sipas analyze FILE…`: satisfaction indices with design-based confidence intervals.
struct AnalyzeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Compute satisfaction indices (overall, areas, elements, items) with 95 % confidence intervals.",
        discussion: """
            Reads one or more response files of the same instrument (merged as one sample), checks every \
            row, and estimates for the whole sample and each breakdown the share of satisfied answers and \
            the mean score, with Taylor-linearised standard errors for the weights, strata and clusters. \
            Rejected rows are written to the rejects file; the exit status is then 65.
            """
    )

    @Argument(help: "Response files (CSV in UTF-8, UTF-16, CP1258, TCVN3 or VNI, or .xlsx).")
    var files: [String] = []

    @Option(help: "With --store: only responses of this survey year.")
    var year: Int?

    @Option(help: "Breakdowns, comma-separated; `a*b` crosses two columns (default: the instrument's).")
    var by: String?

    @Flag(help: "Also show each item in the table and Markdown formats.")
    var items = false

    @Option(help: "Interval for shares: logit (default, as R svyciprop), wald, wilson or beta (Korn–Graubard).")
    var ci: CIMethod = .logit

    @Option(
        help:
            "Standard errors: linearization (default), jackknife (JK1/JKn from the PSUs), bootstrap (Rao–Wu) or replicate-weights (the instrument's design.replicate_weights columns)."
    )
    var variance: VarianceMethod = .linearization

    @Option(help: "Bootstrap replicates (with --variance bootstrap).")
    var replicates: Int = 500

    @Option(help: "Seed of the bootstrap's random numbers (GSL mt19937); the same seed gives the same SEs.")
    var seed: UInt = 20_261_123

    @Option(help: "Population margins CSV (variables…, population) to calibrate the weights to; repeat for raking.")
    var calibrate: [String] = []

    @Option(help: "Calibration: post-stratify (default with one margins file) or rake (default with several).")
    var calibration: CalibrationSpec.Method?

    @Option(help: "Confidence level.")
    var level: Double = 0.95

    @Option(
        name: .customLong("lonely-psu"),
        help: "Strata with one PSU: fail, remove, certainty, adjust or average (default: the instrument's).")
    var lonelyPSU: LonelyPSU?

    @Option(help: "Where to write rejected rows (default: <input name>.rejects.csv in the current directory).")
    var rejects: String?

    @Flag(help: "Accept nothing when any row is invalid: no results, exit status 65.")
    var strict = false

    @OptionGroup var common: AnalysisCommandOptions

    @Option(
        help:
            "Threads for reading CSV files and estimating (default: the active processors); results are the same for any number."
    )
    var threads: Int?

    func validate() throws {
        guard level > 0, level < 1 else { throw ValidationError("--level must be between 0 and 1, e.g. 0.95") }
        guard ![.t, .clopperPearsonEdge].contains(ci) else {
            throw ValidationError("--ci must be logit, wald, wilson or beta")
        }
        guard replicates >= 2 else { throw ValidationError("--replicates must be at least 2") }
        guard calibration == nil || !calibrate.isEmpty else {
            throw ValidationError("--calibration needs --calibrate FILE")
        }
        let store = common.store
        guard files.isEmpty != (store == nil) else { throw ValidationError("give response files or --store, not both") }
        if year != nil, store == nil { throw ValidationError("--year selects responses of a --store") }
        // A PostgreSQL store sums per stratum × PSU × breakdown group on the server, not per calibration cell.
        if let store, !StoreLocation.readsRecords(store), !calibrate.isEmpty {
            throw ValidationError("--calibrate works on files and SQLite stores, not yet on a PostgreSQL store")
        }
    }

    func run() async throws {
        try await ErrorReporter.exit(language: common.lang) { try await analyze() }
    }

    private func analyze() async throws -> Int32 {
        let lang = common.lang
        var estimation = EstimationOptions(level: level, shareCI: ci, variance: variance)
        estimation.replicates = replicates
        estimation.seed = seed
        var settings = AnalysisSettings(
            instrument: common.instrument, breakdowns: by.map(splitList), lonelyPSU: lonelyPSU,
            estimation: estimation, rejects: rejects, language: lang,
            source: common.importFlags.source, strict: strict, quiet: common.importFlags.quiet
        )
        settings.observer = .console
        if let threads { settings.threads = max(1, threads) }
        let targetPlan = try common.outcome.plan()
        settings.targetPlan = targetPlan
        if !calibrate.isEmpty {
            let margins = try calibrate.map { path -> PopulationMargin in
                guard FileManager.default.fileExists(atPath: path) else { throw CLIError.inputMissing(path) }
                let url = URL(fileURLWithPath: path)
                return try PopulationMargin.parse(
                    csv: String(contentsOf: url, encoding: .utf8), file: url.lastPathComponent)
            }
            settings.calibration = CalibrationSpec(
                method: calibration ?? (margins.count == 1 ? .postStratify : .rake), margins: margins)
        }
        let run: AnalysisRun
        if let store = common.store {
            run = try await AnalysisRunner.run(store: store, year: year, settings)
        } else {
            run = try AnalysisRunner.run(files, settings)
        }
        let sources =
            common.store == nil ? files.map { URL(fileURLWithPath: $0).lastPathComponent } : run.batches.map(\.fileName)
        let labeler = ResultLabeler(instrument: run.instrument, language: lang, year: run.year)
        var report = AnalysisReport(
            result: run.result.removingTargetUnits(), labeler: labeler, sources: sources,
            rowsRead: run.rowsRead, accepted: run.accepted, rejected: run.rejected, includeItems: items
        )
        report.targets = common.outcome.assess(targetPlan, run)
        report.provenance = run.provenance
        let rendered = try report.render(common.output.format)
        PhaseTrace.mark("report rendered")
        try Console.emit(rendered, to: common.output.output)
        PhaseTrace.mark("report written")
        return common.outcome.status([run])
    }
}

/// "sector, province_code" → ["sector", "province_code"].
func splitList(_ text: String) -> [String] {
    text.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
}
