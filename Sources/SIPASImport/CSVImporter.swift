import Foundation
import SIPASCore
import SIPASInstruments

/// Reads one CSV file of an instrument: every row accepted (handed on as a ``ResponseRecord``) or
/// rejected with its reasons; nothing is changed silently. One importer serves one file at a time,
/// in one task (it is a class holding no shared state, deliberately not `Sendable`).
public final class CSVImporter {
    public let instrument: Instrument
    public let options: ImportOptions
    let validator: RowValidator
    let recordPlan: RecordPlan
    private let layout: RecordLayout
    /// Respondent ids seen so far, in this file and in earlier ones, with where each first appeared:
    /// a repeated id is rejected naming that place. Carry it from one importer to the next to check
    /// several files together.
    public var knownRespondents = RespondentRegistry()
    /// Called every `progressInterval` rows with the rows read and, for a text file, the share of
    /// its bytes consumed (nil for a workbook): for a progress display.
    public var onProgress: ((_ rows: Int, _ fraction: Double?) -> Void)?
    public var progressInterval = 5_000

    /// - Throws: ``ImportError/Kind/badExpression(question:expression:reason:)`` when a constraint or
    ///   relevant expression of the instrument cannot be parsed (at load time, not per row).
    public init(instrument: Instrument, options: ImportOptions = .init()) throws {
        self.instrument = instrument
        self.options = options
        self.validator = try RowValidator(instrument: instrument, file: instrument.id)
        self.layout = instrument.recordLayout
        self.recordPlan = RecordPlan(instrument: instrument, index: validator.indexOfName)
    }

    /// Streams `file` (CSV in any supported encoding, or a sheet of an xlsx workbook), calling
    /// `accept` for every valid row, and writes the rejected rows (original fields + `_row` +
    /// `_reasons`) to `options.rejectsURL` when set.
    /// - Throws: ``ImportError`` for problems of the whole file (missing columns, not UTF-8 …), and
    ///   whatever `accept` throws.
    public func run(file: URL, accept: (ResponseRecord) throws -> Void) throws -> ImportSummary {
        let source = try RecordSources.open(file, options.source)
        let name = source.name
        var summary = ImportSummary(file: name, layout: layout)
        summary.delimiter = source.fieldDelimiter ?? summary.delimiter
        summary.isWorkbook = source.fieldDelimiter == nil
        summary.encoding = source.encoding
        summary.encodingGuess = source.encodingGuess
        let decoder = RecordSources.decoder(for: source)
        let fileSize =
            source is CSVScanner
            ? (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? NSNumber)?.map { $0.intValue }
            : nil
        var header: [String] = []
        var context: RowContext?
        var rejects: RejectsWriter?
        defer { rejects?.close() }
        var records = 0

        do {
            try source.forEachRecord { record in
                guard context != nil, let writer = rejects else {
                    (header, context, rejects) = try start(record, decoder, &summary)
                    registerRereadable(source, url: file, context: context!)
                    return
                }
                records += 1
                if records % 64 == 0, let scanner = source as? CSVScanner {
                    knownRespondents.checkpoint(
                        file: context!.fileNumber, offset: scanner.bytesConsumed, row: scanner.row, line: scanner.line)
                }
                // In place: a copy of the context would copy its table of respondent ids at every row.
                if let built = try process(
                    record, decoder: decoder, header: header, context: &context!, summary: &summary, writer: writer,
                    fraction: {
                        fileSize.map { size in
                            Double((source as? CSVScanner)?.bytesConsumed ?? 0) / Double(max(size, 1))
                        }
                    })
                {
                    try accept(built)
                }
            }
        } catch let error as ImportError { throw named(error, header) }
        guard context != nil else { throw ImportError(.emptyFile, at: SourceLocation(file: name)) }
        summary.blankLines += source.blankLines
        if source.strayQuotes > 0 {
            summary.normalisations["text after a closing quote kept", default: 0] += source.strayQuotes
        }
        return summary
    }

    /// Decodes and checks one data record: the record when the row is valid; a rejected row is
    /// counted and written to the rejects file. Blank rows are counted and skipped.
    func process(
        _ record: CSVScanner.Record, decoder: CellDecoder, header: [String], context: inout RowContext,
        summary: inout ImportSummary, writer: RejectsWriter, fraction: () -> Double?
    ) throws -> ResponseRecord? {
        let cells = try decoder.decode(record, header: header, counts: &summary.normalisations)
        if cells.allSatisfy({ $0.value.isEmpty }) {
            summary.blankLines += 1
            summary.normalisations["empty row (only delimiters or spaces) skipped", default: 0] += 1
            return nil
        }
        summary.rowsRead += 1
        if let marker = context.markerColumn, marker < cells.count, cells[marker].value == DataProvenance.syntheticValue
        {
            summary.syntheticRows += 1
        }
        if let onProgress, summary.rowsRead % progressInterval == 0 { onProgress(summary.rowsRead, fraction()) }
        let (built, problems) = check(cells.map(\.value), row: record.row, context: &context, summary: &summary)
        if let built, problems.isEmpty {
            summary.accepted += 1
            return built
        }
        summary.rejected += 1
        for problem in problems {
            summary.rejectionsByRule[problem.rule.key, default: 0] += 1
            summary.rejectionsByColumn[problem.location.column ?? "", default: 0] += 1
            if summary.rejections.count < options.maxReportedRejections { summary.rejections.append(problem) }
        }
        try writer.write(
            Self.aligned(cells.map(\.original), to: header.count), row: record.row,
            reasons: problems.map { p in
                (p.location.column.map { "\($0): " } ?? "") + p.reason(options.language)
            })
        return nil
    }

