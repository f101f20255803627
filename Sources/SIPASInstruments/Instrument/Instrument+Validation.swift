import Foundation
import SIPASCore

/// Semantic checks of an instrument: what Codable cannot see (names that refer to nothing,
/// scales that do not fit their list, a rollup that cannot be built). `sipas instrument check`
/// prints these; the built-ins are checked when they are loaded.
extension Instrument {
    /// Decodes `yaml` and returns every problem: the decoding error if it does not decode,
    /// otherwise every semantic problem, in line order. An empty result means the file is usable.
    public static func check(yaml: String, file: String) -> [InstrumentError] {
        do {
            let instrument = try InstrumentLoader.load(yaml: yaml, file: file)
            return instrument.problems(file: file, yaml: yaml)
        } catch let error as InstrumentError {
            return [error]
        } catch {
            return [InstrumentError(file: file, line: nil, .yaml("\(error)"))]
        }
    }

    /// Every semantic problem of this instrument. `yaml`, when given, is the text it was decoded
    /// from: problems then carry their line, and non-NFC text is found line by line.
    public func problems(file: String, yaml: String?) -> [InstrumentError] {
        var finder = ProblemFinder(instrument: self)
        finder.run()
        let locator = yaml.map(YAMLLocator.init(yaml:))
        var found = finder.found.map { problem in
            InstrumentError(file: file, line: locator?.line(of: problem.path), .check(problem.message))
        }
        if let yaml {
            found += Self.nonNFCLines(in: yaml).map { InstrumentError(file: file, line: $0, .check(.nonNFCLine)) }
        } else {
            found += finder.nonNFCTexts().map { InstrumentError(file: file, line: nil, .check($0)) }
        }
        // Stable sort: problems without a line first, then by line, keeping detection order.
        return found.enumerated()
            .sorted { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }
            .map(\.element)
    }

    /// Throws when the instrument has any problem (used after loading the built-ins, whose
    /// defects are build defects). The error lists every problem.
    public func checkInvariants() throws {
        let found = problems(file: "\(id).yaml", yaml: nil)
        guard !found.isEmpty else { return }
        throw InstrumentError(file: "\(id).yaml", line: nil, .problems(found.map(\.problem)))
    }

    /// XLSForm's `name` rule: a letter or `_` first, then letters, digits, `-`, `_`, `.`.
    public static func isValidName(_ name: String) -> Bool {
        guard let first = name.first, first.isLetter || first == "_" else { return false }
        return name.allSatisfy { $0.isLetter || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" || $0 == "." }
    }

    /// 1-based numbers of the lines of `text` that are not in NFC.
    static func nonNFCLines(in text: String) -> [Int] {
        var lines: [Int] = []
        var number = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let raw = String(line)
            if !raw.unicodeScalars.elementsEqual(raw.nfc.unicodeScalars) { lines.append(number) }
        }
        return lines
    }
}

/// One semantic problem, located by its key path in the YAML document.
private struct Problem {
    var path: [YAMLLocator.Step]
    var message: InstrumentMessage.Problem
}

private struct ProblemFinder {
    let instrument: Instrument
    var found: [Problem] = []
    private let index: [String: Int]

    init(instrument: Instrument) {
        self.instrument = instrument
        var index: [String: Int] = [:]
        for (i, q) in instrument.questions.enumerated() where index[q.name] == nil { index[q.name] = i }
        self.index = index
    }

    private mutating func add(_ path: [YAMLLocator.Step], _ message: InstrumentMessage.Problem) {
        found.append(Problem(path: path, message: message))
    }

    private func question(_ i: Int, _ key: String? = nil) -> [YAMLLocator.Step] {
        [.key("questions"), .index(i)] + (key.map { [.key($0)] } ?? [])
    }

    mutating func run() {
        checkChoices()
        checkScales()
        checkQuestions()
        checkAreas()
        checkRollup()
        checkColumns()
        checkDrivers()
        if instrument.minimumN < 1 {
            add([.key("minimum_n")], .minimumN(instrument.minimumN))
        }
        if let years = instrument.years, let to = years.to, to < years.from {
            add([.key("years"), .key("to")], .yearsOrder(to: to, from: years.from))
        }
    }

    private mutating func checkChoices() {
        for list in instrument.choices.keys.sorted() {
            var seen: Set<String> = []
            for (j, choice) in (instrument.choices[list] ?? []).enumerated() {
                let path: [YAMLLocator.Step] = [.key("choices"), .key(list), .index(j), .key("name")]
                if !seen.insert(choice.name).inserted {
                    add(path, .choiceCodeTwice(list: list, code: choice.name))
                }
                if choice.name.isEmpty || choice.name.contains(where: \.isWhitespace) {
                    add(path, .choiceCodeSpaces(list: list, code: choice.name))
                }
            }
        }
    }

