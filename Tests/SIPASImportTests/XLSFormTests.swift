import Foundation
import SIPASCore
import SIPASInstruments
import SIPASTestSupport
import Testing

@testable import SIPASImport

struct XLSFormTests {
    typealias C = XLSXCell

    /// A small ODK-style form: groups, select_one/select_multiple, vi/en labels, hint, required,
    /// constraint with message, relevant, a metadata type, a note, an appearance and a third language.
    static func writeForm(_ url: URL) throws {
        let survey: [[XLSXCell?]] = [
            [
                C.text("type"), .text("name"), .text("label::Vietnamese (vi)"), .text("label::English (en)"),
                .text("label::Français (fr)"),
                .text("hint::Vietnamese (vi)"), .text("required"), .text("constraint"),
                .text("constraint_message::English (en)"),
                .text("relevant"), .text("appearance"),
            ],
            [.text("start"), .text("start")],
            [.text("text"), .text("form_id"), .text("Mã phiếu"), .text("Form id"), nil, nil, .text("yes")],
            [.text("begin_group"), .text("svc"), .text("Dịch vụ"), .text("Services")],
            [
                .text("select_one sat5"), .text("s1"), .text("Thái độ của công chức"),
                .text("Civil servants' attitude"), .text("Attitude"),
                .text("Chọn một"), .text("yes"), nil, nil, nil, .text("likert"),
            ],
            [.text("select_multiple channel"), .text("channels"), .text("Kênh đã dùng"), .text("Channels used")],
            [
                .text("integer"), .text("office_wait"), .text("Số phút chờ \"tại quầy\""), .text("Minutes waited"), nil,
                nil, .text("no"),
                .text(". >= 0 and . <= 600"), .text("0 to 600"), .text("selected(${channels}, 'office')"),
            ],
            [.text("end_group"), .text("svc")],
            [.text("note"), .text("thanks"), .text("Cảm ơn!"), .text("Thank you!")],
        ]
        let choices: [[XLSXCell?]] = [
            [.text("list_name"), .text("name"), .text("label::Vietnamese (vi)"), .text("label::English (en)")],
            [.text("sat5"), .number("1"), .text("Rất không hài lòng"), .text("Very dissatisfied")],
            [.text("sat5"), .number("5"), .text("Rất hài lòng"), .text("Very satisfied")],
            [.text("sat5"), .number("9"), .text("Không biết"), .text("Don't know")],
            [.text("channel"), .text("web"), .text("Cổng dịch vụ công"), .text("Web portal")],
            [.text("channel"), .text("office"), .text("Bộ phận một cửa"), .text("One-stop office")],
        ]
        let settings: [[XLSXCell?]] = [
            [.text("form_title"), .text("form_id"), .text("version"), .text("default_language")],
            [.text("Khảo sát dịch vụ công"), .text("xa_2025"), .number("2025051701"), .text("Vietnamese (vi)")],
        ]
        try XLSXWriter.write([("survey", survey), ("choices", choices), ("settings", settings)], to: url)
    }

