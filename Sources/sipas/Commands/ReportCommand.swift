import ArgumentParser
import Foundation
import SIPASCore
import SIPASImport
import SIPASInstruments
import SIPASReport
import SIPASReportJobs
import SIPASStats

extension AnnualReportFormat: ExpressibleByArgument {}

/// `sipas report 2024.csv [--previous 2023.csv]` or `sipas report --store sipas.db --year 2024
/// [--previous-year 2023]`: the annual report's tables in every format.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the annual report: summary, provinces, elements, sectors, targets, key drivers, annexes.",
        discussion: """
            Writes into --out (default Reports/<year>/): report.md, report.html (self-contained, with SVG \
            charts, printable on A4), report.xlsx (one sheet per table), csv/<table>.csv, report.json, \
            and responses.csv with responses.sps (SPSS/PSPP syntax: labels and missing values). With \
            --previous, every table gains last year's value and the change; years on both sides of \
            1 July 2025 are compared on the 34 new provinces. Cells with fewer than --min-n answers are \
            suppressed; columns marked identifying in the instrument are never written. With --store, \
            the store's responses in force of --year (and --previous-year) are reported; the annexes \
            list the batches read, with the file names, row counts and SHA-256 recorded when they were \
            loaded. A PostgreSQL store returns sums, not responses: no key drivers and no sps there. \
            With --sample (the selection of `sipas design draw`), the data-quality annex adds field work \
            against the plan per --progress-by level: forms planned (main units), received (accepted \
            plus the rows a SQLite store rejected), accepted, the response rate and the groups below \
            --behind percent.
            """
    )

    @Argument(help: "This year's response file (CSV).")
    var file: String?

    @Option(help: "Last year's response file, for changes and ranks.")
    var previous: String?

    @OptionGroup var storeOption: StoreOption

    @Option(help: "With --store: this year's survey year.")
    var year: Int?

    @Option(name: .customLong("previous-year"), help: "With --store: last year's survey year, for changes and ranks.")
    var previousYear: Int?

    @OptionGroup var outcome: OutcomeOptions

    @Option(help: "Output folder (default: Reports/<year>/).")
    var out: String?

    @Option(help: "Formats, comma-separated: md, html, xlsx, csv, json, sps, docx (default: all).")
    var format: String = AnnualReportFormat.allCases.map(\.rawValue).joined(separator: ",")

    @OptionGroup var instrumentOptions: InstrumentOptions

    @Option(name: .customLong("min-n"), help: "Suppress cells resting on fewer answers than this.")
    var minN = 30

    @Option(help: "A folder with report.md.mustache and/or report.html.mustache replacing the built-in templates.")
    var templates: String?

    @Flag(help: "Start CSV files with a UTF-8 byte order mark (for Excel).")
    var bom = false

    @OptionGroup var importFlags: ImportFlags

    @Option(help: "The selection CSV of `sipas design draw`: field work against it in the data-quality annex.")
    var sample: String?

    @Option(
        name: .customLong("progress-by"),
        help: "With --sample: levels, comma-separated columns of the selection and the responses.")
    var progressBy: String = "province_code"

    @Option(help: "With --sample: response rate in percent below which a group is behind.")
    var behind: Double = 80

    func validate() throws {
        guard behind >= 0, behind <= 100 else { throw ValidationError("--behind must be a percentage from 0 to 100") }
        guard minN >= 1 else { throw ValidationError("--min-n must be at least 1") }
        for name in splitList(format) where AnnualReportFormat(rawValue: name) == nil {
            throw ValidationError("unknown format '\(name)' (md, html, xlsx, csv, json, sps, docx)")
        }
        if storeOption.store == nil {
            guard file != nil else { throw ValidationError("give this year's response file, or --store with --year") }
            guard year == nil, previousYear == nil else {
                throw ValidationError("--year and --previous-year select the years of a --store")
            }
        } else {
            guard file == nil, previous == nil else {
                throw ValidationError("give response files or --store, not both")
            }
            guard year != nil else { throw ValidationError("with --store, give the year to report with --year") }
        }
    }

    func run() async throws {
        try await ErrorReporter.exit(language: instrumentOptions.lang) { try await report() }
    }

    private func report() async throws -> Int32 {
        let started = Date()
        let lang = instrumentOptions.lang
        var job = AnnualReportJob(
            inputs: YearInput.list(
                files: [previous, file].compactMap { $0 }, store: storeOption.store,
                years: [previousYear, year].compactMap { $0 }),
            instrument: instrumentOptions.instrument, language: lang, source: importFlags.source,
            quiet: importFlags.quiet, minimumN: minN,
            observer: .console
        )
        let years = try job.years()
        let directory = URL(
            fileURLWithPath: out ?? "Reports/\(years.last.flatMap { $0 }.map(String.init) ?? "report")",
            isDirectory: true)
        do { try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true) } catch {
            throw CLIError.cannotWrite(path: directory.path, reason: error.localizedDescription)
        }
        job.targetPlan = try outcome.plan()
        var prepared = try await job.prepare()
        let current = prepared.current
        if let sample {
            let levels = splitList(progressBy)
            var keys: (accepted: [[String]], rejected: [[String]]) = ([], [])
            if let store = storeOption.store {
                keys = try await FieldworkKeys.fromStore(
                    store, year: year, instrument: current.instrument.id, levels: levels, language: lang)
            } else if let file {
                keys.accepted = try FieldworkProgress.keys(try DesignIO.readTable(file), levels: levels)
            }
            prepared.input.progress = try FieldworkKeys.annex(
                sample: sample, levels: levels, accepted: keys.accepted, rejected: keys.rejected,
                threshold: behind / 100)
        }
        if let reason = current.driversUnavailable {
            Console.message(CLIMessage.keyDriversPrefix.text(lang) + reason.text(lang))
        }
        let report = AnnualReportBuilder(prepared.input).build()
        let spss = prepared.spss
        let writer = ReportWriter(
            templates: try ReportTemplates(directory: templates.map { URL(fileURLWithPath: $0, isDirectory: true) }),
            bom: bom)
        // A PostgreSQL store sums on the server: there are no responses to write (said by the run).
        let formats = prepared.formats(splitList(format).compactMap(AnnualReportFormat.init(rawValue:)))
        let written: [URL]
        do {
            written = try writer.write(report, formats: formats, spss: spss, to: directory)
        } catch {
            throw CLIError.cannotWrite(path: directory.path, reason: "\(error)")
        }
        let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
        Console.message(
            CLIMessage.wroteFiles(count: written.count, directory: directory.path, seconds: seconds).text(lang))
        return outcome.status(prepared.runs)
    }
}
