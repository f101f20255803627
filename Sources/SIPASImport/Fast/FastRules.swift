import Foundation
import SIPASBlocks
import SIPASCore
import SIPASInstruments

/// An instrument's rules compiled for one file's header into checks on raw cell bytes.
///
/// A row passes when the full importer would accept it with no normalisation at all: every cell
/// ASCII or plain Latin UTF-8 (``ByteText/isPlainLatin(_:)``), unquoted and untrimmed, each value already in its canonical form (a code of its list, an
/// integer, a plain decimal, a province code of the row's year), `required`, `relevant` and
/// `constraint` satisfied, a positive weight. Any other row is handed to the full importer, which
/// decides it exactly as it always did; the fast rules never reject a row themselves.
struct FastRules: Sendable {
    /// Plain values only (no payload to retain per row): a list is an index into ``codeSets``, an
    /// expression one into ``expressions`` (-1: none).
    enum Kind: Sendable, Equatable {
        case text, integer, decimal
        case codes(Int)
        case province, unsupported
    }
    struct QuestionRule: Sendable {
        var question: Int
        var column: Int
        var kind: Kind
        var required: Bool
        var uncheckedRelevant: Bool
        var relevant: Int
        /// -1 when there is none, or when it is the ``range``.
        var constraint: Int
        /// The constraint when it only compares the cell with numbers, checked on the number the
        /// type check reads (the cell is read once, not again by the evaluator).
        var range: NumericRange?
        /// The design weight's cell: read as a plain decimal by the first pass.
        var isWeight: Bool
        /// Index among the scored items (-1: none): its code is read by the first pass.
        var item: Int
        /// Whether the second pass (``checkExpressions(_:)``) has anything to check.
        var needsExpressions: Bool {
            constraint >= 0 || !uncheckedRelevant && (relevant >= 0 || required)
        }
    }
    let codeSets: [ByteSet]
    let expressions: FastExpressions

    let delimiter: UInt8
    let columns: FastColumns
    /// Rules other than ``codeRules``.
    let rules: [QuestionRule]
    /// A choice question with nothing to check but its list, in its own loop (most columns are
    /// items): its list's set and its index among the items (-1: none).
    struct CodeRule: Sendable {
        var column: Int32, set: Int32, item: Int32
    }
    let codeRules: [CodeRule]
    /// ``ByteSet/shortMap`` of each code set, one after the other.
    let shortMaps: [UInt64]
    /// The rules ``checkExpressions(_:)`` goes through (``QuestionRule/needsExpressions``).
    let expressionRules: [QuestionRule]
    /// Items with no column: blank on every row.
    let absentItems: [Int]
    /// Column of each question (-1: absent), for expressions.
    let columnOf: [Int32]
    let yearColumn: Int?
    let weightColumn: Int?
    let idColumn: Int?
    /// The `data_source` column (``RowContext/markerColumn``): fast rows holding `synthetic` there are counted.
    let markerColumn: Int?
    let provincesBefore2025: ByteSet, provincesFrom2025: ByteSet
    /// The fields a fast row keeps once checked (nil: all), as its sink asked.
    var kept: KeptColumns?
    /// Where a fast row's kept fields are: ``columns``, or the kept ones' places.
    var rowColumns: FastColumns { kept?.layout ?? columns }
    /// The place of the respondent id among a fast row's kept fields.
    var rowIdColumn: Int? { kept == nil ? idColumn : kept!.idColumn }

