import Foundation
import SIPASCore
import SIPASImport

/// One file as `validate --format json` and `import --format json` report it (docs/json.md,
/// `$defs/import_file`). The numbers are the text report's: `rows_read = accepted + rejected`; the
/// rule and column counts are in the text's order (most first, then by name).
struct ImportFileJSON: Encodable {
    struct Encoding: Encodable {
        var name: String
        /// True when the encoding was detected (no byte-order mark, no `--encoding`).
        var detected: Bool
        /// The detection's confidence, a fraction (1 when not detected).
        var confidence: Double
        var evidence: String?
    }

    struct RuleCount: Encodable {
        /// The catalog key (``RuleName``), the same in every language.
        var rule: String
        /// The rule's name in the run's language.
        var name: String
        var count: Int
    }

    struct ColumnCount: Encodable {
        /// The column's header; "" for a problem of the whole row.
        var column: String
        var count: Int
    }

    struct RejectionJSON: Encodable {
        var file: String
        var row: Int?
        var column: String?
        var columnLetter: String?
        var question: String?
        var value: String
        var rule: String
        var ruleName: String
        /// The reason in the run's language, without the location.
        var reason: String
    }

    struct Normalisation: Encodable {
        var change: String
        var count: Int
    }

    /// A problem that stopped the reading of the whole file.
    struct FileError: Encodable {
        var rule: String
        var ruleName: String
        var value: String
        var message: String
    }

    var file: String
    var rowsRead: Int?
    var accepted: Int?
    var rejected: Int?
    var blankLines: Int?
    var encoding: Encoding?
    var workbook: Bool?
    var rejectionsByRule: [RuleCount] = []
    var rejectionsByColumn: [ColumnCount] = []
    /// The first rejections in full (`validate --show`); every one is counted above.
    var firstRejections: [RejectionJSON] = []
    var normalisations: [Normalisation] = []
    var metadataColumns: [String] = []
    var unusedColumns: [String] = []
    var designNotes: [String] = []
    var error: FileError?

    init(_ summary: ImportSummary, language: Language, shown: Int) {
        file = summary.file
        rowsRead = summary.rowsRead
        accepted = summary.accepted
        rejected = summary.rejected
        blankLines = summary.blankLines
        workbook = summary.isWorkbook
        if let guess = summary.encodingGuess {
            encoding = Encoding(
                name: guess.encoding.rawValue, detected: true, confidence: guess.confidence, evidence: guess.evidence)
        } else if !summary.isWorkbook {
            encoding = Encoding(name: summary.encoding.rawValue, detected: false, confidence: 1, evidence: nil)
        }
        rejectionsByRule = summary.rejectionsByRule.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map {
            RuleCount(rule: $0.key, name: RuleName.text(forKey: $0.key, language), count: $0.value)
        }
        rejectionsByColumn = summary.rejectionsByColumn.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map {
            ColumnCount(column: $0.key, count: $0.value)
        }
        firstRejections = summary.rejections.prefix(max(0, shown)).map { r in
            RejectionJSON(
                file: r.location.file, row: r.location.row, column: r.location.column,
                columnLetter: r.location.columnLetter,
                question: r.question, value: r.value, rule: r.rule.key, ruleName: r.rule.name.text(language),
                reason: r.reason(language))
        }
        normalisations = summary.normalisations.sorted { $0.key < $1.key }.map {
            Normalisation(change: $0.key, count: $0.value)
        }
        metadataColumns = summary.metadataColumns
        unusedColumns = summary.unmatchedColumns
        designNotes = summary.designNotes
    }

    /// A file that could not be read at all: its error instead of counts.
    init(file: String, error: ImportError, language: Language) {
        self.file = file
        self.error = FileError(
            rule: error.key, ruleName: error.ruleName.text(language), value: error.value,
            message: error.message(language))
    }
}

/// Rows read, accepted and rejected over every file of a run.
struct ImportTotalsJSON: Encodable {
    var files = 0
    var filesUnreadable = 0
    var rowsRead = 0
    var accepted = 0
    var rejected = 0

    mutating func add(_ file: ImportFileJSON) {
        files += 1
        if file.error != nil { filesUnreadable += 1 }
        rowsRead += file.rowsRead ?? 0
        accepted += file.accepted ?? 0
        rejected += file.rejected ?? 0
    }
}

/// `sipas validate --format json` (docs/json.md, `$defs/validate`).
struct ValidationJSON: Encodable {
    /// `--second-entry`: the two keyings compared field by field.
    struct DoubleEntry: Encodable {
        struct Difference: Encodable {
            var formId: String
            var column: String
            var first: String
            var second: String
            var firstRow: Int
            var secondRow: Int
        }

        var firstFile: String
        var secondFile: String
        var agrees: Bool
        var formsCompared: Int
        var fieldsCompared: Int
        var differences: [Difference]
        var formsOnlyInFirst: Int
        var formsOnlyInSecond: Int
        var duplicateFormsInFirst: Int
        var duplicateFormsInSecond: Int
        var columnsOnlyInFirst: [String]
        var columnsOnlyInSecond: [String]

        init(_ c: DoubleEntryComparison) {
            firstFile = c.firstFile
            secondFile = c.secondFile
            agrees = c.agrees
            formsCompared = c.formsCompared
            fieldsCompared = c.fieldsCompared
            differences = c.differences.map {
                Difference(
                    formId: $0.formId, column: $0.column, first: $0.first, second: $0.second, firstRow: $0.firstRow,
                    secondRow: $0.secondRow)
            }
            formsOnlyInFirst = c.onlyInFirst.count
            formsOnlyInSecond = c.onlyInSecond.count
            duplicateFormsInFirst = c.duplicatesInFirst.count
            duplicateFormsInSecond = c.duplicatesInSecond.count
            columnsOnlyInFirst = c.columnsOnlyInFirst
            columnsOnlyInSecond = c.columnsOnlyInSecond
        }
    }

    var command = "validate"
    var language: Language
    var instrument: String
    var files: [ImportFileJSON]
    var totals: ImportTotalsJSON
    var secondEntry: DoubleEntry?
    /// The exit status of the run: 0 every row valid, 65 a row or file invalid, 66 a file missing.
    var exitStatus: Int32
}
