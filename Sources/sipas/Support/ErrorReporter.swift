import ArgumentParser
import Foundation
import SIPASCore
import SIPASImport
import SIPASInstruments
import SIPASStats
import SIPASStore

/// Renders every error sipas can raise as one message, and maps it to an exit status.
enum ErrorReporter {
    /// Runs a command's body: a status other than 0 becomes the exit code; an error is printed as
    /// its message on standard error and exits with its status (an `ExitCode` passes through).
    static func exit(language: Language, _ body: () async throws -> Int32) async throws {
        let status: Int32
        do {
            status = try await body()
        } catch let error as ExitCode {
            throw error
        } catch {
            Console.message(message(for: error, language: language))
            throw ExitCode(exitCode(for: error))
        }
        if status != ExitStatus.ok { throw ExitCode(status) }
    }

    static func message(for error: any Error, language: Language) -> String {
        let prefix = CLIMessage.errorPrefix.text(language)
        switch error {
        case let error as ImportError: return prefix + error.message(language)
        case let error as InstrumentError: return prefix + error.text(language)
        case let error as PlanError: return prefix + error.text(language)
        case let error as StatsError: return prefix + error.text(language)
        case let error as CLIError: return prefix + error.text(language)
        case let error as Crosswalk.ReadError: return prefix + error.text(language)
        case let error as CSVReader.ReadError: return prefix + error.message(language)
        case let error as StoreError: return prefix + error.message(language)
        case let error as DesignError: return prefix + error.message(language)
        case let error as ValidationError: return prefix + error.message
        default: return prefix + String(describing: error)
        }
    }

    static func exitCode(for error: any Error) -> Int32 {
        switch error {
        case let error as ImportError: return error.isMissingInput ? ExitStatus.noInput : ExitStatus.dataError
        case is InstrumentError, is PlanError, is Crosswalk.ReadError, is CSVReader.ReadError:
            return ExitStatus.dataError
        case let error as StatsError:
            if case .lonelyPSU = error { return ExitStatus.dataError }
            if case .calibrationDidNotConverge = error { return ExitStatus.dataError }
            return ExitStatus.failure
        case let error as CLIError: return error.exitCode
        case is ValidationError: return ExitStatus.usage
        case let error as StoreError:
            if case .noSuchBatch = error.kind { return ExitStatus.noInput }
            return error.isDataError ? ExitStatus.dataError : ExitStatus.failure
        case let error as DesignError:
            switch error.category {
            case .usage: return ExitStatus.usage
            case .data: return ExitStatus.dataError
            case .missingInput: return ExitStatus.noInput
            }
        default: return ExitStatus.failure
        }
    }
}

/// Prints an import's accounting to standard error: rows read = accepted + rejected, always.
enum ImportSummaryPrinter {
    static func print(_ summary: ImportSummary, rejectsURL: URL?, language: Language, shown: Int = 10) {
        func text(_ message: CLIMessage) -> String { message.text(language) }
        var line = text(
            .importSummary(
                file: summary.file, rowsRead: summary.rowsRead, accepted: summary.accepted, rejected: summary.rejected))
        if summary.rejected > 0, let rejectsURL { line += " → \(rejectsURL.path)" }
        Console.message(line)
        for rejection in summary.rejections.prefix(shown) {
            Console.message("  " + rejection.message(language))
        }
        if summary.rejections.count > shown {
            Console.message("  " + text(.moreRows(summary.rejected - shown)))
        }
        if let guess = summary.encodingGuess, guess.encoding != .utf8 || guess.confidence < 1 {
            let percent = Int((guess.confidence * 100).rounded())
            Console.message(
                "  "
                    + text(
                        .encodingDetected(encoding: guess.encoding.rawValue, percent: percent, evidence: guess.evidence)
                    ))
        } else if summary.encoding != .utf8, !summary.isWorkbook {
            Console.message("  " + text(.encodingLabel) + summary.encoding.rawValue)
        }
        if !summary.metadataColumns.isEmpty {
            Console.message("  " + text(.metadataColumnsKept) + summary.metadataColumns.joined(separator: ", "))
        }
        let notes = summary.normalisations.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
        if !notes.isEmpty {
            Console.message("  " + text(.normalisedLabel) + notes.joined(separator: ", "))
        }
        if !summary.unmatchedColumns.isEmpty {
            Console.message("  " + text(.unusedColumnsLabel) + summary.unmatchedColumns.joined(separator: ", "))
        }
        for note in summary.designNotes { Console.message("  " + note) }
    }
}
