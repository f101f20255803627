import ArgumentParser
import Foundation
import SIPASCore

/// What a command prints: text for people or JSON for scripts and the web front door.
enum OutputFormat: String, CaseIterable, ExpressibleByArgument {
    case text
    case json
}

/// `--lang`, `--quiet` and `--format text|json`: the output flags of `validate`, `import`,
/// `store batches`, `store show` and `instrument check` (README, "Flags of every command").
/// `--quiet` drops progress and summaries of what went well, never an error or a rejected row;
/// errors always go to standard error with a non-zero exit status, in either format.
struct OutputFlags: ParsableArguments {
    @Option(help: "Language of messages and labels: vi or en (default: vi; `instrument check`: en).")
    var lang: Language?

    @Flag(help: "Print no progress and no summary of what went well; errors and rejected rows are still printed.")
    var quiet = false

    @Option(help: "Output: text (for people) or json (for scripts; see docs/json.md).")
    var format: OutputFormat = .text

    /// The language asked for, else Vietnamese.
    var language: Language { lang ?? .vi }

    var json: Bool { format == .json }

    /// True when summaries and notes go to the terminal: text output without `--quiet`.
    var chatty: Bool { !quiet && format == .text }

    /// `value` as one JSON document on standard output (sorted keys, snake_case, a final newline).
    static func emitJSON(_ value: some Encodable) throws {
        try Console.emit(try encodeJSON(value), to: nil)
    }

    static func encodeJSON(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}
