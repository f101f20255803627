import SIPASCore
import Testing

struct EntryTextTests {
    @Test func anEntryIsCodeDashLabel() {
        #expect(EntryText.entry(code: "4", label: "Hài lòng") == "4 – Hài lòng")
        #expect(EntryText.entry(code: "9", label: " Không  biết\n") == "9 – Không biết")
    }

    @Test func entriesSplitAtTheFirstSpacedDashOrHyphen() {
        #expect(EntryText.split("4 – Hài lòng")! == ("4", "Hài lòng"))
        #expect(EntryText.split("4 - Hài lòng")! == ("4", "Hài lòng"))
        #expect(EntryText.split("  2\t–  Từ 1 - 2 lần ")! == ("2", "Từ 1 - 2 lần"))
        #expect(EntryText.split("1 - 2 lần – x")! == ("1", "2 lần – x"))
        #expect(EntryText.split("4–Hài lòng") == nil)
        #expect(EntryText.split("Hài lòng") == nil)
        #expect(EntryText.split("4 – ") == nil)
    }

    @Test func canonicalTextIsNFCWithSingleSpaces() {
        #expect(EntryText.canonical("  Ha\u{0300}i\u{00A0}\u{00A0}lo\u{0300}ng \n") == "Hài lòng")
        #expect(EntryText.canonical("Hài lòng").unicodeScalars.count == 8)
    }
}
