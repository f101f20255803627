import ArgumentParser
import Foundation
import SIPASCore
import SIPASImport
import SIPASReportJobs
import SIPASStore
import SIPASStorePostgres

/// `sipas import FILE… --store sipas.db`: checked rows into the survey store, one batch per file.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Load response files into a survey store, one batch per file (one transaction each).",
        discussion: """
            Every row is checked as by `analyze`; accepted rows and rejected rows (with their reasons) \
            are written in one transaction, so a batch is complete or absent. The same file loaded \
            again is a no-op; a corrected file replaces its batch only with --replace (the old batch \
            stays in the store, marked as replaced). Respondent ids already loaded in another batch \
            are reported. Several imports may run at once on one store.

            Example: sipas import 2024-hanoi.csv --store sipas.db --team ha-noi
            """
    )

    @Argument(help: "Response files (CSV); each becomes one batch.")
    var files: [String]

    @Option(
        help:
            "The store: a SQLite file (created if absent) or a postgres://user@host/database URL (the user is the team)."
    )
    var store: String

    @Option(help: "The survey team loading the files.")
    var team: String = ""

    @Option(help: "Batch name (default: the file name); only with one file.")
    var batch: String?

    @Flag(help: "Replace the batch of the same name loaded from another file (the old one is kept, marked replaced).")
    var replace = false

    @Option(help: "Built-in instrument id or instrument YAML file (default: chosen from the header).")
    var instrument: String?

    @OptionGroup var output: OutputFlags

    @Flag(name: .customLong("accept-rejects"), help: "Exit 0 even when rows were rejected.")
    var acceptRejects = false

    @Option(
        help: "Threads for reading CSV files (default: the active processors); the batch is the same for any number.")
    var threads: Int?

    var lang: Language { output.language }

    func validate() throws {
        if batch != nil, files.count > 1 { throw ValidationError("--batch names one batch: give one file") }
    }

    func run() async throws {
        try await ErrorReporter.exit(language: lang) {
            var loaded: [ImportedFileJSON] = []
            let status = try await StoreLocation.with(store, language: lang) { try await load(into: $0, &loaded) }
            if output.json { try OutputFlags.emitJSON(ImportJSON(language: lang, files: loaded, exitStatus: status)) }
            return status
        }
    }

    /// A note about progress: only in text output without `--quiet`.
    private func note(_ text: String) {
        if output.chatty { Console.message(text) }
    }

    /// Loads each file as one batch, as the connected role (on PostgreSQL the URL's user is the team).
    private func load(into opened: any SurveyStoring, _ loaded: inout [ImportedFileJSON]) async throws -> Int32 {
        var rejected = 0
        for path in files {
            guard FileManager.default.fileExists(atPath: path) else { throw CLIError.inputMissing(path) }
            let url = URL(fileURLWithPath: path)
            let chosen = try AnalysisRunner.chooseInstrument(
                instrument, for: url, language: lang, observer: output.chatty ? .console : .silent)
            let start = Date()
            note(CLIMessage.writingToStore(file: url.lastPathComponent, store: opened.location).text(lang))
            // A SQLite store inserts the rows while the file is still read: the summary comes when
            // the reading ends, inside the store's transaction.
            let printing = SummaryPrinter(format: output.format, quiet: output.quiet, language: lang)
            let done = try await opened.load(
                url, instrument: chosen, team: team, name: batch, language: lang,
                threads: max(1, threads ?? ProcessInfo.processInfo.activeProcessorCount),
                replace: replace, as: .connected
            ) { printing.print($0) }
            PhaseTrace.mark("committed")
            let seconds = Date().timeIntervalSince(start)
            rejected += report(done.outcome, url: url, seconds: seconds)
            loaded.append(
                ImportedFileJSON(
                    url: url, instrument: chosen.id, summary: done.summary, outcome: done.outcome, seconds: seconds,
                    language: lang))
        }
        return rejected > 0 && !acceptRejects ? ExitStatus.dataError : ExitStatus.ok
    }

    /// Prints what a load did (`seconds` in all, the file read and written at once), in text
    /// output; returns the number of rejected rows written.
    /// Under `--quiet` only the respondent ids already in other batches are printed.
    private func report(_ outcome: LoadOutcome, url: URL, seconds: Double) -> Int {
        func text(_ message: CLIMessage) -> String { message.text(lang) }
        let file = url.lastPathComponent
        var rejected = 0
        switch outcome {
        case .alreadyLoaded(let info):
            note(
                text(
                    .alreadyLoaded(
                        file: file, sha256: info.sha256, batch: info.name, id: info.id, loadedAt: info.loadedAt)))
        case .loaded(let info, let replaced, let duplicates, let count):
            rejected += info.rejected
            let rate = Int(Double(info.rowsRead) / max(seconds, 0.001))
            let total = String(format: "%.1f", seconds)
            note(
                text(
                    .batchLoaded(
                        file: file, batch: info.name, id: info.id, team: team, accepted: info.accepted,
                        rejected: info.rejected, seconds: total, rowsPerSecond: rate)))
            if let replaced {
                note("  " + text(.replacesBatch(id: replaced.id, file: replaced.fileName, loadedAt: replaced.loadedAt)))
            }
            if count > 0 && output.format == .text {
                Console.message("  " + text(.duplicateIDs(count)))
                for d in duplicates {
                    Console.message(
                        "    "
                            + text(
                                .duplicateID(
                                    id: d.respondentID, row: d.row, otherBatch: d.otherBatch, otherRow: d.otherRow)))
                }
                if count > duplicates.count {
                    Console.message("    " + text(.moreDuplicateIDs(count - duplicates.count)))
                }
            }
        }
        return rejected
    }
}

/// Prints a file's import summary unless `--format json`, or `--quiet` and no row was rejected.
private struct SummaryPrinter: Sendable {
    let format: OutputFormat
    let quiet: Bool
    let language: Language

    func print(_ summary: ImportSummary) {
        if format == .text && (!quiet || summary.rejected > 0) {
            ImportSummaryPrinter.print(summary, rejectsURL: nil, language: language)
        }
    }
}
