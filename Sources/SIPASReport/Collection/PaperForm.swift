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
        let template = try MustacheTemplate(string: String(decoding: PackageResources.questionnaire_html_mustache, as: UTF8.self))
        return template.render(context(instrument, language: language))
    }

    static func context(_ instrument: Instrument, language: Language) -> [String: Any] {
        let vi = language == .vi
        let answered = instrument.questions.filter(FormLayout.isAnswered)
        var numbers: [String: Int] = [:]
        for (i, q) in answered.enumerated() { numbers[q.name] = i + 1 }
        var areas: [[String: Any]] = []
        var currentArea: String??
        for section in FormLayout(instrument).sections {
            let questions = section.questions.filter(FormLayout.isAnswered).map { question($0, instrument: instrument, numbers: numbers, language: language) }
            guard !questions.isEmpty else { continue }
            var element: [String: Any] = ["questions": questions]
            if let heading = section.element?.label.text(language) { element["elementHeading"] = heading }
            if currentArea == .some(section.area?.name), !areas.isEmpty {
                var last = areas.removeLast()
                last["elements"] = (last["elements"] as? [[String: Any]] ?? []) + [element]
                areas.append(last)
            } else {
                let heading = section.area?.label.text(language)
                    ?? (areas.isEmpty ? (vi ? "Thông tin chung" : "General information") : (vi ? "Câu hỏi khác" : "Other questions"))
                areas.append(["areaHeading": heading, "elements": [element]])
                currentArea = .some(section.area?.name)
            }
        }
        let formId = instrument.respondentId.flatMap { name in instrument.questions.first { $0.name == name } }
        return [
            "lang": language.rawValue, "generator": "sipas \(SIPASVersion.string)",
            "title": instrument.title.text(language),
            "subtitle": (vi ? "Phương pháp: " : "Method: ") + instrument.methodVersion,
            "formIdLabel": formId?.label.text(language) ?? (vi ? "Mã phiếu" : "Form id"),
            "formIdBoxes": Array(repeating: true, count: 10),
            "pageWord": vi ? "Trang" : "Page",
            "instructionsTitle": vi ? "Hướng dẫn cho điều tra viên" : "Instructions for the interviewer",
            "instructions": vi ? [
                "Đọc từng câu hỏi cho người trả lời; đánh dấu vào ô trước mã của câu trả lời (mỗi câu một ô, trừ câu ghi “nhiều lựa chọn”).",
                "Câu có dấu * là câu bắt buộc. Câu ghi “Chỉ hỏi khi” chỉ hỏi khi điều kiện đúng; nếu không, bỏ qua và để trống.",
                "Ghi số vào các ô, mỗi ô một chữ số, căn phải. Người nhập liệu gõ đúng mã in đậm vào tệp nhập liệu.",
                "Người trả lời không biết hoặc không muốn trả lời: chọn mã “không biết / không trả lời” nếu có, nếu không để trống.",
            ] : [
                "Read each question to the respondent; tick the box before the code of the answer (one box per question unless it says “several answers”).",
                "Questions marked * are required. A question marked “Ask only if” is asked only when the condition holds; otherwise skip it and leave it blank.",
                "Write numbers one digit per box, right-aligned. Keyers type the bold code into the entry workbook.",
                "If the respondent does not know or will not answer: tick the “don't know / no answer” code where there is one, else leave it blank.",
            ],
            "areas": areas,
            "footer": "\(instrument.id) · \(instrument.methodVersion) · sipas \(SIPASVersion.string)",
        ]
    }

    static func question(_ q: Question, instrument: Instrument, numbers: [String: Int], language: Language) -> [String: Any] {
        let vi = language == .vi
        var object: [String: Any] = [
            "number": numbers[q.name] ?? 0, "name": q.name, "label": q.label.text(language), "required": q.required,
        ]
        if let hint = q.hint { object["hint"] = hint.text(language) }
        if let relevant = q.relevant {
            object["skip"] = (vi ? "Chỉ hỏi khi: " : "Ask only if: ") + readable(relevant, numbers: numbers, language: language)
        }
        let choices = q.lookup == nil ? FormLayout.choices(of: q, in: instrument) : []
        object["hasChoices"] = !choices.isEmpty
        object["choices"] = choices.map { ["code": $0.name, "label": $0.label.text(language)] }
        if case .selectMultiple = q.type {
            object["multiple"] = true
            object["multipleNote"] = vi ? "Nhiều lựa chọn: đánh dấu mọi ô phù hợp." : "Several answers: tick every box that applies."
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
        var out = "", rest = Substring(expression)
        while let open = rest.range(of: "${"), let close = rest[open.upperBound...].firstIndex(of: "}") {
            let name = String(rest[open.upperBound..<close])
            out += rest[..<open.lowerBound] + (numbers[name].map { (language == .vi ? "câu " : "question ") + String($0) } ?? name)
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }
}
