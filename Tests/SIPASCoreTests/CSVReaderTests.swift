import Testing

@testable import SIPASCore

/// RFC 4180 records of a configuration file, each with its spreadsheet row.
struct CSVReaderTests {
    static func read(_ text: String, delimiter: UInt8 = UInt8(ascii: ",")) throws -> [[String]] {
        try CSVReader(delimiter: delimiter).records(text, file: "t.csv").map { [String($0.row)] + $0.fields }
    }

    @Test func theDelimiterIsTheOneSplittingTheLineMost() {
        #expect(CSVReader.sniffDelimiter("a;b,c".utf8) == UInt8(ascii: ","))  // tie: comma
        #expect(CSVReader.sniffDelimiter("a;b;c,d".utf8) == UInt8(ascii: ";"))
        #expect(CSVReader.sniffDelimiter("a\tb\tc;d".utf8) == 9)
        #expect(CSVReader.sniffDelimiter("\"a;b;c\",d".utf8) == UInt8(ascii: ","))  // quoted parts ignored
        #expect(CSVReader.sniffDelimiter("a|b|c".utf8) == UInt8(ascii: ","))  // none: comma
    }

    @Test func quotedFieldsHoldDelimitersQuotesAndLineBreaks() throws {
        let text = "a,b,c\n\"1,5\",\"say \"\"hi\"\"\",\"two\r\nlines\"\n2,,\n"
        #expect(
            try Self.read(text) == [
                ["1", "a", "b", "c"], ["2", "1,5", "say \"hi\"", "two\r\nlines"], ["3", "2", "", ""],
            ])
    }

    @Test func everyLineEndWorksAndBlankLinesCountAsRows() throws {
        let text = "\u{FEFF}h1;h2\r\n\r\n  \rx;y\rz;w"
        #expect(
            try Self.read(text, delimiter: UInt8(ascii: ";")) == [
                ["1", "h1", "h2"], ["4", "x", "y"], ["5", "z", "w"],
            ])
    }

    @Test func aQuotedLineBreakDoesNotStartARow() throws {
        #expect(try Self.read("a\n\"b\nc\"\nd\n") == [["1", "a"], ["2", "b\nc"], ["3", "d"]])
    }

    @Test func textAfterAClosingQuoteIsKept() throws {
        #expect(try Self.read("\"ab\"c,d\n") == [["1", "abc", "d"]])
    }

    @Test func aQuoteLeftOpenNamesFileRowAndColumn() {
        #expect(throws: CSVReader.ReadError.unterminatedQuote(file: "t.csv", row: 2, column: 3)) {
            try Self.read("a,b,c\n1,2,\"3\n4\n")
        }
        #expect(
            CSVReader.ReadError.unterminatedQuote(file: "t.csv", row: 2, column: 3).message(.vi)
                == "t.csv, dòng 2, cột 3: dấu ngoặc kép mở ở đây không được đóng trước cuối tệp")
    }
}
