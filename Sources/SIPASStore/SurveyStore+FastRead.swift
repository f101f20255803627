import Foundation
import GRDB
import GRDBSQLite
import SIPASBlocks
import SIPASCore
import SIPASImport

extension SurveyStore {
    /// A stored answer the blocks cannot carry (its "don't know" mark disagrees with the scale given
    /// to ``forEachBlock(in:year:layout:excluded:rowsPerBlock:_:)``, or a code beyond 9 digits):
    /// the caller reads records instead.
    public struct NeedsRecords: Error {}

    /// Calls `body` with the responses of the selected batches, in batch then row order (as
    /// ``forEachRecord(in:year:layout:_:)``), as ``FastBlock``s of `rowsPerBlock` rows: columns
    /// stratum, cluster, then the layout's attributes (unescaped), codes parsed from the answers.
    /// `excluded` are the items' "don't know" codes; a stored answer marked otherwise throws
    /// ``NeedsRecords`` (then no more blocks are sent).
    /// - Throws: ``StoreError`` as ``forEachRecord(in:year:layout:_:)``; what `body` throws.
    /// - Complexity: O(rows); memory O(`rowsPerBlock`).
    ///
    /// One connection reads: two readers on row ranges, measured on 2 cores, were slower, their
    /// thread taking the accumulator's shards' time (BENCHMARKS.md).
    package func forEachBlock(
        in selection: SelectionSummary, year: Int?, layout: RecordLayout, excluded: [Set<Int>],
        rowsPerBlock: Int = 1 << 16, _ body: (FastBlock) throws -> Void
    ) throws {
        let columns = ColumnChunk.columns(layout: layout, excluded: excluded)
        // Carried out of `read`, which turns other errors into a StoreError.
        var needsRecords = false
        try read { db in
            do {
                try blocks(
                    db, selection, layout: layout, columns: columns, rowsPerBlock: rowsPerBlock, year: year, body)
            } catch is NeedsRecords {
                needsRecords = true
            }
        }
        if needsRecords { throw NeedsRecords() }
    }

    /// Throws ``StoreError/Kind/layoutChanged(instrument:batch:)`` unless `batch` was stored with `layout`.
    func checkLayout(_ db: Database, _ batch: BatchInfo, _ layout: RecordLayout) throws {
        let row = try Row.fetchOne(
            db, sql: "SELECT items, attribute_names FROM batch WHERE id = ?", arguments: [batch.id])
        guard let row, Self.strings(row[0]) == layout.items, Self.strings(row[1]) == layout.attributeNames else {
            throw StoreError(.layoutChanged(instrument: batch.instrumentID, batch: batch.name), store: path)
        }
    }

    private func blocks(
        _ db: Database, _ selection: SelectionSummary, layout: RecordLayout, columns: FastColumns, rowsPerBlock: Int,
        year: Int?, _ body: (FastBlock) throws -> Void
    ) throws {
        var reader = BlockReader(columns: columns, rowsPerBlock: rowsPerBlock)
        defer { reader.deallocate() }
        let chunked = try db.tableExists("response_block")
        for batch in selection.batches.sorted(by: { $0.id < $1.id }) {
            try checkLayout(db, batch, layout)
            if chunked, try ColumnChunk.complete(db, batch) {
                try ColumnChunk.read(db, batch: batch, columns: columns, year: year, rowsPerBlock: rowsPerBlock, body)
            } else {
                try reader.read(db, batch: batch, year: year, store: path, body)
            }
        }
    }
}

/// Turns the rows of one batch into blocks: each row's text fields copied into one buffer with
/// their ranges noted, answers parsed to codes; hand-written for the same reason as
/// ``ResponseReader``: a `String` per attribute and a record per row cost more than the analysis.
struct BlockReader {
    let columns: FastColumns
    let rowsPerBlock: Int
    /// The text fields of the rows of ``batch``; plain buffers, not arrays: appending to an array
    /// in this per-row loop cost a uniqueness and an exclusivity check each time (a tenth of the
    /// reading). Freed by ``deallocate()``.
    var bytes = ByteBuffer(capacity: 1 << 20)
    var batch = FastBatch.empty()
    /// The stored row number of each row of ``batch``.
    var rows: [Int] = []
    let starts: UnsafeMutableBufferPointer<Int32>, ends: UnsafeMutableBufferPointer<Int32>,
        codes: UnsafeMutableBufferPointer<Int32>
    /// Per item, the "don't know" codes 0…63 as bits.
    let excludedBits: [UInt64]

