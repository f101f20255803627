import SIPASCore

/// Why a sample design step could not be done: a bilingual message and the kind of failure,
/// which the command line maps to its exit status (usage 64, bad data 65, missing file 66).
public struct DesignError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Category: String, Sendable, Hashable {
        /// An argument that is out of range or inconsistent with the others.
        case usage
        /// A frame, selection or response file whose content breaks a rule.
        case data
        /// An input file that does not exist.
        case missingInput
    }

    public var category: Category
    public var vi: String
    public var en: String

    public init(_ category: Category, vi: String, en: String) {
        self.category = category
        self.vi = vi
        self.en = en
    }

    public func message(_ language: Language) -> String { language == .vi ? vi : en }
    public var description: String { en }

    static func usage(vi: String, en: String) -> DesignError { DesignError(.usage, vi: vi, en: en) }

    /// A bad value at a file's row and column, with the rule it breaks.
    static func badValue(file: String, row: Int, column: String, value: String, ruleVi: String, ruleEn: String)
        -> DesignError
    {
        DesignError(
            .data, vi: "\(file), dòng \(row), cột \(column): '\(value)' \(ruleVi)",
            en: "\(file), row \(row), column \(column): '\(value)' \(ruleEn)")
    }

    public static func missingColumn(file: String, column: String, header: [String]) -> DesignError {
        let list = header.joined(separator: ", ")
        return DesignError(
            .data, vi: "\(file): không có cột '\(column)' (các cột: \(list))",
            en: "\(file): no column '\(column)' (columns: \(list))")
    }
}
