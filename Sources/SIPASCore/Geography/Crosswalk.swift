import Foundation

/// A user-supplied code crosswalk (e.g. communes before and after the 2025 reorganisation): a CSV
/// file whose header names `old_code` and `new_code` (other columns are ignored).
///
/// Read by hand (two columns, no quoting needed for codes) so that Core keeps no dependency; a
/// malformed line is an error naming it.
public struct Crosswalk: Hashable, Sendable {
    public var newCodeOfOldCode: [String: String]

    public enum ReadError: Error, Hashable, Sendable, CustomStringConvertible {
        case missingColumns(file: String)
        case badLine(file: String, line: Int)
        case conflicting(file: String, line: Int, code: String)

        public var description: String {
            switch self {
            case .missingColumns(let file): return "\(file), row 1: the header needs the columns old_code and new_code"
            case .badLine(let file, let line): return "\(file), row \(line): expected old_code and new_code"
            case .conflicting(let file, let line, let code): return "\(file), row \(line): old code \(code) is mapped twice to different new codes"
            }
        }
    }

    public init(csv: String, file: String) throws {
        let lines = csv.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        let header = (lines.first ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\u{FEFF}", with: "") }
        guard let old = header.firstIndex(of: "old_code"), let new = header.firstIndex(of: "new_code") else {
            throw ReadError.missingColumns(file: file)
        }
        var map: [String: String] = [:]
        for (offset, line) in lines.dropFirst().enumerated() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count > max(old, new), !fields[old].isEmpty, !fields[new].isEmpty else {
                throw ReadError.badLine(file: file, line: offset + 2)
            }
            if let known = map[fields[old]], known != fields[new] {
                throw ReadError.conflicting(file: file, line: offset + 2, code: fields[old])
            }
            map[fields[old]] = fields[new]
        }
        newCodeOfOldCode = map
    }
}
