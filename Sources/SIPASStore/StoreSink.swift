import SIPASBlocks
import SIPASCore
import SIPASImport

/// The fast importer's sink for a store: each accepted row encoded straight from its cells' bytes
/// into the fields ``StoredResponse/init(_:respondentIndex:yearIndex:)`` makes of the full
/// importer's record (a fast row is one the full importer accepts unchanged, so its values are its
/// cells' bytes); rows the full importer read go through that initializer itself.
///
/// When it hands the rows on as they come (a streamed import), a block is encoded on a thread of
/// the sink's own while the reader goes on checking the next one (the sink's state is only touched
/// by that thread until the next call waits for it): the reader's thread had been the import's
/// bottleneck with the other core a third idle.
final class StoreSink: FastSink, @unchecked Sendable {
    private(set) var responses = EncodedResponses()
    /// Rows encoded from their bytes.
    private(set) var fastRows = 0
    private let respondentIndex: Int?
    private let yearIndex: Int?
    /// Per item, the don't-know codes 0…63 as bits (others looked up in the set).
    private var excludedBits: [UInt64] = []
    private var excludedSets: [Set<Int>] = []

    /// Where the encoded rows go as they come, with their column chunks (nil when a row fits no
    /// chunk), in pieces of at least ``chunkRows`` rows (and the rest at ``flush()``); nil: they
    /// stay in ``responses`` and no chunks are made.
    private let chunks: ((EncodedResponses, [ColumnChunk.Encoded]?) throws -> Void)?
    private let chunkRows: Int
    /// The chunk being filled with the rows encoded since the last one, and the chunks of the
    /// piece not yet handed on (made here from the cells' bytes and codes: parsing the rows' text
    /// again cost the reading thread a fifth of an import).
    private var builder: ChunkBuilder?
    private var built: [ColumnChunk.Encoded] = []
    private var chunkFailed = false
    /// The text of the block being encoded (``encode(_:)``).
    private var text = ByteBuffer(capacity: 1 << 20)
    /// Encodes the blocks of a streamed import; nil: the caller's thread does.
    private let encoder: WorkerThread?
    /// The error of handing rows on from the ``encoder`` thread, thrown at the next call.
    private var failure: (any Error)?

    init(
        respondentIndex: Int?, yearIndex: Int?, chunkRows: Int = 16_384,
        chunks: ((EncodedResponses, [ColumnChunk.Encoded]?) throws -> Void)? = nil
    ) {
        self.respondentIndex = respondentIndex
        self.yearIndex = yearIndex
        self.chunkRows = chunkRows
        self.chunks = chunks
        encoder = chunks == nil ? nil : WorkerThread(name: "sipas-store-encoder")
    }

    deinit {
        encoder?.stop()
        text.deallocate()
    }

    /// Waits for the block being encoded; throws the error handing its rows on raised.
    private func settle() throws {
        encoder?.wait()
        if let failure {
            self.failure = nil
            throw failure
        }
    }

    func take(_ record: ResponseRecord) throws {
        try settle()
        responses.append(StoredResponse(record, respondentIndex: respondentIndex, yearIndex: yearIndex))
        if chunks != nil {
            var builder = self.builder ?? ChunkBuilder(attributes: record.attributes.count, items: record.answers.count)
            builder.add(responses, responses.count - 1)
            self.builder = builder
            endChunkIfFull()
        }
        if responses.count >= chunkRows { try flush() }
    }

    func take(_ block: FastBlock) throws {
        try settle()
        guard let encoder else {
            encode(block)
            if responses.count >= chunkRows { try handOn() }
            return
        }
        encoder.submit { [self] in
            encode(block)
            do {
                if responses.count >= chunkRows { try handOn() }
            } catch {
                failure = error
            }
        }
    }

    /// Hands the rows encoded so far to ``chunks`` (when given), once the last block is encoded.
    func flush() throws {
        try settle()
        try handOn()
    }

    private func handOn() throws {
        guard let chunks, responses.count > 0 else { return }
        let full = responses
        responses = EncodedResponses()
        if let builder { endChunk(builder) }
        let pieces = chunkFailed ? nil : built
        built = []
        chunkFailed = false
        try chunks(full, pieces)
    }

    private func endChunkIfFull() {
        if let builder, builder.isFull { endChunk(builder) }
    }

    private func endChunk(_ full: ChunkBuilder) {
        builder = nil
        guard !chunkFailed, let data = full.finish() else {
            chunkFailed = true
            return
        }
        built.append((full.firstRow, full.rows, data))
    }

