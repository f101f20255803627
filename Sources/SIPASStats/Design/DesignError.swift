import SIPASCore

/// Why a sample design step could not be done: a catalog message (``DesignMessage``) and the kind
/// of failure, which the command line maps to its exit status (usage 64, bad data 65, missing file 66).
public struct DesignError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedMessage {
    public enum Category: String, Sendable, Hashable {
        /// An argument that is out of range or inconsistent with the others.
        case usage
        /// A frame, selection or response file whose content breaks a rule.
        case data
        /// An input file that does not exist.
        case missingInput
    }

    public var category: Category
    public var problem: DesignMessage

    public init(_ category: Category, _ problem: DesignMessage) {
        self.category = category
        self.problem = problem
    }

    public var key: String { problem.key }
    public func text(_ language: Language) -> String { problem.text(language) }
    public func message(_ language: Language) -> String { problem.text(language) }
    public var description: String { problem.text(.en) }

    static func usage(_ problem: DesignMessage) -> DesignError { DesignError(.usage, problem) }

    /// A bad value at a file's row and column, with the rule it breaks.
    static func badValue(file: String, row: Int, column: String, value: String, rule: DesignMessage.ValueRule)
        -> DesignError
    {
        DesignError(.data, .badValue(file: file, row: row, column: column, value: value, rule: rule))
    }

    public static func missingColumn(file: String, column: String, header: [String]) -> DesignError {
        DesignError(.data, .missingColumn(file: file, column: column, header: header))
    }
}
