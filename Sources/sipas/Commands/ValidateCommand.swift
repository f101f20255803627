import ArgumentParser
import Foundation
import SIPASCore
import SIPASImport
import SIPASInstruments
import SIPASReportJobs

/// `sipas validate FILE…`: a dry run of the import that writes nothing.
struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check response files against an instrument without importing or writing anything.",
        discussion: """
            Reads every row as `analyze` would and reports, per file, the rows read, accepted and \
            rejected, the rejections counted by rule and by column, the first rejections in full, and \
            every normalisation made. Respondent ids are checked across all the files. Exit status 0 when \
            every row is valid, 65 when any row or file is invalid, 66 when a file is missing.
            """
    )

    @Argument(help: "Response files (CSV in UTF-8, UTF-16, CP1258, TCVN3 or VNI, or .xlsx).")
    var files: [String]

    @OptionGroup var instrumentOption: InstrumentOption

    @OptionGroup var output: OutputFlags

    @Option(help: "How many rejections to show in full per file.")
    var show: Int = 20

    @OptionGroup var sourceFlags: SourceFlags

    @Option(
        name: .customLong("second-entry"),
        help:
            "A second keying of the same paper forms: after validating both, compare it with FILE field by field (forms paired by respondent id); exit 65 on any difference."
    )
    var secondEntry: String?

    func validate() throws {
        if secondEntry != nil && files.count != 1 {
            throw ValidationError(CLIMessage.secondEntryNeedsOneFile.text(output.language))
        }
    }

    func run() async throws {
        try await ErrorReporter.exit(language: output.language) { try validateFiles() }
    }

    /// What `check` found: the text report (only files with problems under `--quiet`), one JSON
    /// entry per file, and the exit status.
    private struct Checked {
        var text = ""
        var files: [ImportFileJSON] = []
        var status = ExitStatus.ok

        mutating func add(_ other: Checked) {
            text += other.text
            files += other.files
            if status == ExitStatus.ok { status = other.status }
        }
    }

    private func validateFiles() throws -> Int32 {
        let lang = output.language
        for path in files + [secondEntry].compactMap({ $0 }) where !FileManager.default.fileExists(atPath: path) {
            throw CLIError.inputMissing(path)
        }
        let urls = files.map { URL(fileURLWithPath: $0) }
        let observer: AnalysisObserver = output.chatty ? .console : .silent
        let chosen = try AnalysisRunner.chooseInstrument(
            instrumentOption.instrument, for: urls[0], source: sourceFlags.source, language: lang, observer: observer)
        var checked = try check(urls, chosen)
        var doubleEntry: ValidationJSON.DoubleEntry?
        if let secondEntry {
            // The second keying holds the same ids by design: it is validated on its own.
            let second = URL(fileURLWithPath: secondEntry)
            checked.add(try check([second], chosen))
            let comparison = try DoubleEntryComparison.compare(
                first: urls[0], second: second, instrument: chosen, source: sourceFlags.source)
            if !output.quiet || !comparison.agrees { checked.text += comparison.report(language: lang) }
            doubleEntry = ValidationJSON.DoubleEntry(comparison)
            if !comparison.agrees && checked.status == ExitStatus.ok { checked.status = ExitStatus.dataError }
        }
        if output.json {
            var totals = ImportTotalsJSON()
            for file in checked.files { totals.add(file) }
            try OutputFlags.emitJSON(
                ValidationJSON(
                    language: lang, instrument: chosen.id, files: checked.files, totals: totals,
                    secondEntry: doubleEntry, exitStatus: checked.status))
        } else {
            FileHandle.standardOutput.write(Data(checked.text.utf8))
        }
        return checked.status
    }

    /// Validates `urls` together (respondent ids checked across them).
    private func check(_ urls: [URL], _ chosen: Instrument) throws -> Checked {
        let lang = output.language
        var checked = Checked()
        var respondents = CSVImporter.RespondentRegistry()
        for url in urls {
            var options = ImportOptions(maxReportedRejections: show, language: lang)
            options.source = sourceFlags.source
            let importer = try CSVImporter(instrument: chosen, options: options)
            importer.knownRespondents = respondents
            respondents = .init()  // one owner, so the table is not copied when the importer adds to it
            let progress = ProgressDisplay.make(file: url.lastPathComponent, quiet: output.quiet)
            importer.onProgress = progress.map { display in { display.update(rows: $0, fraction: $1) } }
            defer { progress?.finish() }
            do {
                // UTF-8 CSV rows on the fast path, as `analyze` reads them; the summary is the full
                // importer's, byte for byte (`SIPAS_SLOW_PATH=1` reads every row with it).
                let summary =
                    ProcessInfo.processInfo.environment["SIPAS_SLOW_PATH"] == "1"
                    ? try importer.run(file: url) { _ in }
                    : try importer.runFast(
                        file: url, threads: ProcessInfo.processInfo.activeProcessorCount, sink: DiscardingSink())
                respondents = importer.knownRespondents
                if !output.quiet || summary.rejected > 0 {
                    checked.text += ValidationReport.render(summary, language: lang, shown: show)
                }
                checked.files.append(ImportFileJSON(summary, language: lang, shown: show))
                if summary.rejected > 0 { checked.status = ExitStatus.dataError }
            } catch let error as ImportError {
                respondents = importer.knownRespondents
                checked.text += CLIMessage.errorPrefix.text(lang) + error.message(lang) + "\n\n"
                checked.files.append(ImportFileJSON(file: url.lastPathComponent, error: error, language: lang))
                checked.status = error.isMissingInput ? ExitStatus.noInput : ExitStatus.dataError
            }
        }
        return checked
    }
}

