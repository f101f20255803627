import SIPASCore
import SIPASInstruments

/// Matches a file's header to an instrument's questions.
///
/// Order of preference for each column: the question name exactly; the name ignoring case,
/// diacritics and separators (`looseKey`); the last segment of an ODK/Kobo group path (`grp-q1`,
/// `grp/q1`); the Vietnamese or English label (loosely, as Kobo's default export writes labels).
/// Every match that is not exact is reported and counted; a column that could answer two questions
/// equally, or two columns answering one question, is an error, never a silent choice.
public struct HeaderMatch: Sendable {
    /// For each column, the index of the question it answers (nil: not part of the instrument).
    public var questionOfColumn: [Int?]
    /// For each question, its column (nil: absent from the file).
    public var columnOfQuestion: [Int?]
    /// Columns that answer no question, by header text.
    public var unmatched: [String]
    /// How inexact matches were made, e.g. "'Câu 3' → s3 (label)".
    public var notes: [String]
    /// Inexact matches counted by kind ("header: label" …), for the import summary.
    public var counts: [String: Int]
    /// Columns that answer no question and are ODK Central / KoboToolbox / SurveyCTO metadata.
    public var metadata: [Int] = []
    /// Split `select_multiple` columns (`q/choice` or `q-choice`, holding 1/0) by question: they
    /// build the answer when the question has no column of its own, else they are kept aside.
    public var splitChoices: [Int: [(column: Int, choice: String)]] = [:]
    /// Split columns of questions that have their own column too, kept aside.
    public var redundantSplitColumns: [Int] = []

    /// Metadata columns of ODK Central, KoboToolbox and SurveyCTO exports, XLSForm metadata types
    /// (research/ecosystem.md §1.2) and sipas's entry workbook, compared by the last segment of a group path.
    static let metadataNames: Set<String> = [
        "_id", "_uuid", "_submission_time", "_validation_status", "_notes", "_status", "_submitted_by", "__version__",
        "_tags", "_index", "_parent_index", "_parent_table_name", "_xform_id_string", "_attachments", "_geolocation",
        "start", "end", "today", "deviceid", "subscriberid", "simserial", "phonenumber", "username", "audit",
        "instanceID", "instanceName", "uuid", "KEY", "PARENT_KEY", "SubmissionDate", "SubmitterID", "SubmitterName",
        "AttachmentsPresent", "AttachmentsExpected", "Status", "ReviewState", "DeviceID", "Edits", "FormVersion",
        "formdef_version", "review_status", "review_comments", "review_quality",
        // The keyer and entry date columns of sipas's data-entry workbook (`instrument export --format entry-xlsx`).
        "keyer_id", "entry_date",
        // The synthetic-data marker of `sipas sample` files (``DataProvenance``).
        "data_source",
    ]

    /// The select_multiple question and choice a split column stands for (`grp/q/choice`, `q-choice`).
    static func splitChoice(_ header: String, _ instrument: Instrument) -> (question: Int, choice: String)? {
        for separator in ["/", "-"] {
            guard let cut = header.range(of: separator, options: .backwards) else { continue }
            let path = String(header[..<cut.lowerBound])
            let choice = String(header[cut.upperBound...])
            let name = path.split(whereSeparator: { $0 == "/" || $0 == "-" }).last.map(String.init) ?? path
            guard let q = instrument.questions.firstIndex(where: { $0.name == name }),
                case .selectMultiple(let list) = instrument.questions[q].type,
                instrument.choices[list]?.contains(where: { $0.name == choice }) == true
            else { continue }
            return (q, choice)
        }
        return nil
    }

    /// True when `header` names a metadata column (`meta-instanceID`, `formhub/uuid`, `_uuid` …).
    static func isMetadata(_ header: String) -> Bool {
        if metadataNames.contains(header) { return true }
        let segment = header.split(whereSeparator: { $0 == "/" || $0 == "-" }).last.map(String.init) ?? header
        return metadataNames.contains(segment) || header.hasPrefix("meta/") || header.hasPrefix("meta-")
    }

    /// How a column was matched, weakest last.
    enum How: String {
        case exact = ""
        case looseName = "name, ignoring case and accents"
        case groupPath = "group path"
        case label = "label"
    }

    /// Keys of an instrument's questions, built once.
    struct Keys {
        var byName: [String: Int] = [:]
        var byLooseName: [String: [Int]] = [:]
        var byLabel: [String: [Int]] = [:]

        init(_ questions: [Question]) {
            for (i, q) in questions.enumerated() {
                if byName[q.name] == nil { byName[q.name] = i }
                Self.add(i, q.name.looseKey, to: &byLooseName)
                Self.add(i, q.label.vi.looseKey, to: &byLabel)
                if let en = q.label.en { Self.add(i, en.looseKey, to: &byLabel) }
            }
        }

        private static func add(_ i: Int, _ key: String, to map: inout [String: [Int]]) {
            guard !key.isEmpty else { return }
            if !(map[key]?.contains(i) ?? false) { map[key, default: []].append(i) }
        }

