import Foundation
import SIPASCore
import SIPASTestSupport
import Testing

@testable import SIPASImport

/// The row rejections' catalog: every rule's reason in both languages, behind its location.
struct RejectionTests {
    /// One rejection per rule.
    static let rules: [Rejection.Rule] = [
        .outOfRange(list: "sat5", allowed: ["1", "2"]), .notInList(list: "provinces"),
        .labelMismatch(list: "sat5", code: "1", label: "Rất hài lòng"), .notANumber(type: "integer"), .required,
        .constraint(expression: ". > 0"), .notRelevant(expression: "${q1} = 1"), .unknownProvince(year: 2024),
        .badWeight,
        .duplicateRespondent(firstRow: 2), .duplicateRespondentElsewhere(file: "a.csv", row: 5),
        .ragged(expected: 4, found: 3),
    ]
    static let rejections = rules.map {
        Rejection(location: SourceLocation(file: "2024.csv", row: 7), value: "9", rule: $0, question: "q1")
    }

    @Test func everyRuleHasDistinctNFCTextInBothLanguagesAndAUniqueKey() {
        #expect(MessageCatalogCheck.problems(Self.rejections) == [])
    }

    @Test func theReasonIsTheCatalogText() {
        for rejection in Self.rejections {
            #expect(rejection.reason(.vi) == rejection.text(.vi))
            #expect(rejection.message(.en) == "\(rejection.location): " + rejection.text(.en))
        }
        let province = Rejection(
            location: SourceLocation(file: "a.csv"), value: "99", rule: .unknownProvince(year: 2024), question: nil)
        #expect(province.reason(.vi) == "'99' không phải mã tỉnh năm 2024")
        #expect(province.reason(.en) == "'99' is not a province code in 2024")
    }
}
