import Testing

@testable import SIPASCore

struct SourceLocationTests {
    @Test(arguments: [(0, "A"), (7, "H"), (25, "Z"), (26, "AA"), (51, "AZ"), (52, "BA"), (701, "ZZ"), (702, "AAA")])
    func columnLettersFollowSpreadsheets(index: Int, letter: String) {
        #expect(SIPASCore.SourceLocation.letter(forColumn: index) == letter)
    }

    @Test func descriptionNamesFileRowAndColumn() {
        let location = SIPASCore.SourceLocation(file: "2024.csv", row: 118, column: "q5", columnIndex: 7)
        #expect(location.description == "2024.csv, row 118, column q5 (H)")
        #expect(SIPASCore.SourceLocation(file: "a.csv").description == "a.csv")
    }
}
