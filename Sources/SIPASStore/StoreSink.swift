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
    private let chunks: ((EncodedResponses, [GroupedChunk]?) throws -> Void)?
    private let chunkRows: Int
    /// The chunks being filled, and those of the piece not yet handed on (made here from the
    /// cells' bytes and codes: parsing the rows' text again cost the reading thread a fifth of an
    /// import).
    private var chunkSet: ChunkSet?
    /// The attribute whose values group the chunks (``ChunkSet``); nil: one group.
    private let groupAttribute: Int?
    /// The text of the block being encoded (``encode(_:)``).
    private var text = ByteBuffer(capacity: 1 << 20)
    /// Encodes the blocks of a streamed import; nil: the caller's thread does.
    private let encoder: WorkerThread?
    /// The error of handing rows on from the ``encoder`` thread, thrown at the next call.
    private var failure: (any Error)?

    init(
        respondentIndex: Int?, yearIndex: Int?, groupAttribute: Int? = nil, chunkRows: Int = 16_384,
        chunks: ((EncodedResponses, [GroupedChunk]?) throws -> Void)? = nil
    ) {
        self.groupAttribute = groupAttribute
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
            // Changed in place: a copy would copy every open chunk's arrays at each row.
            if chunkSet == nil {
                chunkSet = ChunkSet(
                    attributes: record.attributes.count, items: record.answers.count, grouped: groupAttribute != nil)
            }
            let g = groupAttribute.map { chunkSet!.group(record.attributes[$0]) } ?? chunkSet!.ungrouped()
            chunkSet!.add(to: g) { $0.add(responses, responses.count - 1) }
        }
        if responses.count >= chunkRows { try handOn() }
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
        try handOn(last: true)
    }

    private func handOn(last: Bool = false) throws {
        guard let chunks, responses.count > 0 || (last && chunkSet?.isEmpty == false) else { return }
        let full = responses
        responses = EncodedResponses()
        var pieces: [GroupedChunk]? = []
        if chunkSet != nil { pieces = chunkSet!.take(last: last) }
        try chunks(full, pieces)
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
        var set = self.chunkSet
        self.chunkSet = nil
        defer {
            // The block's bytes go once it is encoded.
            set?.forgetValues()
            self.chunkSet = set
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
        // A grouping attribute absent from the file puts every row in the group of the empty value.
        let groupColumn: Int?? = groupAttribute.map { columns.attributes[$0] }
        for (k, entry) in block.order.enumerated() {
            if chunked && set == nil {
                set = ChunkSet(attributes: columns.attributes.count, items: itemCount, grouped: groupAttribute != nil)
            }
            guard entry >= 0 else {
                // The text so far goes in first.
                responses.bytes.append(contentsOf: text.buffer)
                text.removeAll()
                responses.append(
                    StoredResponse(block.records[Int(~entry)], respondentIndex: respondentIndex, yearIndex: yearIndex))
                textStart = responses.bytes.count
                if set != nil {
                    let record = block.records[Int(~entry)]
                    let g = groupAttribute.map { set!.group(record.attributes[$0]) } ?? set!.ungrouped()
                    set!.add(to: g) { $0.add(responses, responses.count - 1) }
                }
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
                let g = (groupColumn ?? nil).map { set!.group(cell($0)) } ?? set!.ungrouped()
                set!.add(to: g) {
                    addChunkRow(&$0, rowNumbers[k], batch.weights[rank], year, cell, columns, codes, rank * itemCount)
                }
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
