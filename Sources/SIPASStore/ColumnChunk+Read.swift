import Foundation
import GRDB
import GRDBSQLite
import SIPASBlocks
import SIPASCore
import SIPASImport

extension ColumnChunk {
    /// Whether every accepted row of `batch` is in its chunks (a batch loaded before chunks were
    /// written, or one whose rows could not all be put in chunks, is read row by row).
    static func complete(_ db: Database, _ batch: BatchInfo) throws -> Bool {
        let rows =
            try Int.fetchOne(
                db, sql: "SELECT coalesce(sum(row_count), 0) FROM response_block WHERE batch_id = ?",
                arguments: [batch.id]) ?? 0
        return rows == batch.accepted && rows > 0
    }

    /// Sends the rows of `batch` (of `year` when given) from its chunks as blocks of at most
    /// `rowsPerBlock` rows, the same rows with the same values ``BlockReader`` reads from the table.
    /// - Throws: ``SurveyStore/NeedsRecords`` when a chunk's "don't know" marks disagree with
    ///   `columns.excluded` or it does not fit `columns`; what `body` throws.
    static func read(
        _ db: Database, batch: BatchInfo, columns: FastColumns, year: Int?, rowsPerBlock: Int,
        _ body: (FastBlock) throws -> Void
    ) throws {
        let excludedBits = excludedBits(columns)
        let sql = "SELECT data FROM response_block WHERE batch_id = ? ORDER BY first_row"
        let statement = try db.cachedStatement(sql: sql)
        let s = statement.sqliteStatement
        sqlite3_bind_int64(s, 1, batch.id)
        defer { sqlite3_reset(s) }
        while try db.stepRow(s, sql: sql) {
            guard let blob = sqlite3_column_blob(s, 0) else { throw SurveyStore.NeedsRecords() }
            let data = UnsafeRawBufferPointer(start: blob, count: Int(sqlite3_column_bytes(s, 0)))
            try send(data, columns: columns, excludedBits: excludedBits, year: year, rowsPerBlock: rowsPerBlock, body)
        }
    }

    /// The blocks' columns for a store's rows: stratum, cluster, then the layout's attributes;
    /// the layout's items with their "don't know" codes `excluded`.
    static func columns(layout: RecordLayout, excluded: [Set<Int>]) -> FastColumns {
        let attributeCount = layout.attributeNames.count
        return FastColumns(
            count: 2 + attributeCount, strata: 0, cluster: 1, attributes: (0..<attributeCount).map { 2 + $0 },
            items: layout.items.indices.map { $0 }, excluded: excluded)
    }

    /// Per item, its "don't know" codes 0…63 as bits.
    static func excludedBits(_ columns: FastColumns) -> [UInt64] {
        columns.excluded.map { set in set.reduce(UInt64(0)) { (0..<64).contains($1) ? $0 | 1 << UInt64($1) : $0 } }
    }

    /// Sends the rows of one chunk's bytes (of `year` when given) as blocks, as ``read(_:batch:columns:year:rowsPerBlock:_:)``.
    static func send(
        _ data: UnsafeRawBufferPointer, columns: FastColumns, excludedBits: [UInt64], year: Int?, rowsPerBlock: Int,
        _ body: (FastBlock) throws -> Void
    ) throws {
        guard let chunk = Decoded(data, columns: columns, excludedBits: excludedBits) else {
            throw SurveyStore.NeedsRecords()
        }
        try chunk.send(data, columns: columns, year: year, rowsPerBlock: rowsPerBlock, body)
    }

    /// Where a chunk's parts are in its bytes, checked against the columns asked for.
    private struct Decoded {
        /// Per text column: the start and end (offsets in the chunk) of each value, and where its
        /// ids are (nil: one value per row, in order).
        var starts: [[Int32]] = [], ends: [[Int32]] = [], ids: [Int?] = []
        var weights: [Double] = [], weightIds = 0
        var years: [Int64] = [], yearIds = 0
        var rowNumbers = 0, codes = 0
        var rows = 0, items = 0

