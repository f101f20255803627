import Foundation

extension ImportError {
    /// A short name of the rule the file breaks, as ``Rejection/Rule/key`` names a row's.
    public var key: String {
        switch kind {
        case .fileNotFound: return "no such file"
        case .unreadable: return "unreadable"
        case .emptyFile: return "empty file"
        case .notUTF8: return "not UTF-8"
        case .undecodable: return "undecodable byte"
        case .utf16: return "UTF-16 without BOM"
        case .badUTF16: return "broken UTF-16"
        case .unterminatedQuote: return "unterminated quote"
        case .missingColumns: return "missing columns"
        case .ambiguousColumns: return "ambiguous columns"
        case .ambiguousMatch: return "ambiguous match"
        case .wrongDelimiter: return "wrong delimiter"
        case .noInstrumentMatches: return "no instrument"
        case .badExpression: return "bad expression"
        case .badWorkbook: return "bad workbook"
        case .workbookTooLarge: return "workbook too large"
        case .noSuchSheet: return "no such sheet"
        }
    }

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
