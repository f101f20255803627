import Foundation

/// The buffers of one ``FastBatch``.
package struct BatchStores {
    package var lines: UnsafeGrowableBuffer<Int32>, kinds: UnsafeGrowableBuffer<FastBatch.Kind>
    package var fastIndex: UnsafeGrowableBuffer<Int32>
    package var starts: UnsafeGrowableBuffer<Int32>, ends: UnsafeGrowableBuffer<Int32>
    package var weights: UnsafeGrowableBuffer<Double>, codes: UnsafeGrowableBuffer<Int32>
    package var psuHashes: UnsafeGrowableBuffer<UInt64>, idHashes: UnsafeGrowableBuffer<UInt64>

    package init(rows: Int, columns: Int, items: Int) {
        lines = UnsafeGrowableBuffer(capacity: 2 * rows)
        kinds = UnsafeGrowableBuffer(capacity: rows)
        fastIndex = UnsafeGrowableBuffer(capacity: rows)
        starts = UnsafeGrowableBuffer(capacity: rows * columns)
        ends = UnsafeGrowableBuffer(capacity: rows * columns)
        weights = UnsafeGrowableBuffer(capacity: rows)
        codes = UnsafeGrowableBuffer(capacity: rows * items)
        psuHashes = UnsafeGrowableBuffer(capacity: rows)
        idHashes = UnsafeGrowableBuffer(capacity: rows)
    }

    /// Empty, with room for `rows` rows.
    mutating func reset(rows: Int, columns: Int, items: Int) {
        lines.removeAll(keepingCapacity: 2 * rows)
        kinds.removeAll(keepingCapacity: rows)
        fastIndex.removeAll(keepingCapacity: rows)
        starts.removeAll(keepingCapacity: rows * columns)
        ends.removeAll(keepingCapacity: rows * columns)
        weights.removeAll(keepingCapacity: rows)
        codes.removeAll(keepingCapacity: rows * items)
        psuHashes.removeAll(keepingCapacity: rows)
        idHashes.removeAll(keepingCapacity: rows)
    }

    func deallocate() {
        lines.deallocate()
        kinds.deallocate()
        fastIndex.deallocate()
        starts.deallocate()
        ends.deallocate()
        weights.deallocate()
        codes.deallocate()
        psuHashes.deallocate()
        idHashes.deallocate()
    }
}

/// Buffers of batches that are gone, for the next batches. A block's slices would otherwise be
/// decoded into fresh memory, paying the page faults of touching it and the allocator's work when
/// one thread frees what another allocated. At most
/// ``limit`` sets are kept, about the batches of three blocks (the reader holds that many at once),
/// so memory stays what the pipeline needs at its peak.
final class BatchPool: @unchecked Sendable {
    static let shared = BatchPool()
    static let limit = 32
    private let lock = NSLock()
    private var free: [BatchStores] = []

    func take(rows: Int, columns: Int, items: Int) -> BatchStores {
        lock.lock()
        var stores = free.popLast()
        lock.unlock()
        if stores == nil { return BatchStores(rows: rows, columns: columns, items: items) }
        stores!.reset(rows: rows, columns: columns, items: items)
        return stores!
    }

    func give(_ stores: BatchStores) {
        lock.lock()
        let kept = free.count < Self.limit
        if kept { free.append(stores) }
        lock.unlock()
        if !kept { stores.deallocate() }
    }
}
