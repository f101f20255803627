import Foundation

/// Writes RFC 4180 CSV text: fields are quoted when they hold the delimiter, a quote, CR or LF.
///
/// Hand-written because it is a dozen lines and every module that writes CSV (rejects,
/// sample data, report tables) must quote the same way; the CSV packages available here
/// are readers.
public struct CSVWriter: Sendable {
    public var delimiter: Character
    public var lineEnding: String

    public init(delimiter: Character = ",", lineEnding: String = "\n") {
        self.delimiter = delimiter
        self.lineEnding = lineEnding
    }

    /// One record as a line, including the line ending.
    public func line(_ fields: [String]) -> String {
        fields.map(quote).joined(separator: String(delimiter)) + lineEnding
    }

    public func quote(_ field: String) -> String {
        let needsQuotes = field.contains(delimiter) || field.contains("\"")
            || field.contains("\n") || field.contains("\r")
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
