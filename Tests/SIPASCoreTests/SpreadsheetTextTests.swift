import SIPASCore
import Testing

struct SpreadsheetTextTests {
    @Test func cellsThatWouldStartAFormulaGetAQuote() {
        let cases = [
            "=HYPERLINK(\"http://x\",\"y\")": "'=HYPERLINK(\"http://x\",\"y\")", "+1": "'+1", "-5": "'-5",
            "-2+3": "'-2+3",
            "@SUM(A1)": "'@SUM(A1)", "\t=1": "'\t=1", "\r=1": "'\r=1", "\r\n=1": "'\r\n=1", "\u{0}=1": "'\u{0}=1",
        ]
        for (text, expected) in cases {
            #expect(SpreadsheetText.neutralised(text) == expected, "\(text.debugDescription)")
        }
    }

    @Test func otherCellsAreUnchanged() {
        for text in ["Hà Nội", "84,5", "5", "", "a=b", "'=already", " =1", "4 – Hài lòng"] {
            #expect(SpreadsheetText.neutralised(text) == text)
        }
    }
}
