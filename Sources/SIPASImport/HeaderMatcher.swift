import SIPASCore
import SIPASInstruments

/// Matches a file's header to an instrument's questions.
///
/// Order of preference for each column: the question name exactly; the name ignoring case,
/// diacritics and separators (`looseKey`); the last segment of an ODK/Kobo group path (`grp-q1`,
/// `grp/q1`); the Vietnamese or English label (loosely). Every match that is not exact is reported.
public struct HeaderMatch: Sendable {
    /// For each column, the index of the question it answers (nil: not part of the instrument).
    public var questionOfColumn: [Int?]
    /// For each question, its column (nil: absent from the file).
    public var columnOfQuestion: [Int?]
    /// Columns that answer no question, by header text.
    public var unmatched: [String]
    /// How inexact matches were made, e.g. "column 'Hai long' matched q5 by label".
    public var notes: [String]

    public static func match(header: [String], instrument: Instrument, file: String) throws -> HeaderMatch {
        let questions = instrument.questions
        var questionOfColumn = [Int?](repeating: nil, count: header.count)
        var columnOfQuestion = [Int?](repeating: nil, count: questions.count)
        var notes: [String] = []
        let byName = Dictionary(questions.indices.map { (questions[$0].name, $0) }, uniquingKeysWith: { a, _ in a })
        let byLooseName = Dictionary(questions.indices.map { (questions[$0].name.looseKey, $0) }, uniquingKeysWith: { a, _ in a })
        var byLabel: [String: Int] = [:]
        for (i, q) in questions.enumerated() {
            byLabel[q.label.vi.looseKey] = byLabel[q.label.vi.looseKey] ?? i
            if let en = q.label.en { byLabel[en.looseKey] = byLabel[en.looseKey] ?? i }
        }

        func assign(_ column: Int, _ question: Int, how: String?) throws {
            if let other = columnOfQuestion[question] {
                throw ImportError(.ambiguousColumns(question: questions[question].name, columns: [header[other], header[column]]),
                                  at: SourceLocation(file: file, row: 1, column: header[column], columnIndex: column))
            }
            columnOfQuestion[question] = column
            questionOfColumn[column] = question
            if let how { notes.append("'\(header[column])' → \(questions[question].name) (\(how))") }
        }

        // Exact names first, so that a loose match never takes a question an exact column answers.
        for (column, text) in header.enumerated() {
            if let q = byName[text] { try assign(column, q, how: nil) }
        }
        for (column, text) in header.enumerated() where questionOfColumn[column] == nil {
            let lastSegment = text.split(whereSeparator: { $0 == "/" || $0 == "-" }).last.map(String.init) ?? text
            // A second column claiming a question already matched is an error, never a silent choice.
            if let q = byLooseName[text.looseKey] {
                try assign(column, q, how: "name, ignoring case and accents")
            } else if lastSegment != text, let q = byName[lastSegment] ?? byLooseName[lastSegment.looseKey] {
                try assign(column, q, how: "group path")
            } else if let q = byLabel[text.looseKey] {
                try assign(column, q, how: "label")
            }
        }
        let unmatched = header.indices.filter { questionOfColumn[$0] == nil }.map { header[$0] }

        if header.count == 1, let odd = header[0].first(where: { "|:#~^".contains($0) }) {
            throw ImportError(.wrongDelimiter(guess: String(odd)), at: SourceLocation(file: file, row: 1, column: header[0], columnIndex: 0))
        }
        // Required questions and every scored item must have a column.
        let scored = Set(instrument.scoredQuestions.map(\.name))
        let missing = questions.indices.filter { i in
            columnOfQuestion[i] == nil && (questions[i].required || scored.contains(questions[i].name))
        }.map { questions[$0].name }
        if !missing.isEmpty {
            let shown = missing.prefix(12).joined(separator: ", ") + (missing.count > 12 ? " … (\(missing.count))" : "")
            var error = ImportError(.missingColumns([shown]), at: SourceLocation(file: file, row: 1))
            if header.count == 1, let only = header.first, only.contains(where: { !$0.isLetter && !$0.isNumber && $0 != "_" }) {
                error = ImportError(.wrongDelimiter(guess: String(only.first { !$0.isLetter && !$0.isNumber && $0 != "_" }!)),
                                    at: SourceLocation(file: file, row: 1, column: only, columnIndex: 0))
            }
            throw error
        }
        return HeaderMatch(questionOfColumn: questionOfColumn, columnOfQuestion: columnOfQuestion, unmatched: unmatched, notes: notes)
    }
}
