import Foundation
import SIPASCore

/// Receives the accepted rows of a fast import, block by block, in input order.
package protocol FastSink: AnyObject {
    /// The accepted rows of one block. The block (its bytes and batches) stays valid as long as
    /// the sink keeps it, so a sink may go on adding it up while the reader decodes the next one;
    /// it must have finished with it before its next `take` returns.
    func take(_ block: FastBlock) throws
    /// ``take(_:)-(FastBlock)`` with the reader's threads offered for the work on the block
    /// (``FastHelpers/run(_:)``); by default they are not used.
    func take(_ block: FastBlock, helpers: FastHelpers) throws
    /// One accepted record of a file (or part of a file) read by the full importer.
    func take(_ record: ResponseRecord) throws
    /// The columns of `columns` whose fields the sink reads, besides the strata, cluster and
    /// respondent id (nil, the default: all). The blocks then hold only those fields
    /// (``FastBlock/columns`` names their places; ``KeptColumns``).
    func columnsRead(of columns: FastColumns) -> Set<Int>?
}

extension FastSink {
    package func take(_ block: FastBlock, helpers: FastHelpers) throws { try take(block) }
    package func columnsRead(of columns: FastColumns) -> Set<Int>? { nil }
}

/// The accepted rows of one block, in input order.
package struct FastBlock: @unchecked Sendable {
    /// Owns ``bytes`` (freed when the last copy of the block goes).
    package let storage: BlockBytes
    /// Where each fast row's fields are in its batch's `starts` and `ends` (only the columns the
    /// sink reads: ``FastSink/columnsRead(of:)``).
    package let columns: FastColumns
    package let batches: [FastBatch]
    /// Accepted rows in input order: `batch << 32 | rank` for a fast row (its rank among its batch's
    /// fast rows), or `~index` for ``records``[index], a row the full importer accepted.
    package let order: [Int64]
    /// The row number (as in messages: the header is row 1) of each entry of ``order``.
    package let rows: [Int]
    package let records: [ResponseRecord]

    package init(
        storage: BlockBytes, columns: FastColumns, batches: [FastBatch], order: [Int64], rows: [Int],
        records: [ResponseRecord]
    ) {
        self.storage = storage
        self.columns = columns
        self.batches = batches
        self.order = order
        self.rows = rows
        self.records = records
    }

    /// The block's bytes; fields of fast rows are offsets into it.
    package var bytes: UnsafePointer<UInt8> { UnsafePointer(storage.base) }
}

/// The bytes of one block of a file, in memory owned by this object (not an `Array`), so that a
/// ``FastBlock`` can be handed to another thread and read there after the reader has moved on.
package final class BlockBytes: @unchecked Sendable {
    package let base: UnsafeMutablePointer<UInt8>
    /// Bytes held (set by readers that write past it straight into ``base``).
    package var count = 0
    package let capacity: Int

    package init(capacity: Int) {
        self.capacity = max(capacity, 1)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    package var buffer: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    package func append(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        precondition(count + bytes.count <= capacity, "BlockBytes: append past the capacity")
        bytes.withUnsafeBufferPointer { (base + count).initialize(from: $0.baseAddress!, count: $0.count) }
        count += bytes.count
    }

    package func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        precondition(count + bytes.count <= capacity, "BlockBytes: append past the capacity")
        (base + count).initialize(from: source, count: bytes.count)
        count += bytes.count
    }

    package func append(_ data: Data) {
        precondition(count + data.count <= capacity, "BlockBytes: append past the capacity")
        data.copyBytes(to: base + count, count: data.count)
        count += data.count
    }

    /// Empties the block for reuse (only when nothing else holds it).
    package func reset() { count = 0 }

    /// Index of the last `byte`, or nil.
    package func lastIndex(of byte: UInt8) -> Int? {
        var i = count - 1
        while i >= 0 && base[i] != byte { i -= 1 }
        return i >= 0 ? i : nil
    }
}

/// The reader's threads, offered to a sink for its work on a block while they decode the next
/// one (``FastSink/take(_:helpers:)``).
package struct FastHelpers: Sendable {
    private let runJobs: @Sendable ([@Sendable () -> Void]) -> Void

    /// Helpers that run jobs with `run`, which returns once every job has run.
    package init(run: @escaping @Sendable ([@Sendable () -> Void]) -> Void) { runJobs = run }

    /// Runs `jobs` on the reader's threads, in any order and at once; all have run before the
    /// reader hands the sink another block or returns.
    package func run(_ jobs: [@Sendable () -> Void]) { runJobs(jobs) }
}
