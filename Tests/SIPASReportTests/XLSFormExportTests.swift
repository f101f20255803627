import Foundation
import SIPASCore
import SIPASImport
import SIPASInstruments
import SIPASTestSupport
import Testing

@testable import SIPASReport

/// The XLSForm export read back by sipas's own XLSForm import (pyxform's conversion of the same
/// files is checked end to end in sipasTests/InstrumentExportCommandTests).
struct XLSFormExportTests {
    /// The instrument `sipas instrument import` makes of the exported form.
    static func roundTrip(_ instrument: Instrument) throws -> (Instrument, String) {
        let url = try Fixtures.temporaryDirectory().appendingPathComponent("\(instrument.id).xlsx")
        try XLSFormExport.write(instrument, to: url)
        let yaml = try XLSForm(url: url).instrumentYAML()
        return (try InstrumentLoader.load(yaml: yaml, file: "\(instrument.id).yaml"), yaml)
    }

    @Test(arguments: try BuiltinInstruments.all().map(\.id))
    func everyBuiltInReadsBackToTheSameQuestionsListsAndRules(_ id: String) throws {
        let instrument = try #require(try BuiltinInstruments.named(id))
        let (back, yaml) = try Self.roundTrip(instrument)
        #expect(back.methodVersion == instrument.methodVersion && back.title.vi == instrument.title.vi)
        #expect(back.questions.map(\.name) == instrument.questions.map(\.name))
        for (q, r) in zip(instrument.questions, back.questions) {
            #expect(r.type == q.type, "\(q.name)")
            #expect(r.label.vi == q.label.vi && r.label.en == (q.label.en ?? q.label.vi), "\(q.name)")
            #expect(r.hint?.vi == q.hint?.vi && r.hint?.en == q.hint.map { $0.en ?? $0.vi }, "\(q.name)")
            #expect(r.required == q.required && r.constraint == q.constraint && r.relevant == q.relevant, "\(q.name)")
            #expect(r.constraintMessage?.vi == q.constraintMessage?.vi, "\(q.name)")
        }
        #expect(Set(back.choices.keys) == Set(instrument.choices.keys))
        for (list, choices) in instrument.choices {
            #expect(back.choices[list]?.map(\.name) == choices.map(\.name), "\(list)")
            #expect(back.choices[list]?.map(\.label.vi) == choices.map(\.label.vi), "\(list)")
        }
        // One group per area, and per element inside it.
        for area in instrument.areas {
            #expect(
                yaml.contains("# row ") && yaml.contains("begin_group \(area.name) (\(area.label.vi))"), "\(area.name)")
        }
    }

    @Test func groupsFollowAreasAndElementsAndCloseInOrder() throws {
        let instrument = try #require(try BuiltinInstruments.named("sipas-2023"))
        let survey = XLSFormExport.sheets(instrument)[0].rows.map { row in
            row.map { cell -> String in
                if case .text(let text, _) = cell { return text }
                return ""
            }
        }
        let groups = survey.filter { $0[0] == "begin_group" }
        // 2 areas, 14 elements, each a contiguous run of questions in the shipped file.
        #expect(groups.count == 2 + 14)
        #expect(
            groups[0][1] == "policy" && groups[0][2] == "Xây dựng, tổ chức thực hiện chính sách" && groups[0][11] == "")
        #expect(groups[1][1] == "econ" && groups[1][11] == "field-list")
        var depth = 0
        for row in survey.dropFirst() {
            if row[0] == "begin_group" { depth += 1 }
            if row[0] == "end_group" { depth -= 1 }
            #expect(depth >= 0 && depth <= 2)
        }
        #expect(depth == 0)
        #expect(survey[0] == XLSFormExport.surveyColumns)
        let settings = XLSFormExport.sheets(instrument)[2].rows[1].map { cell -> String in
            if case .text(let t, _) = cell { return t }
            return ""
        }
        #expect(
            settings == ["SIPAS 2023–2026 (QĐ 1001/QĐ-BNV)", "sipas_2023", "1001/QĐ-BNV 2023–2026", "Vietnamese (vi)"])
    }

    @Test func namesBecomeASCIIAndUniqueAndReferencesFollow() throws {
        var instrument = try #require(try BuiltinInstruments.named("land-construction"))
        instrument.questions = [
            Question(name: "tuổi", type: .integer, label: LocalizedText(vi: "Tuổi")),
            Question(name: "Tuoi", type: .integer, label: LocalizedText(vi: "Tuổi 2")),
            Question(
                name: "đi_lại", type: .text, label: LocalizedText(vi: "Đi lại"), relevant: "${tuổi} > 1 and ${Tuoi} < 3"
            ),
        ]
        instrument.areas = []
        let survey = XLSFormExport.sheets(instrument)[0].rows
        func text(_ cell: SIPASReport.XLSXWriter.Cell) -> String {
            if case .text(let t, _) = cell { return t }
            return ""
        }
        #expect(survey.dropFirst().map { text($0[1]) } == ["tuoi", "Tuoi_2", "di_lai"])
        #expect(text(survey[3][10]) == "${tuoi} > 1 and ${Tuoi_2} < 3")
    }
}