/// The text of `sipas validate` for one file.
enum ValidationReport {
    static func render(_ summary: ImportSummary, language: Language, shown: Int) -> String {
        func text(_ message: CLIMessage) -> String { message.text(language) }
        var out =
            text(
                .validationSummary(
                    file: summary.file, rowsRead: summary.rowsRead, valid: summary.accepted, invalid: summary.rejected))
            + "\n"
        if let guess = summary.encodingGuess {
            out +=
                "  " + text(.validateEncoding)
                + "\(guess.encoding.rawValue) (\(Int((guess.confidence * 100).rounded())) %: \(guess.evidence))\n"
        } else if !summary.isWorkbook {
            out += "  " + text(.validateEncoding) + summary.encoding.rawValue + "\n"
        }
        if !summary.rejectionsByRule.isEmpty {
            out += "  " + text(.byRule) + "\n"
            for (rule, count) in summary.rejectionsByRule.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }) {
                out += "    \(rule): \(count)\n"
            }
            out += "  " + text(.byColumn) + "\n"
            for (column, count) in summary.rejectionsByColumn.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }) {
                out += "    \(column.isEmpty ? text(.wholeRow) : column): \(count)\n"
            }
            for rejection in summary.rejections.prefix(shown) { out += "  " + rejection.message(language) + "\n" }
            let total = summary.rejectionsByRule.values.reduce(0, +)
            if total > shown { out += "  " + text(.moreProblems(total - shown)) + "\n" }
        }
        if !summary.normalisations.isEmpty {
            out +=
                "  " + text(.validateNormalised)
                + summary.normalisations.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(
                    separator: ", ") + "\n"
        }
        if !summary.metadataColumns.isEmpty {
            out += "  " + text(.validateMetadataColumns) + summary.metadataColumns.joined(separator: ", ") + "\n"
        }
        if !summary.unmatchedColumns.isEmpty {
            out += "  " + text(.validateUnusedColumns) + summary.unmatchedColumns.joined(separator: ", ") + "\n"
        }
        for note in summary.designNotes { out += "  \(note)\n" }
        return out + "\n"
    }
}
