import Foundation
import SIPASTestSupport
import Testing

/// `sipas instrument import form.xlsx` end to end.
struct InstrumentImportCommandTests {
    typealias CLI = CommandLineTests

    @Test func aFormIsWrittenAsAnInstrumentFile() throws {
        let directory = try Fixtures.temporaryDirectory()
        let form = directory.appendingPathComponent("form.xlsx")
        try XLSXWriter.write(
            [
                (
                    "survey",
                    [
                        [
                            .text("type"), .text("name"), .text("label::Vietnamese (vi)"), .text("label::English (en)"),
                            .text("required"),
                        ],
                        [
                            .text("select_one sat5"), .text("q1"), .text("Hài lòng chung"),
                            .text("Overall satisfaction"), .text("yes"),
                        ],
                    ]
                ),
                (
                    "choices",
                    [
                        [.text("list_name"), .text("name"), .text("label::Vietnamese (vi)")],
                        [.text("sat5"), .number("5"), .text("Rất hài lòng")],
                    ]
                ),
                ("settings", [[.text("form_id"), .text("form_title")], [.text("khao_sat"), .text("Khảo sát")]]),
            ], to: form)
        let run = try CLI.sipas(["instrument", "import", "form.xlsx", "--output", "form.yaml"], in: directory)
        #expect(run.status == 0, "\(run.stderr)")
        let yaml = try String(contentsOf: directory.appendingPathComponent("form.yaml"), encoding: .utf8)
        #expect(yaml.contains("id: \"khao_sat\""))
        #expect(
            yaml.contains(
                "- {name: \"q1\", type: \"select_one sat5\", label: {vi: \"Hài lòng chung\", en: \"Overall satisfaction\"}, required: yes}"
            ))
        let missing = try CLI.sipas(["instrument", "import", "none.xlsx"], in: directory)
        #expect(missing.status == 66)
    }
}
