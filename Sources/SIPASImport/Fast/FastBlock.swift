import Foundation
import SIPASCore

/// Receives the accepted rows of a fast import, block by block, in input order.
public protocol FastSink: AnyObject {
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
    public func take(_ block: FastBlock, helpers: FastHelpers) throws { try take(block) }
    public func columnsRead(of columns: FastColumns) -> Set<Int>? { nil }
}

/// The accepted rows of one block, in input order.
public struct FastBlock: @unchecked Sendable {
    /// Owns ``bytes`` (freed when the last copy of the block goes).
    let storage: BlockBytes
    /// Where each fast row's fields are in its batch's `starts` and `ends` (only the columns the
    /// sink reads: ``FastSink/columnsRead(of:)``).
    public let columns: FastColumns
    public let batches: [FastBatch]
    /// Accepted rows in input order: `batch << 32 | rank` for a fast row (its rank among its batch's
    /// fast rows), or `~index` for ``records``[index], a row the full importer accepted.
    public let order: [Int64]
    /// The row number (as in messages: the header is row 1) of each entry of ``order``.
    public let rows: [Int]
    public let records: [ResponseRecord]

    /// The block's bytes; fields of fast rows are offsets into it.
    public var bytes: UnsafePointer<UInt8> { UnsafePointer(storage.base) }
}

/// The bytes of one block of a file, in memory owned by this object (not an `Array`), so that a
/// ``FastBlock`` can be handed to another thread and read there after the reader has moved on.
final class BlockBytes: @unchecked Sendable {
    let base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    let capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 1)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    var buffer: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    func append(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        precondition(count + bytes.count <= capacity, "BlockBytes: append past the capacity")
        bytes.withUnsafeBufferPointer { (base + count).initialize(from: $0.baseAddress!, count: $0.count) }
        count += bytes.count
    }

    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        precondition(count + bytes.count <= capacity, "BlockBytes: append past the capacity")
        (base + count).initialize(from: source, count: bytes.count)
        count += bytes.count
    }

    func append(_ data: Data) {
        precondition(count + data.count <= capacity, "BlockBytes: append past the capacity")
        data.copyBytes(to: base + count, count: data.count)
        count += data.count
    }

    /// Empties the block for reuse (only when nothing else holds it).
    func reset() { count = 0 }

    /// Reads up to `limit` bytes of `descriptor` straight after the bytes held (no `Data` in
    /// between, which cost an allocation, its page faults and a second copy per block); the number
    /// read, 0 at the end of the file.
    /// - Throws: ``ImportError/Kind/unreadable(_:)`` with the system's reason.
    func read(from descriptor: Int32, limit: Int, file: String) throws -> Int {
        let wanted = min(limit, capacity - count)
        var total = 0
        while total < wanted {
            let n = Foundation.read(descriptor, base + count + total, wanted - total)
            if n < 0 {
                if errno == EINTR { continue }
                throw ImportError(.unreadable(String(cString: strerror(errno))), at: SourceLocation(file: file))
            }
            if n == 0 { break }
            total += n
        }
        count += total
        return total
    }

    /// Index of the last `byte`, or nil.
    func lastIndex(of byte: UInt8) -> Int? {
        var i = count - 1
        while i >= 0 && base[i] != byte { i -= 1 }
        return i >= 0 ? i : nil
    }
}
