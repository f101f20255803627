import Foundation
import SIPASCore

/// A CSV table read whole: a sampling frame, an allocation, a selection or a response file.
///
/// Read with ``CSVReader`` (RFC 4180, `,` `;` or tab sniffed, UTF-8 with or without BOM, UTF-16
/// with BOM); fields trimmed and normalised to NFC; the spreadsheet row of every record kept so
/// that each error names file, row, column and value.
public struct FrameTable: Sendable, Hashable {
    public var file: String
    public var header: [String]
    public var rows: [[String]]
    /// Spreadsheet row of each record (the header is row 1).
    public var rowNumbers: [Int]

    public init(file: String, header: [String], rows: [[String]], rowNumbers: [Int]? = nil) {
        self.file = file
        self.header = header
        self.rows = rows
        self.rowNumbers = rowNumbers ?? rows.indices.map { $0 + 2 }
    }

    /// Reads `url`. - Throws: ``DesignError`` (missing input, or bad data naming the row).
    public static func read(_ url: URL) throws -> FrameTable {
        let name = url.lastPathComponent
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            if !FileManager.default.fileExists(atPath: url.path) {
                throw DesignError(.missingInput, .noFile(url.path))
            }
            throw DesignError(.data, .unreadable(file: name, detail: error.localizedDescription))
        }
        let (text, valid) = Self.text(of: data)
        let records: [CSVReader.Record]
        do {
            let firstLine = text.utf8.prefix { $0 != 10 && $0 != 13 }
            records = try CSVReader(delimiter: CSVReader.sniffDelimiter(firstLine)).records(text, file: name)
        } catch let error as CSVReader.ReadError {
            throw DesignError(.data, .csv(error))
        }
        guard let first = records.first else {
            throw DesignError(.data, .emptyFile(name))
        }
        let header = try first.fields.enumerated().map {
            try decode($1, valid: valid, file: name, row: first.row, column: "\($0 + 1)")
        }
        var rows: [[String]] = []
        var numbers: [Int] = []
        for record in records.dropFirst() {
            guard record.fields.count == header.count else {
                throw DesignError(
                    .data, .fieldCount(file: name, row: record.row, fields: record.fields.count, header: header.count))
            }
            rows.append(
                try record.fields.enumerated().map {
                    try decode($1, valid: valid, file: name, row: record.row, column: header[$0])
                })
            numbers.append(record.row)
        }
        return FrameTable(file: name, header: header, rows: rows, rowNumbers: numbers)
    }

    /// The file's text: UTF-16 when it starts with a UTF-16 byte-order mark, else UTF-8. `valid` is
    /// false when the bytes were not valid UTF-8 and were read with U+FFFD in their place, so that
    /// the first field holding one names where.
    private static func text(of data: Data) -> (text: String, valid: Bool) {
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]),
            let text = String(data: data, encoding: .utf16)
        {
            return (text, true)
        }
        if let text = String(validating: data, as: UTF8.self) { return (text, true) }
        return (String(decoding: data, as: UTF8.self), false)
    }

    private static func decode(_ field: String, valid: Bool, file: String, row: Int, column: String) throws -> String {
        guard valid || !field.unicodeScalars.contains("\u{FFFD}") else {
            throw DesignError(.data, .notUTF8(file: file, row: row, column: column))
        }
        return field.trimmingCharacters(in: .whitespaces).precomposedStringWithCanonicalMapping
    }

    /// Position of `name` in the header. - Throws: ``DesignError`` listing the columns.
    public func column(_ name: String) throws -> Int {
        guard let index = header.firstIndex(of: name) else {
            throw DesignError.missingColumn(file: file, column: name, header: header)
        }
        return index
    }

    /// The column's values as numbers; `allowBlank` gives nil for empty fields.
    /// - Throws: ``DesignError`` naming the first row whose value is not a finite number ≥ `minimum`.
    /// `rule` names what the value must be; without it, a number (≥ `minimum` when one is given).
    public func numbers(_ name: String, minimum: Double = -.infinity, rule: DesignMessage.ValueRule? = nil)
        throws -> [Double]
    {
        let c = try column(name)
        return try rows.indices.map { i in
            let text = rows[i][c]
            guard let value = Double(text), value.isFinite, value >= minimum else {
                throw DesignError.badValue(
                    file: file, row: rowNumbers[i], column: name, value: text,
                    rule: rule ?? (minimum > -.infinity ? .notNumberAtLeast(minimum) : .notNumber))
            }
            return value
        }
    }

    /// Row index of each value of an id column. - Throws: ``DesignError`` naming a repeated id.
    public func uniqueIndex(_ name: String) throws -> [String: Int] {
        var seen: [String: Int] = [:]
        for (i, id) in try strings(name).enumerated() {
            if let first = seen[id] {
                throw DesignError.badValue(
                    file: file, row: rowNumbers[i], column: name, value: id,
                    rule: .repeatsID(row: rowNumbers[first]))
            }
            seen[id] = i
        }
        return seen
    }

    public func strings(_ name: String) throws -> [String] {
        let c = try column(name)
        return rows.map { $0[c] }
    }

    static func format(_ x: Double) -> String { x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x) }

    /// Groups in order of first appearance (R `unique`), with the rows of each.
    public static func groups(_ keys: [String]) -> [(key: String, rows: [Int])] {
        var order: [String] = []
        var members: [String: [Int]] = [:]
        for (i, key) in keys.enumerated() {
            if members[key] == nil { order.append(key) }
            members[key, default: []].append(i)
        }
        return order.map { ($0, members[$0]!) }
    }
}