    @Test func aFormRoundTripsIntoAnInstrument() throws {
        let url = try Fixtures.temporaryDirectory().appendingPathComponent("form.xlsx")
        try Self.writeForm(url)
        let yaml = try XLSForm(url: url).instrumentYAML()
        let instrument = try InstrumentLoader.load(yaml: yaml, file: "form.yaml")
        #expect(
            instrument.id == "xa_2025" && instrument.title.vi == "Khảo sát dịch vụ công"
                && instrument.methodVersion == "2025051701")
        #expect(instrument.questions.map(\.name) == ["start", "form_id", "s1", "channels", "office_wait", "thanks"])
        #expect(
            instrument.questions.map(\.type.description) == [
                "start", "text", "select_one sat5", "select_multiple channel", "integer", "note",
            ])
        let s1 = instrument.questions[2]
        let wait = instrument.questions[4]
        #expect(s1.label == LocalizedText(vi: "Thái độ của công chức", en: "Civil servants' attitude"))
        #expect(s1.hint == LocalizedText(vi: "Chọn một") && s1.required)
        #expect(wait.label.vi == "Số phút chờ \"tại quầy\"" && !wait.required)
        #expect(wait.constraint == ". >= 0 and . <= 600" && wait.relevant == "selected(${channels}, 'office')")
        #expect(wait.constraintMessage == LocalizedText(vi: "0 to 600", en: "0 to 600"))
        #expect(instrument.questions[1].required)
        #expect(instrument.choices["sat5"]?.map(\.name) == ["1", "5", "9"])
        #expect(instrument.choices["channel"]?.map(\.label.en) == ["Web portal", "One-stop office"])
        // What the instrument has no field for stays visible as comments.
        #expect(yaml.contains("# row 4: begin_group svc (Dịch vụ)"))
        #expect(yaml.contains("# row 5: appearance = likert; label::Français (fr) = Attitude"))
        #expect(yaml.contains("# row 8: end_group svc"))
        // Converting the converted form again gives the same text.
        #expect(try XLSForm(url: url).instrumentYAML() == yaml)
    }

    @Test func theImportedFormReadsAnExportOfTheSameForm() throws {
        let directory = try Fixtures.temporaryDirectory()
        let form = directory.appendingPathComponent("form.xlsx")
        try Self.writeForm(form)
        var instrument = try InstrumentLoader.load(yaml: try XLSForm(url: form).instrumentYAML(), file: "form.yaml")
        instrument.scales["sat5"] = Scale(satisfied: [5], excluded: [9])  // a SIPAS field added by hand
        let export = try temporaryFile(
            "export.csv",
            "start,form_id,svc/s1,svc/channels,svc/office_wait,_uuid\n2025-05-17,A1,5,web office,12,u1\n2025-05-17,A2,3,web,,u2\n2025-05-17,A3,,web,5,u3\n"
        )
        let (summary, _) = try importMini(export, instrument: instrument)
        #expect(summary.rowsRead == 3 && summary.accepted == 1 && summary.rejected == 2)
        #expect(summary.rejections.map(\.rule.key) == ["out of range", "required", "relevant"])
    }

    @Test func aWorkbookWithoutSurveySheetIsATypedError() throws {
        let url = try Fixtures.temporaryDirectory().appendingPathComponent("nosurvey.xlsx")
        try XLSXWriter.write([("Sheet1", [[.text("a")]])], to: url)
        #expect(importError { _ = try XLSForm(url: url) }?.kind == .noSuchSheet("survey", available: ["Sheet1"]))
    }
}

/// The XLSForm project's own example forms (Tests/Fixtures/xlsform-examples, from XLSForm/pyxform)
/// and the spellings pyxform accepts: case-insensitive sheets and headers, repeated choice names
/// for `choice_filter`, selects from files.
struct XLSFormExamplesTests {
    typealias C = XLSXCell

    static func example(_ name: String) throws -> (yaml: String, instrument: Instrument) {
        let yaml = try XLSForm(url: Fixtures.url("xlsform-examples/\(name).xlsx")).instrumentYAML()
        return (yaml, try InstrumentLoader.load(yaml: yaml, file: "\(name).yaml"))
    }

