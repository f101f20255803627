import Foundation
import SIPASCore
import Testing

@testable import SIPASImport

struct CSVScannerTests {
    func records(_ text: String, delimiter: UInt8? = nil, chunkSize: Int = 1 << 20) throws -> [[String]] {
        try records(Array(text.utf8), delimiter: delimiter, chunkSize: chunkSize)
    }

    func records(_ bytes: [UInt8], delimiter: UInt8? = nil, chunkSize: Int = 1 << 20) throws -> [[String]] {
        let scanner = try CSVScanner(url: try temporaryFile("x.csv", bytes), delimiter: delimiter, chunkSize: chunkSize)
        var out: [[String]] = []
        while let record = try scanner.next() { out.append(record.fields.map { String(decoding: $0, as: UTF8.self) }) }
        return out
    }

    @Test func quotedFieldsHoldDelimitersQuotesAndNewlines() throws {
        let rows = try records("a,b,c\n\"x,y\",\"say \"\"hi\"\"\",\"line1\nline2\"\n\"\",\"crlf\r\ninside\",\"\"\"\"\n")
        #expect(rows == [["a", "b", "c"], ["x,y", "say \"hi\"", "line1\nline2"], ["", "crlf\r\ninside", "\""]])
    }

    @Test func lineEndsBOMAndBlankLines() throws {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let scanner = try CSVScanner(
            url: try temporaryFile("x.csv", bom + Array("a,b\r\n1,2\r\n\r\n3,4\r5,6\n\n".utf8)))
        var rows: [[String]] = []
        while let record = try scanner.next() { rows.append(record.fields.map { String(decoding: $0, as: UTF8.self) }) }
        #expect(rows == [["a", "b"], ["1", "2"], ["3", "4"], ["5", "6"]])
        #expect(scanner.encoding == .utf8BOM)
        #expect(scanner.blankLines == 2)
    }

    @Test func trailingDelimiterGivesAnEmptyLastField() throws {
        #expect(try records("a,b,\n1,2,\n") == [["a", "b", ""], ["1", "2", ""]])
    }

    @Test func delimiterIsSniffedFromTheHeader() throws {
        #expect(try records("a;b;c\n1,5;2;3\n") == [["a", "b", "c"], ["1,5", "2", "3"]])
        #expect(try records("a\tb\n1\t2\n") == [["a", "b"], ["1", "2"]])
        #expect(try records("\"a;b\",c\n1,2\n") == [["a;b", "c"], ["1", "2"]])
    }

    @Test func givenDelimiterWins() throws {
        #expect(try records("a;b,c\n1;2,3\n", delimiter: UInt8(ascii: ";")) == [["a", "b,c"], ["1", "2,3"]])
    }

    @Test func rowsCountAsASpreadsheetShowsThemAndLinesAsAnEditorDoes() throws {
        let scanner = try CSVScanner(url: try temporaryFile("x.csv", "h\n\"a\nb\"\n\nc\n"))
        var rows: [Int] = []
        var lines: [Int] = []
        while let record = try scanner.next() {
            rows.append(record.row)
            lines.append(record.line)
        }
        #expect(rows == [1, 2, 4])
        #expect(lines == [1, 2, 5])
        #expect(scanner.blankLines == 1)
    }

