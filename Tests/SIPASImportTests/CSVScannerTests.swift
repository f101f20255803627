import Foundation
import SIPASCore
import Testing
@testable import SIPASImport

struct CSVScannerTests {
    func records(_ text: String, delimiter: UInt8? = nil) throws -> [[String]] {
        try records(Array(text.utf8), delimiter: delimiter)
    }

    func records(_ bytes: [UInt8], delimiter: UInt8? = nil) throws -> [[String]] {
        let scanner = try CSVScanner(url: try temporaryFile("x.csv", bytes), delimiter: delimiter)
        var out: [[String]] = []
        while let record = try scanner.next(file: "x.csv") { out.append(record.fields.map { String(decoding: $0, as: UTF8.self) }) }
        return out
    }

    @Test func quotedFieldsHoldDelimitersQuotesAndNewlines() throws {
        let rows = try records("a,b,c\n\"x,y\",\"say \"\"hi\"\"\",\"line1\nline2\"\n")
        #expect(rows == [["a", "b", "c"], ["x,y", "say \"hi\"", "line1\nline2"]])
    }

    @Test func lineEndsBOMAndBlankLines() throws {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let rows = try records(bom + Array("a,b\r\n1,2\r\n\r\n3,4\r5,6".utf8))
        #expect(rows == [["a", "b"], ["1", "2"], ["3", "4"], ["5", "6"]])
    }

    @Test func delimiterIsSniffedFromTheHeader() throws {
        #expect(try records("a;b;c\n1,5;2;3\n") == [["a", "b", "c"], ["1,5", "2", "3"]])
        #expect(try records("a\tb\n1\t2\n") == [["a", "b"], ["1", "2"]])
        #expect(try records("\"a;b\",c\n1,2\n") == [["a;b", "c"], ["1", "2"]])
    }

    @Test func physicalLinesAreTrackedAcrossQuotedNewlines() throws {
        let scanner = try CSVScanner(url: try temporaryFile("x.csv", "h\n\"a\nb\"\n\nc\n"))
        var lines: [Int] = []
        while let record = try scanner.next(file: "x.csv") { lines.append(record.line) }
        #expect(lines == [1, 2, 5])
        #expect(scanner.blankLines == 1)
    }

    @Test func unterminatedQuoteNamesTheRowWhereItOpened() throws {
        #expect(throws: ImportError(.unterminatedQuote, at: .init(file: "x.csv", row: 3))) {
            try records("a,b\n1,2\n3,\"open\n4,5\n")
        }
    }

    @Test func utf16IsRecognised() throws {
        #expect(throws: ImportError(.utf16, at: .init(file: "x.csv", row: 1))) { try records([0xFF, 0xFE, 0x61, 0x00]) }
    }

    @Test func chunkBoundariesDoNotMatter() throws {
        // A file larger than the 1 MiB read size, with quoted newlines, reads back exactly.
        var text = "id,text\n"
        for i in 0..<40_000 { text += "\(i),\"Hà Nội, \"\"quoted\"\"\nline \(i)\"\n" }
        let rows = try records(text)
        #expect(rows.count == 40_001)
        #expect(rows[39_999] == ["39998", "Hà Nội, \"quoted\"\nline 39998"])
    }

    /// Property: whatever fields CSVWriter writes, the scanner reads back the same fields.
    @Test func writerOutputReadsBackIdentically() throws {
        var state: UInt64 = 7
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        let alphabet = ["a", "Z", "1", ",", "\"", "\n", "\r\n", " ", "ộ", "Đ", ";", "\t", "x"]
        for _ in 0..<200 {
            let rows = (0..<(1 + next(5))).map { _ in (0..<3).map { _ in (0..<next(8)).map { _ in alphabet[next(alphabet.count)] }.joined() } }
            let text = "h1,h2,h3\n" + rows.map { CSVWriter().line($0) }.joined()
            let read = try records(text, delimiter: UInt8(ascii: ","))
            #expect(Array(read.dropFirst()) == rows)
        }
    }
}