    private mutating func checkScales() {
        for list in instrument.scales.keys.sorted() {
            let scale = instrument.scales[list]!
            guard let choices = instrument.choices[list] else {
                add(
                    [.key("scales"), .key(list)],
                    .scaleWithoutList(list: list, declared: instrument.choices.keys.sorted()))
                continue
            }
            let codes = Set(choices.compactMap { Int($0.name) })
            for (key, values) in [("satisfied", scale.satisfied), ("excluded", scale.excluded)] {
                for code in values where !codes.contains(code) {
                    add([.key("scales"), .key(list), .key(key)], .scaleCodeNotInList(list: list, key: key, code: code))
                }
            }
            for code in Set(scale.satisfied).intersection(scale.excluded).sorted() {
                add([.key("scales"), .key(list), .key("excluded")], .scaleCodeBoth(list: list, code: code))
            }
            if scale.satisfied.isEmpty {
                add([.key("scales"), .key(list), .key("satisfied")], .scaleWithoutSatisfied(list: list))
            }
        }
    }

    private mutating func checkQuestions() {
        let scoredRoles: Set<QuestionRole> = [.item, .elementOverall, .overall]
        for (i, q) in instrument.questions.enumerated() {
            if let first = index[q.name], first != i {
                add(question(i, "name"), .questionNameTwice(name: q.name, first: first + 1))
            }
            if !Instrument.isValidName(q.name) {
                add(question(i, "name"), .questionNameRule(name: q.name))
            }
            if let list = q.type.listName, instrument.choices[list] == nil {
                add(question(i, "type"), .undeclaredList(question: q.name, list: list))
            }
            if case .other(let raw) = q.type, raw.hasPrefix("select_") {
                add(question(i, "type"), .typeWithoutList(question: q.name, type: raw))
            }
            if let lookup = q.lookup, lookup != "province" {
                add(question(i, "lookup"), .unknownLookup(question: q.name, lookup: lookup))
            }
            for key in ["relevant", "constraint"] {
                // Parsed as the importer parses it when it compiles its rules (``FormExpression``).
                guard let text = key == "relevant" ? q.relevant : q.constraint,
                    !text.trimmingCharacters(in: .whitespaces).isEmpty
                else { continue }
                let expression: FormExpression
                do { expression = try FormExpression(parsing: text) } catch {
                    add(question(i, key), .expressionParse(question: q.name, key: key, expression: text, reason: error))
                    continue
                }
                for pattern in expression.invalidPatterns {
                    add(question(i, key), .invalidPattern(question: q.name, key: key, pattern: pattern))
                }
                for name in expression.orderedReferences where index[name] == nil {
                    add(question(i, key), .unknownReference(question: q.name, key: key, name: name))
                }
            }
            let role = instrument.role(of: q)
            if role == .perception, q.type.listName == nil {
                add(question(i, "role"), .perceptionNotSelect(question: q.name))
            }
            guard scoredRoles.contains(role) else { continue }
            if instrument.scale(of: q) == nil {
                add(
                    question(i, q.role == nil ? "type" : "role"),
                    .scoredWithoutScale(question: q.name, role: role.rawValue))
                continue
            }
            checkPlacement(of: q, at: i, role: role)
        }
    }

    /// A scored item needs an area and element declared under `areas`; an overall item may omit them.
    private mutating func checkPlacement(of q: Question, at i: Int, role: QuestionRole) {
        let required = role != .overall
        guard let areaName = q.area else {
            if required { add(question(i), .noArea(question: q.name)) }
            return
        }
        guard let area = instrument.areas.first(where: { $0.name == areaName }) else {
            add(question(i, "area"), .undeclaredArea(question: q.name, area: areaName))
            return
        }
        guard let element = q.element else {
            if required { add(question(i), .noElement(question: q.name)) }
            return
        }
        if !area.elements.contains(where: { $0.name == element }) {
            add(question(i, "element"), .undeclaredElement(question: q.name, element: element, area: areaName))
        }
    }

    private mutating func checkAreas() {
        var areaNames: Set<String> = []
        var elementNames: Set<String> = []
        let rollup = instrument.rollup
        for (a, area) in instrument.areas.enumerated() {
            if !areaNames.insert(area.name).inserted {
                add([.key("areas"), .index(a), .key("name")], .areaTwice(area.name))
            }
            if area.elements.isEmpty {
                add([.key("areas"), .index(a)], .areaWithoutElements(area.name))
            }
            for (e, element) in area.elements.enumerated() {
                let path: [YAMLLocator.Step] = [.key("areas"), .index(a), .key("elements"), .index(e)]
                if !elementNames.insert(element.name).inserted {
                    add(path + [.key("name")], .elementTwice(element.name))
                }
                let members = instrument.scoredQuestions.filter { $0.area == area.name && $0.element == element.name }
                let roles = Set(members.map { instrument.role(of: $0) })
                if rollup.element == .meanOfItems, !roles.contains(.item) {
                    add(path, .elementWithoutItems(element: element.name, area: area.name))
                }
                if rollup.element == .overallItem, !roles.contains(.elementOverall) {
                    add(path, .elementWithoutOverall(element: element.name, area: area.name))
                }
            }
        }
    }