    /// Reads the header record: matches it to the instrument and prepares the row context.
    func start(_ record: CSVScanner.Record, _ decoder: CellDecoder, _ summary: inout ImportSummary) throws -> (
        [String], RowContext, RejectsWriter
    ) {
        let name = summary.file
        var header = try decoder.decode(record, header: nil, counts: &summary.normalisations).map(\.value)
        while header.count > 1, header.last == "" {
            header.removeLast()
            summary.normalisations["trailing delimiter in header", default: 0] += 1
        }
        let match = try HeaderMatch.match(header: header, instrument: instrument, file: name, headerRow: record.row)
        summary.normalisations.merge(match.counts, uniquingKeysWith: +)
        summary.metadataColumns = match.metadata.map { header[$0] }
        let keptAside = Set(
            match.metadata + match.redundantSplitColumns + match.splitChoices.values.flatMap { $0.map(\.column) })
        summary.unmatchedColumns = header.indices.filter {
            match.questionOfColumn[$0] == nil && !keptAside.contains($0)
        }.map { column in
            header[column].isEmpty ? "(\(SourceLocation.letter(forColumn: column)))" : header[column]
        }
        var context = RowContext(
            match: match, header: header, file: name, yearColumn: yearColumn(header, match),
            fileNumber: knownRespondents.add(file: name))
        if summary.metadataColumns.contains(DataProvenance.column) {
            context.markerColumn = header.firstIndex(of: DataProvenance.column)
        }
        summary.designNotes = match.notes + notes(&context)
        return (header, context, RejectsWriter(url: options.rejectsURL, header: header))
    }

    /// A rejected row's original fields with `_row` and `_reasons` kept under their header: a short
    /// row padded with empty fields, a trailing delimiter's empty field dropped.
    static func aligned(_ fields: [String], to count: Int) -> [String] {
        if fields.count < count { return fields + Array(repeating: "", count: count - fields.count) }
        if fields.count > count, fields[count...].allSatisfy({ $0.allSatisfy { $0 == " " || $0 == "\t" } }) {
            return Array(fields.prefix(count))
        }
        return fields
    }

    /// The scanner's next record; an unterminated quote is given its column name.
    /// An error of the source (an unterminated quote) given its column's name.
    func named(_ error: ImportError, _ header: [String]) -> ImportError {
        var error = error
        if error.location.column == nil, let column = error.location.columnIndex, column < header.count {
            error.location.column = header[column]
        }
        return error
    }

    /// Lets the respondent registry keep this file's ids as hashes, re-reading an id from the file
    /// when a hash matches (UTF-8 CSV files only).
    func registerRereadable(_ source: any RecordSource, url: URL, context: RowContext) {
        guard let scanner = source as? CSVScanner, scanner.encoding == .utf8 || scanner.encoding == .utf8BOM,
            scanner.legacyDecoder == nil, let name = instrument.respondentId, let q = validator.indexOfName[name],
            let column = context.match.columnOfQuestion[q]
        else { return }
        let validator = self.validator
        knownRespondents.makeRereadable(
            file: context.fileNumber,
            source: IdSource(
                url: url, delimiter: scanner.delimiter, column: column,
                normalise: { validator.normalise($0, question: q, year: nil).value },
                checkpoints: [(scanner.bytesConsumed, scanner.row, scanner.line)]))
    }

    /// The column giving each row's survey year: the question `year`, else a header column named
    /// `year` or `năm` (loosely).
    private func yearColumn(_ header: [String], _ match: HeaderMatch) -> Int? {
        if let q = validator.indexOfName["year"], let column = match.columnOfQuestion[q] { return column }
        return header.firstIndex { ["year", "nam"].contains($0.looseKey) }
    }

    /// What the import assumes because of the file's columns, in the options' language; also marks
    /// the relevant rules that cannot be checked because a column they read is absent.
    private func notes(_ context: inout RowContext) -> [String] {
        let language = options.language
        var notes: [String] = []
        func present(_ name: String?) -> Bool {
            guard let name, let q = validator.indexOfName[name] else { return false }
            return context.match.columnOfQuestion[q] != nil || context.match.splitChoices[q] != nil
        }
        let design = instrument.design
        if !present(design.weight) {
            notes.append(ImportMessage.noWeightColumn(design.weight).text(language))
        }
        if !present(design.strata) {
            notes.append(ImportMessage.noStrataColumn(design.strata).text(language))
        }
        if !present(design.cluster) {
            notes.append(ImportMessage.noClusterColumn(design.cluster).text(language))
        }
        let hasProvince = instrument.questions.indices.contains {
            instrument.questions[$0].lookup == "province" && context.match.columnOfQuestion[$0] != nil
        }
        if hasProvince && context.yearColumn == nil {
            notes.append(ImportMessage.noYearColumn.text(language))
        }
        for (q, compiled) in validator.compiled.enumerated() where context.match.columnOfQuestion[q] != nil {
            guard let relevant = compiled.relevant else { continue }
            let absent = relevant.references.filter { !present($0) }.sorted()
            guard !absent.isEmpty else { continue }
            context.uncheckedRelevant.insert(q)
            notes.append(
                ImportMessage.relevantNotChecked(
                    question: compiled.question.name, absent: absent.joined(separator: ", ")
                ).text(language))
        }
        return notes
    }
}
