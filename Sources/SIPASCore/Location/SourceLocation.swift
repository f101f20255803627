/// Where in an input file something was found: file, row and column.
///
/// Rows are 1-based and the header is row 1, as a spreadsheet shows them. Columns are
/// named by header and by spreadsheet letter (`A`, `B`, … `AA`).
public struct SourceLocation: Hashable, Sendable, Codable, CustomStringConvertible {
    public var file: String
    public var row: Int?
    public var column: String?
    /// 0-based column position, from which the spreadsheet letter is derived.
    public var columnIndex: Int?

    public init(file: String, row: Int? = nil, column: String? = nil, columnIndex: Int? = nil) {
        self.file = file
        self.row = row
        self.column = column
        self.columnIndex = columnIndex
    }

    /// The spreadsheet letter of the column (`0` → `A`, `26` → `AA`), if the position is known.
    public var columnLetter: String? {
        columnIndex.map(SourceLocation.letter(forColumn:))
    }

    public static func letter(forColumn index: Int) -> String {
        var n = index + 1
        var letters = ""
        while n > 0 {
            let r = (n - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + r))) + letters
            n = (n - 1) / 26
        }
        return letters
    }

    /// "2024.csv, row 118, column q5 (H)".
    public var description: String {
        var parts = [file]
        if let row { parts.append("row \(row)") }
        if let column {
            parts.append(columnLetter.map { "column \(column) (\($0))" } ?? "column \(column)")
        } else if let columnLetter {
            parts.append("column \(columnLetter)")
        }
        return parts.joined(separator: ", ")
    }
}