        /// The candidate questions for a column that matched no name exactly, and how.
        func candidates(_ text: String) -> (questions: [Int], how: How)? {
            let key = text.looseKey
            if let found = byLooseName[key] { return (found, .looseName) }
            let segment = text.split(whereSeparator: { $0 == "/" || $0 == "-" }).last.map(String.init) ?? text
            if segment != text {
                if let q = byName[segment] { return ([q], .groupPath) }
                if let found = byLooseName[segment.looseKey] { return (found, .groupPath) }
            }
            if let found = byLabel[key] { return (found, .label) }
            // Kobo's label headers with groups: "Dịch vụ/Câu 3" (group label / question label).
            if let slash = text.lastIndex(of: "/"),
                let found = byLabel[String(text[text.index(after: slash)...]).looseKey]
            {
                return (found, .label)
            }
            return nil
        }
    }

    /// The questions each column answers, without judging the result (shared with detection).
    /// Ambiguous columns are left unmatched and listed.
    static func pairs(header: [String], questions: [Question]) -> (
        pairs: [(column: Int, question: Int, how: How)], ambiguous: [(column: Int, questions: [Int])]
    ) {
        let keys = Keys(questions)
        var pairs: [(column: Int, question: Int, how: How)] = []
        var ambiguous: [(column: Int, questions: [Int])] = []
        for (column, text) in header.enumerated() {
            if let q = keys.byName[text] {
                pairs.append((column, q, .exact))
            } else if let (found, how) = keys.candidates(text) {
                if found.count == 1 { pairs.append((column, found[0], how)) } else { ambiguous.append((column, found)) }
            }
        }
        return (pairs, ambiguous)
    }

    public static func match(header: [String], instrument: Instrument, file: String, headerRow: Int = 1) throws
        -> HeaderMatch
    {
        let questions = instrument.questions
        func at(_ column: Int) -> SourceLocation {
            SourceLocation(file: file, row: headerRow, column: header[column], columnIndex: column)
        }
        if header.count == 1, let odd = header[0].first(where: { "|:#~^".contains($0) }) {
            throw ImportError(.wrongDelimiter(guess: String(odd)), at: at(0))
        }
        // `channels/phone` is a choice of the select_multiple `channels`, not the question `phone`.
        let (allPairs, ambiguous) = Self.pairs(header: header, questions: questions)
        let pairs = allPairs.filter { $0.how == .exact || splitChoice(header[$0.column], instrument) == nil }
        if let first = ambiguous.first(where: { splitChoice(header[$0.column], instrument) == nil }) {
            throw ImportError(
                .ambiguousMatch(column: header[first.column], questions: first.questions.map { questions[$0].name }),
                at: at(first.column))
        }
        var questionOfColumn = [Int?](repeating: nil, count: header.count)
        var columnOfQuestion = [Int?](repeating: nil, count: questions.count)
        var notes: [String] = []
        var counts: [String: Int] = [:]
        // Exact names first, so that the error for a second column names the exact one first.
        for (column, q, how) in pairs.filter({ $0.how == .exact }) + pairs.filter({ $0.how != .exact }) {
            if let other = columnOfQuestion[q] {
                throw ImportError(
                    .ambiguousColumns(question: questions[q].name, columns: [header[other], header[column]]),
                    at: at(column))
            }
            columnOfQuestion[q] = column
            questionOfColumn[column] = q
            if how != .exact {
                notes.append("'\(header[column])' → \(questions[q].name) (\(how.rawValue))")
                counts["header: \(how.rawValue)", default: 0] += 1
            }
        }
        // KoboToolbox's (and ODK Central's optional) split select_multiple columns.
        var splitChoices: [Int: [(column: Int, choice: String)]] = [:]
        for column in header.indices where questionOfColumn[column] == nil {
            if let (q, choice) = splitChoice(header[column], instrument) {
                splitChoices[q, default: []].append((column, choice))
            }
        }
        var redundant: [Int] = []
        for (q, columns) in splitChoices {
            let used = columnOfQuestion[q] == nil
            if !used { redundant += columns.map(\.column) }
            counts[
                used ? "select_multiple built from split 0/1 columns" : "select_multiple split 0/1 columns kept aside",
                default: 0] += columns.count
            if !used { splitChoices[q] = nil }
            for (column, _) in columns { questionOfColumn[column] = nil }
        }
        let split = Set(splitChoices.values.flatMap { $0.map(\.column) } + redundant)
        let unmatched = header.indices.filter { questionOfColumn[$0] == nil && !split.contains($0) }.map { header[$0] }

        // Required questions and every scored item must have a column.
        let scored = Set(instrument.scoredQuestions.map(\.name))
        let missing = questions.indices.filter { i in
            columnOfQuestion[i] == nil && splitChoices[i] == nil
                && (questions[i].required || scored.contains(questions[i].name))
        }
        if !missing.isEmpty {
            let odd = header.count == 1 ? header[0].first { !$0.isLetter && !$0.isNumber && !"_ .".contains($0) } : nil
            if let odd { throw ImportError(.wrongDelimiter(guess: String(odd)), at: at(0)) }
            throw ImportError(
                .missingColumns(
                    missing.map { .init(name: questions[$0].name, label: questions[$0].label) }, header: header),
                at: SourceLocation(file: file, row: headerRow))
        }
        let metadata = header.indices.filter {
            questionOfColumn[$0] == nil && !split.contains($0) && isMetadata(header[$0])
        }
        if !metadata.isEmpty { counts["metadata columns kept aside", default: 0] += metadata.count }
        return HeaderMatch(
            questionOfColumn: questionOfColumn, columnOfQuestion: columnOfQuestion,
            unmatched: unmatched, notes: notes, counts: counts, metadata: metadata, splitChoices: splitChoices,
            redundantSplitColumns: redundant.sorted())
    }
}
