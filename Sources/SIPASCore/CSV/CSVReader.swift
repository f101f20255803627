/// Reads RFC 4180 CSV text held in memory: sipas's own configuration files (population margins,
/// code crosswalks, the province catalogue), the counterpart of ``CSVWriter``. Survey data files go
/// through SIPASImport's streaming byte scanner (encodings, chunks, byte ranges), which Core cannot
/// import and these small files do not need.
///
/// Quoted fields may hold the delimiter, doubled quotes and line breaks; CRLF, LF and CR end lines;
/// a leading UTF-8 byte-order mark is skipped. Characters after a closing quote are kept (`"ab"c`
/// reads as `abc`), as the data scanner reads them. Rows are numbered as a spreadsheet shows them:
/// the first line is row 1, a blank line (nothing but spaces and tabs) is a row that is skipped,
/// and a quoted line break does not start a row. Fields are returned as read, untrimmed.
public struct CSVReader: Sendable {
    /// One record and the spreadsheet row it starts on.
    public struct Record: Hashable, Sendable {
        public var row: Int
        public var fields: [String]

        public init(row: Int, fields: [String]) {
            self.row = row
            self.fields = fields
        }
    }

    public enum ReadError: Error, Hashable, Sendable, CustomStringConvertible, LocalizedMessage {
        /// A quoted field still open at the end of the text, at the row and (1-based) column where it opened.
        case unterminatedQuote(file: String, row: Int, column: Int)

        public var description: String { message(.en) }

        /// The message in `language`: ``text(_:)``.
        public func message(_ language: Language) -> String { text(language) }

        public var key: String {
            switch self {
            case .unterminatedQuote: return "csv.unterminatedQuote"
            }
        }

        public func text(_ language: Language) -> String {
            switch self {
            case .unterminatedQuote(let file, let row, let column):
                return language.pick(
                    vi: "\(file), dòng \(row), cột \(column): dấu ngoặc kép mở ở đây không được đóng trước cuối tệp",
                    en:
                        "\(file), row \(row), column \(column): the quote opened here is not closed before the end of the file"
                )
            }
        }
    }

    public var delimiter: UInt8

    public init(delimiter: UInt8 = UInt8(ascii: ",")) {
        self.delimiter = delimiter
    }

    /// The delimiter among `,` `;` and tab that splits `line` into the most fields, quoted parts
    /// ignored; ties go to the earlier of `,` `;` tab, and `,` is used when none appears.
    public static func sniffDelimiter(_ line: some Sequence<UInt8>) -> UInt8 {
        let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), 9]
        var counts = [0, 0, 0]
        var quoted = false
        for byte in line {
            if byte == UInt8(ascii: "\"") {
                quoted.toggle()
                continue
            }
            if !quoted, let i = candidates.firstIndex(of: byte) { counts[i] += 1 }
        }
        var best = 0
        for i in 1..<3 where counts[i] > counts[best] { best = i }
        return candidates[best]
    }

    /// The records of `text`, blank lines left out; `file` names it in errors.
    /// - Throws: ``ReadError/unterminatedQuote(file:row:column:)``.
    public func records(_ text: String, file: String) throws -> [Record] {
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let quote = UInt8(ascii: "\"")
        let cr: UInt8 = 13
        let lf: UInt8 = 10
        var records: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var row = 1
        var i = 0
        /// Ends the record at a line end (or the end of the text) starting `row`.
        func endRecord() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            let blank = fields.count == 1 && fields[0].utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 }
            if !blank { records.append(Record(row: row, fields: fields)) }
            fields.removeAll(keepingCapacity: true)
        }
        while i < bytes.count {
            let byte = bytes[i]
            if byte == quote && field.isEmpty {
                // A quoted field, up to its closing quote (a doubled quote stands for one).
                let openedAt = (row: row, column: fields.count + 1)
                i += 1
                var closed = false
                while i < bytes.count {
                    if bytes[i] == quote {
                        if i + 1 < bytes.count && bytes[i + 1] == quote {
                            field.append(quote)
                            i += 2
                            continue
                        }
                        i += 1
                        closed = true
                        break
                    }
                    field.append(bytes[i])
                    i += 1
                }
                guard closed else {
                    throw ReadError.unterminatedQuote(file: file, row: openedAt.row, column: openedAt.column)
                }
                continue
            }
            if byte == delimiter {
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
            } else if byte == cr || byte == lf {
                endRecord()
                if byte == cr && i + 1 < bytes.count && bytes[i + 1] == lf { i += 1 }
                row += 1
            } else {
                field.append(byte)
            }
            i += 1
        }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        return records
    }
}
