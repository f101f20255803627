import Foundation
import SIPASCore

/// The lines of one slice of a block, decoded on one thread: for each line whether it is blank,
/// passed the fast rules, or goes to the full importer; for a passed row its field positions,
/// weight, item codes and PSU hash.
///
/// SIPASImport's fast reader fills batches from a file's bytes (`FastBatch.decode`); the stores fill
/// them from stored rows (``append(bytes:columns:starts:ends:weight:codes:)``); the accumulators
/// read them.
package final class FastBatch: @unchecked Sendable {
    package static let blank = Int32.min

    package enum Kind: UInt8, BitwiseCopyable { case blankLine, fast, slow }

    /// A line holds a carriage return other than its line end, or (unless records may span lines)
    /// a quote still open at its end: the block needs the full scanner.
    package var needsScanner = false
    /// Where decoding stopped before the slice's end: the start of a record whose quoted field runs
    /// past it (only when records may span lines); nil when the whole slice was decoded.
    package var stoppedAt: Int?
    /// Fast rows whose `data_source` field is `synthetic` (the importer's marker column).
    package var syntheticRows = 0
    // Per line and per fast row, in buffers written without per-append checks and read from
    // several threads without reference counting (``UnsafeGrowableBuffer``); handed to the next
    // batch when this one goes (``BatchPool``).
    package var stores: BatchStores
    package var lineStore: UnsafeGrowableBuffer<Int32> {
        get { stores.lines }
        set { stores.lines = newValue }
    }
    package var kindStore: UnsafeGrowableBuffer<Kind> {
        get { stores.kinds }
        set { stores.kinds = newValue }
    }
    package var fastIndexStore: UnsafeGrowableBuffer<Int32> {
        get { stores.fastIndex }
        set { stores.fastIndex = newValue }
    }
    package var startStore: UnsafeGrowableBuffer<Int32> {
        get { stores.starts }
        set { stores.starts = newValue }
    }
    package var endStore: UnsafeGrowableBuffer<Int32> {
        get { stores.ends }
        set { stores.ends = newValue }
    }
    package var weightStore: UnsafeGrowableBuffer<Double> {
        get { stores.weights }
        set { stores.weights = newValue }
    }
    package var codeStore: UnsafeGrowableBuffer<Int32> {
        get { stores.codes }
        set { stores.codes = newValue }
    }
    package var psuHashStore: UnsafeGrowableBuffer<UInt64> {
        get { stores.psuHashes }
        set { stores.psuHashes = newValue }
    }
    package var idHashStore: UnsafeGrowableBuffer<UInt64> {
        get { stores.idHashes }
        set { stores.idHashes = newValue }
    }

    /// Block offsets of line `l`: `lines[2 l]` its start, `lines[2 l + 1]` its end (before its line end).
    package var lines: UnsafeBufferPointer<Int32> { lineStore.buffer }
    package var kind: UnsafeBufferPointer<Kind> { kindStore.buffer }
    /// For a fast line: its rank among the fast lines, where its fields are in ``starts``/``ends``
    /// and its values in ``weights`` and ``codes``; -1 for other lines.
    package var fastIndex: UnsafeBufferPointer<Int32> { fastIndexStore.buffer }
    /// Fast row `r`'s field `c` is `bytes[starts[r * columns + c]..<ends[r * columns + c]]`, `columns`
    /// and `c` those of ``FastBlock/columns`` (only the fields kept: ``KeptColumns``).
    package var starts: UnsafeBufferPointer<Int32> { startStore.buffer }
    package var ends: UnsafeBufferPointer<Int32> { endStore.buffer }
    package var weights: UnsafeBufferPointer<Double> { weightStore.buffer }
    /// Item `j` of fast row `r` is `codes[r * items + j]` (``blank`` for no answer).
    package var codes: UnsafeBufferPointer<Int32> { codeStore.buffer }
    /// ``PSUHash`` of each fast row's stratum and cluster (the shard key).
    package var psuHashes: UnsafeBufferPointer<UInt64> { psuHashStore.buffer }
    /// For a fast line: the importer's hash of its respondent id (when the
    /// instrument has one), computed here so that the in-order pass over ids only probes the table.
    package var idHashes: UnsafeBufferPointer<UInt64> { idHashStore.buffer }

    package init(rows: Int, columns: Int, items: Int) {
        stores = BatchPool.shared.take(rows: rows, columns: columns, items: items)
    }

    deinit { BatchPool.shared.give(stores) }

    /// Adds a fast row made elsewhere (``append(bytes:columns:starts:ends:weight:codes:)``) as one line.
    package func appendRow(
        starts: UnsafeBufferPointer<Int32>, ends: UnsafeBufferPointer<Int32>, weight: Double,
        codes: UnsafeBufferPointer<Int32>, psuHash: UInt64
    ) {
        // On a local copy, put back once: each access to the class's property is checked for
        // exclusivity (two checks a row instead of eighteen).
        var stores = self.stores
        defer { self.stores = stores }
        let rank = Int32(stores.weights.count)
        stores.lines.append(0)
        stores.lines.append(0)
        stores.kinds.append(.fast)
        stores.fastIndex.append(rank)
        if let s = starts.baseAddress { stores.starts.append(s, count: starts.count) }
        if let e = ends.baseAddress { stores.ends.append(e, count: ends.count) }
        stores.weights.append(weight)
        if let c = codes.baseAddress { stores.codes.append(c, count: codes.count) }
        stores.psuHashes.append(psuHash)
    }
}
