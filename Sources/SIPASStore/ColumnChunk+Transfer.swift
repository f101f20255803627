import SIPASBlocks
import SIPASCore
import SIPASImport

/// A batch's ``ColumnChunk``s for a store that keeps them itself (the PostgreSQL store's
/// `response_block`), one run of chunks per group of rows, so that a store which grants its
/// readers rows by group (a team reads its provinces) can grant the chunks the same way.
public struct GroupedChunk: Sendable {
    /// The rows' value of the grouping attribute ("" when the batch has none).
    public var group: String
    /// The stored row number of the chunk's first row.
    public var firstRow: Int
    public var rows: Int
    public var data: [UInt8]
}

extension PreparedBatch {
    /// The accepted rows as ``ColumnChunk``s: the rows of each value of `groups` (one per accepted
    /// row) in input order, groups in order of first appearance; nil when a row cannot be put in a
    /// chunk (then a reader aggregates the rows themselves).
    /// - Precondition: `groups.count == encoded.count`.
    public func columnChunks(groups: [String]) -> [GroupedChunk]? {
        precondition(groups.count == encoded.count)
        var order: [String] = []
        var members: [String: [Int]] = [:]
        for (i, group) in groups.enumerated() {
            if members[group] == nil { order.append(group) }
            members[group, default: []].append(i)
        }
        var out: [GroupedChunk] = []
        for group in order {
            let rows = members[group]!
            let part = order.count == 1 ? encoded : encoded.selecting(rows)
            guard let chunks = ColumnChunk.encode(part) else { return nil }
            out += chunks.map { GroupedChunk(group: group, firstRow: $0.firstRow, rows: $0.rows, data: $0.data) }
        }
        return out
    }
}

/// Reads chunks made by ``PreparedBatch/columnChunks(groups:)`` back into the blocks an analysis
/// reads (``FastBlock``), as ``SurveyStore/forEachBlock(in:year:layout:excluded:rowsPerBlock:_:)``
/// reads a SQLite store's.
public struct ChunkBlockReader: Sendable {
    let columns: FastColumns
    let excludedBits: [UInt64]
    let rowsPerBlock: Int

    /// `excluded`: each item's "don't know" codes, as the importer marked them.
    public init(layout: RecordLayout, excluded: [Set<Int>], rowsPerBlock: Int = 1 << 16) {
        columns = ColumnChunk.columns(layout: layout, excluded: excluded)
        excludedBits = ColumnChunk.excludedBits(columns)
        self.rowsPerBlock = rowsPerBlock
    }

    /// Sends the chunk's rows (of `year` when given) to `body` as blocks.
    /// - Throws: ``SurveyStore/NeedsRecords`` when the chunk does not fit the layout or its "don't
    ///   know" marks are not the scale's; what `body` throws.
    package func send(_ chunk: UnsafeRawBufferPointer, year: Int?, _ body: (FastBlock) throws -> Void) throws {
        try ColumnChunk.send(
            chunk, columns: columns, excludedBits: excludedBits, year: year, rowsPerBlock: rowsPerBlock, body)
    }
}
