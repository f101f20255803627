import ArgumentParser
import Foundation
import SIPASCore
import SIPASImport
import SIPASReportJobs

/// Messages go to standard error; data to standard output or `--output`.
enum Console {
    static func message(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Writes `text` to `path`, or to standard output when `path` is nil or "-".
    static func emit(_ text: String, to path: String?) throws {
        guard let path, path != "-" else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        } catch {
            throw CLIError.cannotWrite(path: path, reason: error.localizedDescription)
        }
    }
}

/// Exit codes, documented in the README.
enum ExitStatus {
    /// Success.
    static let ok: Int32 = 0
    /// A failure while computing (statistics, I/O).
    static let failure: Int32 = 1
    /// Bad usage (unknown option, bad value): swift-argument-parser's code.
    static let usage: Int32 = 64
    /// Bad data: rows rejected, a required column missing, an undecodable file (EX_DATAERR).
    static let dataError: Int32 = 65
    /// An input file or instrument that does not exist (EX_NOINPUT).
    static let noInput: Int32 = 66
}

/// Errors raised by the command layer itself: the report jobs' (an instrument or file that does not
/// exist, an output that cannot be written, `--strict` with rejected rows).
typealias CLIError = JobError

extension AnalysisObserver {
    /// Messages and import summaries on standard error, and a progress line when it is a terminal.
    static var console: AnalysisObserver {
        AnalysisObserver(
            message: { Console.message($0) },
            imported: { summary, rejects, language in
                ImportSummaryPrinter.print(summary, rejectsURL: rejects, language: language)
            },
            progress: { file in
                ProgressDisplay.make(file: file, quiet: false).map { display in
                    (update: { display.update(rows: $0, fraction: $1) }, finish: { display.finish() })
                }
            })
    }
}

extension Language: ExpressibleByArgument {}