    private mutating func checkRollup() {
        let rollup = instrument.rollup
        if rollup.overall == .overallItem {
            let overall = instrument.scoredQuestions.filter { instrument.role(of: $0) == .overall }
            if overall.count != 1 {
                add([.key("rollup"), .key("overall")], .overallItemCount(found: overall.count))
            }
        }
        if instrument.areas.isEmpty {
            add([.key("areas")], .noAreas)
        }
        if rollup.national == .meanOfUnits, rollup.unit == nil {
            add([.key("rollup"), .key("national")], .unitMissing)
        }
    }

    private mutating func checkColumns() {
        func missing(_ name: String?) -> Bool { name.map { index[$0] == nil } ?? false }
        let design = instrument.design
        for (key, column) in [
            ("weight", design.weight), ("strata", design.strata), ("cluster", design.cluster), ("fpc", design.fpc),
            ("ssu", design.ssu), ("fpc2", design.fpc2),
        ]
        where missing(column) {
            add([.key("design"), .key(key)], .designColumn(key: key, column: column!))
        }
        for (r, column) in (design.replicateWeights?.columns ?? []).enumerated() where missing(column) {
            add([.key("design"), .key("replicate_weights"), .key("columns"), .index(r)], .replicateColumn(column))
        }
        if missing(instrument.respondentId) {
            add([.key("respondent_id")], .respondentID(instrument.respondentId!))
        }
        if let unit = instrument.rollup.unit {
            checkAttribute(unit, path: [.key("rollup"), .key("unit")], what: "rollup.unit")
        }
        for (b, breakdown) in instrument.breakdowns.enumerated() {
            for part in breakdown.split(separator: "*").map({ String($0).trimmingCharacters(in: .whitespaces) }) {
                checkAttribute(part, path: [.key("breakdowns"), .index(b)], what: "breakdown")
            }
        }
    }

    /// The key-driver outcome must be a scored overall or element-overall question.
    private mutating func checkDrivers() {
        guard let outcome = instrument.drivers?.outcome else { return }
        let path: [YAMLLocator.Step] = [.key("drivers"), .key("outcome")]
        guard let i = index[outcome] else { return add(path, .outcomeMissing(outcome)) }
        let q = instrument.questions[i]
        let role = instrument.role(of: q)
        if instrument.scale(of: q) == nil || (role != .overall && role != .elementOverall) {
            add(path, .outcomeRole(outcome: outcome, role: role.rawValue, hasScale: instrument.scale(of: q) != nil))
        }
    }

    /// Breakdowns and the rollup unit are read from the attribute columns of the record layout.
    private mutating func checkAttribute(_ name: String, path: [YAMLLocator.Step], what: String) {
        guard let i = index[name] else {
            add(path, .attributeMissing(what: what, name: name))
            return
        }
        let role = instrument.role(of: instrument.questions[i])
        if role != .attribute && role != .perception {
            add(path, .attributeRole(what: what, name: name, role: role.rawValue))
        }
    }

    /// Texts of a programmatically built instrument that are not NFC (decoded files are normalised).
    func nonNFCTexts() -> [InstrumentMessage.Problem] {
        var texts: [(String, String)] = [("title", instrument.title.vi), ("title", instrument.title.en ?? "")]
        texts += (instrument.provenance.official + instrument.provenance.reconstructed).map { ("provenance", $0) }
        for (list, choices) in instrument.choices {
            texts += choices.flatMap { [("choices.\(list)", $0.label.vi), ("choices.\(list)", $0.label.en ?? "")] }
        }
        for area in instrument.areas {
            texts += [("area \(area.name)", area.label.vi)] + area.elements.map { ("element \($0.name)", $0.label.vi) }
        }
        for q in instrument.questions {
            for text in [q.label, q.hint, q.constraintMessage].compactMap({ $0 }) {
                texts += [("question \(q.name)", text.vi), ("question \(q.name)", text.en ?? "")]
            }
        }
        return texts.filter { !$0.1.unicodeScalars.elementsEqual($0.1.nfc.unicodeScalars) }
            .map { .nonNFCText(place: $0.0, text: $0.1.nfc) }
    }
}
