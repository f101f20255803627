import Crypto
import Foundation
import SIPASCore
import SIPASImport
import SIPASInstruments

/// A file read, checked and encoded, ready to be written to a store in one transaction.
///
/// Reading happens before the store is locked, so several importers parse at the same time and
/// hold the write lock only while inserting.
public struct PreparedBatch: Sendable {
    public var name: String
    public var team: String
    public var fileName: String
    public var sha256: String
    public var instrumentID: String
    public var methodVersion: String
    public var layout: RecordLayout
    /// Position of the province attribute (the question with `lookup: province`), if any.
    public var provinceAttribute: Int?
    public var header: [String]
    public var summary: ImportSummary
    /// The accepted responses, in row order.
    public var encoded: EncodedResponses
    public var rejections: [StoredRejection]
    /// Responses encoded from their bytes on the fast path (the others are the full importer's records).
    public var fastRows = 0
    /// The file's rows by their `data_source` column (synthetic or survey data), stored with the batch.
    public var provenance = DataProvenance()

    /// The accepted responses as values (decoded from ``encoded``).
    public var responses: [StoredResponse] { encoded.all }

    /// Reads `file` with the importer; accepted rows become ``StoredResponse``s, rejected rows
    /// ``StoredRejection``s with the importer's reasons.
    ///
    /// UTF-8 CSV files are read on the importer's fast path (`threads` threads), whose ordinary rows
    /// are encoded from their bytes (``StoreSink``); `slowPath` (or `SIPAS_SLOW_PATH=1`) reads every
    /// row with the full importer. Both give the same batch.
    /// - Throws: ``ImportError`` for problems of the whole file.
    /// - Complexity: O(rows × columns); memory O(rows × items).
    public static func read(
        file: URL, instrument: Instrument, team: String = "", name: String? = nil,
        language: Language = .vi, threads: Int = ProcessInfo.processInfo.activeProcessorCount,
        slowPath: Bool = ProcessInfo.processInfo.environment["SIPAS_SLOW_PATH"] == "1"
    ) throws -> PreparedBatch {
        let digest = try sha256(of: file)
        let layout = instrument.recordLayout
        let sink = StoreSink(
            respondentIndex: instrument.respondentId.flatMap { layout.attributeIndex($0) },
            yearIndex: layout.attributeIndex("year"))
        let contents = try readRows(
            file: file, instrument: instrument, language: language, threads: threads, slowPath: slowPath, into: sink)
        var batch = PreparedBatch(
            name: name ?? file.lastPathComponent, team: team, fileName: file.lastPathComponent, sha256: digest,
            instrumentID: instrument.id, methodVersion: instrument.methodVersion, layout: layout,
            provinceAttribute: provinceAttribute(of: instrument),
            header: contents.header,
            summary: contents.summary, encoded: sink.responses, rejections: contents.rejections
        )
        batch.fastRows = sink.fastRows
        batch.provenance = contents.provenance
        return batch
    }

    /// Position of the province attribute (the question with `lookup: province`) in `instrument`'s
    /// record layout, if any.
    package static func provinceAttribute(of instrument: Instrument) -> Int? {
        instrument.questions.first { $0.lookup == "province" }.flatMap {
            instrument.recordLayout.attributeIndex($0.name)
        }
    }

    /// Reads `file` as ``read(file:instrument:team:name:language:threads:slowPath:)`` does, but
    /// hands its accepted rows to `piece` as they come, in pieces of at least `pieceRows` rows (a
    /// block's rows go together, the rest at the end), each with the column chunks ended since the
    /// piece before (nil: a row fitted no chunk), grouped by the values of attribute
    /// `groupAttribute` when given (``ChunkSet``). `piece` runs on a thread of its own while the
    /// file is read on; what it throws stops the reading and is thrown here.
    /// - Complexity: O(rows × columns); memory O(`pieceRows` × items), whatever the file's size.
    package static func stream(
        file: URL, instrument: Instrument, language: Language, threads: Int,
        slowPath: Bool = ProcessInfo.processInfo.environment["SIPAS_SLOW_PATH"] == "1",
        groupAttribute: Int?, pieceRows: Int,
        piece: @escaping (EncodedResponses, [GroupedChunk]?) throws -> Void
    ) throws -> BatchContents {
        let layout = instrument.recordLayout
        let sink = StoreSink(
            respondentIndex: instrument.respondentId.flatMap { layout.attributeIndex($0) },
            yearIndex: layout.attributeIndex("year"), groupAttribute: groupAttribute, chunkRows: pieceRows,
            chunks: piece)
        return try readRows(
            file: file, instrument: instrument, language: language, threads: threads, slowPath: slowPath, into: sink)
    }

    /// Reads `file`'s accepted rows into `sink` (on the fast path unless `slowPath` or the file is
    /// not UTF-8 CSV); returns the summary, the header and the rejected rows.
    static func readRows(
        file: URL, instrument: Instrument, language: Language, threads: Int, slowPath: Bool,
        into sink: StoreSink
    ) throws -> BatchContents {
        let rejectsURL = FileManager.default.temporaryDirectory
            .appendingPathComponent("sipas-store-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: rejectsURL) }
        let importer = try CSVImporter(
            instrument: instrument, options: ImportOptions(rejectsURL: rejectsURL, language: language))
        let summary =
            slowPath
            ? try importer.run(file: file) { try sink.take($0) }
            : try importer.runFast(file: file, threads: threads, sink: sink)
        try sink.flush()
        var header = try InstrumentDetector.readHeader(of: file)
        var rejections: [StoredRejection] = []
        if summary.rejected > 0, FileManager.default.fileExists(atPath: rejectsURL.path) {
            (header, rejections) = try readRejects(rejectsURL)
        }
        return BatchContents(
            summary: summary, header: header, rejections: rejections,
            provenance: summary.provenance)
    }

    /// The rejects file written by the importer: the header less `_row` and `_reasons`, and each row.
    static func readRejects(_ url: URL) throws -> ([String], [StoredRejection]) {
        let scanner = try CSVScanner(url: url, delimiter: UInt8(ascii: ","))
        guard let first = try scanner.next() else { return ([], []) }
        let header = Array(first.fields.map { String(decoding: $0, as: UTF8.self) }.dropLast(2))
        var rejections: [StoredRejection] = []
        while let record = try scanner.next() {
            let fields = record.fields.map { String(decoding: $0, as: UTF8.self) }
            guard fields.count >= 2, let row = Int(fields[fields.count - 2]) else { continue }
            rejections.append(
                StoredRejection(row: row, fields: Array(fields.dropLast(2)), reasons: fields[fields.count - 1]))
        }
        return (header, rejections)
    }

    /// SHA-256 of the file's bytes, lowercase hex, read in 1 MiB pieces.
    public static func sha256(of file: URL) throws -> String {
        guard let handle = try? FileHandle(forReadingFrom: file) else {
            throw ImportError(.unreadable("cannot open \(file.path)"), at: SourceLocation(file: file.lastPathComponent))
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            hasher.update(data: chunk)
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
