import Foundation

/// Errors of the report jobs that are not the importer's, the store's or the statistics': an
/// instrument or file that does not exist, an output that cannot be written, `--strict` with
/// rejected rows. The command line maps `exitCode` to its exit status (README "Exit status").
public enum JobError: Error, CustomStringConvertible {
    case unknownInstrument(String, available: [String])
    case cannotWrite(path: String, reason: String)
    case inputMissing(String)
    /// `--strict`: some rows were rejected, so nothing is accepted.
    case strictRejected(rejected: Int, rowsRead: Int)

    public var description: String {
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

    /// 66 (no input) for a missing instrument or file, 65 (bad data) for `--strict`, 1 otherwise.
    public var exitCode: Int32 {
        switch self {
        case .unknownInstrument, .inputMissing: return 66
        case .cannotWrite: return 1
        case .strictRejected: return 65
        }
    }
}
