import Foundation
import SIPASCore
import SIPASInstruments

/// State carried from row to row within one file.
struct RowContext {
    let match: HeaderMatch
    let header: [String]
    let file: String
    /// First row of each respondent id seen so far.
    var firstRowOfID: [String: Int] = [:]
}

extension CSVImporter {
    /// Checks one row; returns the record when the row is valid, and every rule it breaks.
    func check(_ cells: [String], row: Int, context: inout RowContext, summary: inout ImportSummary) -> (ResponseRecord?, [Rejection]) {
        var cells = cells
        let header = context.header
        func location(_ column: Int?) -> SourceLocation {
            SourceLocation(file: context.file, row: row, column: column.map { header[$0] }, columnIndex: column)
        }
        if cells.count > header.count, cells[header.count...].allSatisfy(\.isEmpty) {
            cells.removeLast(cells.count - header.count)
            summary.normalisations["trailing delimiter", default: 0] += 1
        }
        guard cells.count == header.count else {
            return (nil, [Rejection(location: location(nil), value: "", rule: .ragged(expected: header.count, found: cells.count), question: nil)])
        }

        let questions = instrument.questions
        let columnOf = context.match.columnOfQuestion
        var problems: [Rejection] = []
        var values = [String](repeating: "", count: questions.count)
        let year = validator.yearQuestion.flatMap { columnOf[$0] }.flatMap { Int(cells[$0]) }
        for q in questions.indices {
            guard let column = columnOf[q] else { continue }
            let (value, note, broken) = validator.normalise(cells[column], question: q, year: year)
            if let note { summary.normalisations[note, default: 0] += 1 }
            if let broken {
                problems.append(Rejection(location: location(column), value: cells[column], rule: broken, question: questions[q].name))
            }
            values[q] = value
        }
        func lookup(_ name: String) -> String { validator.indexOfName[name].map { values[$0] } ?? "" }
        for q in questions.indices {
            let column = columnOf[q]
            let value = values[q]
            let compiled = validator.compiled[q]
            if value.isEmpty {
                if questions[q].required, column != nil {
                    problems.append(Rejection(location: location(column), value: "", rule: .required, question: questions[q].name))
                }
                continue
            }
            if let relevant = compiled.relevant, !relevant.isTrue(current: value, lookup: lookup) {
                problems.append(Rejection(location: location(column), value: cells[column!], rule: .notRelevant(expression: questions[q].relevant ?? ""), question: questions[q].name))
            }
            if let constraint = compiled.constraint, !constraint.isTrue(current: value, lookup: lookup) {
                problems.append(Rejection(location: location(column), value: cells[column!], rule: .constraint(expression: questions[q].constraint ?? ""), question: questions[q].name))
            }
        }

        if let name = instrument.design.weight, let q = validator.indexOfName[name], let column = columnOf[q] {
            let weight = Double(values[q]) ?? .nan
            if !(weight.isFinite && weight > 0), !problems.contains(where: { $0.location.columnIndex == column }) {
                problems.append(Rejection(location: location(column), value: cells[column], rule: .badWeight, question: name))
            }
        }
        if let name = instrument.respondentId, let q = validator.indexOfName[name], let column = columnOf[q], !values[q].isEmpty {
            if let first = context.firstRowOfID[values[q]] {
                problems.append(Rejection(location: location(column), value: values[q], rule: .duplicateRespondent(firstRow: first), question: name))
            } else {
                context.firstRowOfID[values[q]] = row
            }
        }
        guard problems.isEmpty else { return (nil, problems) }
        return (makeRecord(values, row: row, file: context.file, columnOf: columnOf), [])
    }

    private func makeRecord(_ values: [String], row: Int, file: String, columnOf: [Int?]) -> ResponseRecord {
        let plan = recordPlan
        func value(_ q: Int?) -> String? {
            guard let q, columnOf[q] != nil else { return nil }
            return values[q]
        }
        let attributes = plan.attributes.map { value($0) ?? "" }
        let answers: [ItemAnswer] = zip(plan.items, plan.excluded).map { q, excluded in
            guard let text = value(q), !text.isEmpty, let code = Int(text) else { return .blank }
            return excluded.contains(code) ? .excluded(code: code) : .code(code)
        }
        return ResponseRecord(
            location: SourceLocation(file: file, row: row),
            weight: value(plan.weight).flatMap(Double.init) ?? 1,
            stratum: value(plan.strata) ?? "",
            cluster: value(plan.cluster) ?? "row \(row)",
            attributes: attributes, answers: answers,
            populationPSUs: value(plan.fpc).flatMap(Double.init)
        )
    }
}

/// Question positions a record is built from, worked out once per instrument (not per row).
struct RecordPlan {
    var attributes: [Int]
    var items: [Int]
    var excluded: [Set<Int>]
    var weight, strata, cluster, fpc: Int?

    init(instrument: Instrument, index: [String: Int]) {
        attributes = instrument.recordLayout.attributeNames.map { index[$0]! }
        let scored = instrument.scoredQuestions
        items = scored.map { index[$0.name]! }
        excluded = scored.map { Set(instrument.scale(of: $0)?.excluded ?? []) }
        weight = instrument.design.weight.flatMap { index[$0] }
        strata = instrument.design.strata.flatMap { index[$0] }
        cluster = instrument.design.cluster.flatMap { index[$0] }
        fpc = instrument.design.fpc.flatMap { index[$0] }
    }
}

/// Writes rejected rows: the original fields, then `_row` and `_reasons`. The file is created at the
/// first rejection only.
final class RejectsWriter {
    private let url: URL?
    private let header: [String]
    private var handle: FileHandle?
    private let writer = CSVWriter()

    init(url: URL?, header: [String]) {
        self.url = url
        self.header = header
    }

    func write(_ cells: [String], row: Int, reasons: [String]) throws {
        guard let url else { return }
        if handle == nil {
            guard FileManager.default.createFile(atPath: url.path, contents: Data(writer.line(header + ["_row", "_reasons"]).utf8)),
                  let opened = FileHandle(forWritingAtPath: url.path) else {
                throw ImportError(.unreadable("cannot create the rejects file \(url.path)"), at: SourceLocation(file: url.lastPathComponent))
            }
            opened.seekToEndOfFile()
            handle = opened
        }
        handle?.write(Data(writer.line(cells + [String(row), reasons.joined(separator: "; ")]).utf8))
    }

    func close() { try? handle?.close() }
}
