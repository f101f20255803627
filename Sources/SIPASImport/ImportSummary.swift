import Foundation
import SIPASCore

/// Options of an import.
public struct ImportOptions: Sendable {
    /// The delimiter byte; nil to sniff `,` `;` or tab from the header.
    public var delimiter: UInt8?
    /// Where rejected rows go (original fields + `_row` + `_reasons`); created only if a row is rejected.
    public var rejectsURL: URL?
    /// How many rejections the summary keeps in full (all are counted and written to the rejects file).
    public var maxReportedRejections: Int
    /// Language of the `_reasons` column of the rejects file.
    public var language: Language

    public init(delimiter: UInt8? = nil, rejectsURL: URL? = nil, maxReportedRejections: Int = 1000, language: Language = .vi) {
        self.delimiter = delimiter
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
    /// The first `maxReportedRejections` rejections (a row may have several).
    public var rejections: [Rejection] = []
    /// Every rejection counted by ``Rejection/Rule/key`` (a row breaking two rules counts twice).
    public var rejectionsByRule: [String: Int] = [:]
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
    public var layout: RecordLayout

    public init(file: String, layout: RecordLayout) {
        self.file = file
        self.layout = layout
    }

    /// True when every row read was either accepted or rejected.
    public var isBalanced: Bool { accepted + rejected == rowsRead }
}
