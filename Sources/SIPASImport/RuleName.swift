import SIPASCore

/// The catalog of rule names: every rule a row (``Rejection/Rule``) or a whole file
/// (``ImportError/Kind``) can break, with its name in Vietnamese and English. The raw value is the
/// stable key counted in summaries, written in JSON and shown by English pages; it never changes.
public enum RuleName: String, CaseIterable, Sendable, Codable {
    // A row's rules.
    case outOfRange = "out of range"
    case notInList = "not in list"
    case labelMismatch = "label mismatch"
    case notANumber = "not a number"
    case required = "required"
    case constraint = "constraint"
    case relevant = "relevant"
    case unknownProvince = "unknown province"
    case weight = "weight"
    case duplicateID = "duplicate id"
    case fieldCount = "field count"
    // A file's rules.
    case noSuchFile = "no such file"
    case unreadable = "unreadable"
    case emptyFile = "empty file"
    case notUTF8 = "not UTF-8"
    case undecodableByte = "undecodable byte"
    case utf16WithoutBOM = "UTF-16 without BOM"
    case brokenUTF16 = "broken UTF-16"
    case unterminatedQuote = "unterminated quote"
    case missingColumns = "missing columns"
    case ambiguousColumns = "ambiguous columns"
    case ambiguousMatch = "ambiguous match"
    case wrongDelimiter = "wrong delimiter"
    case noInstrument = "no instrument"
    case badExpression = "bad expression"
    case badWorkbook = "bad workbook"
    case workbookTooLarge = "workbook too large"
    case noSuchSheet = "no such sheet"

    /// The stable key: the same string in every language.
    public var key: String { rawValue }

    /// The rule's name in `language`.
    public func text(_ language: Language) -> String {
        switch language {
        case .vi: return vietnamese
        case .en: return english
        }
    }

    /// The English name is the key itself.
    public var english: String { rawValue }

    /// The Vietnamese name (NFC).
    public var vietnamese: String {
        switch self {
        case .outOfRange: return "ngoài các mã của thang"
        case .notInList: return "không có trong danh sách"
        case .labelMismatch: return "nhãn không khớp mã"
        case .notANumber: return "không phải số"
        case .required: return "bắt buộc trả lời"
        case .constraint: return "vi phạm ràng buộc"
        case .relevant: return "trả lời câu phải bỏ qua"
        case .unknownProvince: return "mã tỉnh không có"
        case .weight: return "trọng số không hợp lệ"
        case .duplicateID: return "trùng mã phiếu"
        case .fieldCount: return "sai số ô trong dòng"
        case .noSuchFile: return "không có tệp"
        case .unreadable: return "không đọc được"
        case .emptyFile: return "tệp rỗng"
        case .notUTF8: return "không phải UTF-8"
        case .undecodableByte: return "byte không giải mã được"
        case .utf16WithoutBOM: return "UTF-16 không có BOM"
        case .brokenUTF16: return "UTF-16 hỏng"
        case .unterminatedQuote: return "dấu ngoặc kép không đóng"
        case .missingColumns: return "thiếu cột"
        case .ambiguousColumns: return "cột trùng nhau"
        case .ambiguousMatch: return "cột khớp nhiều câu hỏi"
        case .wrongDelimiter: return "sai dấu phân cách"
        case .noInstrument: return "không khớp bộ công cụ nào"
        case .badExpression: return "biểu thức sai"
        case .badWorkbook: return "tệp Excel hỏng"
        case .workbookTooLarge: return "tệp Excel quá lớn"
        case .noSuchSheet: return "không có trang tính này"
        }
    }

    /// A key's name in `language`; the key itself when it names no rule of the catalog.
    public static func text(forKey key: String, _ language: Language) -> String {
        RuleName(rawValue: key)?.text(language) ?? key
    }
}

extension Rejection.Rule {
    /// The rule's entry in the catalog.
    public var name: RuleName {
        switch self {
        case .outOfRange: return .outOfRange
        case .notInList: return .notInList
        case .labelMismatch: return .labelMismatch
        case .notANumber: return .notANumber
        case .required: return .required
        case .constraint: return .constraint
        case .notRelevant: return .relevant
        case .unknownProvince: return .unknownProvince
        case .badWeight: return .weight
        case .duplicateRespondent, .duplicateRespondentElsewhere: return .duplicateID
        case .ragged: return .fieldCount
        }
    }
}

extension ImportError {
    /// The rule the file breaks, in the catalog.
    public var ruleName: RuleName {
        switch kind {
        case .fileNotFound: return .noSuchFile
        case .unreadable: return .unreadable
        case .emptyFile: return .emptyFile
        case .notUTF8: return .notUTF8
        case .undecodable: return .undecodableByte
        case .utf16: return .utf16WithoutBOM
        case .badUTF16: return .brokenUTF16
        case .unterminatedQuote: return .unterminatedQuote
        case .missingColumns: return .missingColumns
        case .ambiguousColumns: return .ambiguousColumns
        case .ambiguousMatch: return .ambiguousMatch
        case .wrongDelimiter: return .wrongDelimiter
        case .noInstrumentMatches: return .noInstrument
        case .badExpression: return .badExpression
        case .badWorkbook: return .badWorkbook
        case .workbookTooLarge: return .workbookTooLarge
        case .noSuchSheet: return .noSuchSheet
        }
    }
}
