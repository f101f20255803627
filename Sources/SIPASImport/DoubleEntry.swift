import Foundation
import SIPASCore
import SIPASInstruments

/// Two independent keyings of the same paper forms, compared field by field (double data entry:
/// research/collection-formats.md §4, as CSPro's CSDiff and EpiData's "Validate Double Entry").
///
/// Forms are paired on the instrument's respondent id (`form_id`). Every question present in both
/// files is compared on every pair, after the importer's normalisation of the value (trimmed, NFC,
/// `4.0` → `4`, a label → its code; in number questions, numbers of equal value are equal), so only differences of
/// content count; a blank equals a blank.
/// Reported: each differing field (form, column, both values, both rows and keyers), forms keyed in
/// one file only, ids keyed twice in one file (left out of the pairing), questions present in one
/// file only, and per keyer (the `keyer_id` column of the entry workbook) the share of their
/// compared fields that agree with the other keying.
public struct DoubleEntryComparison: Sendable {
    /// A form in one file: its id and spreadsheet row.
    public struct Form: Sendable, Hashable {
        public var id: String
        public var row: Int
    }

    public struct Difference: Sendable, Hashable {
        public var formId: String
        public var column: String
        public var first: String
        public var second: String
        public var firstRow: Int
        public var secondRow: Int
        public var firstKeyer: String
        public var secondKeyer: String
    }

    /// One keyer's fields in one file, and how many agree with the other file.
    public struct KeyerAgreement: Sendable, Hashable {
        public var file: String
        public var keyer: String
        public var fields: Int
        public var agreeing: Int
        /// Agreeing ÷ compared fields, in percent.
        public var rate: Double { fields == 0 ? 100 : 100 * Double(agreeing) / Double(fields) }
    }

    public var firstFile: String
    public var secondFile: String
    public var formsCompared = 0
    public var fieldsCompared = 0
    public var differences: [Difference] = []
    public var onlyInFirst: [Form] = []
    public var onlyInSecond: [Form] = []
    public var duplicatesInFirst: [Form] = []
    public var duplicatesInSecond: [Form] = []
    public var columnsOnlyInFirst: [String] = []
    public var columnsOnlyInSecond: [String] = []
    public var keyers: [KeyerAgreement] = []

    /// True when the two keyings agree completely: same forms, same questions, same values.
    public var agrees: Bool {
        differences.isEmpty && onlyInFirst.isEmpty && onlyInSecond.isEmpty && duplicatesInFirst.isEmpty
            && duplicatesInSecond.isEmpty && columnsOnlyInFirst.isEmpty && columnsOnlyInSecond.isEmpty
    }

    /// The column holding the keyer's id.
    public static let keyerColumn = "keyer_id"

    /// One keying read: forms by id (first occurrence), duplicates, and the question columns.
    struct Keying {
        var name: String
        var forms: [String: (row: Int, keyer: String, values: [Int: String])] = [:]
        var order: [String] = []
        var duplicates: [Form] = []
        var questions: Set<Int> = []
    }

    /// Compares `first` and `second` (CSV or xlsx) keyed on `instrument`'s form.
    /// - Throws: ``ImportError`` when a file cannot be read, its header does not fit the instrument,
    ///   or the respondent id column is missing.
    public static func compare(first: URL, second: URL, instrument: Instrument, source: SourceOptions = .init()) throws
        -> DoubleEntryComparison
    {
        let validator = try RowValidator(instrument: instrument, file: instrument.id)
        let a = try read(first, instrument: instrument, validator: validator, source: source)
        let b = try read(second, instrument: instrument, validator: validator, source: source)
        var result = DoubleEntryComparison(firstFile: a.name, secondFile: b.name)
        result.duplicatesInFirst = a.duplicates
        result.duplicatesInSecond = b.duplicates
        let compared = instrument.questions.indices.filter { a.questions.contains($0) && b.questions.contains($0) }
        result.columnsOnlyInFirst = instrument.questions.indices.filter {
            a.questions.contains($0) && !b.questions.contains($0)
        }.map { instrument.questions[$0].name }
        result.columnsOnlyInSecond = instrument.questions.indices.filter {
            b.questions.contains($0) && !a.questions.contains($0)
        }.map { instrument.questions[$0].name }
        let numeric = Set(
            compared.filter { q in
                switch instrument.questions[q].type {
                case .integer, .decimal: return true
                default: return false
                }
            })
        let duplicateIds = Set((a.duplicates + b.duplicates).map(\.id))
        var tallies: [String: (fields: Int, agreeing: Int)] = [:]
        var keyerOrder: [String] = []
        func tally(_ side: Int, _ keyer: String, _ agree: Int) {
            let key = "\(side)\u{0}" + keyer
            if tallies[key] == nil { keyerOrder.append(key) }
            tallies[key, default: (0, 0)].fields += compared.count
            tallies[key, default: (0, 0)].agreeing += agree
        }
        for id in a.order where !duplicateIds.contains(id) {
            guard let left = a.forms[id] else { continue }
            guard let right = b.forms[id] else {
                result.onlyInFirst.append(Form(id: id, row: left.row))
                continue
            }
            result.formsCompared += 1
            result.fieldsCompared += compared.count
            var agree = 0
            for q in compared {
                let x = left.values[q] ?? ""
                let y = right.values[q] ?? ""
                if same(x, y, numeric: numeric.contains(q)) {
                    agree += 1
                    continue
                }
                result.differences.append(
                    Difference(
                        formId: id, column: instrument.questions[q].name, first: x, second: y,
                        firstRow: left.row, secondRow: right.row, firstKeyer: left.keyer, secondKeyer: right.keyer))
            }
            tally(0, left.keyer, agree)
            tally(1, right.keyer, agree)
        }
        result.onlyInSecond = b.order.filter { a.forms[$0] == nil && !duplicateIds.contains($0) }.map {
            Form(id: $0, row: b.forms[$0]!.row)
        }
        // The first file's keyers, then the second's, each in order of first appearance.
        keyerOrder = keyerOrder.filter { $0.hasPrefix("0") } + keyerOrder.filter { $0.hasPrefix("1") }
        result.keyers = keyerOrder.map { key in
            let parts = key.components(separatedBy: "\u{0}")
            return KeyerAgreement(
                file: parts[0] == "0" ? a.name : b.name, keyer: parts[1], fields: tallies[key]!.fields,
                agreeing: tallies[key]!.agreeing)
        }
        return result
    }

