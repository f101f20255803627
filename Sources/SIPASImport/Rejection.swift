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
    public func reason(_ language: Language) -> String { text(language) }
}

extension Rejection: LocalizedMessage {
    /// The catalog key of the rule's message; ``Rule/key`` is the coarser key rejections are counted by.
    public var key: String {
        switch rule {
        case .outOfRange: return "rejection.outOfRange"
        case .notInList: return "rejection.notInList"
        case .labelMismatch: return "rejection.labelMismatch"
        case .notANumber: return "rejection.notANumber"
        case .required: return "rejection.required"
        case .constraint: return "rejection.constraint"
        case .notRelevant: return "rejection.notRelevant"
        case .unknownProvince: return "rejection.unknownProvince"
        case .badWeight: return "rejection.badWeight"
        case .duplicateRespondent: return "rejection.duplicateRespondent"
        case .duplicateRespondentElsewhere: return "rejection.duplicateRespondentElsewhere"
        case .ragged: return "rejection.ragged"
        }
    }

    /// The reason in `language`, without the location.
    public func text(_ language: Language) -> String {
        let v = "'\(value)'"
        switch rule {
        case .outOfRange(let list, let allowed):
            return language.pick(
                vi: "\(v) không phải mã của danh sách \(list) (\(allowed.joined(separator: ", ")))",
                en: "\(v) is not a code of list \(list) (\(allowed.joined(separator: ", ")))")
        case .notInList(let list):
            return language.pick(vi: "\(v) không có trong danh sách \(list)", en: "\(v) is not in list \(list)")
        case .labelMismatch(let list, let code, let label):
            return language.pick(
                vi: "\(v): nhãn không khớp với mã \(code) của danh sách \(list) (“\(label)”)",
                en: "\(v): the label does not match code \(code) of list \(list) (“\(label)”)")
        case .notANumber(let type):
            return language.pick(vi: "\(v) không phải số (\(type))", en: "\(v) is not a number (\(type))")
        case .required:
            return language.pick(vi: "bắt buộc trả lời nhưng để trống", en: "required but blank")
        case .constraint(let expression):
            return language.pick(
                vi: "\(v) vi phạm ràng buộc \(expression)", en: "\(v) breaks the constraint \(expression)")
        case .notRelevant(let expression):
            return language.pick(
                vi: "\(v) được trả lời dù câu hỏi phải bỏ qua: điều kiện relevant \(expression) sai",
                en: "\(v) answered although skipped: relevant \(expression) is false")
        case .unknownProvince(let year):
            let when = year.map { language.pick(vi: " năm \($0)", en: " in \($0)") } ?? ""
            return language.pick(vi: "\(v) không phải mã tỉnh\(when)", en: "\(v) is not a province code\(when)")
        case .badWeight:
            return language.pick(
                vi: "\(v): trọng số phải là số dương", en: "\(v): the weight must be a positive number")
        case .duplicateRespondent(let first):
            return language.pick(
                vi: "mã phiếu \(v) trùng với dòng \(first)", en: "respondent id \(v) repeats row \(first)")
        case .duplicateRespondentElsewhere(let file, let row):
            return language.pick(
                vi: "mã phiếu \(v) trùng với \(file), dòng \(row)", en: "respondent id \(v) repeats \(file), row \(row)"
            )
        case .ragged(let expected, let found):
            return language.pick(
                vi: "dòng có \(found) ô, tiêu đề có \(expected)",
                en: "the row has \(found) fields, the header \(expected)")
        }
    }
}
