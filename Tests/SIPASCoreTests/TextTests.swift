import Testing

@testable import SIPASCore

struct TextTests {
    @Test func labelsAreStoredInNFC() {
        let decomposed = "Ha\u{0300} No\u{0302}\u{0323}i"  // "Hà Nội" with combining marks
        let text = LocalizedText(vi: decomposed)
        #expect(text.vi.unicodeScalars.count == "Hà Nội".unicodeScalars.count)
        #expect(Array(text.vi.utf8) == Array("Hà Nội".utf8))
        #expect(text.text(.en) == text.vi)
    }

    @Test func looseKeyIgnoresCaseDiacriticsAndSeparators() {
        #expect("Hài lòng".looseKey == "hai long")
        #expect("hai_long".looseKey == "hai long")
        #expect("  Đất  đai ".looseKey == "dat dai")
        #expect("grp-q1/x".looseKey == "grp q1 x")
        #expect("Hài lòng".looseKey != "Hài lòng lắm".looseKey)
    }

    @Test func csvWriterQuotesOnlyWhenNeeded() {
        let writer = CSVWriter()
        #expect(
            writer.line(["a", "b,c", "say \"hi\"", "x\ny", "Hà Nội"])
                == "a,\"b,c\",\"say \"\"hi\"\"\",\"x\ny\",Hà Nội\n")
        #expect(CSVWriter(delimiter: ";").line(["1,5", "a;b"]) == "1,5;\"a;b\"\n")
    }
}