    /// Equal texts, or for a number question numbers of equal value (`1.5` and `1.50`).
    static func same(_ x: String, _ y: String, numeric: Bool) -> Bool {
        if x == y { return true }
        guard numeric else { return false }
        guard let a = Double(x), let b = Double(y) else { return false }
        return a == b
    }

    /// Reads one keying: each row's id, keyer and normalised answers.
    static func read(_ url: URL, instrument: Instrument, validator: RowValidator, source options: SourceOptions) throws
        -> Keying
    {
        let source = try RecordSources.open(url, options)
        let decoder = RecordSources.decoder(for: source)
        var keying = Keying(name: source.name)
        var header: [String] = []
        var match: HeaderMatch?
        var idColumn = 0
        var keyerColumn: Int?
        var counts: [String: Int] = [:]
        let idName = instrument.respondentId ?? "form_id"
        try source.forEachRecord { record in
            let cells = try decoder.decode(record, header: match == nil ? nil : header, counts: &counts).map(\.value)
            guard let match else {
                header = cells
                let found = try HeaderMatch.match(
                    header: header, instrument: instrument, file: source.name, headerRow: record.row)
                guard let q = validator.indexOfName[idName], let column = found.columnOfQuestion[q] else {
                    let question = instrument.questions.first { $0.name == idName }
                    throw ImportError(
                        .missingColumns(
                            [.init(name: idName, label: question?.label ?? LocalizedText(vi: idName))], header: header),
                        at: SourceLocation(file: source.name, row: record.row))
                }
                idColumn = column
                keyerColumn = header.firstIndex(of: Self.keyerColumn)
                keying.questions = Set(found.columnOfQuestion.indices.filter { found.columnOfQuestion[$0] != nil })
                match = found
                return
            }
            guard cells.contains(where: { !$0.isEmpty }) else { return }
            let id = idColumn < cells.count ? cells[idColumn] : ""
            if keying.forms[id] != nil {
                keying.duplicates.append(Form(id: id, row: record.row))
                return
            }
            var values: [Int: String] = [:]
            for q in keying.questions {
                guard let column = match.columnOfQuestion[q], column < cells.count, !cells[column].isEmpty else {
                    continue
                }
                let normalised = validator.normalise(cells[column], question: q, year: nil)
                values[q] = normalised.broken == nil ? normalised.value : cells[column]
            }
            let keyer = keyerColumn.flatMap { $0 < cells.count ? cells[$0] : nil } ?? ""
            keying.forms[id] = (record.row, keyer, values)
            keying.order.append(id)
        }
        // An id keyed twice is left out of the pairing in both files.
        for duplicate in keying.duplicates where keying.forms[duplicate.id] != nil {
            keying.duplicates.insert(Form(id: duplicate.id, row: keying.forms[duplicate.id]!.row), at: 0)
            keying.forms[duplicate.id] = nil
        }
        keying.order.removeAll { keying.forms[$0] == nil }
        keying.duplicates.sort { $0.row < $1.row }
        return keying
    }
}
