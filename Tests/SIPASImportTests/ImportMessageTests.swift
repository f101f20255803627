import Foundation
import SIPASCore
import SIPASTestSupport
import Testing

@testable import SIPASImport

/// The import's notes and report lines: every case in both languages.
struct ImportMessageTests {
    static let messages: [ImportMessage] = [
        .noWeightColumn("wt"), .noStrataColumn(nil), .noClusterColumn("psu"), .noYearColumn,
        .relevantNotChecked(question: "q2", absent: "q1"),
        .doubleEntryHeading(first: "a.csv", second: "b.csv", forms: 10, fields: 200, differing: 3), .differingFields,
        .blank,
        .differingField(
            form: "7", column: "q1", first: "'1'", second: "'2'", firstRow: 3, secondRow: 4, firstKeyer: "An",
            secondKeyer: "?"),
        .formsOnlyIn, .duplicateIdsIn, .formAtRow(id: "7", row: 3), .columnsOnlyIn(file: "a.csv"), .agreementByKeyer,
        .keyerAgreement(keyer: "An", file: "a.csv", agreeing: 99, fields: 100, percent: "99.0"),
    ]

    @Test func everyMessageHasDistinctNFCTextInBothLanguagesAndAUniqueKey() {
        #expect(MessageCatalogCheck.problems(Self.messages) == [])
    }

    @Test func aDesignColumnIsNamedWhenTheInstrumentHasOne() {
        #expect(ImportMessage.noWeightColumn("wt").text(.en) == "no weight column (wt): every row has weight 1")
        #expect(ImportMessage.noStrataColumn(nil).text(.vi) == "không có cột tầng: một tầng duy nhất")
    }
}