    init(columns: FastColumns, rowsPerBlock: Int) {
        self.columns = columns
        self.rowsPerBlock = rowsPerBlock
        starts = .allocate(capacity: columns.count)
        starts.initialize(repeating: 0)
        ends = .allocate(capacity: columns.count)
        ends.initialize(repeating: 0)
        codes = .allocate(capacity: max(columns.items.count, 1))
        codes.initialize(repeating: FastBatch.blank)
        excludedBits = columns.excluded.map { set in
            set.reduce(UInt64(0)) { (0..<64).contains($1) ? $0 | 1 << UInt64($1) : $0 }
        }
    }

    /// Frees the buffers; the reader must not be used again.
    func deallocate() {
        bytes.deallocate()
        starts.deallocate()
        ends.deallocate()
        codes.deallocate()
    }

    /// Sends the rows of batch `info` (of `year` when given) as blocks.
    mutating func read(
        _ db: Database, batch info: BatchInfo, year: Int?, store: String,
        _ body: (FastBlock) throws -> Void
    ) throws {
        var sql = "SELECT row, weight, stratum, cluster, attributes, answers FROM response WHERE batch_id = ?"
        if year != nil { sql += " AND year = ?" }
        let statement = try db.cachedStatement(sql: sql + " ORDER BY row")
        let s = statement.sqliteStatement
        sqlite3_bind_int64(s, 1, info.id)
        if let year { sqlite3_bind_int64(s, 2, Int64(year)) }
        defer { sqlite3_reset(s) }
        let attributeCount = columns.count - 2
        let itemCount = columns.items.count
        while try db.stepRow(s, sql: sql) {
            let row = Int(sqlite3_column_int64(s, 0))
            func corrupt() -> StoreError {
                StoreError(
                    .corruptRow(batch: info.id, row: row, attributes: attributeCount, answers: itemCount),
                    store: store)
            }
            field(0, Self.text(s, 2))
            field(1, Self.text(s, 3))
            // Attributes: the codec's values (escapes undone), each a column of the block.
            let (starts, ends) = (self.starts, self.ends)
            var column = 2
            let valid = StoredRowCodec.unescape(attributes: Self.text(s, 4), count: attributeCount, into: &bytes) {
                start, end in
                starts[column] = Int32(start)
                ends[column] = Int32(end)
                column += 1
            }
            guard valid else { throw corrupt() }
            guard column == columns.count else { throw corrupt() }
            guard try parse(answers: Self.text(s, 5), itemCount: itemCount) else { throw corrupt() }
            let weight = sqlite3_column_double(s, 1)
            batch.append(
                bytes: bytes.base, columns: columns, starts: UnsafeBufferPointer(starts),
                ends: UnsafeBufferPointer(ends),
                weight: weight, codes: UnsafeBufferPointer(rebasing: codes[0..<itemCount]))
            rows.append(row)
            if batch.weights.count >= rowsPerBlock { try flush(body) }
        }
        try flush(body)
    }

    /// Copies a text field into the buffer as column `c`.
    private mutating func field(_ c: Int, _ text: UnsafeBufferPointer<UInt8>) {
        starts[c] = Int32(bytes.count)
        if let base = text.baseAddress { bytes.append(base, count: text.count) }
        ends[c] = Int32(bytes.count)
    }

    /// The answers' codes into ``codes``: false when the text is not `itemCount` answers of the
    /// codec's form; throws ``SurveyStore/NeedsRecords`` when an `x` mark disagrees with the scale or
    /// a code has more than 9 digits (the record path reads up to ``StoredRowCodec/maxDigits``).
    private func parse(answers bytes: UnsafeBufferPointer<UInt8>, itemCount: Int) throws -> Bool {
        let (codes, excludedBits, excludedSets) = (self.codes, self.excludedBits, columns.excluded)
        let parsed = try StoredRowCodec.parse(answers: bytes, count: itemCount, maxDigits: 9) { item, code, marked in
            guard let code else {
                codes[item] = FastBatch.blank
                return
            }
            let excluded =
                (0..<64).contains(code)
                ? excludedBits[item] & (1 << UInt64(code)) != 0 : excludedSets[item].contains(code)
            guard excluded == marked else { throw SurveyStore.NeedsRecords() }
            codes[item] = Int32(code)
        }
        switch parsed {
        case .valid: return true
        case .malformed: return false
        case .tooLong: throw SurveyStore.NeedsRecords()
        }
    }

    private mutating func flush(_ body: (FastBlock) throws -> Void) throws {
        guard !batch.weights.isEmpty else { return }
        let full = batch
        try body(FastBlock(copying: bytes.buffer, columns: columns, batch: full, rows: rows))
        bytes.count = 0
        rows.removeAll(keepingCapacity: true)
        batch = FastBatch.empty()
    }

    private static func text(_ s: SQLiteStatement, _ index: Int32) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: sqlite3_column_text(s, index), count: Int(sqlite3_column_bytes(s, index)))
    }
}
