import Foundation
import SIPASCore
import SIPASInstruments

/// Options of an import.
public struct ImportOptions: Sendable {
    /// The delimiter byte; nil to sniff `,` `;` or tab from the header.
    public var delimiter: UInt8?
    /// Where rejected rows go (original fields + `_row` + `_reasons`); created only if a row is rejected.
    public var rejectsURL: URL?
    /// How many rejections the summary keeps in full (all are counted and written to the rejects file).
    public var maxReportedRejections: Int

    public init(delimiter: UInt8? = nil, rejectsURL: URL? = nil, maxReportedRejections: Int = 1000) {
        self.delimiter = delimiter
        self.rejectsURL = rejectsURL
        self.maxReportedRejections = maxReportedRejections
    }
}

/// What happened to every row of a file. Invariant: `accepted + rejected == rowsRead`.
public struct ImportSummary: Sendable {
    public var file: String
    public var rowsRead = 0
    public var accepted = 0
    public var rejected = 0
    public var blankLines = 0
    /// The first `maxReportedRejections` rejections (a row may have several).
    public var rejections: [Rejection] = []
    public var rejectionsByRule: [String: Int] = [:]
    /// Every change made to a value, counted: "trimmed", "NFC", "label → code" …
    public var normalisations: [String: Int] = [:]
    public var unmatchedColumns: [String] = []
    /// Design columns absent from the file and what was assumed, and inexact header matches.
    public var designNotes: [String] = []
    public var layout: RecordLayout
}

/// Reads one CSV file of an instrument: every row accepted (handed on as a ``ResponseRecord``) or
/// rejected with its reasons. One importer serves one file at a time, in one task.
public final class CSVImporter {
    public let instrument: Instrument
    public let options: ImportOptions
    let validator: RowValidator
    let recordPlan: RecordPlan
    private let layout: RecordLayout

    /// - Throws: ``ImportError/Kind/badExpression(question:expression:reason:)`` when a constraint or
    ///   relevant expression of the instrument cannot be parsed.
    public init(instrument: Instrument, options: ImportOptions = .init()) throws {
        self.instrument = instrument
        self.options = options
        self.validator = try RowValidator(instrument: instrument, file: instrument.id)
        self.layout = instrument.recordLayout
        self.recordPlan = RecordPlan(instrument: instrument, index: validator.indexOfName)
    }

    /// Streams `file`, calling `accept` for every valid row.
    /// - Throws: ``ImportError`` for problems of the whole file (missing columns, not UTF-8 …), and
    ///   whatever `accept` throws.
    public func run(file: URL, accept: (ResponseRecord) throws -> Void) throws -> ImportSummary {
        let name = file.lastPathComponent
        let scanner = try CSVScanner(url: file, delimiter: options.delimiter)
        var summary = ImportSummary(file: name, layout: layout)
        guard let headerRecord = try scanner.next(file: name) else {
            throw ImportError(.emptyFile, at: SourceLocation(file: name))
        }
        let header = try headerRecord.fields.enumerated().map { column, bytes in
            try decode(bytes, file: name, row: headerRecord.line, column: column, header: nil, summary: &summary)
        }
        let match = try HeaderMatch.match(header: header, instrument: instrument, file: name)
        summary.unmatchedColumns = match.unmatched
        summary.designNotes = match.notes + designNotes(match)
        let rejects = RejectsWriter(url: options.rejectsURL, header: header)
        defer { rejects.close() }
        var context = RowContext(match: match, header: header, file: name)

        while let record = try scanner.next(file: name) {
            summary.rowsRead += 1
            let cells = try record.fields.enumerated().map { column, bytes in
                try decode(bytes, file: name, row: record.line, column: column, header: header, summary: &summary)
            }
            let (built, problems) = check(cells, row: record.line, context: &context, summary: &summary)
            if let built, problems.isEmpty {
                summary.accepted += 1
                try accept(built)
            } else {
                summary.rejected += 1
                for problem in problems {
                    summary.rejectionsByRule[problem.rule.key, default: 0] += 1
                    if summary.rejections.count < options.maxReportedRejections { summary.rejections.append(problem) }
                }
                try rejects.write(cells, row: record.line, reasons: problems.map { p in
                    (p.location.column.map { "\($0): " } ?? "") + p.reason(.vi)
                })
            }
        }
        summary.blankLines = scanner.blankLines
        return summary
    }

    /// Decodes a cell as UTF-8, trims surrounding spaces and normalises to NFC, counting each change.
    ///
    /// Spaces and tabs are trimmed on the bytes (Foundation's `trimmingCharacters` costs more than the
    /// whole scan); a no-break space (U+00A0) at either end is trimmed too.
    private func decode(_ raw: [UInt8], file: String, row: Int, column: Int, header: [String]?, summary: inout ImportSummary) throws -> String {
        var start = raw.startIndex, end = raw.endIndex
        func isSpace(_ i: Int) -> Bool { raw[i] == 0x20 || raw[i] == 0x09 }
        while true {
            if start < end, isSpace(start) { start += 1 } else if end - start >= 2, raw[start] == 0xC2, raw[start + 1] == 0xA0 { start += 2 } else { break }
        }
        while true {
            if end > start, isSpace(end - 1) { end -= 1 } else if end - start >= 2, raw[end - 2] == 0xC2, raw[end - 1] == 0xA0 { end -= 2 } else { break }
        }
        let bytes = raw[start..<end]
        guard let text = String(validating: bytes, as: UTF8.self) else {
            var valid = 0
            let all = Array(raw)
            while valid < all.count, String(validating: all[..<(valid + 1)], as: UTF8.self) != nil || all[valid] < 0x80 { valid += 1 }
            let bad = Array(all[valid..<min(all.count, valid + 2)])
            throw ImportError(.notUTF8(byteOffset: valid, bytes: bad),
                              at: SourceLocation(file: file, row: row, column: header.flatMap { column < $0.count ? $0[column] : nil }, columnIndex: column))
        }
        if start != raw.startIndex || end != raw.endIndex { summary.normalisations["trimmed spaces", default: 0] += 1 }
        guard bytes.contains(where: { $0 >= 0x80 }) else { return text }
        let nfc = text.nfc
        if !nfc.utf8.elementsEqual(text.utf8) { summary.normalisations["NFC", default: 0] += 1 }
        return nfc
    }

    private func designNotes(_ match: HeaderMatch) -> [String] {
        var notes: [String] = []
        func present(_ name: String?) -> Bool {
            guard let name, let q = instrument.questions.firstIndex(where: { $0.name == name }) else { return false }
            return match.columnOfQuestion[q] != nil
        }
        if !present(instrument.design.weight) { notes.append("no weight column: every row has weight 1") }
        if !present(instrument.design.strata) { notes.append("no strata column: one stratum") }
        if !present(instrument.design.cluster) { notes.append("no cluster column: every row is its own primary sampling unit") }
        return notes
    }
}
