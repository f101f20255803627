import Foundation
import Mustache
import SIPASCore
import SIPASInstruments

/// A printable A4 paper questionnaire (`Templates/questionnaire.html.mustache`), for printing or
/// for a PDF through a browser's print (research/collection-formats.md §5).
///
/// Questions are numbered in form order and placed under a heading per area and element
/// (``FormLayout``). A choice question shows a box, the code in bold and the label for every
/// code of its list: the codes keyers type into the entry workbook. A number question shows one
/// box per digit (as many as its constraint's upper bound has, else 6), a text question a line.
/// Required questions carry `*`; a question with `relevant` says when it is asked, naming the
/// questions it depends on by number.
public enum PaperForm {
    public static func html(_ instrument: Instrument, language: Language = .vi) throws -> String {
        let template = try MustacheTemplate(
            string: String(decoding: PackageResources.questionnaire_html_mustache, as: UTF8.self))
        return template.render(context(instrument, language: language))
    }

    static func context(_ instrument: Instrument, language: Language) -> [String: Any] {
        func text(_ message: ReportMessage) -> String { message.text(language) }
        let answered = instrument.questions.filter(FormLayout.isAnswered)
        var numbers: [String: Int] = [:]
        for (i, q) in answered.enumerated() { numbers[q.name] = i + 1 }
        var areas: [[String: Any]] = []
        var currentArea: String??
        for section in FormLayout(instrument).sections {
            let questions = section.questions.filter(FormLayout.isAnswered).map {
                question($0, instrument: instrument, numbers: numbers, language: language)
            }
            guard !questions.isEmpty else { continue }
            var element: [String: Any] = ["questions": questions]
            if let heading = section.element?.label.text(language) { element["elementHeading"] = heading }
            if currentArea == .some(section.area?.name), !areas.isEmpty {
                var last = areas.removeLast()
                last["elements"] = (last["elements"] as? [[String: Any]] ?? []) + [element]
                areas.append(last)
            } else {
                let heading =
                    section.area?.label.text(language)
                    ?? text(areas.isEmpty ? .generalInformation : .otherQuestions)
                areas.append(["areaHeading": heading, "elements": [element]])
                currentArea = .some(section.area?.name)
            }
        }
        let formId = instrument.respondentId.flatMap { name in instrument.questions.first { $0.name == name } }
        return [
            "lang": language.rawValue, "generator": "sipas \(SIPASVersion.string)",
            "title": instrument.title.text(language),
            "subtitle": text(.methodPrefix) + instrument.methodVersion,
            "formIdLabel": formId?.label.text(language) ?? text(.formId),
            "formIdBoxes": Array(repeating: true, count: 10),
            "pageWord": text(.page),
            "instructionsTitle": text(.instructionsTitle),
            "instructions": [
                ReportMessage.instructionReadAloud, .instructionRequired, .instructionDigits, .instructionDontKnow,
            ].map(text),
            "areas": areas,
            "footer": "\(instrument.id) · \(instrument.methodVersion) · sipas \(SIPASVersion.string)",
        ]
    }

    static func question(_ q: Question, instrument: Instrument, numbers: [String: Int], language: Language) -> [String:
        Any]
    {
        var object: [String: Any] = [
            "number": numbers[q.name] ?? 0, "name": q.name, "label": q.label.text(language), "required": q.required,
        ]
        if let hint = q.hint { object["hint"] = hint.text(language) }
        if let relevant = q.relevant {
            object["skip"] =
                ReportMessage.askOnlyIf.text(language) + readable(relevant, numbers: numbers, language: language)
        }
        let choices = q.lookup == nil ? FormLayout.choices(of: q, in: instrument) : []
        object["hasChoices"] = !choices.isEmpty
        object["choices"] = choices.map { ["code": $0.name, "label": $0.label.text(language)] }
        if case .selectMultiple = q.type {
            object["multiple"] = true
            object["multipleNote"] = ReportMessage.severalAnswers.text(language)
        }
        var digits = 0
        switch q.type {
        case .integer, .decimal:
            let high = q.constraint.flatMap(EntryRule.bounds)?.high?.value
            digits = high.map { String(Int(abs($0).rounded(.down))).count } ?? 6
            if case .decimal = q.type { digits += 2 }
            if let bounds = q.constraint.flatMap(EntryRule.bounds), let low = bounds.low, let high = bounds.high {
                object["range"] = "\(EntryRule.number(low.value))–\(EntryRule.number(high.value))"
            }
        case .text where q.lookup == "province":
            digits = 2
        default:
            break
        }
        object["hasDigits"] = digits > 0
        object["digits"] = Array(repeating: true, count: digits)
        object["isText"] = choices.isEmpty && digits == 0
        return object
    }

    /// `relevant` with `${name}` written as "câu 12" ("question 12").
    static func readable(_ expression: String, numbers: [String: Int], language: Language) -> String {
        var out = ""
        var rest = Substring(expression)
        while let open = rest.range(of: "${"), let close = rest[open.upperBound...].firstIndex(of: "}") {
            let name = String(rest[open.upperBound..<close])
            out +=
                rest[..<open.lowerBound]
                + (numbers[name].map { ReportMessage.questionNumber($0).text(language) } ?? name)
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }
}
