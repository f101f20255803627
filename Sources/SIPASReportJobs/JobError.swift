import Foundation
import SIPASCore

/// Errors of the report jobs that are not the importer's, the store's or the statistics': an
/// instrument or file that does not exist, an output that cannot be written, `--strict` with
/// rejected rows. The command line maps `exitCode` to its exit status (README "Exit status").
public enum JobError: Error, Sendable, CustomStringConvertible, LocalizedMessage {
    case unknownInstrument(String, available: [String])
    case cannotWrite(path: String, reason: String)
    case inputMissing(String)
    /// `--strict`: some rows were rejected, so nothing is accepted.
    case strictRejected(rejected: Int, rowsRead: Int)

    /// The English message.
    public var description: String { text(.en) }

    public var key: String {
        switch self {
        case .unknownInstrument: return "job.unknownInstrument"
        case .cannotWrite: return "job.cannotWrite"
        case .inputMissing: return "job.inputMissing"
        case .strictRejected: return "job.strictRejected"
        }
    }

    public func text(_ language: Language) -> String {
        switch self {
        case .unknownInstrument(let name, let available):
            let list = available.joined(separator: ", ")
            return language.pick(
                vi: "không có bộ công cụ tên '\(name)' (có sẵn: \(list)) và không có tệp này",
                en: "no instrument named '\(name)' (built-in: \(list)) and no such file")
        case .cannotWrite(let path, let reason):
            return language.pick(vi: "không ghi được \(path): \(reason)", en: "cannot write \(path): \(reason)")
        case .inputMissing(let path):
            return language.pick(vi: "\(path): không có tệp này", en: "\(path): no such file")
        case .strictRejected(let rejected, let rowsRead):
            return language.pick(
                vi:
                    "--strict: \(rejected) trên \(rowsRead) dòng không hợp lệ, nên không nhận dòng nào và không tính kết quả",
                en:
                    "--strict: \(rejected) of \(rowsRead) rows are invalid, so no row is accepted and no result is computed"
            )
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

/// The catalog of the report jobs' own texts (their errors are ``JobError``), each with its
/// Vietnamese and English text.
public enum JobMessage: Sendable, Hashable, LocalizedMessage {
    /// A crosswalk file's regrouping, listed with the comparison's regrouped codes.
    case crosswalkRegrouping(column: String, merged: Int, file: String)
    /// The instrument chosen from a file's header, and the share of its items found there.
    case instrumentDetected(file: String, instrument: String, percent: Int)
    /// What an analysis of a store read.
    case storeSelection(location: String, batches: Int, responses: Int, year: Int?, instrument: String)
    /// A PostgreSQL store sums on the server, so the tables that need the responses are missing.
    case serverSumsOnly(location: String)

    public var key: String {
        switch self {
        case .crosswalkRegrouping: return "job.crosswalkRegrouping"
        case .instrumentDetected: return "job.instrumentDetected"
        case .storeSelection: return "job.storeSelection"
        case .serverSumsOnly: return "job.serverSumsOnly"
        }
    }

    public func text(_ language: Language) -> String {
        switch self {
        case .crosswalkRegrouping(let column, let merged, let file):
            return language.pick(
                vi: "\(column): \(merged) mã mới gộp từ nhiều mã cũ theo \(file)",
                en: "\(column): \(merged) new codes regrouping several old ones, from \(file)")
        case .instrumentDetected(let file, let instrument, let percent):
            return language.pick(
                vi:
                    "\(file): bộ công cụ \(instrument) (khớp \(percent) % câu hỏi theo tiêu đề; chọn khác bằng --instrument)",
                en:
                    "\(file): instrument \(instrument) (\(percent) % of its items found in the header; override with --instrument)"
            )
        case .storeSelection(let location, let batches, let responses, let year, let instrument):
            return language.pick(
                vi:
                    "\(location): \(batches) lô, \(responses) phiếu\(year.map { " năm \($0)" } ?? "") (bộ công cụ \(instrument))",
                en:
                    "\(location): \(batches) batches, \(responses) responses\(year.map { " of \($0)" } ?? "") (instrument \(instrument))"
            )
        case .serverSumsOnly(let location):
            return language.pick(
                vi:
                    "\(location): kho PostgreSQL chỉ trả về các tổng theo ô, không trả từng phiếu: không có bảng yếu tố tác động và tệp SPSS (dùng kho SQLite hoặc tệp để có chúng)",
                en:
                    "\(location): a PostgreSQL store returns sums per cell, not the responses: no key-driver table and no SPSS file (use a SQLite store or the files for them)"
            )
        }
    }
}
