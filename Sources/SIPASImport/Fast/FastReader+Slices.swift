import Foundation
import SIPASBlocks
import SIPASCore

extension FastReader {
    /// Slice boundaries of `block[0..<count]`, just after line feeds: eight slices per thread,
    /// taken in turn by whichever thread is free, so that a thread the shards hold up does not
    /// hold up the block. The slices shrink towards the block's end (half of them of weight 4,
    /// a quarter 2, a quarter 1), so that the threads, which wait for each other there for about
    /// half a slice, wait for half of a small one.
    func sliceBounds(_ block: BlockBytes, _ count: Int) -> [Int] {
        let base = block.base
        let slices = threads == 1 ? 1 : 8 * threads
        let weights = (0..<slices).map { k in k < slices / 2 ? 4 : k < slices * 3 / 4 ? 2 : 1 }
        let total = weights.reduce(0, +)
        var bounds = [0]
        var weight = 0
        for k in 1..<slices {
            weight += weights[k - 1]
            var p = max(count * weight / total, bounds.last!)
            // A bound is 0 or just after a line feed; at 0 there is no byte before to look at.
            while p < count && (p == 0 || base[p - 1] != 10) { p += 1 }
            bounds.append(p)
        }
        bounds.append(count)
        return bounds
    }

    /// The slices of a block that may hold quoted line feeds, each decoded as if it began at a
    /// record's start: a slice is read right only if the one before (read right) ended at its start.
    /// One that began inside a record the slice before left open is decoded again from that
    /// record's start. Returns the batches in order and where the last whole record ends.
    func join(_ batches: [FastBatch], _ bounds: [Int], _ base: UnsafePointer<UInt8>) -> ([FastBatch], Int) {
        var joined: [FastBatch] = []
        var end = bounds[0]
        for (i, decoded) in batches.enumerated() {
            var batch = decoded
            if end != bounds[i] {
                batch = FastBatch.decode(base, from: end, to: bounds[i + 1], quotes: true, spanning: true, rules: rules)
                PhaseTrace.mark("slice \(i) decoded again from the record open across its start")
            }
            joined.append(batch)
            end = batch.stoppedAt ?? bounds[i + 1]
        }
        return (joined, end)
    }
}
