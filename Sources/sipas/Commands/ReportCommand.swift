import ArgumentParser
import Foundation
import SIPASCore
import SIPASImport
import SIPASInstruments
import SIPASReport
import SIPASStats

extension AnnualReportFormat: ExpressibleByArgument {}

/// `sipas report 2024.csv [--previous 2023.csv]`: the annual report's tables in every format.
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
        suppressed; columns marked identifying in the instrument are never written.
        """
    )

    @Argument(help: "This year's response file (CSV).")
    var file: String

    @Option(help: "Last year's response file, for changes and ranks.")
    var previous: String?

    @Option(help: "Target plan: a built-in id (bac-giang-2025, hung-yen-2023, luc-ngan-2024, hung-thang-2025, bac-giang-2021-2030) or a YAML file.")
    var targets: String?

    @Option(help: "Output folder (default: Reports/<year>/).")
    var out: String?

    @Option(help: "Formats, comma-separated: md, html, xlsx, csv, json, sps (default: all).")
    var format: String = AnnualReportFormat.allCases.map(\.rawValue).joined(separator: ",")

    @Option(help: "Language of labels and messages: vi or en.")
    var lang: Language = .vi

    @Option(name: .customLong("min-n"), help: "Suppress cells resting on fewer answers than this.")
    var minN = 30

    @Option(help: "Built-in instrument id or instrument YAML file (default: chosen from the header).")
    var instrument: String?

    @Option(help: "A folder with report.md.mustache and/or report.html.mustache replacing the built-in templates.")
    var templates: String?

    @Flag(help: "Start CSV files with a UTF-8 byte order mark (for Excel).")
    var bom = false

    @Flag(name: .customLong("accept-rejects"), help: "Exit 0 even when rows were rejected.")
    var acceptRejects = false

    func validate() throws {
        guard minN >= 1 else { throw ValidationError("--min-n must be at least 1") }
        for name in splitList(format) where AnnualReportFormat(rawValue: name) == nil {
            throw ValidationError("unknown format '\(name)' (md, html, xlsx, csv, json, sps)")
        }
    }

    func run() async throws {
        try await ErrorReporter.exit(language: lang) { try report() }
    }

    private func report() throws -> Int32 {
        let started = Date()
        let paths = [previous, file].compactMap { $0 }
        let years = try paths.map { path -> Int? in
            guard FileManager.default.fileExists(atPath: path) else { throw CLIError.inputMissing(path) }
            return try InstrumentDetector.peekYear(of: URL(fileURLWithPath: path))
        }
        // As `compare`: regroup the earlier year into the 34 provinces when the years straddle 1 July 2025.
        let acrossMerger = years.contains { ($0 ?? 0) >= 2025 } && years.contains { ($0 ?? 9999) < 2025 }
        let chosen = try AnalysisRunner.chooseInstrument(instrument, for: URL(fileURLWithPath: file), language: lang)
        let identifying = Set(chosen.questions.filter(\.identifying).map(\.name))
        let breakdowns = (chosen.breakdowns + [chosen.rollup.unit].compactMap { $0 }).filter { !identifying.contains($0) }
        let directory = URL(fileURLWithPath: out ?? "Reports/\(years.last.flatMap { $0 }.map(String.init) ?? "report")", isDirectory: true)
        do { try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true) } catch {
            throw CLIError.cannotWrite(path: directory.path, reason: error.localizedDescription)
        }
        var runs: [AnalysisRun] = []
        for (index, (path, year)) in zip(paths, years).enumerated() {
            let isCurrent = index == paths.count - 1
            let settings = AnalysisSettings(
                instrument: instrument ?? chosen.id, breakdowns: breakdowns, lonelyPSU: nil, estimation: EstimationOptions(),
                // Rejected rows keep every original column (identifying ones too), so they go beside the
                // input as with `analyze` (<name>.rejects.csv in the current folder), never into the report.
                rejects: nil, language: lang, regroupProvinces: acrossMerger && (year ?? 9999) < 2025,
                keyDrivers: isCurrent, keepRecords: isCurrent
            )
            runs.append(try AnalysisRunner.run([path], settings))
        }
        let current = runs[runs.count - 1]
        var comparison: YearComparison?
        if runs.count == 2 {
            let labels = zip(runs, paths).map { run, path in run.year.map(String.init) ?? URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent }
            comparison = try YearComparison(results: runs.map(\.result), years: labels, methodVersions: runs.map(\.instrument.methodVersion))
        }
        let files = try zip(runs, paths).reversed().map { run, path in
            AnnualReportInput.SourceFile(
                name: URL(fileURLWithPath: path).lastPathComponent, year: run.year.map(String.init) ?? "–",
                sha256: try FileDigest.sha256(of: URL(fileURLWithPath: path)),
                rowsRead: run.rowsRead, accepted: run.accepted, rejected: run.rejected)
        }
        let input = AnnualReportInput(
            instrument: current.instrument, result: current.result, year: current.year, comparison: comparison,
            regrouped: acrossMerger ? ProvinceCatalog.official.mergeDescriptions : [],
            targets: try targets.map { InstrumentResolver.assess(try InstrumentResolver.targets($0), current) },
            drivers: current.drivers, files: files, language: lang, minimumN: minN
        )
        let report = AnnualReportBuilder(input).build()
        let spss = SPSSExport(instrument: current.instrument, layout: current.instrument.recordLayout, records: current.records,
                              language: lang, year: current.year)
        let writer = ReportWriter(templates: try ReportTemplates(directory: templates.map { URL(fileURLWithPath: $0, isDirectory: true) }), bom: bom)
        let formats = splitList(format).compactMap(AnnualReportFormat.init(rawValue:))
        let written: [URL]
        do {
            written = try writer.write(report, formats: formats, spss: spss, to: directory)
        } catch {
            throw CLIError.cannotWrite(path: directory.path, reason: "\(error)")
        }
        let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
        Console.message(lang == .vi ? "Đã ghi \(written.count) tệp vào \(directory.path) (\(seconds) s)"
                                    : "Wrote \(written.count) files to \(directory.path) (\(seconds) s)")
        return runs.contains { $0.rejected > 0 } && !acceptRejects ? ExitStatus.dataError : ExitStatus.ok
    }
}
