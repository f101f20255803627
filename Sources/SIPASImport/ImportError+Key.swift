import Foundation

extension ImportError {
    /// A short name of the rule the file breaks, as ``Rejection/Rule/key`` names a row's: the
    /// catalog's key (``RuleName``).
    public var key: String { ruleName.key }

    /// The offending value, where there is one: the bad bytes in hex, the missing or competing
    /// column names, the delimiter guessed, the sheet asked for.
    public var value: String {
        switch kind {
        case .notUTF8(_, let bytes): return bytes.map { String(format: "%02X", $0) }.joined(separator: " ")
        case .undecodable(_, _, let byte): return String(format: "%02X", byte)
        case .missingColumns(let missing, _): return missing.map(\.name).joined(separator: " ")
        case .ambiguousColumns(_, let columns): return columns.joined(separator: " ")
        case .ambiguousMatch(let column, _): return column
        case .wrongDelimiter(let guess): return guess
        case .noSuchSheet(let sheet, _): return sheet
        case .badExpression(_, let expression, _): return expression
        case .workbookTooLarge(_, let part, _): return part ?? ""
        default: return ""
        }
    }
}
