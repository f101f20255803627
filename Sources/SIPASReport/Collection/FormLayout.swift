import SIPASCore
import SIPASInstruments

/// An instrument's questions in form order, cut into sections by area and element: each run of
/// consecutive questions with the same area and element is one section (questions outside any
/// area, such as the respondent and sampling columns, form sections without area). The XLSForm
/// groups, the paper form's headings and the entry workbook's notes follow these sections.
struct FormLayout {
    struct Section {
        var area: Area?
        var element: Element?
        var questions: [Question]
    }

    var sections: [Section] = []

    init(_ instrument: Instrument) {
        for q in instrument.questions {
            let area = q.area.flatMap { name in instrument.areas.first { $0.name == name } }
            let element = q.element.flatMap { name in area?.elements.first { $0.name == name } }
            if let last = sections.last, last.area?.name == area?.name, last.element?.name == element?.name {
                sections[sections.count - 1].questions.append(q)
            } else {
                sections.append(Section(area: area, element: element, questions: [q]))
            }
        }
    }

    /// Questions that take an answer in a data file (not notes, calculations or metadata types).
    static func isAnswered(_ q: Question) -> Bool {
        switch q.type {
        case .note, .calculate: return false
        case .other(let raw): return !metadataTypes.contains(raw.split(separator: " ").first.map(String.init) ?? raw)
        default: return true
        }
    }

    /// XLSForm metadata types (no label, filled by the device).
    static let metadataTypes: Set<String> = [
        "start", "end", "today", "deviceid", "subscriberid", "simserial", "phonenumber", "username", "audit",
    ]

    /// The codes of a select question's list, in order.
    static func choices(of q: Question, in instrument: Instrument) -> [Choice] {
        q.type.listName.flatMap { instrument.choices[$0] } ?? []
    }

    /// The choice lists in the order questions first use them, then the unused ones by name.
    static func listOrder(_ instrument: Instrument) -> [String] {
        var order: [String] = []
        for q in instrument.questions {
            if let list = q.type.listName, instrument.choices[list] != nil, !order.contains(list) { order.append(list) }
        }
        return order + instrument.choices.keys.filter { !order.contains($0) }.sorted()
    }
}

/// Names for an exported form: ASCII (`tuổi` → `tuoi`; any character outside XLSForm's name rule
/// → `_`), a letter or `_` first, and unique in the form regardless of case. Names that already
/// satisfy this are kept, so the built-in instruments' names pass unchanged.
struct FormNames {
    private(set) var used: Set<String> = []
    /// Original question name → exported name.
    private(set) var questions: [String: String] = [:]

    init(_ instrument: Instrument) {
        for q in instrument.questions { questions[q.name] = unique(q.name) }
    }

    /// A new unique ASCII name made from `wanted`.
    mutating func unique(_ wanted: String) -> String {
        var base = ""
        for c in wanted {
            if c.isASCII, c.isLetter || c.isNumber || "_-.".contains(c) {
                base.append(c)
            } else {
                let folded = String(c).looseKey.filter { $0.isASCII && ($0.isLetter || $0.isNumber) }
                base += folded.isEmpty ? "_" : folded
            }
        }
        if let first = base.first, !(first.isLetter || first == "_") { base = "_" + base }
        if base.isEmpty { base = "_" }
        var name = base
        var k = 2
        while used.contains(name.lowercased()) {
            name = "\(base)_\(k)"
            k += 1
        }
        used.insert(name.lowercased())
        return name
    }

    /// `expression` with every `${old}` written `${new}`.
    func rewrite(_ expression: String) -> String {
        var out = ""
        var rest = Substring(expression)
        while let open = rest.range(of: "${"), let close = rest[open.upperBound...].firstIndex(of: "}") {
            let name = rest[open.upperBound..<close].trimmingCharacters(in: .whitespaces)
            out += rest[..<open.lowerBound]
            out += "${" + (questions[name] ?? name) + "}"
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }
}
