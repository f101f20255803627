import Foundation
import SIPASCore

/// Options of an import.
public struct ImportOptions: Sendable {
    /// How the file is opened: delimiter, encoding, sheet.
    public var source: SourceOptions
    /// The delimiter byte; nil to sniff `,` `;` or tab from the header.
    public var delimiter: UInt8? {
        get { source.delimiter }
        set { source.delimiter = newValue }
    }
    /// Where rejected rows go (original fields + `_row` + `_reasons`); created only if a row is rejected.
    public var rejectsURL: URL?
    /// How many rejections the summary keeps in full (all are counted and written to the rejects file).
    public var maxReportedRejections: Int
    /// Language of the `_reasons` column of the rejects file.
    public var language: Language

    public init(
        delimiter: UInt8? = nil, encoding: EncodingChoice = .auto, sheet: String? = nil, rejectsURL: URL? = nil,
        maxReportedRejections: Int = 1000, language: Language = .vi
    ) {
        self.source = SourceOptions(delimiter: delimiter, encoding: encoding, sheet: sheet)
        self.rejectsURL = rejectsURL
        self.maxReportedRejections = maxReportedRejections
        self.language = language
    }
}

/// What happened to every row of a file. Invariant: `accepted + rejected == rowsRead`.
public struct ImportSummary: Sendable {
    public var file: String
    /// Data records read (the header, blank lines and rows holding only delimiters are not rows read).
    public var rowsRead = 0
    public var accepted = 0
    public var rejected = 0
    /// Blank lines and rows holding only delimiters, skipped.
    public var blankLines = 0
    /// Rows read (accepted or rejected) whose `data_source` metadata column holds `synthetic`,
    /// counted while reading them (``DataProvenance``).
    public var syntheticRows = 0
    /// The first `maxReportedRejections` rejections (a row may have several).
    public var rejections: [Rejection] = []
    /// Every rejection counted by ``Rejection/Rule/key`` (a row breaking two rules counts twice).
    public var rejectionsByRule: [String: Int] = [:]
    /// Every rejection counted by the header of its column ("" for a whole-row problem).
    public var rejectionsByColumn: [String: Int] = [:]
    /// ODK Central / KoboToolbox metadata columns (`_uuid`, `SubmissionDate`, `meta-instanceID` …),
    /// recognised and kept aside.
    public var metadataColumns: [String] = []
    /// Every change made to a value or a header match, counted: "trimmed spaces", "NFC",
    /// "label → code", "header: label" …
    public var normalisations: [String: Int] = [:]
    /// Header columns that answer no question, kept aside.
    public var unmatchedColumns: [String] = []
    /// What was assumed for absent design columns, inexact header matches, checks that could not run.
    public var designNotes: [String] = []
    /// The delimiter and encoding the file was read with.
    public var delimiter: UInt8 = UInt8(ascii: ",")
    public var encoding: CSVScanner.Encoding = .utf8
    /// How the encoding was detected, with its confidence (nil when given or told by a BOM).
    public var encodingGuess: EncodingDetector.Guess?
    /// True when the rows came from a sheet of an xlsx workbook.
    public var isWorkbook = false
    public var layout: RecordLayout

    public init(file: String, layout: RecordLayout) {
        self.file = file
        self.layout = layout
    }

    /// True when every row read was either accepted or rejected.
    public var isBalanced: Bool { accepted + rejected == rowsRead }

    /// The file's rows by their `data_source` (synthetic or not), as read.
    public var provenance: DataProvenance { DataProvenance(syntheticRows: syntheticRows, rows: rowsRead) }
}
