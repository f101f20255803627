/// Writes RFC 4180 CSV text: fields are quoted when they hold the delimiter, a quote, CR or LF.
///
/// Hand-written because it is a dozen lines and every module that writes CSV (rejects,
/// sample data, report tables) must quote the same way; the CSV packages available here
/// are readers.
///
/// Fields are looked at as UTF-8 bytes, as a CSV reader splits them: a delimiter followed by a
/// combining mark is one `Character` but still a delimiter byte, and so is the LF of a CRLF.
/// (`String.contains` of a string goes through Foundation's `NSString` search, which took three
/// quarters of `sipas sample`'s time.)
public struct CSVWriter: Sendable {
    public var delimiter: Character
    public var lineEnding: String

    public init(delimiter: Character = ",", lineEnding: String = "\n") {
        self.delimiter = delimiter
        self.lineEnding = lineEnding
    }

    /// One record as a line, including the line ending.
    public func line(_ fields: [String]) -> String {
        let separator = String(delimiter)
        let byte = delimiter.asciiValue
        var line = ""
        line.reserveCapacity(fields.reduce(lineEnding.utf8.count) { $0 + $1.utf8.count + separator.utf8.count })
        for (i, field) in fields.enumerated() {
            if i > 0 { line += separator }
            line += needsQuotes(field, delimiterByte: byte) ? quoted(field) : field
        }
        line += lineEnding
        return line
    }

    public func quote(_ field: String) -> String {
        needsQuotes(field, delimiterByte: delimiter.asciiValue) ? quoted(field) : field
    }

    private func quoted(_ field: String) -> String {
        var bytes: [UInt8] = [0x22]
        bytes.reserveCapacity(field.utf8.count + 2)
        for byte in field.utf8 {
            bytes.append(byte)
            if byte == 0x22 { bytes.append(0x22) }
        }
        bytes.append(0x22)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `delimiterByte`: the delimiter's byte when it is ASCII (looked up once per line).
    private func needsQuotes(_ field: String, delimiterByte: UInt8?) -> Bool {
        if let byte = delimiterByte {
            return field.utf8.contains { $0 == byte || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
        }
        return field.utf8.contains { $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            || field.utf8.firstRange(of: String(delimiter).utf8) != nil
    }
}
