import Foundation
import SIPASCore
import SIPASInstruments

/// An instrument as an ODK / KoboToolbox XLSForm (`survey`, `choices`, `settings` sheets), in the
/// form pyxform converts (research/collection-formats.md §1).
///
/// - Labels, hints and constraint messages in `::Vietnamese (vi)` and `::English (en)` columns,
///   Vietnamese the default language; a text without English repeats the Vietnamese (pyxform would
///   otherwise show `-`).
/// - `required` (`yes`), `constraint`, `relevant` as in the instrument, with `${name}` references
///   following any renamed question.
/// - A group per area (`begin_group`, labelled with the area) holding a group per element
///   (`appearance: field-list`, one screen per element); questions outside any area stand alone.
/// - Names ASCII and unique in the form (``FormNames``); headers and type keywords lower case;
///   codes written as text.
/// - settings: `form_title` (Vietnamese title), `form_id` (the id in `[a-z0-9_]`), `version` (the
///   method version), `default_language`.
///
/// `sipas instrument import` reads the result back to the same questions, lists, constraints and
/// relevance; the SIPAS fields (scales, areas, roles, design) are not part of an XLSForm.
enum XLSFormExport {
    static let vi = "Vietnamese (vi)"
    static let en = "English (en)"

    static let surveyColumns = [
        "type", "name", "label::\(vi)", "label::\(en)", "hint::\(vi)", "hint::\(en)", "required",
        "constraint", "constraint_message::\(vi)", "constraint_message::\(en)", "relevant", "appearance", "calculation",
    ]

    static func write(_ instrument: Instrument, to url: URL) throws {
        try XLSXWriter.write(sheets(instrument), styles: XLSXWriter.styles, to: url)
    }

    static func sheets(_ instrument: Instrument) -> [XLSXWriter.Sheet] {
        var names = FormNames(instrument)
        var survey: [[String]] = []
        func row(_ values: [String: String]) {
            survey.append(surveyColumns.map { values[$0] ?? "" })
        }
        func labels(_ key: String, _ text: LocalizedText?) -> [String: String] {
            guard let text else { return [:] }
            return ["\(key)::\(vi)": text.vi, "\(key)::\(en)": text.en ?? text.vi]
        }
        var openArea: String?
        var openElement = false
        func closeElement() {
            if openElement { row(["type": "end_group"]) }
            openElement = false
        }
        for section in FormLayout(instrument).sections {
            if section.area?.name != openArea {
                closeElement()
                if openArea != nil { row(["type": "end_group"]) }
                openArea = section.area?.name
                if let area = section.area {
                    row(
                        ["type": "begin_group", "name": names.unique(area.name)].merging(labels("label", area.label)) {
                            $1
                        })
                }
            }
            closeElement()
            if let element = section.element {
                row(
                    ["type": "begin_group", "name": names.unique(element.name), "appearance": "field-list"]
                        .merging(labels("label", element.label)) { $1 })
                openElement = true
            }
            for q in section.questions { row(question(q, names: names)) }
        }
        closeElement()
        if openArea != nil { row(["type": "end_group"]) }

        var choices: [[String]] = [["list_name", "name", "label::\(vi)", "label::\(en)"]]
        for list in FormLayout.listOrder(instrument) {
            for choice in instrument.choices[list] ?? [] {
                choices.append([list, choice.name, choice.label.vi, choice.label.en ?? choice.label.vi])
            }
        }
        let formId = String(instrument.id.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" })
        let settings = [
            ["form_title", "form_id", "version", "default_language"],
            [instrument.title.vi, formId, instrument.methodVersion, vi],
        ]
        return [sheet("survey", [surveyColumns] + survey), sheet("choices", choices), sheet("settings", settings)]
    }

    /// One question's survey row.
    static func question(_ q: Question, names: FormNames) -> [String: String] {
        var values = ["type": q.type.description, "name": names.questions[q.name] ?? q.name]
        values["label::\(vi)"] = q.label.vi
        values["label::\(en)"] = q.label.en ?? q.label.vi
        if let hint = q.hint {
            values["hint::\(vi)"] = hint.vi
            values["hint::\(en)"] = hint.en ?? hint.vi
        }
        if q.required { values["required"] = "yes" }
        if let constraint = q.constraint { values["constraint"] = names.rewrite(constraint) }
        if let message = q.constraintMessage {
            values["constraint_message::\(vi)"] = message.vi
            values["constraint_message::\(en)"] = message.en ?? message.vi
        }
        if let relevant = q.relevant { values["relevant"] = names.rewrite(relevant) }
        // An XLSForm calculate needs a calculation; the instrument format holds none.
        if case .calculate = q.type { values["calculation"] = "''" }
        return values
    }

    /// A sheet of text cells, the first row bold and frozen.
    static func sheet(_ name: String, _ rows: [[String]]) -> XLSXWriter.Sheet {
        var sheet = XLSXWriter.Sheet(
            name: name,
            rows: rows.enumerated().map { r, row in
                row.map { $0.isEmpty ? .empty : .text($0, style: r == 0 ? 1 : 0) }
            })
        sheet.frozenRows = 1
        sheet.widths = (rows.first ?? []).indices.map { c in
            min(max(Double(rows.map { c < $0.count ? $0[c].count : 0 }.max() ?? 8) * 1.1 + 2, 8), 60)
        }
        return sheet
    }
}
