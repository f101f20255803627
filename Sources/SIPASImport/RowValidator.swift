import Foundation
import SIPASCore
import SIPASInstruments

/// Checks one row's values against the instrument and turns them into typed answers.
///
/// Built once per instrument (expressions parsed, choice labels indexed), then applied to every row.
struct RowValidator {
    struct Compiled {
        var question: Question
        var listName: String?
        /// Choice names of the list, in order.
        var codes: [String]
        /// Choice name by loose key of its vi and en labels.
        var labels: [String: String]
        /// The vi and en labels of each choice name, NFC with whitespace collapsed
        /// (``EntryText/canonical(_:)``), for "code – label" entries.
        var entryLabels: [String: [String]]
        var scale: Scale?
        var constraint: FormExpression?
        var relevant: FormExpression?
    }

    let instrument: Instrument
    let compiled: [Compiled]
    let indexOfName: [String: Int]
    let catalog = ProvinceCatalog.official
    let yearQuestion: Int?

    init(instrument: Instrument, file: String) throws {
        self.instrument = instrument
        var compiled: [Compiled] = []
        for q in instrument.questions {
            let list = q.type.listName
            let choices = list.flatMap { instrument.choices[$0] } ?? []
            var labels: [String: String] = [:]
            // A label shared (loosely) by two choices converts to neither: "" marks it ambiguous.
            for c in choices {
                for key in [c.label.vi.looseKey] + (c.label.en.map { [$0.looseKey] } ?? []) {
                    labels[key] = labels[key].map { $0 == c.name ? $0 : "" } ?? c.name
                }
            }
            func parse(_ text: String?) throws -> FormExpression? {
                guard let text, !text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
                do throws(FormExpression.ParseError) {
                    let expression = try FormExpression(parsing: text)
                    if let pattern = expression.invalidPatterns.first { throw .invalidPattern(pattern) }
                    return expression
                } catch {
                    throw ImportError(
                        .badExpression(question: q.name, expression: text, reason: error),
                        at: SourceLocation(file: instrument.id))
                }
            }
            let entryLabels = Dictionary(
                choices.map { c in (c.name, ([c.label.vi] + (c.label.en.map { [$0] } ?? [])).map(EntryText.canonical))
                },
                uniquingKeysWith: { first, _ in first })
            compiled.append(
                Compiled(
                    question: q, listName: list, codes: choices.map(\.name), labels: labels, entryLabels: entryLabels,
                    scale: instrument.scale(of: q), constraint: try parse(q.constraint), relevant: try parse(q.relevant)
                ))
        }
        self.compiled = compiled
        indexOfName = Dictionary(
            instrument.questions.indices.map { (instrument.questions[$0].name, $0) }, uniquingKeysWith: { a, _ in a })
        yearQuestion = indexOfName["year"]
    }

    /// Normalises a value for question `q`: a label becomes its code, "4.0" becomes "4", a
    /// drop-down entry "4 – Hài lòng" of the entry workbook becomes "4" when its label is code 4's.
    /// Returns the value and, if it changed, what was done; or the rule the raw value breaks.
    func normalise(_ raw: String, question q: Int, year: Int?) -> (
        value: String, note: String?, broken: Rejection.Rule?
    ) {
        let c = compiled[q]
        guard !raw.isEmpty else { return ("", nil, nil) }
        // A lookup list replaces the question's own type check (codes may be typed as text or integer).
        if c.question.lookup == "province" { return province(raw, year: year) }
        switch c.question.type {
        case .selectOne:
            if c.codes.contains(raw) { return (raw, nil, nil) }
            if let number = Double(raw.replacingOccurrences(of: ",", with: ".")), number == number.rounded(),
                abs(number) < 1e9, c.codes.contains(String(Int(number)))
            {
                return (String(Int(number)), "number → code", nil)
            }
            let labelCode = c.labels[raw.looseKey].flatMap { $0.isEmpty ? nil : $0 }
            // "code – label": the code when the label is that code's. A whole choice label that
            // contains a spaced dash ("1 - 2 lần") is read as that label, not rejected.
            if let entry = EntryText.split(raw), let labels = c.entryLabels[entry.code] {
                if labels.contains(entry.label) { return (entry.code, EntryText.note, nil) }
                if labelCode == nil {
                    return (
                        raw, nil, .labelMismatch(list: c.listName ?? "", code: entry.code, label: labels.first ?? "")
                    )
                }
            }
            if let code = labelCode { return (code, "label → code", nil) }
            if c.scale != nil { return (raw, nil, .outOfRange(list: c.listName ?? "", allowed: c.codes)) }
            return (raw, nil, .notInList(list: c.listName ?? ""))
        case .selectMultiple:
            var out: [String] = []
            for part in raw.split(separator: " ").map(String.init) {
                if c.codes.contains(part) {
                    out.append(part)
                } else if let code = c.labels[part.looseKey], !code.isEmpty {
                    out.append(code)
                } else {
                    return (raw, nil, .notInList(list: c.listName ?? ""))
                }
            }
            let joined = out.joined(separator: " ")
            return (joined, joined == raw ? nil : "label → code", nil)
        case .integer:
            if Int(raw) != nil { return (raw, nil, nil) }
            if let d = Double(raw), d == d.rounded(), abs(d) < 1e15 { return (String(Int(d)), "number → integer", nil) }
            return (raw, nil, .notANumber(type: "integer"))
        case .decimal:
            if Double(raw) != nil { return (raw, nil, nil) }
            let dotted = raw.replacingOccurrences(of: ",", with: ".")
            if Double(dotted) != nil { return (dotted, "decimal comma → dot", nil) }
            return (raw, nil, .notANumber(type: "decimal"))
        // Kept as entered; the fast rules read these as text too (``FastRules``).
        case .text, .date, .dateTime, .calculate, .note, .other:
            return (raw, nil, nil)
        }
    }

    /// A province code valid in `year` (63 codes before 2025, 34 from 2025; either when the year is
    /// unknown), or a province name, alias or (from 2025) former province turned into its code
    /// (``ProvinceCatalog/resolve(name:year:)``); the note names the alias, so each is counted.
    private func province(_ raw: String, year: Int?) -> (value: String, note: String?, broken: Rejection.Rule?) {
        let provinces =
            year.map { catalog.provinces(forYear: $0) } ?? (catalog.provincesBefore2025 + catalog.provincesFrom2025)
        if provinces.contains(where: { $0.code == raw }) { return (raw, nil, nil) }
        if raw.count == 1, let padded = provinces.first(where: { $0.code == "0" + raw }) {
            return (padded.code, "province code padded", nil)
        }
        if let match = catalog.resolve(name: raw, year: year) {
            return (match.code, match.note(for: raw, catalog: catalog), nil)
        }
        return (raw, nil, .unknownProvince(year: year))
    }
}
