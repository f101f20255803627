import SIPASCore
import SIPASInstruments

/// What a keyer may type in one question's column of the entry workbook, as an Excel data
/// validation, with the same rule in words for the prompt and the instructions sheet.
///
/// - select_one: a drop-down of the list's "code – label" entries ("4 – Hài lòng", a range of the
///   codes sheet); the input message lists them too. A drop-down entry is the value the cell
///   stores, and the importer reads it as its code when the label is that code's (``EntryText``).
///   A bare code typed as printed on the paper form is not in the list, so the rule only warns
///   (`errorStyle="warning"`): the keyer confirms it and the importer checks it.
/// - integer / decimal: whole / decimal numbers, within the bounds of a constraint made only of
///   `. >= a`, `. > a`, `. <= b`, `. < b` joined by `and`; other constraints are left to the importer
///   and quoted in the message.
/// - `lookup: province`: a drop-down of the province codes of the instrument's years.
/// - Other questions (text, select_multiple, dates): an input message only.
struct EntryRule {
    var kind: XLSXWriter.Validation.Kind
    var `operator`: String?
    var formula1: String?
    var formula2: String?
    /// The rule in Vietnamese ("mã 1, 2, 3, 4, 5, 8, 9", "số nguyên từ 18 đến 100").
    var text: String
    /// Lines of the input message after the label.
    var promptLines: [String] = []
    /// The validation's `errorStyle` (nil: stop).
    var errorStyle: String? = nil

    /// A numeric bound of a constraint.
    struct Bound: Equatable {
        var value: Double
        var inclusive: Bool
    }

    /// The lower and upper bounds of `constraint` when it is only comparisons of `.` with numbers
    /// joined by `and`; nil otherwise.
    static func bounds(_ constraint: String) -> (low: Bound?, high: Bound?)? {
        var low: Bound?
        var high: Bound?
        for part in constraint.components(separatedBy: " and ") {
            let words = part.split(separator: " ").map(String.init)
            guard words.count == 3, words[0] == ".", let value = Double(words[2]) else { return nil }
            switch words[1] {
            case ">=": low = Bound(value: value, inclusive: true)
            case ">": low = Bound(value: value, inclusive: false)
            case "<=": high = Bound(value: value, inclusive: true)
            case "<": high = Bound(value: value, inclusive: false)
            default: return nil
            }
        }
        return (low, high)
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// A whole or decimal rule from the question's constraint; `cell` is the range's top-left cell,
    /// for the formula of a range with one open and one closed end.
    static func numeric(_ q: Question, integer: Bool, cell: String) -> EntryRule {
        let kind: XLSXWriter.Validation.Kind = integer ? .whole : .decimal
        let noun = integer ? "số nguyên" : "số"
        guard let constraint = q.constraint else {
            return EntryRule(
                kind: kind, operator: "between", formula1: "-1000000000", formula2: "1000000000", text: noun)
        }
        guard let found = bounds(constraint) else {
            return EntryRule(
                kind: kind, operator: "between", formula1: "-1000000000", formula2: "1000000000",
                text: "\(noun); điều kiện \(constraint) (sipas kiểm khi nhập)")
        }
        var low = found.low
        var high = found.high
        // For whole numbers a strict bound is the next integer, inclusive.
        if integer {
            if let b = low, !b.inclusive { low = Bound(value: b.value.rounded(.down) + 1, inclusive: true) }
            if let b = high, !b.inclusive { high = Bound(value: b.value.rounded(.up) - 1, inclusive: true) }
        }
        switch (low, high) {
        case (let l?, let h?) where l.inclusive && h.inclusive:
            return EntryRule(
                kind: kind, operator: "between", formula1: number(l.value), formula2: number(h.value),
                text: "\(noun) từ \(number(l.value)) đến \(number(h.value))")
        case (let l?, let h?):
            let formula =
                "AND(\(cell)\(l.inclusive ? ">=" : ">")\(number(l.value)),\(cell)\(h.inclusive ? "<=" : "<")\(number(h.value)))"
            return EntryRule(kind: .custom, formula1: formula, text: "\(noun), \(constraint)")
        case (let l?, nil):
            return EntryRule(
                kind: kind, operator: l.inclusive ? "greaterThanOrEqual" : "greaterThan", formula1: number(l.value),
                text: "\(noun) \(l.inclusive ? "≥" : ">") \(number(l.value))")
        case (nil, let h?):
            return EntryRule(
                kind: kind, operator: h.inclusive ? "lessThanOrEqual" : "lessThan", formula1: number(h.value),
                text: "\(noun) \(h.inclusive ? "≤" : "<") \(number(h.value))")
        case (nil, nil):
            return EntryRule(
                kind: kind, operator: "between", formula1: "-1000000000", formula2: "1000000000", text: noun)
        }
    }

    /// A drop-down of the "code – label" entries of `codes` held in `range` of the codes sheet.
    static func list(_ codes: [Choice], range: String) -> EntryRule {
        EntryRule(
            kind: .list, formula1: range,
            text: "chọn “mã – nhãn” trong danh sách hoặc gõ mã " + codes.map(\.name).joined(separator: ", "),
            promptLines: codes.map { EntryText.entry(code: $0.name, label: $0.label.vi) }, errorStyle: "warning")
    }
}