    private func encode(_ block: FastBlock) {
        let rowNumbers = block.rows
        let columns = block.columns
        if excludedSets.count != columns.excluded.count {
            excludedSets = columns.excluded
            excludedBits = columns.excluded.map { set in
                set.reduce(UInt64(0)) { (0..<64).contains($1) ? $0 | 1 << UInt64($1) : $0 }
            }
        }
        let base = block.bytes
        let columnCount = columns.count
        let itemCount = columns.items.count
        // Filled as a local and put back: appending through the class's property costs an
        // exclusivity check and a uniqueness check per byte.
        var responses = self.responses
        self.responses = EncodedResponses()
        defer { self.responses = responses }
        var fastRows = self.fastRows
        defer { self.fastRows = fastRows }
        let chunked = chunks != nil
        var builder = self.builder
        self.builder = nil
        defer {
            // The block's bytes go once it is encoded.
            builder?.forgetValues()
            self.builder = builder
        }
        let excludedBits = self.excludedBits
        // The rows' text goes into a plain buffer and into `responses` in one copy at the end (or
        // before a row of the full importer): appending each cell to the array cost a
        // uniqueness and a capacity check and a generic call, a fifth of the reading thread's time.
        var text = self.text
        defer { self.text = text }
        var textStart = responses.bytes.count
        let idColumn = respondentIndex.flatMap { columns.attributes[$0] }
        let yearColumn = yearIndex.flatMap { columns.attributes[$0] }
        for (k, entry) in block.order.enumerated() {
            if chunked && builder == nil {
                builder = ChunkBuilder(attributes: columns.attributes.count, items: itemCount)
            }
            defer {
                if let full = builder, full.isFull {
                    endChunk(full)
                    builder = nil
                }
            }
            guard entry >= 0 else {
                // The text so far goes in first.
                responses.bytes.append(contentsOf: text.buffer)
                text.removeAll()
                responses.append(
                    StoredResponse(block.records[Int(~entry)], respondentIndex: respondentIndex, yearIndex: yearIndex))
                textStart = responses.bytes.count
                builder?.add(responses, responses.count - 1)
                continue
            }
            let batch = block.batches[Int(entry >> 32)]
            let rank = Int(entry & 0xFFFF_FFFF)
            let cellBase = rank * columnCount
            // Read once per row: each access to a class's array property is checked.
            let starts = batch.starts
            let ends = batch.ends
            let codes = batch.codes
            func cell(_ c: Int) -> UnsafeBufferPointer<UInt8> {
                let s = Int(starts[cellBase + c])
                let e = Int(ends[cellBase + c])
                return UnsafeBufferPointer(start: base + s, count: e - s)
            }
            fastRows += 1
            let year = yearColumn.flatMap { Self.year(cell($0)) }
            responses.beginRow(row: rowNumbers[k], year: year, weight: batch.weights[rank], populationPSUs: nil)
            if chunked {
                addChunkRow(&builder!, rowNumbers[k], batch.weights[rank], year, cell, columns, codes, rank * itemCount)
            }
            if let idColumn { text.append(cell(idColumn)) }
            responses.endField(at: textStart + text.count)
            if let strata = columns.strata { text.append(cell(strata)) }
            responses.endField(at: textStart + text.count)
            text.append(cell(columns.cluster))
            responses.endField(at: textStart + text.count)
            for (a, column) in columns.attributes.enumerated() {
                StoredRowCodec.append(
                    attribute: column.map(cell) ?? UnsafeBufferPointer(start: nil, count: 0), first: a == 0, to: &text)
            }
            responses.endField(at: textStart + text.count)
            let codeBase = rank * itemCount
            for i in 0..<itemCount {
                let code = codes[codeBase + i]
                guard code != FastBatch.blank else {
                    StoredRowCodec.append(answer: nil, marked: false, first: i == 0, to: &text)
                    continue
                }
                let marked =
                    (0..<64).contains(code)
                    ? excludedBits[i] & (1 << UInt64(code)) != 0 : excludedSets[i].contains(Int(code))
                StoredRowCodec.append(answer: Int(code), marked: marked, first: i == 0, to: &text)
            }
            responses.endField(at: textStart + text.count)
        }
        responses.bytes.append(contentsOf: text.buffer)
        text.removeAll()
    }

    /// Puts a fast row in the chunk from its cells and codes, as ``ChunkBuilder/add(_:_:)`` would
    /// from the row's text.
    @inline(__always)
    private func addChunkRow(
        _ builder: inout ChunkBuilder, _ row: Int, _ weight: Double, _ year: Int?,
        _ cell: (Int) -> UnsafeBufferPointer<UInt8>, _ columns: FastColumns,
        _ codes: UnsafeBufferPointer<Int32>, _ first: Int
    ) {
        builder.beginRow(row, weight: weight, year: year)
        builder.text(columns.strata.map(cell) ?? UnsafeBufferPointer(start: nil, count: 0))
        builder.text(cell(columns.cluster))
        for column in columns.attributes {
            builder.text(column.map(cell) ?? UnsafeBufferPointer(start: nil, count: 0))
        }
        for i in 0..<columns.items.count {
            let code = codes[first + i]
            guard code != FastBatch.blank else {
                builder.code(i, nil, marked: false)
                continue
            }
            let marked =
                (0..<64).contains(code)
                ? excludedBits[i] & (1 << UInt64(code)) != 0 : excludedSets[i].contains(Int(code))
            builder.code(i, Int(code), marked: marked)
        }
    }

    /// `Int(text)` of the year cell, as ``StoredResponse`` reads the record's year attribute.
    static func year(_ cell: UnsafeBufferPointer<UInt8>) -> Int? {
        Int(String(decoding: cell, as: UTF8.self))
    }
}
