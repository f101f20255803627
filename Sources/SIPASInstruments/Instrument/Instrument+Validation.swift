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
            return [InstrumentError(file: file, line: nil, message: "\(error)")]
        }
    }

    /// Every semantic problem of this instrument. `yaml`, when given, is the text it was decoded
    /// from: problems then carry their line, and non-NFC text is found line by line.
    public func problems(file: String, yaml: String?) -> [InstrumentError] {
        var finder = ProblemFinder(instrument: self)
        finder.run()
        let locator = yaml.map(YAMLLocator.init(yaml:))
        var found = finder.found.map { problem in
            InstrumentError(file: file, line: locator?.line(of: problem.path), message: problem.message)
        }
        if let yaml {
            found += Self.nonNFCLines(in: yaml).map {
                InstrumentError(
                    file: file, line: $0,
                    message:
                        "text is not in Unicode NFC (composed form); save the file with composed Vietnamese letters")
            }
        } else {
            found += finder.nonNFCTexts().map { InstrumentError(file: file, line: nil, message: $0) }
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
        let list = found.map(\.message).joined(separator: "; ")
        throw InstrumentError(file: "\(id).yaml", line: nil, message: "\(found.count) problem(s): \(list)")
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
    var message: String
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

    private mutating func add(_ path: [YAMLLocator.Step], _ message: String) {
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
            add([.key("minimum_n")], "minimum_n must be at least 1, got \(instrument.minimumN)")
        }
        if let years = instrument.years, let to = years.to, to < years.from {
            add([.key("years"), .key("to")], "years: 'to' (\(to)) is before 'from' (\(years.from))")
        }
    }

    private mutating func checkChoices() {
        for list in instrument.choices.keys.sorted() {
            var seen: Set<String> = []
            for (j, choice) in (instrument.choices[list] ?? []).enumerated() {
                let path: [YAMLLocator.Step] = [.key("choices"), .key(list), .index(j), .key("name")]
                if !seen.insert(choice.name).inserted {
                    add(path, "choice list '\(list)' has the code '\(choice.name)' twice")
                }
                if choice.name.isEmpty || choice.name.contains(where: \.isWhitespace) {
                    add(
                        path,
                        "choice code '\(choice.name)' in list '\(list)' must be non-empty and without spaces (select_multiple answers are separated by spaces)"
                    )
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
                    "scale '\(list)' names no choice list (declared lists: \(instrument.choices.keys.sorted().joined(separator: ", ")))"
                )
                continue
            }
            let codes = Set(choices.compactMap { Int($0.name) })
            for (key, values) in [("satisfied", scale.satisfied), ("excluded", scale.excluded)] {
                for code in values where !codes.contains(code) {
                    add(
                        [.key("scales"), .key(list), .key(key)],
                        "scale '\(list)': \(key) code \(code) is not a code of the list")
                }
            }
            for code in Set(scale.satisfied).intersection(scale.excluded).sorted() {
                add(
                    [.key("scales"), .key(list), .key("excluded")],
                    "scale '\(list)': code \(code) is both satisfied and excluded")
            }
            if scale.satisfied.isEmpty {
                add([.key("scales"), .key(list), .key("satisfied")], "scale '\(list)' has no satisfied codes")
            }
        }
    }

    private mutating func checkQuestions() {
        let scoredRoles: Set<QuestionRole> = [.item, .elementOverall, .overall]
        for (i, q) in instrument.questions.enumerated() {
            if let first = index[q.name], first != i {
                add(question(i, "name"), "question name '\(q.name)' is used twice (first by question \(first + 1))")
            }
            if !Instrument.isValidName(q.name) {
                add(
                    question(i, "name"),
                    "question name '\(q.name)' breaks the XLSForm rule: a letter or '_' first, then letters, digits, '-', '_', '.'"
                )
            }
            if let list = q.type.listName, instrument.choices[list] == nil {
                add(question(i, "type"), "question '\(q.name)': choice list '\(list)' is not declared under choices")
            }
            if case .other(let raw) = q.type, raw.hasPrefix("select_") {
                add(question(i, "type"), "question '\(q.name)': type '\(raw)' names no choice list")
            }
            if let lookup = q.lookup, lookup != "province" {
                add(question(i, "lookup"), "question '\(q.name)': unknown lookup '\(lookup)' (known: province)")
            }
            for key in ["relevant", "constraint"] {
                // Parsed as the importer parses it when it compiles its rules (``FormExpression``).
                guard let text = key == "relevant" ? q.relevant : q.constraint,
                    !text.trimmingCharacters(in: .whitespaces).isEmpty
                else { continue }
                let expression: FormExpression
                do { expression = try FormExpression(parsing: text) } catch let error as FormExpression.ParseError {
                    add(question(i, key), "question '\(q.name)': \(key) \"\(text)\" does not parse: \(error.reason)")
                    continue
                } catch {
                    add(question(i, key), "question '\(q.name)': \(key) \"\(text)\" does not parse: \(error)")
                    continue
                }
                for pattern in expression.invalidPatterns {
                    add(question(i, key), "question '\(q.name)': \(key) has an invalid regular expression '\(pattern)'")
                }
                for name in expression.orderedReferences where index[name] == nil {
                    add(question(i, key), "question '\(q.name)': \(key) refers to ${\(name)}, which is not a question")
                }
            }
            let role = instrument.role(of: q)
            if role == .perception, q.type.listName == nil {
                add(
                    question(i, "role"),
                    "question '\(q.name)' has role perception but is not a select_one or select_multiple (the perception table reports the share of each answer)"
                )
            }
            guard scoredRoles.contains(role) else { continue }
            if instrument.scale(of: q) == nil {
                add(
                    question(i, q.role == nil ? "type" : "role"),
                    "question '\(q.name)' has role \(role.rawValue) but is not a select on a list declared under scales"
                )
                continue
            }
            checkPlacement(of: q, at: i, role: role)
        }
    }

    /// A scored item needs an area and element declared under `areas`; an overall item may omit them.
    private mutating func checkPlacement(of q: Question, at i: Int, role: QuestionRole) {
        let required = role != .overall
        guard let areaName = q.area else {
            if required { add(question(i), "scored question '\(q.name)' has no area") }
            return
        }
        guard let area = instrument.areas.first(where: { $0.name == areaName }) else {
            add(question(i, "area"), "question '\(q.name)': area '\(areaName)' is not declared under areas")
            return
        }
        guard let element = q.element else {
            if required { add(question(i), "scored question '\(q.name)' has no element") }
            return
        }
        if !area.elements.contains(where: { $0.name == element }) {
            add(
                question(i, "element"),
                "question '\(q.name)': element '\(element)' is not declared in area '\(areaName)'")
        }
    }

    private mutating func checkAreas() {
        var areaNames: Set<String> = []
        var elementNames: Set<String> = []
        let rollup = instrument.rollup
        for (a, area) in instrument.areas.enumerated() {
            if !areaNames.insert(area.name).inserted {
                add([.key("areas"), .index(a), .key("name")], "area '\(area.name)' is declared twice")
            }
            if area.elements.isEmpty {
                add([.key("areas"), .index(a)], "area '\(area.name)' has no elements")
            }
            for (e, element) in area.elements.enumerated() {
                let path: [YAMLLocator.Step] = [.key("areas"), .index(a), .key("elements"), .index(e)]
                if !elementNames.insert(element.name).inserted {
                    add(
                        path + [.key("name")],
                        "element '\(element.name)' is declared twice (element names are unique across areas)")
                }
                let members = instrument.scoredQuestions.filter { $0.area == area.name && $0.element == element.name }
                let roles = Set(members.map { instrument.role(of: $0) })
                if rollup.element == .meanOfItems, !roles.contains(.item) {
                    add(
                        path,
                        "element '\(element.name)' of area '\(area.name)' has no scored items (rollup.element is mean_of_items)"
                    )
                }
                if rollup.element == .overallItem, !roles.contains(.elementOverall) {
                    add(
                        path,
                        "element '\(element.name)' of area '\(area.name)' has no element_overall question (rollup.element is overall_item)"
                    )
                }
            }
        }
    }

    private mutating func checkRollup() {
        let rollup = instrument.rollup
        if rollup.overall == .overallItem {
            let overall = instrument.scoredQuestions.filter { instrument.role(of: $0) == .overall }
            if overall.count != 1 {
                add(
                    [.key("rollup"), .key("overall")],
                    "rollup.overall is overall_item but \(overall.count) questions have role overall (need exactly 1)")
            }
        }
        if instrument.areas.isEmpty {
            add([.key("areas")], "no areas are declared: nothing to roll up")
        }
        if rollup.national == .meanOfUnits, rollup.unit == nil {
            add([.key("rollup"), .key("national")], "rollup.national is mean_of_units but rollup.unit is missing")
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
            add([.key("design"), .key(key)], "design.\(key) '\(column!)' is not a question")
        }
        for (r, column) in (design.replicateWeights?.columns ?? []).enumerated() where missing(column) {
            add(
                [.key("design"), .key("replicate_weights"), .key("columns"), .index(r)],
                "design.replicate_weights column '\(column)' is not a question")
        }
        if missing(instrument.respondentId) {
            add([.key("respondent_id")], "respondent_id '\(instrument.respondentId!)' is not a question")
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
        guard let i = index[outcome] else { return add(path, "drivers.outcome '\(outcome)' is not a question") }
        let q = instrument.questions[i]
        let role = instrument.role(of: q)
        if instrument.scale(of: q) == nil || (role != .overall && role != .elementOverall) {
            add(
                path,
                "drivers.outcome '\(outcome)' has role \(role.rawValue)\(instrument.scale(of: q) == nil ? " and no scale" : ""); it must be a scored question of role overall or element_overall (the element scores are the predictors)"
            )
        }
    }

    /// Breakdowns and the rollup unit are read from the attribute columns of the record layout.
    private mutating func checkAttribute(_ name: String, path: [YAMLLocator.Step], what: String) {
        guard let i = index[name] else {
            add(path, "\(what) '\(name)' is not a question")
            return
        }
        let role = instrument.role(of: instrument.questions[i])
        if role != .attribute && role != .perception {
            add(path, "\(what) '\(name)' has role \(role.rawValue); it must be an attribute")
        }
    }

    /// Texts of a programmatically built instrument that are not NFC (decoded files are normalised).
    func nonNFCTexts() -> [String] {
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
            .map { "\($0.0): text '\($0.1.nfc)' is not in Unicode NFC (composed form)" }
    }
}
