import Testing

@testable import SIPASCore

/// The writer decides on quoting from the field's UTF-8 bytes, as a CSV reader splits them.
struct CSVWriterTests {
    @Test func aDelimiterOrQuoteUnderACombiningMarkIsStillQuoted() {
        // "," + U+0301 and "\"" + U+0301 are single Characters, but hold a delimiter and a quote byte.
        let writer = CSVWriter()
        #expect(writer.line(["a,\u{301}b"]) == "\"a,\u{301}b\"\n")
        #expect(writer.quote("x\"\u{301}") == "\"x\"\"\u{301}\"")
    }

    @Test func lineBreaksOfEveryKindAreQuoted() {
        let writer = CSVWriter(delimiter: ";", lineEnding: "\r\n")
        #expect(writer.line(["a\r\nb", "c\rd", "e\nf", "g,h"]) == "\"a\r\nb\";\"c\rd\";\"e\nf\";g,h\r\n")
    }

    @Test func aNonASCIIDelimiterQuotesTheFieldsHoldingIt() {
        let writer = CSVWriter(delimiter: "¦")
        #expect(writer.line(["a¦b", "c|d", "Hà Nội"]) == "\"a¦b\"¦c|d¦Hà Nội\n")
    }

    @Test func emptyAndPlainFieldsStayAsTheyAre() {
        #expect(CSVWriter(delimiter: "\t").line(["", "Đắk Lắk", "", "x y"]) == "\tĐắk Lắk\t\tx y\n")
        #expect(CSVWriter().line([]) == "\n")
    }
}
