import Foundation
import SIPASCore
import SIPASImport
import SIPASInstruments

extension SurveyStore {
    /// Reads `file` and writes it as one batch, as ``PreparedBatch/read(file:instrument:team:name:language:threads:slowPath:)``
    /// then ``load(_:replace:maxDuplicatesReported:)`` would, but with the rows inserted on another
    /// thread while later parts of the file are still being read: the import takes about as long
    /// as the longer of the two instead of their sum.
    ///
    /// The write lock is taken before reading (the batch is still one transaction, complete or
    /// absent): another importer of the same store waits for the whole import, not only its
    /// inserts. A file already in force (same SHA-256) is not read at all.
    /// - Parameters:
    ///   - chunkRows: rows handed to the inserting thread at a time (at least; a block's rows go together).
    ///   - whenRead: called with the summary once the file is read, before the batch is finished.
    /// - Throws: ``StoreError`` as ``load(_:replace:maxDuplicatesReported:)``; ``ImportError`` for
    ///   problems of the whole file. Either way the store is unchanged.
    public func importFile(
        _ file: URL, instrument: Instrument, team: String = "", name: String? = nil, language: Language = .vi,
        threads: Int = ProcessInfo.processInfo.activeProcessorCount,
        slowPath: Bool = ProcessInfo.processInfo.environment["SIPAS_SLOW_PATH"] == "1",
        replace: Bool = false, maxDuplicatesReported: Int = 20, chunkRows: Int = 16_384,
        whenRead: (ImportSummary) -> Void = { _ in }
    ) throws -> LoadOutcome {
        let digest = try PreparedBatch.sha256(of: file)
        PhaseTrace.mark("file hashed")
        let layout = instrument.recordLayout
        let identity = BatchIdentity(
            name: name ?? file.lastPathComponent, team: team, fileName: file.lastPathComponent, sha256: digest,
            instrumentID: instrument.id, methodVersion: instrument.methodVersion, layout: layout)
        return try load(
            identity, expectedRows: Self.estimatedRows(of: file), replace: replace,
            maxDuplicatesReported: maxDuplicatesReported
        ) { inserter in
            let writer = ChunkWriter(inserter)
            defer { writer.stop() }
            let sink = StoreSink(
                respondentIndex: instrument.respondentId.flatMap { layout.attributeIndex($0) },
                yearIndex: layout.attributeIndex("year"), chunkRows: chunkRows
            ) { try writer.submit($0, chunks: $1) }
            let contents: BatchContents
            do {
                contents = try PreparedBatch.readRows(
                    file: file, instrument: instrument, language: language, threads: threads,
                    slowPath: slowPath, into: sink)
            } catch {
                // An insert that failed first (a full disk) stopped the reading: its error is the cause.
                try writer.finish()
                throw error
            }
            try writer.finish()
            whenRead(contents.summary)
            return contents
        }
    }

    /// The file's rows, estimated from the length of its first lines (for the choice of rebuilding
    /// the respondent index, which only affects speed).
    static func estimatedRows(of file: URL) -> Int {
        guard let handle = try? FileHandle(forReadingFrom: file) else { return 0 }
        defer { try? handle.close() }
        let size = (try? handle.seekToEnd()).map(Int.init) ?? 0
        try? handle.seek(toOffset: 0)
        guard let head = try? handle.read(upToCount: 1 << 20), !head.isEmpty else { return 0 }
        let lines = head.reduce(0) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        return lines == 0 ? 1 : Int(Double(size) / Double(head.count) * Double(lines))
    }
}

/// Inserts the chunks of encoded rows handed to it on its own thread, one at a time: the reader
/// encodes the next chunk (and its workers decode further blocks) meanwhile. At most one chunk
/// waits, so memory stays a few chunks whatever the file's size.
///
/// The database connection is used here while the thread that owns it (GRDB's, in the write
/// transaction) is busy reading the file and does not touch it until ``finish()``.
private final class ChunkWriter: @unchecked Sendable {
    private let thread = WorkerThread(name: "sipas-store-writer")
    private let inserter: ResponseInserter
    private let lock = NSLock()
    private var failure: (any Error)?

    init(_ inserter: ResponseInserter) { self.inserter = inserter }

    /// Queues `chunk` and its column chunks (nil: none could be made) once the previous one is
    /// written; throws the error of an insert that failed.
    func submit(_ chunk: EncodedResponses, chunks grouped: [GroupedChunk]?) throws {
        let columns = grouped?.map { (firstRow: $0.firstRow, rows: $0.rows, data: $0.data) }
        thread.wait()
        try check()
        thread.submit { [self] in
            do {
                try inserter.insert(chunk, chunks: .some(columns))
            } catch {
                lock.withLock { failure = error }
            }
        }
    }

    /// Waits for the last chunk; throws the error of an insert that failed.
    func finish() throws {
        thread.wait()
        try check()
    }

    func stop() { thread.stop() }

    private func check() throws {
        if let failure = lock.withLock({ failure }) { throw failure }
    }
}
