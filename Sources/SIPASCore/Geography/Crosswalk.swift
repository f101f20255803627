import Foundation

/// A user-supplied code crosswalk (e.g. communes before and after the 2025 reorganisation): a CSV
/// file whose header names `old_code` and `new_code` (other columns are ignored).
///
/// Read with ``CSVReader``; a malformed row is an error naming it.
public struct Crosswalk: Hashable, Sendable {
    public var newCodeOfOldCode: [String: String]

    /// A crosswalk file that cannot be used; its message in Vietnamese or English from ``text(_:)``,
    /// ``description`` in English.
    public enum ReadError: Error, Hashable, Sendable, CustomStringConvertible, LocalizedMessage {
        /// The header lacks `old_code` or `new_code`.
        case missingColumns(file: String)
        /// A row without both codes.
        case badLine(file: String, line: Int)
        /// An old code mapped to two different new codes.
        case conflicting(file: String, line: Int, code: String)

        public var description: String { text(.en) }

        public var key: String {
            switch self {
            case .missingColumns: return "crosswalk.missingColumns"
            case .badLine: return "crosswalk.badLine"
            case .conflicting: return "crosswalk.conflicting"
            }
        }

        public func text(_ language: Language) -> String {
            switch self {
            case .missingColumns(let file):
                return language.pick(
                    vi: "\(file), dòng 1: dòng tiêu đề cần các cột old_code và new_code",
                    en: "\(file), row 1: the header needs the columns old_code and new_code")
            case .badLine(let file, let line):
                return language.pick(
                    vi: "\(file), dòng \(line): cần old_code và new_code",
                    en: "\(file), row \(line): expected old_code and new_code")
            case .conflicting(let file, let line, let code):
                return language.pick(
                    vi: "\(file), dòng \(line): mã cũ \(code) được ghép với hai mã mới khác nhau",
                    en: "\(file), row \(line): old code \(code) is mapped twice to different new codes")
            }
        }
    }

    public init(csv: String, file: String) throws {
        let records = try CSVReader().records(csv, file: file)
        let header = (records.first?.fields ?? []).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let old = header.firstIndex(of: "old_code"), let new = header.firstIndex(of: "new_code") else {
            throw ReadError.missingColumns(file: file)
        }
        var map: [String: String] = [:]
        for record in records.dropFirst() {
            let fields = record.fields.map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count > max(old, new), !fields[old].isEmpty, !fields[new].isEmpty else {
                throw ReadError.badLine(file: file, line: record.row)
            }
            if let known = map[fields[old]], known != fields[new] {
                throw ReadError.conflicting(file: file, line: record.row, code: fields[old])
            }
            map[fields[old]] = fields[new]
        }
        newCodeOfOldCode = map
    }
}