    @Test func upperCaseSheetsAndHeadersAreRead() throws {
        // Sheets SURVEY, CHOICES, SETTINGS; headers TYPE, NAME, LABEL::EN, LIST_NAME, FORM_ID, DEFAULT_LANGUAGE.
        let (yaml, instrument) = try Self.example("case_insensitivity")
        #expect(instrument.id == "YesNo" && instrument.title.vi == "Yes or no")
        #expect(instrument.questions.map(\.name) == ["q1", "q2", "q3"])
        #expect(instrument.questions.map(\.type.description) == ["select_one c1", "text", "osm c1"])
        #expect(instrument.questions[0].label == LocalizedText(vi: "Are you good?", en: "Are you good?"))
        #expect(instrument.choices["c1"]?.map(\.name) == ["n1-c", "n2-c"])
        #expect(instrument.choices["c1"]?.map(\.label.en) == ["l1-c", "l2-c"])
        #expect(
            yaml.contains(
                "# row 3: choice_filter = YES_NO=${q1}; type select_one_external c1: the choices are on the external_choices sheet, which sipas does not read: carried as text, answers not checked against a list"
            ))
    }

    @Test func aRepeatedChoiceNameIsKeptOnceWhenTheSettingsAllowIt() throws {
        // counties lists `king` under washington and under texas (choice_filter `${state}=cf`).
        let (yaml, instrument) = try Self.example("choice_filter_test")
        #expect(instrument.choices["counties"]?.map(\.name) == ["king", "pierce", "cameron"])
        #expect(instrument.choices["cities"]?.count == 8)
        #expect(
            yaml.contains(
                "    # row 6: 'king' again in list counties (allow_choice_duplicates, for choice_filter), kept once: cf = texas; label = King; list_name = counties; name = king\n"
            ))
        #expect(
            yaml.contains(
                "- {name: \"county\", type: \"select_one counties\", label: {vi: \"county\"}}  # row 3: choice_filter = ${state}=cf"
            ))
    }

    @Test func aRepeatedChoiceNameWithoutTheSettingIsAnErrorNamingTheRow() throws {
        let url = try Fixtures.temporaryDirectory().appendingPathComponent("dup.xlsx")
        try XLSXWriter.write(
            [
                (
                    "survey",
                    [
                        [C.text("type"), .text("name"), .text("label")],
                        [.text("select_one l"), .text("q"), .text("Q")],
                    ]
                ),
                (
                    "choices",
                    [
                        [C.text("list_name"), .text("name"), .text("label")], [.text("l"), .text("a"), .text("A")],
                        [.text("l"), .text("a"), .text("A again")],
                    ]
                ),
            ], to: url)
        let error = try #require(throws: InstrumentError.self) { _ = try XLSForm(url: url).instrumentYAML() }
        #expect(
            error
                == InstrumentError(
                    file: "dup.xlsx, sheet choices", line: 3, .choiceNameTwice(name: "a", list: "l", firstRow: 2)))
        #expect(
            error.message
                == "name 'a' is used twice in list 'l' (first on row 2); pyxform refuses this unless settings has allow_choice_duplicates: yes"
        )
    }

    @Test func olderSpellingsOfHeadersAndSelectsAreRead() throws {
        // `label:english` (one colon), `list name`, `select one from yes_or_no`.
        let (yaml, instrument) = try Self.example("yes_or_no_question")
        #expect(instrument.questions.map(\.type) == [.selectOne(list: "yes_or_no")])
        #expect(instrument.questions[0].label.en == "have you had a good day today?")
        #expect(instrument.choices["yes_or_no"]?.map(\.name) == ["yes", "no"])
        #expect(yaml.contains("# row 2: type select one from yes_or_no written as select_one yes_or_no"))
        // `begin group` with a space, `label::english`, a Chinese choice label and an image kept as comments.
        let (fieldList, form) = try Self.example("field-list")
        #expect(form.questions.map(\.name) == ["table_list_question"] && form.questions[0].hint?.vi == "hint")
        #expect(fieldList.contains("# row 2: begin group name"))
        #expect(fieldList.contains("- {name: \"yes\", label: {vi: \"Yes\"}}  # row 2: label::chinese = 是"))
    }

    @Test func mixedCaseFormReadsBackAndSelectFromFileIsCarriedAsText() throws {
        let url = try Fixtures.temporaryDirectory().appendingPathComponent("Mixed.xlsx")
        try XLSXWriter.write(
            [
                (
                    "Survey",
                    [
                        [
                            C.text("TYPE"), .text("Name"), .text("Label::Vietnamese (vi)"),
                            .text("Label::English (en)"), .text("Required"), .text("Constraint"),
                        ],
                        [.text("integer"), .text("age"), .text("Tuổi"), .text("Age"), .text("yes"), .text(". >= 18")],
                        [.text("select_one_from_file provinces.csv"), .text("prov"), .text("Tỉnh"), .text("Province")],
                        [.text("select_multiple sv"), .text("svc"), .text("Dịch vụ"), .text("Services")],
                    ]
                ),
                (
                    "Choices",
                    [
                        [C.text("List_Name"), .text("NAME"), .text("LABEL::Vietnamese (vi)")],
                        [.text("sv"), .text("web"), .text("Cổng")],
                    ]
                ),
                ("Settings", [[C.text("Form_ID"), .text("Version")], [.text("mixed"), .text("2025060101")]]),
            ], to: url)
        let yaml = try XLSForm(url: url).instrumentYAML()
        let instrument = try InstrumentLoader.load(yaml: yaml, file: "mixed.yaml")
        #expect(instrument.id == "mixed" && instrument.methodVersion == "2025060101")
        #expect(instrument.questions.map(\.type) == [.integer, .text, .selectMultiple(list: "sv")])
        #expect(instrument.questions[0].required && instrument.questions[0].constraint == ". >= 18")
        #expect(instrument.questions[0].label == LocalizedText(vi: "Tuổi", en: "Age"))
        #expect(instrument.choices["sv"] == [Choice(name: "web", label: LocalizedText(vi: "Cổng"))])
        #expect(
            yaml.contains(
                "# row 3: type select_one_from_file provinces.csv: the choices are in the file provinces.csv, which sipas does not read: carried as text, answers not checked against a list"
            ))
    }

    @Test func headersAreCanonicalAsPyxformReadsThem() {
        #expect(XLSForm.canonicalColumn("TYPE") == "type")
        #expect(XLSForm.canonicalColumn("Label::Vietnamese (vi)") == "label::Vietnamese (vi)")
        #expect(XLSForm.canonicalColumn("list name") == "list_name")
        #expect(XLSForm.canonicalColumn("label:english") == "label::english")
        #expect(XLSForm.canonicalColumn("media::audio::chinese") == "media::audio::chinese")
        #expect(XLSForm.canonicalColumn("note:x") == "note:x")
    }
}
