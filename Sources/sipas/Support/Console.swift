import ArgumentParser
import Foundation
import SIPASCore

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

/// Errors raised by the command layer itself.
enum CLIError: Error, CustomStringConvertible {
    case unknownInstrument(String, available: [String])
    case cannotWrite(path: String, reason: String)
    case inputMissing(String)
    /// `--strict`: some rows were rejected, so nothing is accepted.
    case strictRejected(rejected: Int, rowsRead: Int)

    var description: String {
        switch self {
        case .unknownInstrument(let name, let available):
            return "no instrument named '\(name)' (built-in: \(available.joined(separator: ", "))) and no such file"
        case .cannotWrite(let path, let reason):
            return "cannot write \(path): \(reason)"
        case .inputMissing(let path):
            return "\(path): no such file"
        case .strictRejected(let rejected, let rowsRead):
            return "--strict: \(rejected) of \(rowsRead) rows are invalid, so no row is accepted and no result is computed"
        }
    }

    var exitCode: Int32 {
        switch self {
        case .unknownInstrument, .inputMissing: return ExitStatus.noInput
        case .cannotWrite: return ExitStatus.failure
        case .strictRejected: return ExitStatus.dataError
        }
    }
}

extension Language: ExpressibleByArgument {}