        init?(_ data: UnsafeRawBufferPointer, columns: FastColumns, excludedBits: [UInt64]) {
            var offset = 0
            func word() -> Int? {
                guard offset + 4 <= data.count else { return nil }
                defer { offset += 4 }
                return Int(UInt32(littleEndian: data.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
            }
            func skip(_ n: Int) -> Int? {
                guard n >= 0, offset + n <= data.count else { return nil }
                defer { offset += n }
                return offset
            }
            guard word() == Int(ColumnChunk.magic), let rows = word(), let textColumns = word(), let items = word(),
                textColumns == columns.count, items == columns.items.count
            else { return nil }
            (self.rows, self.items) = (rows, items)
            /// Values (`count` ends, then the bytes) as start and end offsets.
            func values(_ count: Int) -> ([Int32], [Int32])? {
                guard let endsAt = skip(4 * count) else { return nil }
                let bytesAt = offset
                var starts: [Int32] = []
                var ends: [Int32] = []
                starts.reserveCapacity(count)
                ends.reserveCapacity(count)
                var previous = 0
                for k in 0..<count {
                    let end = Int(
                        UInt32(littleEndian: data.loadUnaligned(fromByteOffset: endsAt + 4 * k, as: UInt32.self)))
                    guard end >= previous else { return nil }
                    starts.append(Int32(bytesAt + previous))
                    ends.append(Int32(bytesAt + end))
                    previous = end
                }
                guard skip(previous) != nil else { return nil }
                return (starts, ends)
            }
            for _ in 0..<textColumns {
                guard let first = word() else { return nil }
                if first == Int(ColumnChunk.plain) {
                    guard let (s, e) = values(rows) else { return nil }
                    starts.append(s)
                    ends.append(e)
                    ids.append(nil)
                } else {
                    guard let (s, e) = values(first), let at = skip(2 * rows) else { return nil }
                    starts.append(s)
                    ends.append(e)
                    ids.append(at)
                }
            }
            func words(_ body: (UInt64) -> Void) -> Int? {
                guard let count = word(), let at = skip(4 * count) else { return nil }
                // Ends of 8-byte values: the values start after them.
                guard let valuesAt = skip(8 * count) else { return nil }
                _ = at
                for k in 0..<count {
                    body(UInt64(littleEndian: data.loadUnaligned(fromByteOffset: valuesAt + 8 * k, as: UInt64.self)))
                }
                return count
            }
            guard let weightCount = words({ weights.append(Double(bitPattern: $0)) }), let w = skip(2 * rows),
                let yearCount = words({ years.append(Int64(bitPattern: $0)) }), let y = skip(2 * rows),
                let r = skip(4 * rows), let c = skip(rows * items)
            else { return nil }
            (weightIds, yearIds, rowNumbers, codes) = (w, y, r, c)
            for j in 0..<items {
                guard let m = skip(16) else { return nil }
                let marked = data.loadUnaligned(fromByteOffset: m, as: UInt64.self).littleEndian
                let unmarked = data.loadUnaligned(fromByteOffset: m + 8, as: UInt64.self).littleEndian
                // The marks must be the scale's: else BlockReader would need records too.
                guard marked & ~excludedBits[j] == 0, unmarked & excludedBits[j] == 0 else { return nil }
            }
            guard offset == data.count else { return nil }
            // Ids within their dictionaries.
            for (c, at) in ids.enumerated() {
                guard let at else { continue }
                for i in 0..<rows
                where Int(data.loadUnaligned(fromByteOffset: at + 2 * i, as: UInt16.self).littleEndian)
                    >= starts[c].count
                {
                    return nil
                }
            }
            for i in 0..<rows {
                guard Int(data.loadUnaligned(fromByteOffset: w + 2 * i, as: UInt16.self).littleEndian) < weightCount,
                    Int(data.loadUnaligned(fromByteOffset: y + 2 * i, as: UInt16.self).littleEndian) < yearCount
                else { return nil }
            }
        }

        func send(
            _ data: UnsafeRawBufferPointer, columns: FastColumns, year: Int?, rowsPerBlock: Int,
            _ body: (FastBlock) throws -> Void
        ) throws {
            let bytes = data.bindMemory(to: UInt8.self)
            let columnCount = starts.count
            var rowStarts = [Int32](repeating: 0, count: columnCount)
            var rowEnds = rowStarts
            var rowCodes = [Int32](repeating: FastBatch.blank, count: max(items, 1))
            var batch = FastBatch.empty()
            var numbers: [Int] = []
            func id(_ at: Int, _ i: Int) -> Int {
                Int(data.loadUnaligned(fromByteOffset: at + 2 * i, as: UInt16.self).littleEndian)
            }
            func flush() throws {
                guard !numbers.isEmpty else { return }
                try body(FastBlock(copying: bytes, columns: columns, batch: batch, rows: numbers))
                batch = FastBatch.empty()
                numbers.removeAll(keepingCapacity: true)
            }
            for i in 0..<rows {
                if let year, years[id(yearIds, i)] != Int64(year) { continue }
                for c in 0..<columnCount {
                    let k = ids[c].map { id($0, i) } ?? i
                    rowStarts[c] = starts[c][k]
                    rowEnds[c] = ends[c][k]
                }
                for j in 0..<items {
                    let code = data[codes + i * items + j]
                    rowCodes[j] = code == ColumnChunk.blank ? FastBatch.blank : Int32(code)
                }
                let weight = weights[id(weightIds, i)]
                rowStarts.withUnsafeBufferPointer { s in
                    rowEnds.withUnsafeBufferPointer { e in
                        rowCodes.withUnsafeBufferPointer { c in
                            batch.append(
                                bytes: bytes.baseAddress!, columns: columns, starts: s, ends: e, weight: weight,
                                codes: UnsafeBufferPointer(rebasing: c[0..<items]))
                        }
                    }
                }
                numbers.append(
                    Int(UInt32(littleEndian: data.loadUnaligned(fromByteOffset: rowNumbers + 4 * i, as: UInt32.self))))
                if numbers.count >= rowsPerBlock { try flush() }
            }
            try flush()
        }
    }
}
