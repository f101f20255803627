import SIPASCore

/// Why a row was rejected: one broken rule at one cell.
public struct Rejection: Sendable, Hashable {
    public enum Rule: Sendable, Hashable {
        /// A code that is not in the scale or list.
        case outOfRange(list: String, allowed: [String])
        case notInList(list: String)
        /// A "code – label" entry whose code is in the list but whose label is not that code's
        /// (`label`: the code's label).
        case labelMismatch(list: String, code: String, label: String)
        case notANumber(type: String)
        case required
        case constraint(expression: String)
        case notRelevant(expression: String)
        case unknownProvince(year: Int?)
        case badWeight
        case duplicateRespondent(firstRow: Int)
        /// The id was first seen in another file (or sheet) of the same import.
        case duplicateRespondentElsewhere(file: String, row: Int)
        case ragged(expected: Int, found: Int)

        /// A short key for counting rejections by rule: the catalog's (``RuleName``).
        public var key: String { name.key }
    }

    public var location: SourceLocation
    public var value: String
    public var rule: Rule
    public var question: String?

    public init(location: SourceLocation, value: String, rule: Rule, question: String?) {
        self.location = location
        self.value = value
        self.rule = rule
        self.question = question
    }

    /// "2024.csv, row 118, column PAS_E1_c2 (H): '7' is not a code of list sat5 (1, 2, 3, 4, 5, 9)".
    public func message(_ language: Language) -> String {
        "\(location): " + reason(language)
    }

    /// The reason without the location, as written in the rejects file.
    public func reason(_ language: Language) -> String {
        let vi = language == .vi
        let v = "'\(value)'"
        switch rule {
        case .outOfRange(let list, let allowed):
            return vi ? "\(v) không phải mã của danh sách \(list) (\(allowed.joined(separator: ", ")))"
                : "\(v) is not a code of list \(list) (\(allowed.joined(separator: ", ")))"
        case .notInList(let list):
            return vi ? "\(v) không có trong danh sách \(list)" : "\(v) is not in list \(list)"
        case .labelMismatch(let list, let code, let label):
            return vi ? "\(v): nhãn không khớp với mã \(code) của danh sách \(list) (“\(label)”)"
                : "\(v): the label does not match code \(code) of list \(list) (“\(label)”)"
        case .notANumber(let type):
            return vi ? "\(v) không phải số (\(type))" : "\(v) is not a number (\(type))"
        case .required:
            return vi ? "bắt buộc trả lời nhưng để trống" : "required but blank"
        case .constraint(let expression):
            return vi ? "\(v) vi phạm ràng buộc \(expression)" : "\(v) breaks the constraint \(expression)"
        case .notRelevant(let expression):
            return vi ? "\(v) được trả lời dù câu hỏi phải bỏ qua: điều kiện relevant \(expression) sai"
                : "\(v) answered although skipped: relevant \(expression) is false"
        case .unknownProvince(let year):
            let when = year.map { vi ? " năm \($0)" : " in \($0)" } ?? ""
            return vi ? "\(v) không phải mã tỉnh\(when)" : "\(v) is not a province code\(when)"
        case .badWeight:
            return vi ? "\(v): trọng số phải là số dương" : "\(v): the weight must be a positive number"
        case .duplicateRespondent(let first):
            return vi ? "mã phiếu \(v) trùng với dòng \(first)" : "respondent id \(v) repeats row \(first)"
        case .duplicateRespondentElsewhere(let file, let row):
            return vi ? "mã phiếu \(v) trùng với \(file), dòng \(row)" : "respondent id \(v) repeats \(file), row \(row)"
        case .ragged(let expected, let found):
            return vi ? "dòng có \(found) ô, tiêu đề có \(expected)" : "the row has \(found) fields, the header \(expected)"
        }
    }
}
