import Foundation
import SIPASCore
import SIPASTestSupport
import Testing

@testable import SIPASInstruments

struct InstrumentLoaderTests {
    static let minimal: String = {
        (try? String(contentsOf: Fixtures.url("instruments/minimal.yaml"), encoding: .utf8)) ?? ""
    }()

    @Test func yamsKeepsLeadingZeroCodesAndNoAsStrings() throws {
        let extra = [
            #"    - {name: "01", label: {vi: "Hà Nội"}}"#,
            #"    - {name: 02, label: {vi: "Hà Giang"}}"#,
            #"    - {name: no, label: {vi: "Không"}}"#,
            #"    - {name: 1.10, label: {vi: "Mục 1.10"}}"#,
        ].joined(separator: "\n")
        let khac = #"    - {name: khac, label: {vi: "Khác"}}"#
        #expect(Self.minimal.contains(khac))
        let yaml = Self.minimal.replacingOccurrences(of: khac, with: extra)
        let instrument = try InstrumentLoader.load(yaml: yaml, file: "mini.yaml")
        let names = try #require(instrument.choices["sector"]).map(\.name)
        #expect(names == ["dat_dai", "01", "02", "no", "1.10"])
    }

    @Test func decodesTheModelFromSnakeCaseKeys() throws {
        let instrument = try InstrumentLoader.load(yaml: Self.minimal, file: "mini.yaml")
        #expect(instrument.id == "mini")
        #expect(instrument.methodVersion == "test 1")
        #expect(instrument.respondentId == "form_id")
        #expect(
            instrument.design
                == DesignSpec(weight: "weight", strata: "province_code", cluster: "commune_code", lonelyPSU: .fail))
        #expect(instrument.rollup == RollupSpec(national: .meanOfUnits, unit: "province_code"))
        #expect(instrument.scales["sat5"] == Scale(satisfied: [4, 5], excluded: [9]))
        let form = try #require(instrument.question(named: "form_id"))
        #expect(form.required && form.type == .text)
        let why = try #require(instrument.question(named: "S1_why"))
        #expect(why.relevant == "${S1} = '1' or ${S1} = '2'")
        #expect(instrument.role(of: why) == .info)
        #expect(instrument.recordLayout.items == ["A1", "A_gen", "S1"])
        #expect(
            instrument.attributeQuestions.map(\.name) == [
                "form_id", "province_code", "commune_code", "weight", "sector",
            ])
    }

    @Test func defaultsApplyWhenSectionsAreOmitted() throws {
        let yaml = """
            id: tiny
            title: "Nhỏ"
            family: test
            method_version: "0"
            provenance: {official: [], reconstructed: []}
            questions:
              - {name: q, type: select_one x, label: "Câu hỏi", required: "true()"}
            """
        let instrument = try InstrumentLoader.load(yaml: yaml, file: "tiny.yaml")
        #expect(instrument.title == LocalizedText(vi: "Nhỏ"))
        #expect(instrument.rollup == RollupSpec())
        #expect(instrument.design.lonelyPSU == .fail)
        #expect(instrument.questions[0].required)
        #expect(instrument.questions[0].type == .selectOne(list: "x"))
    }

    @Test func missingKeyErrorNamesThePathAndLine() throws {
        let yaml = Self.minimal.replacingOccurrences(of: "{name: S1, type: select_one sat5, ", with: "{name: S1, ")
        let error = try #require(throws: InstrumentError.self) {
            try InstrumentLoader.load(yaml: yaml, file: "mini.yaml")
        }
        #expect(error.line == 38)
        #expect(error.description == "mini.yaml:38: questions[7].type: required key 'type' is missing")
    }

    @Test func unknownEnumValueIsADecodingError() throws {
        let yaml = Self.minimal.replacingOccurrences(of: "lonely_psu: fail", with: "lonely_psu: sometimes")
        let error = try #require(throws: InstrumentError.self) {
            try InstrumentLoader.load(yaml: yaml, file: "mini.yaml")
        }
        #expect(error.line == 20)
        #expect(error.message.hasPrefix("design.lonely_psu"))
    }

    @Test(arguments: [
        ("integer", QuestionType.integer), ("int", .integer), ("decimal", .decimal), ("text", .text),
        ("select_one sat5", .selectOne(list: "sat5")), ("select_multiple  improve", .selectMultiple(list: "improve")),
        ("date", .date), ("dateTime", .dateTime), ("calculate", .calculate), ("note", .note),
        ("geopoint", .other("geopoint")),
    ])
    func questionTypesParse(raw: String, expected: QuestionType) {
        #expect(QuestionType(parsing: raw) == expected)
        #expect(expected.listName == (raw.hasPrefix("select") ? raw.split(separator: " ").last.map(String.init) : nil))
    }

    @Test func locatorFindsNestedPaths() {
        let locator = YAMLLocator(yaml: Self.minimal)
        #expect(locator.line(of: [.key("questions"), .index(0), .key("name")]) == 31)
        #expect(locator.line(of: [.key("areas"), .index(0), .key("elements"), .index(1)]) == 26)
        #expect(locator.line(of: [.key("scales"), .key("sat5"), .key("excluded")]) == 19)
        // A missing step stops at the deepest node found.
        #expect(locator.line(of: [.key("design"), .key("fpc")]) == 20)
    }

    @Test func loadsAFileFromDisk() throws {
        let instrument = try InstrumentLoader.load(contentsOf: Fixtures.url("instruments/minimal.yaml"))
        #expect(instrument.id == "mini")
        let missing = Fixtures.url("instruments/none.yaml")
        #expect(throws: InstrumentError.self) { try InstrumentLoader.load(contentsOf: missing) }
    }
}
