import Foundation
import SIPASCore
import SIPASInstruments
import Testing

@testable import SIPASReport

struct PaperFormTests {
    @Test(arguments: try BuiltinInstruments.all().map(\.id))
    func everyQuestionIsNumberedWithItsCodesUnderItsArea(_ id: String) throws {
        let instrument = try #require(try BuiltinInstruments.named(id))
        let html = try PaperForm.html(instrument)
        for (i, q) in instrument.questions.enumerated() {
            #expect(
                html.contains(
                    "<div class=\"q\" id=\"q-\(q.name)\">\n<div><span class=\"number\">\(i + 1).</span> \(CellSafety.html(q.label.vi))"
                ), "\(q.name)")
        }
        // A box and the bold code before each label, for every code of every select question.
        let codes = instrument.questions.filter { $0.lookup == nil }.reduce(0) {
            $0 + (($1.type.listName.flatMap { instrument.choices[$0] })?.count ?? 0)
        }
        #expect(
            html.components(separatedBy: "<span class=\"choice\"><span class=\"box\"></span><span class=\"code\">")
                .count - 1 == codes)
        for area in instrument.areas {
            #expect(html.contains("<h2 class=\"area\">\(CellSafety.html(area.label.vi))</h2>"))
        }
        #expect(html.contains("@page { size: A4; margin: 15mm;"))
        #expect(html.contains("Hướng dẫn cho điều tra viên"))
    }

    @Test func skipsNameTheQuestionsByNumberAndNumbersGetDigitBoxes() throws {
        let instrument = try #require(try BuiltinInstruments.named("sipas-2023"))
        let html = try PaperForm.html(instrument, language: .en)
        let harass = try #require(instrument.questions.firstIndex { $0.name == "PERC_harass" })
        #expect(html.contains("Ask only if: question \(harass + 1) != &#39;1&#39;"))
        // age: 18–100, three digit boxes.
        #expect(
            html.contains(
                "<div class=\"digits\">" + String(repeating: "<span class=\"box\"></span>", count: 3)
                    + " <span class=\"hint\">(18–100)</span></div>"))
        #expect(html.contains("<html lang=\"en\">") && html.contains("Instructions for the interviewer"))
    }
}