    @Test func unterminatedQuoteNamesTheRowAndColumnWhereItOpened() throws {
        let error = importError { _ = try records("a,b\n1,2\n3,\"open\n4,5\n") }
        #expect(error == ImportError(.unterminatedQuote(line: 3), at: .init(file: "x.csv", row: 3, columnIndex: 1)))
        #expect(
            error?.message(.en)
                == "x.csv, row 3, column B: a quote opened here (text line 3) is never closed before the end of the file"
        )
    }

    @Test func textAfterAClosingQuoteIsKeptAndCounted() throws {
        let scanner = try CSVScanner(url: try temporaryFile("x.csv", "a,b\n\"x\"y,2\n"))
        _ = try scanner.next()
        let record = try #require(try scanner.next())
        #expect(record.fields.map { String(decoding: $0, as: UTF8.self) } == ["xy", "2"])
        #expect(scanner.strayQuotes == 1)
    }

    @Test func fieldOffsetsPointIntoTheFile() throws {
        let scanner = try CSVScanner(url: try temporaryFile("x.csv", [0xEF, 0xBB, 0xBF] + Array("a,\"b\"\n".utf8)))
        let record = try #require(try scanner.next())
        #expect(record.fieldOffsets == [3, 6])
        #expect(record.quoted == [false, true])
    }

    @Test(arguments: [false, true])
    func utf16WithBOMIsDecoded(bigEndian: Bool) throws {
        // Excel's "Unicode Text": UTF-16 little-endian, tab-delimited. A non-BMP character crosses chunks.
        let text = "mã\ttên\r\n01\tHà Nội 😀\r\n"
        for chunk in [4, 5, 7, 1 << 20] {
            let scanner = try CSVScanner(
                url: try temporaryFile("u.csv", utf16(text, bigEndian: bigEndian)), chunkSize: chunk)
            var rows: [[String]] = []
            while let record = try scanner.next() {
                rows.append(record.fields.map { String(decoding: $0, as: UTF8.self) })
            }
            #expect(rows == [["mã", "tên"], ["01", "Hà Nội 😀"]], "chunk \(chunk)")
            #expect(scanner.encoding == (bigEndian ? .utf16BE : .utf16LE))
        }
    }

    @Test func utf16WithoutBOMAndBrokenUTF16AreErrors() throws {
        #expect(throws: ImportError(.utf16, at: .init(file: "x.csv", row: 1))) {
            try records([0x61, 0x00, 0x2C, 0x00, 0x62, 0x00])
        }
        // A lone low surrogate DC00 at byte offset 4.
        #expect(throws: ImportError(.badUTF16(byteOffset: 4), at: .init(file: "x.csv"))) {
            try records([0xFF, 0xFE, 0x61, 0x00, 0x00, 0xDC])
        }
        // An odd final byte.
        #expect(throws: ImportError(.badUTF16(byteOffset: 4), at: .init(file: "x.csv"))) {
            try records([0xFF, 0xFE, 0x61, 0x00, 0x62])
        }
    }

    @Test func chunkBoundariesDoNotMatter() throws {
        var text = "id,text\r\n"
        for i in 0..<50 { text += "\(i),\"Hà Nội, \"\"quoted\"\"\r\nline \(i)\"\r\n" }
        let whole = try records(text)
        #expect(whole.count == 51)
        #expect(whole[50] == ["49", "Hà Nội, \"quoted\"\r\nline 49"])
        for chunk in [4, 5, 13] { #expect(try records(text, chunkSize: chunk) == whole, "chunk \(chunk)") }
    }

    @Test func aFileLargerThanOneChunkReadsBack() throws {
        var text = "id,text\n"
        for i in 0..<40_000 { text += "\(i),\"Hà Nội, \"\"quoted\"\"\nline \(i)\"\n" }
        let rows = try records(text)
        #expect(rows.count == 40_001)
        #expect(rows[39_999] == ["39998", "Hà Nội, \"quoted\"\nline 39998"])
    }

    /// Property: whatever fields CSVWriter writes (any delimiter, LF or CRLF), the scanner reads back.
    @Test func writerOutputReadsBackIdentically() throws {
        var state: UInt64 = 7
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        let alphabet = ["a", "Z", "1", ",", "\"", "\n", "\r\n", "\r", " ", "ộ", "Đ", ";", "\t", "x", "\"\""]
        let writers = [CSVWriter(), CSVWriter(delimiter: ";", lineEnding: "\r\n"), CSVWriter(delimiter: "\t")]
        for iteration in 0..<300 {
            let writer = writers[iteration % writers.count]
            let columns = 1 + next(4)
            // Every row has one non-empty field, so that no row is a blank line.
            let rows = (0..<(1 + next(5))).map { _ in
                (0..<columns).map { _ in (0..<next(8)).map { _ in alphabet[next(alphabet.count)] }.joined() }
            }.map { $0.allSatisfy(\.isEmpty) ? ["r"] + $0.dropFirst() : $0 }
            let header = (1...columns).map { "h\($0)" }
            let text = writer.line(header) + rows.map { writer.line($0) }.joined()
            let read = try records(text, delimiter: writer.delimiter.asciiValue!, chunkSize: 4 + next(40))
            #expect(Array(read.dropFirst()) == rows, "\(text.debugDescription)")
        }
    }
}
