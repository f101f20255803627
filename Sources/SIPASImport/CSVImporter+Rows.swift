import Foundation
import SIPASCore
import SIPASInstruments

/// State carried from row to row within one file.
struct RowContext {
    let match: HeaderMatch
    let header: [String]
    let file: String
    /// Column holding the survey year (for province codes), if any.
    let yearColumn: Int?
    /// Questions whose `relevant` reads a column the file lacks: neither relevance nor `required` is checked.
    var uncheckedRelevant: Set<Int> = []
    /// This file's number in the importer's ``CSVImporter/RespondentRegistry``.
    var fileNumber = 0
    /// The `data_source` column (``DataProvenance/column``) when the file has it as metadata:
    /// rows read whose value there is `synthetic` are counted (``ImportSummary/syntheticRows``).
    var markerColumn: Int?
}

extension CSVImporter {
    /// Checks one row (trimmed NFC values); returns the record when the row is valid, and every rule it breaks.
    func check(_ cells: [String], row: Int, context: inout RowContext, summary: inout ImportSummary) -> (
        ResponseRecord?, [Rejection]
    ) {
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
            return (
                nil,
                [
                    Rejection(
                        location: location(nil), value: "", rule: .ragged(expected: header.count, found: cells.count),
                        question: nil)
                ]
            )
        }

        let questions = instrument.questions
        let columnOf = context.match.columnOfQuestion
        var problems: [Rejection] = []
        var broken = [Bool](repeating: false, count: questions.count)
        var values = [String](repeating: "", count: questions.count)
        let year = context.yearColumn.flatMap { Self.year(cells[$0]) }
        for q in questions.indices {
            guard let column = columnOf[q] else { continue }
            let (value, note, rule) = validator.normalise(cells[column], question: q, year: year)
            if let note { summary.normalisations[note, default: 0] += 1 }
            if let rule {
                problems.append(
                    Rejection(location: location(column), value: cells[column], rule: rule, question: questions[q].name)
                )
                broken[q] = true
            }
            values[q] = value
        }
        // A select_multiple answered in split 0/1 columns: the chosen names, space-separated.
        for (q, columns) in context.match.splitChoices {
            var chosen: [String] = []
            for (column, choice) in columns {
                switch cells[column] {
                case "1", "1.0", "TRUE", "true": chosen.append(choice)
                case "0", "0.0", "FALSE", "false", "": continue
                default:
                    problems.append(
                        Rejection(
                            location: location(column), value: cells[column], rule: .notInList(list: "0/1"),
                            question: questions[q].name))
                    broken[q] = true
                }
            }
            values[q] = chosen.joined(separator: " ")
        }
        let indexOfName = validator.indexOfName
        func lookup(_ name: String) -> String { indexOfName[name].map { values[$0] } ?? "" }
        for q in questions.indices {
            guard let column = columnOf[q] else { continue }
            let value = values[q]
            let compiled = validator.compiled[q]
            let unchecked = context.uncheckedRelevant.contains(q)
            let relevant = unchecked || (compiled.relevant?.isTrue(current: value, lookup: lookup) ?? true)
            if value.isEmpty {
                if questions[q].required, relevant, !unchecked {
                    problems.append(
                        Rejection(location: location(column), value: "", rule: .required, question: questions[q].name))
                }
                continue
            }
            if !relevant {
                problems.append(
                    Rejection(
                        location: location(column), value: cells[column],
                        rule: .notRelevant(expression: questions[q].relevant ?? ""), question: questions[q].name))
            }
            if !broken[q], let constraint = compiled.constraint, !constraint.isTrue(current: value, lookup: lookup) {
                problems.append(
                    Rejection(
                        location: location(column), value: cells[column],
                        rule: .constraint(expression: questions[q].constraint ?? ""), question: questions[q].name))
            }
        }

        if let q = recordPlan.weight, let column = columnOf[q], !broken[q] {
            let weight = Double(values[q]) ?? .nan
            if !(weight.isFinite && weight > 0) {
                problems.append(
                    Rejection(
                        location: location(column), value: cells[column], rule: .badWeight, question: questions[q].name)
                )
            }
        }
        if let name = instrument.respondentId, let q = indexOfName[name], let column = columnOf[q], !values[q].isEmpty {
            if let first = knownRespondents.firstOccurrence(of: values[q], file: context.fileNumber, row: row) {
                let rule: Rejection.Rule =
                    first.file == context.fileNumber
                    ? .duplicateRespondent(firstRow: first.row)
                    : .duplicateRespondentElsewhere(file: knownRespondents.files[first.file], row: first.row)
                problems.append(Rejection(location: location(column), value: values[q], rule: rule, question: name))
            }
        }
        guard problems.isEmpty else { return (nil, problems) }
        return (makeRecord(values, row: row, file: context.file, columnOf: columnOf), [])
    }

    /// A survey year written as `2024` or `2024.0`.
    static func year(_ text: String) -> Int? {
        if let year = Int(text) { return year }
        if let value = Double(text), value == value.rounded(), abs(value) < 1e5 { return Int(value) }
        return nil
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
        var record = ResponseRecord(
            location: SourceLocation(file: file, row: row),
            weight: value(plan.weight).flatMap(Double.init) ?? 1,
            stratum: value(plan.strata) ?? "",
            cluster: value(plan.cluster) ?? "row \(row)",
            attributes: attributes, answers: answers,
            populationPSUs: value(plan.fpc).flatMap(Double.init)
        )
        if !plan.replicateWeights.isEmpty {
            record.replicateWeights = plan.replicateWeights.map { value($0).flatMap(Double.init) ?? .nan }
        }
        if plan.ssu != nil {
            record.secondaryCluster = value(plan.ssu) ?? "row \(row)"
            record.populationSSUs = value(plan.fpc2).flatMap(Double.init)
        }
        return record
    }
}

/// Question positions a record is built from, worked out once per instrument (not per row).
struct RecordPlan {
    var attributes: [Int]
    var items: [Int]
    var excluded: [Set<Int>]
    var weight, strata, cluster, fpc: Int?
    var ssu, fpc2: Int?
    var replicateWeights: [Int] = []

    init(instrument: Instrument, index: [String: Int]) {
        // Layout names are question names, so every one is in the index.
        attributes = instrument.recordLayout.attributeNames.compactMap { index[$0] }
        let scored = instrument.scoredQuestions
        items = scored.compactMap { index[$0.name] }
        excluded = scored.map { Set(instrument.scale(of: $0)?.excluded ?? []) }
        weight = instrument.design.weight.flatMap { index[$0] }
        strata = instrument.design.strata.flatMap { index[$0] }
        cluster = instrument.design.cluster.flatMap { index[$0] }
        fpc = instrument.design.fpc.flatMap { index[$0] }
        ssu = instrument.design.ssu.flatMap { index[$0] }
        fpc2 = instrument.design.fpc2.flatMap { index[$0] }
        replicateWeights = (instrument.design.replicateWeights?.columns ?? []).compactMap { index[$0] }
    }
}
