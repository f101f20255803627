import ArgumentParser
import SIPASCore
import SIPASInstruments
import SIPASReport
import SIPASReportJobs
import SIPASStats

/// The instrument the responses follow: `analyze`, `compare`, `report` and `validate`.
struct InstrumentOption: ParsableArguments {
    @Option(help: "Built-in instrument id or instrument YAML file (default: chosen from the header).")
    var instrument: String?
}

/// The instrument and language of `analyze`, `compare` and `report` (`validate` takes its language
/// from ``OutputFlags``).
struct InstrumentOptions: ParsableArguments {
    @OptionGroup var instrumentOption: InstrumentOption

    @Option(help: "Language of labels and messages: vi or en.")
    var lang: Language = .vi

    var instrument: String? { instrumentOption.instrument }
}

/// Where the results of `analyze` and `compare` go, and in which format.
struct TableOutputOptions: ParsableArguments {
    @Option(help: "Output format: table, md, csv or json.")
    var format: ReportFormat = .table

    @Option(name: [.short, .long], help: "Write the results to this file instead of standard output.")
    var output: String?
}

/// The target plan and the exit status of a run with rejected rows: `analyze`, `compare`, `report`.
struct OutcomeOptions: ParsableArguments {
    @Option(
        help:
            "Target plan: a built-in id (bac-giang-2025, hung-yen-2023, luc-ngan-2024, hung-thang-2025, bac-giang-2021-2030) or a YAML file."
    )
    var targets: String?

    @Flag(name: .customLong("accept-rejects"), help: "Exit 0 even when rows were rejected.")
    var acceptRejects = false

    /// The plan named by `--targets`, if any.
    func plan() throws -> TargetPlan? {
        try targets.map { try InstrumentResolver.targets($0) }
    }

    /// The targets of `plan` assessed on `run` (relative ones on `changes`), when a plan was given.
    func assess(_ plan: TargetPlan?, _ run: AnalysisRun, changes: YearComparison? = nil) -> TargetTable? {
        plan.map { InstrumentResolver.assess($0, run, changes: changes) }
    }

    /// 65 when any run rejected rows (unless `--accept-rejects`), else 0.
    func status(_ runs: [AnalysisRun]) -> Int32 {
        runs.contains { $0.rejected > 0 } && !acceptRejects ? ExitStatus.dataError : ExitStatus.ok
    }
}

/// A survey store read instead of files: `analyze`, `compare`, `report`.
struct StoreOption: ParsableArguments {
    @Option(
        help: "Read the responses in force in this survey store (a SQLite file or a postgres:// URL) instead of files.")
    var store: String?
}

/// What `analyze` and `compare` share besides their own options: the store read instead of files,
/// the instrument and language, the output and its format, the targets, the exit status with
/// rejected rows, and how files are read.
struct AnalysisCommandOptions: ParsableArguments {
    @OptionGroup var storeOption: StoreOption
    @OptionGroup var instrumentOptions: InstrumentOptions
    @OptionGroup var output: TableOutputOptions
    @OptionGroup var outcome: OutcomeOptions
    @OptionGroup var importFlags: ImportFlags

    var store: String? { storeOption.store }
    var instrument: String? { instrumentOptions.instrument }
    var lang: Language { instrumentOptions.lang }
}