    /// nil when the file or instrument uses something the fast rules do not cover (split
    /// select_multiple columns, two-stage or replicate designs, an fpc, no cluster column).
    init?(importer: CSVImporter, context: RowContext, delimiter: UInt8) {
        let instrument = importer.instrument
        let match = context.match
        let plan = importer.recordPlan
        guard match.splitChoices.isEmpty, plan.ssu == nil, plan.replicateWeights.isEmpty,
            plan.fpc.flatMap({ match.columnOfQuestion[$0] }) == nil,
            let clusterQuestion = plan.cluster, let cluster = match.columnOfQuestion[clusterQuestion]
        else { return nil }
        self.delimiter = delimiter
        columnOf = match.columnOfQuestion.map { $0.map(Int32.init) ?? -1 }
        let validator = importer.validator
        var rules: [QuestionRule] = []
        var codeSets: [ByteSet] = []
        var codeLists: [[String]] = []
        var expressions = FastExpressions(indexOfName: validator.indexOfName)
        func add(_ expression: FormExpression?) -> Int { expression.map { expressions.add($0) } ?? -1 }
        for (q, question) in instrument.questions.enumerated() {
            guard let column = match.columnOfQuestion[q] else { continue }
            let compiled = validator.compiled[q]
            let kind: Kind
            if question.lookup == "province" {
                kind = .province
            } else {
                switch question.type {
                case .selectOne:
                    // One set per list, not per question: the items of a scale share theirs.
                    if let known = codeLists.firstIndex(of: compiled.codes) {
                        kind = .codes(known)
                    } else {
                        codeLists.append(compiled.codes)
                        codeSets.append(ByteSet(compiled.codes))
                        kind = .codes(codeSets.count - 1)
                    }
                case .selectMultiple: kind = .unsupported
                case .integer: kind = .integer
                case .decimal: kind = .decimal
                // Cells the full importer keeps as they are (``RowValidator``): text to the fast rules.
                case .text, .date, .dateTime, .calculate, .note, .other: kind = .text
                }
            }
            // The weight's cell is read as a plain positive decimal, which implies the decimal
            // check: it is not read twice.
            let isWeight = plan.weight == q
            let range = compiled.constraint.flatMap(FastExpressions.range(of:))
            rules.append(
                QuestionRule(
                    question: q, column: column, kind: isWeight && kind == .decimal ? .text : kind,
                    required: question.required,
                    uncheckedRelevant: context.uncheckedRelevant.contains(q),
                    relevant: add(compiled.relevant), constraint: range == nil ? add(compiled.constraint) : -1,
                    range: range, isWeight: isWeight, item: plan.items.firstIndex(of: q) ?? -1))
        }
        expressionRules = rules.filter(\.needsExpressions)
        codeRules = rules.compactMap { rule in
            guard case .codes(let k) = rule.kind, rule.range == nil, !rule.isWeight else { return nil }
            return CodeRule(column: Int32(rule.column), set: Int32(k), item: Int32(rule.item))
        }
        self.rules = rules.filter { rule in
            if case .codes = rule.kind, rule.range == nil, !rule.isWeight { return false }
            return true
        }
        shortMaps = codeSets.flatMap(\.shortMap)
        absentItems = plan.items.indices.filter { match.columnOfQuestion[plan.items[$0]] == nil }
        self.codeSets = codeSets
        self.expressions = expressions
        yearColumn = context.yearColumn
        weightColumn = plan.weight.flatMap { match.columnOfQuestion[$0] }
        idColumn = instrument.respondentId.flatMap { validator.indexOfName[$0] }.flatMap { match.columnOfQuestion[$0] }
        markerColumn = context.markerColumn
        let catalog = ProvinceCatalog.official
        provincesBefore2025 = ByteSet(catalog.provincesBefore2025.map(\.code))
        provincesFrom2025 = ByteSet(catalog.provincesFrom2025.map(\.code))
        columns = FastColumns(
            count: context.header.count,
            strata: plan.strata.flatMap { match.columnOfQuestion[$0] },
            cluster: cluster,
            attributes: plan.attributes.map { match.columnOfQuestion[$0] },
            items: plan.items.map { match.columnOfQuestion[$0] },
            excluded: plan.excluded)
    }

