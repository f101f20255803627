import SIPASCore

extension ReportValue {
    /// The cell as people read it: Vietnamese decimal commas in `vi`, signed changes, "n<30" for a
    /// suppressed cell, "–" for a missing one. Data strings are returned as they are; each format
    /// escapes them.
    public func humanText(_ kind: ReportColumn.Kind, language: Language, minimumN: Int) -> String {
        switch self {
        case .text(let text): return text
        case .missing: return "–"
        case .suppressed: return "n<\(minimumN)"
        case .number(let value):
            let numbers = NumberStyle.human(language)
            switch kind {
            case .integer: return String(Int(value.rounded()))
            case .change: return (value > 0 ? "+" : "") + numbers.format(value, digits: kind.digits)
            case .probability where value < 0.0001: return "< " + numbers.format(0.0001, digits: 4)
            default: return numbers.format(value, digits: kind.digits)
            }
        }
    }

    /// The cell in machine formats (CSV): numbers with a dot and full precision (shortest text that
    /// reads back to the same double), text neutralised against spreadsheet formulas, nothing for
    /// missing or suppressed cells.
    public var machineText: String {
        switch self {
        case .text(let text): return CellSafety.spreadsheet(text)
        case .number(let value): return Self.machineNumber(value)
        case .missing, .suppressed: return ""
        }
    }

    /// "84.12", "63", shortest round-trip form ("84.1234567"); integers without ".0".
    static func machineNumber(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }
}
