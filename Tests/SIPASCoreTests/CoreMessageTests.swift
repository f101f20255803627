import Foundation
import SIPASCore
import SIPASTestSupport
import Testing

/// SIPASCore's catalogs: its texts and its two read errors, every case in both languages.
struct CoreMessageTests {
    @Test func everyMessageHasDistinctNFCTextInBothLanguagesAndAUniqueKey() {
        #expect(
            MessageCatalogCheck.problems([CoreMessage.syntheticBanner, .syntheticRows(synthetic: 2, rows: 10)]) == [])
        #expect(
            MessageCatalogCheck.problems([CSVReader.ReadError.unterminatedQuote(file: "a.csv", row: 2, column: 3)])
                == [])
        #expect(
            MessageCatalogCheck.problems([
                Crosswalk.ReadError.missingColumns(file: "c.csv"), .badLine(file: "c.csv", line: 3),
                .conflicting(file: "c.csv", line: 4, code: "01"),
            ]) == [])
    }

    @Test func englishIsTheDescription() {
        let error = Crosswalk.ReadError.conflicting(file: "c.csv", line: 4, code: "01")
        #expect(error.description == "c.csv, row 4: old code 01 is mapped twice to different new codes")
        #expect(error.text(.vi) == "c.csv, dòng 4: mã cũ 01 được ghép với hai mã mới khác nhau")
    }
}