    /// Checks one row whose fields are `starts[c]..<ends[c]` in `base`; on success writes the weight
    /// and the item codes (``FastBatch/blank`` for no answer) and returns true.
    ///
    /// One pass over the rules checks each non-empty cell's type, its numeric range and reads the
    /// weight and item codes from it; a second one, over the rules with expressions or `required`,
    /// checks those.
    func accept(
        _ base: UnsafePointer<UInt8>, _ starts: UnsafeMutablePointer<Int32>, _ ends: UnsafeMutablePointer<Int32>,
        weight: inout Double, codes: UnsafeMutablePointer<Int32>
    ) -> Bool {
        @inline(__always) func cell(_ c: Int) -> ByteText.Bytes {
            ByteText.Bytes(start: base + Int(starts[c]), count: Int(ends[c] - starts[c]))
        }
        var year: Int? = nil
        if let yearColumn {
            let text = cell(yearColumn)
            if !text.isEmpty {
                guard let value = ByteText.int(text) else { return false }
                year = value
            }
        }
        var weightRead: Double? = nil
        for j in absentItems { codes[j] = FastBatch.blank }
        guard checkCodes(base, starts, ends, codes: codes) else { return false }
        for rule in rules {
            let text = cell(rule.column)
            if text.isEmpty {
                if rule.item >= 0 { codes[rule.item] = FastBatch.blank }
                continue
            }
            // The cell as a number where the type check reads one (NaN: not read).
            var number = Double.nan
            var integer: Int? = nil
            switch rule.kind {
            case .text: break
            case .integer:
                guard let value = ByteText.int(text) else { return false }
                integer = value
                number = Double(value)
            case .decimal:
                guard let value = ByteText.plainDecimal(text) else { return false }
                number = value
            case .codes(let k): guard codeSets[k].contains(text) else { return false }
            case .province:
                let known: Bool
                switch year {
                case .some(let y):
                    known = y >= 2025 ? provincesFrom2025.contains(text) : provincesBefore2025.contains(text)
                case .none: known = provincesBefore2025.contains(text) || provincesFrom2025.contains(text)
                }
                guard known else { return false }
            case .unsupported: return false
            }
            if rule.isWeight {
                // A weight that is no plain positive decimal is never fast (read below otherwise).
                guard let w = ByteText.plainDecimal(text), w.isFinite, w > 0 else { return false }
                weightRead = w
                number = w
            }
            if let range = rule.range {
                if number.isNaN, rule.kind != .integer, rule.kind != .decimal, !rule.isWeight {
                    number = ByteText.number(text)
                }
                guard range.contains(number) else { return false }
            }
            if rule.item >= 0 && !Self.read(code: integer ?? ByteText.int(text), into: codes + rule.item) {
                return false
            }
        }
        if !expressionRules.isEmpty {
            let passed = columnOf.withUnsafeBufferPointer { columnOf in
                checkExpressions(
                    FastExpressions.Cells(base: base, starts: starts, ends: ends, columnOf: columnOf.baseAddress!))
            }
            guard passed else { return false }
        }
        if let weightColumn {
            if weightRead == nil {
                guard let w = ByteText.plainDecimal(cell(weightColumn)), w.isFinite, w > 0 else { return false }
                weightRead = w
            }
            weight = weightRead!
        } else {
            weight = 1
        }
        return true
    }

    /// The ``codeRules``: a one-byte code is looked up in its set's map and read as a digit.
    @inline(__always)
    private func checkCodes(
        _ base: UnsafePointer<UInt8>, _ starts: UnsafeMutablePointer<Int32>, _ ends: UnsafeMutablePointer<Int32>,
        codes: UnsafeMutablePointer<Int32>
    ) -> Bool {
        shortMaps.withUnsafeBufferPointer { maps in
            codeRules.withUnsafeBufferPointer { codeRules in
                for rule in codeRules {
                    let start = Int(starts[Int(rule.column)])
                    let count = Int(ends[Int(rule.column)]) - start
                    let item = Int(rule.item)
                    if count == 1 {
                        let byte = base[start]
                        guard
                            maps[Int(rule.set) * ByteSet.shortMapWords + Int(byte >> 6)] & (1 << UInt64(byte & 63)) != 0
                        else { return false }
                        if item >= 0 {
                            let digit = byte &- 48
                            codes[item] = digit < 10 ? Int32(digit) : FastBatch.blank
                        }
                    } else if count == 0 {
                        if item >= 0 { codes[item] = FastBatch.blank }
                    } else {
                        let text = ByteText.Bytes(start: base + start, count: count)
                        guard codeSets[Int(rule.set)].contains(text) else { return false }
                        if item >= 0 && !Self.read(code: ByteText.int(text), into: codes + item) { return false }
                    }
                }
                return true
            }
        }
    }

    /// An item's code as the full importer reads it: blank unless an integer; false when it does
    /// not fit the fast path's 32 bits.
    @inline(__always)
    private static func read(code: Int?, into slot: UnsafeMutablePointer<Int32>) -> Bool {
        guard let code else {
            slot.pointee = FastBatch.blank
            return true
        }
        guard let small = Int32(exactly: code), small != FastBatch.blank else { return false }
        slot.pointee = small
        return true
    }

    /// `required`, `relevant` and `constraint` of every question, on one row's cells.
    private func checkExpressions(_ cells: FastExpressions.Cells) -> Bool {
        expressions.withEvaluator(cells) { evaluator in
            let starts = cells.starts
            let ends = cells.ends
            for rule in expressionRules {
                let empty = starts[rule.column] == ends[rule.column]
                let relevant =
                    rule.uncheckedRelevant || rule.relevant < 0
                    || evaluator.isTrue(rule.relevant, current: rule.question)
                if empty {
                    if rule.required, relevant, !rule.uncheckedRelevant { return false }
                    continue
                }
                guard relevant else { return false }
                if rule.constraint >= 0, !evaluator.isTrue(rule.constraint, current: rule.question) { return false }
            }
            return true
        }
    }
}
