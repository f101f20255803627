import SIPASCore
import SIPASTestSupport
import Testing

@testable import SIPASInstruments

/// The instrument errors' catalog: every case in both languages, keys unique, English as the checker
/// has always printed it.
struct InstrumentMessageTests {
    /// One value of every semantic problem.
    static let problems: [InstrumentMessage.Problem] = [
        .minimumN(0), .yearsOrder(to: 2020, from: 2021), .nonNFCLine, .nonNFCText(place: "title", text: "Hà Nội"),
        .choiceCodeTwice(list: "yesno", code: "1"), .choiceCodeSpaces(list: "yesno", code: "a b"),
        .scaleWithoutList(list: "agree", declared: ["sat5", "yesno"]),
        .scaleCodeNotInList(list: "sat5", key: "satisfied", code: 6), .scaleCodeBoth(list: "sat5", code: 4),
        .scaleWithoutSatisfied(list: "sat5"), .questionNameTwice(name: "A1", first: 4), .questionNameRule(name: "2bad"),
        .undeclaredList(question: "q", list: "sectors"), .typeWithoutList(question: "q", type: "select_one"),
        .unknownLookup(question: "q", lookup: "district"),
        .expressionParse(question: "q", key: "relevant", expression: "(${a}", reason: .expected(")")),
        .invalidPattern(question: "q", key: "constraint", pattern: "[0-9"),
        .unknownReference(question: "q", key: "relevant", name: "nothing"), .perceptionNotSelect(question: "q"),
        .scoredWithoutScale(question: "q", role: "item"), .noArea(question: "q"),
        .undeclaredArea(question: "q", area: "policy"), .noElement(question: "q"),
        .undeclaredElement(question: "q", element: "results", area: "services"), .areaTwice("services"),
        .areaWithoutElements("services"), .elementTwice("staff"), .elementWithoutItems(element: "staff", area: "a"),
        .elementWithoutOverall(element: "staff", area: "a"), .overallItemCount(found: 0), .noAreas, .unitMissing,
        .designColumn(key: "cluster", column: "school_code"), .replicateColumn("rw1"), .respondentID("id"),
        .outcomeMissing("S9"), .outcomeRole(outcome: "A1", role: "item", hasScale: false),
        .attributeMissing(what: "breakdown", name: "district"),
        .attributeRole(what: "breakdown", name: "S1_why", role: "info"),
    ]

    /// One value of every message; `check` once per problem.
    static let messages: [InstrumentMessage] =
        [
            .cannotRead(detail: "no such file"), .notUTF8, .cannotReadUTF8, .yaml("mapping values are not allowed"),
            .missingKey(path: "questions[7].type", key: "type"),
            .decoding(path: "design.lonely_psu", detail: "Cannot initialize LonelyPSU"),
            .problems([.check(.noAreas), .check(.unitMissing)]), .targetBound(index: 1),
            .targetEarlierYear(index: 0, earlier: 2023, due: 2023), .targetThreshold(index: 2),
            .choiceNameTwice(name: "a", list: "l", firstRow: 2),
        ] + problems.map(InstrumentMessage.check)

    @Test func everyMessageHasDistinctNFCTextInBothLanguagesAndAUniqueKey() {
        #expect(MessageCatalogCheck.problems(Self.messages) == [])
        #expect(MessageCatalogCheck.problems([InstrumentMessage.cannotRead(detail: nil)]) == [])
    }

    @Test func englishIsTheCheckersText() {
        #expect(InstrumentMessage.cannotRead(detail: nil).text(.en) == "cannot read the file")
        #expect(InstrumentMessage.yaml("bad indentation").text(.en) == "bad indentation")
        #expect(
            InstrumentMessage.check(.outcomeRole(outcome: "A1", role: "item", hasScale: false)).text(.en)
                == "drivers.outcome 'A1' has role item and no scale; it must be a scored question of role overall or element_overall (the element scores are the predictors)"
        )
        #expect(
            InstrumentMessage.problems([.check(.noAreas), .check(.unitMissing)]).text(.en)
                == "2 problem(s): no areas are declared: nothing to roll up; "
                + "rollup.national is mean_of_units but rollup.unit is missing")
    }

    /// An error renders its file and line before the message, in either language.
    @Test func anErrorRendersInVietnamese() {
        let error = InstrumentError(file: "broken.yaml", line: 13, .check(.choiceCodeTwice(list: "yesno", code: "1")))
        #expect(error.description == "broken.yaml:13: choice list 'yesno' has the code '1' twice")
        #expect(error.text(.vi) == "broken.yaml:13: danh sách lựa chọn 'yesno' có mã '1' hai lần")
        #expect(
            InstrumentError(file: "x.yaml", line: nil, .notUTF8).text(.vi) == "x.yaml: tệp không phải văn bản UTF-8")
    }

    @Test func theCheckerGivesTypedProblems() {
        let problems = Instrument.check(yaml: "id: x\n", file: "x.yaml")
        #expect(problems.count == 1)
        guard case .missingKey = problems.first?.problem else {
            Issue.record("expected a missing key, got \(problems)")
            return
        }
    }
}
