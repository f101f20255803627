import Foundation
import SIPASCore
import SIPASTestSupport
import Testing

@testable import SIPASInstruments

struct InstrumentValidationTests {
    static func fixture(_ name: String) throws -> String {
        try String(contentsOf: Fixtures.url("instruments/\(name)"), encoding: .utf8)
    }

    @Test func minimalInstrumentHasNoProblems() throws {
        let yaml = try Self.fixture("minimal.yaml")
        #expect(Instrument.check(yaml: yaml, file: "minimal.yaml") == [])
        let instrument = try InstrumentLoader.load(yaml: yaml, file: "minimal.yaml")
        try instrument.checkInvariants()
        #expect(instrument.scoredQuestions.map(\.name) == ["A1", "A_gen", "S1"])
    }

    /// Each problem of `broken.yaml`, with the line the checker must report.
    @Test func brokenInstrumentReportsEveryProblemOnItsLine() throws {
        let problems = Instrument.check(yaml: try Self.fixture("broken.yaml"), file: "broken.yaml")
        let expected: [(Int, String)] = [
            (13, "choice list 'yesno' has the code '1' twice"),
            (15, "scale 'sat5': satisfied code 6 is not a code of the list"),
            (16, "scale 'agree' names no choice list"),
            (17, "design.cluster 'school_code' is not a question"),
            (23, "element 'staff' of area 'services' has no scored items (rollup.element is mean_of_items)"),
            (24, "rollup.overall is overall_item but 0 questions have role overall (need exactly 1)"),
            (24, "rollup.unit 'region' is not a question"),
            (25, "breakdown 'district' is not a question"),
            (26, "respondent_id 'id' is not a question"),
            (30, "question 'sector': choice list 'sectors' is not declared under choices"),
            (32, "question name 'A1' is used twice (first by question 4)"),
            (33, "question name '2bad' breaks the XLSForm rule"),
            (34, "scored question 'A3' has no area"),
            (35, "question 'P1': area 'policy' is not declared under areas"),
            (36, "question 'A4': element 'results' is not declared in area 'services'"),
            (37, "question 'A5': relevant refers to ${nothing}, which is not a question"),
            (38, "question 'A6': constraint refers to ${A9}, which is not a question"),
            (39, "question 'A7': relevant \"${A1} = '1' and (${A6} > 2\" does not parse: expected ')'"),
            (40, "question 'A8': constraint has an invalid regular expression '[0-9'"),
        ]
        for (line, message) in expected {
            #expect(
                problems.contains { $0.line == line && $0.message.hasPrefix(message) },
                "missing line \(line): \(message)")
        }
        #expect(problems.count == expected.count, "\(problems.map(\.description).joined(separator: "\n"))")
        #expect(problems.allSatisfy { $0.file == "broken.yaml" })
        #expect(problems.map { $0.line ?? 0 } == problems.map { $0.line ?? 0 }.sorted(), "problems come in line order")
        #expect(problems.first?.description == "broken.yaml:13: choice list 'yesno' has the code '1' twice")
    }

    @Test func decodingErrorIsTheOnlyProblemAndHasItsLine() throws {
        let yaml = try Self.fixture("minimal.yaml")
            .replacingOccurrences(
                of: "  - {name: weight, type: decimal, label: {vi: \"Trọng số\"}, ",
                with: "  - {name: weight, type: decimal, ")
        let problems = Instrument.check(yaml: yaml, file: "mini.yaml")
        #expect(problems.count == 1)
        #expect(problems.first?.line == 34)
        #expect(problems.first?.message.contains("label") == true)
    }

    @Test func yamlSyntaxErrorIsReported() {
        let problems = Instrument.check(yaml: "id: [unclosed\n", file: "bad.yaml")
        #expect(problems.count == 1)
        #expect(problems.first?.file == "bad.yaml")
    }

    @Test func nonNFCTextIsReportedOnItsLine() throws {
        // "Đủ chỗ ngồi" with the tone marks as combining characters (NFD).
        let decomposed = "Đủ chỗ ngồi".decomposedStringWithCanonicalMapping
        #expect(decomposed.unicodeScalars.count > "Đủ chỗ ngồi".unicodeScalars.count)
        let yaml = try Self.fixture("minimal.yaml").replacingOccurrences(of: "Đủ chỗ ngồi", with: decomposed)
        let problems = Instrument.check(yaml: yaml, file: "mini.yaml")
        #expect(problems.count == 1)
        #expect(problems.first?.line == 36)
        #expect(problems.first?.message.contains("NFC") == true)
        // The loader normalises, so the decoded label is NFC all the same.
        let instrument = try InstrumentLoader.load(yaml: yaml, file: "mini.yaml")
        #expect(
            instrument.question(named: "A1")?.label.vi.unicodeScalars.elementsEqual("Đủ chỗ ngồi".unicodeScalars)
                == true)
    }

    @Test func overallItemRollupNeedsElementOverallItems() throws {
        let yaml = try Self.fixture("minimal.yaml")
            .replacingOccurrences(of: "rollup: {element: mean_of_items,", with: "rollup: {element: overall_item,")
        let problems = Instrument.check(yaml: yaml, file: "mini.yaml")
        #expect(problems.map(\.line) == [26])
        #expect(
            problems.first?.message
                == "element 'staff' of area 'services' has no element_overall question (rollup.element is overall_item)"
        )
    }

    @Test func breakdownMustBeAnAttribute() throws {
        let yaml = try Self.fixture("minimal.yaml").replacingOccurrences(
            of: "breakdowns: [sector]", with: "breakdowns: [sector*S1_why]")
        let problems = Instrument.check(yaml: yaml, file: "mini.yaml")
        #expect(problems.map(\.line) == [28])
        #expect(problems.first?.message == "breakdown 'S1_why' has role info; it must be an attribute")
    }

    @Test func scoredRoleOffAScaleIsAProblem() throws {
        let yaml = try Self.fixture("minimal.yaml")
            .replacingOccurrences(
                of: "label: {vi: \"Vì sao\"}, relevant: \"${S1} = '1' or ${S1} = '2'\", role: info",
                with: "label: {vi: \"Vì sao\"}, role: item")
        let problems = Instrument.check(yaml: yaml, file: "mini.yaml")
        #expect(problems.map(\.line) == [39])
        #expect(
            problems.first?.message
                == "question 'S1_why' has role item but is not a select on a list declared under scales")
    }

    @Test func checkInvariantsThrowsWithEveryProblem() throws {
        let instrument = try InstrumentLoader.load(yaml: try Self.fixture("broken.yaml"), file: "broken.yaml")
        #expect(throws: InstrumentError.self) { try instrument.checkInvariants() }
        do {
            try instrument.checkInvariants()
        } catch let error as InstrumentError {
            #expect(error.message.hasPrefix("19 problem(s):"))
            #expect(error.line == nil)
        }
    }

    @Test func programmaticNonNFCLabelIsFound() throws {
        var instrument = try InstrumentLoader.load(yaml: try Self.fixture("minimal.yaml"), file: "minimal.yaml")
        instrument.questions[0].label.vi = "Mã phiếu".decomposedStringWithCanonicalMapping
        let problems = instrument.problems(file: "mini", yaml: nil)
        #expect(problems.count == 1)
        #expect(problems.first?.message.hasPrefix("question form_id: text 'Mã phiếu' is not in Unicode NFC") == true)
    }

    @Test(arguments: [
        ("q1", true), ("_x", true), ("a.b-c_9", true), ("Câu_1", true), ("1q", false), ("a b", false), ("", false),
        ("a$", false),
    ])
    func xlsformNameRule(name: String, valid: Bool) {
        #expect(Instrument.isValidName(name) == valid)
    }

    @Test func referencesAreReadFromTheParsedExpression() throws {
        #expect(
            try FormExpression(parsing: "${a} = '1' and selected(${ b }, 'x') or ${a} = '2'").orderedReferences == [
                "a", "b",
            ])
        #expect(try FormExpression(parsing: ". >= 18").orderedReferences == [])
        #expect(throws: FormExpression.ParseError.self) { try FormExpression(parsing: "${unclosed") }
    }
}
