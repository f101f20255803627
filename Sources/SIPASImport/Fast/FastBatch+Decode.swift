import Foundation
import SIPASBlocks
import SIPASCore

/// The fast reader's decoding of a slice of a file into a ``FastBatch``.
///
/// The line splitter is hand-written: ``CSVScanner`` copies every field into its own array, and no
/// package the project may use splits RFC 4180 text into byte ranges without copying. It only
/// handles records that are one line each: line feeds, an optional carriage return before them, the
/// delimiter, and quoted fields that close on their line (``LineSplitter/splitQuoted``). A quoted
/// line break or a carriage return elsewhere sends the block to ``CSVScanner``.
extension FastBatch {
    /// Decodes the lines of `base[from..<to]` (`to` just after a line feed, or the end of the file);
    /// `quotes`: whether the bytes may hold a quote (each line is then looked at for one).
    /// `spanning`: whether a record may span lines (the slice starts at a record's start): a line
    /// whose quote is still open at its end is joined with the next ones until it closes, and goes
    /// to the full importer; a record still open at `to` is left for the next block
    /// (``FastBatch/stoppedAt``). Without it, such a line sets ``FastBatch/needsScanner``.
    ///
    /// A line's fields and codes are written straight into the tails of the batch's buffers and
    /// counted only when the line passes the fast rules.
    static func decode(
        _ base: UnsafePointer<UInt8>, from: Int, to: Int, quotes: Bool, spanning: Bool = false, rules: FastRules
    ) -> FastBatch {
        let columnCount = rules.columns.count
        let itemCount = rules.columns.items.count
        let delimiter = rules.delimiter
        let rowGuess = max((to - from) / max(2 * columnCount, 16), 16)
        let batch = FastBatch(rows: rowGuess, columns: columnCount, items: itemCount)
        // Moved into locals for the loop (a class's stored properties are checked for exclusivity
        // at every access) and handed back at the end, after any growth.
        var lines = batch.lineStore
        var kinds = batch.kindStore
        var fastIndex = batch.fastIndexStore
        var allStarts = batch.startStore
        var allEnds = batch.endStore
        var weights = batch.weightStore
        var allCodes = batch.codeStore
        var psuHashes = batch.psuHashStore
        var idHashes = batch.idHashStore
        var fastRows: Int32 = 0
        var needsScanner = false
        let strata = rules.columns.strata
        let cluster = rules.columns.cluster
        let idColumn = rules.idColumn
        let kept = rules.kept?.columns
        let marker = rules.markerColumn
        var syntheticRows = 0
        var p = from
        while p < to {
            let found = memchr(base + p, 10, to - p)
            let end = found.map { p + (UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - (base + p)) } ?? to
            var next = end < to ? end + 1 : end
            var lineStop = end
            if lineStop > p && base[lineStop - 1] == 13 { lineStop -= 1 }
            lines.append(Int32(p))
            lines.append(Int32(lineStop))
            defer { p = next }
            if lineStop == p {
                kinds.append(.blankLine)
                fastIndex.append(-1)
                continue
            }
            // Split on the delimiter; anything unusual makes the line slow.
            let starts = allStarts.tail(columnCount)
            let ends = allEnds.tail(columnCount)
            let split: LineSplitter.Split
            let allEmpty: Bool
            var plain = true
            if quotes && memchr(base + p, Int32(CSVScanner.quote), lineStop - p) != nil {
                var quoted = LineSplitter.splitQuoted(
                    base, from: p, to: lineStop, delimiter: delimiter, starts: starts, ends: ends,
                    capacity: columnCount)
                if quoted.open && spanning {
                    // The line feed is inside a quoted field: the record goes on to the next lines.
                    while quoted.open && next < to {
                        let more = memchr(base + next, 10, to - next)
                        let moreEnd =
                            more.map { next + (UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - (base + next)) }
                            ?? to
                        lineStop = moreEnd
                        if lineStop > p && base[lineStop - 1] == 13 { lineStop -= 1 }
                        next = moreEnd < to ? moreEnd + 1 : moreEnd
                        quoted = LineSplitter.splitQuoted(
                            base, from: p, to: lineStop, delimiter: delimiter, starts: starts, ends: ends,
                            capacity: columnCount)
                    }
                    if quoted.open {
                        // Open up to the slice's end: the record is read with the next block.
                        lines.count -= 2
                        batch.stoppedAt = p
                        next = to
                        break
                    }
                    lines[lines.count - 1] = Int32(lineStop)
                    quoted.plain = false
                } else if quoted.open {
                    needsScanner = true
                }
                split = quoted.split
                plain = quoted.plain
                allEmpty = quoted.allEmpty
            } else {
                split = LineSplitter.split(
                    base, from: p, to: lineStop, delimiter: delimiter, starts: starts, ends: ends,
                    capacity: columnCount)
                // Every field is empty when the line is nothing but delimiters.
                allEmpty = lineStop - p == split.fields - 1
            }
            if split.carriageReturn { needsScanner = true }
            let fields = split.fields
            let latinFields = split.latinFields
            var weight = 1.0
            var fast = plain && !split.carriageReturn && !allEmpty && fields == columnCount
            // Only the fields holding a space, a tab or a byte ≥ 0x80 are looked at (bit 63 stands
            // for every field from 63 on).
            var marked = split.blankFields | latinFields
            while fast && marked != 0 {
                let bit = marked.trailingZeroBitCount
                marked &= marked - 1
                let end = min(bit == 63 ? columnCount : bit + 1, columnCount)
                for c in bit..<max(bit, end) where starts[c] < ends[c] {
                    // Cells are trimmed of spaces and tabs by the full importer, which counts it.
                    let first = base[Int(starts[c])]
                    let last = base[Int(ends[c]) - 1]
                    if first == 32 || first == 9 || last == 32 || last == 9
                        || latinFields & (1 << UInt64(min(c, 63))) != 0
                            && !ByteText.isPlainLatin(
                                ByteText.Bytes(start: base + Int(starts[c]), count: Int(ends[c] - starts[c])))
                    {
                        fast = false
                        break
                    }
                }
            }
            if fast {
                fast = rules.accept(base, starts, ends, weight: &weight, codes: allCodes.tail(max(itemCount, 1)))
            }
            guard fast else {
                kinds.append(.slow)
                fastIndex.append(-1)
                continue
            }
            kinds.append(.fast)
            fastIndex.append(fastRows)
            fastRows += 1
            weights.append(weight)
            allCodes.commit(itemCount)
            let stratum = strata.map {
                ByteText.Bytes(start: base + Int(starts[$0]), count: Int(ends[$0] - starts[$0]))
            }
            psuHashes.append(
                PSUHash.hash(
                    stratum: stratum,
                    cluster: ByteText.Bytes(
                        start: base + Int(starts[cluster]),
                        count: Int(ends[cluster] - starts[cluster]))))
            if let marker, Self.isSynthetic(base, starts[marker], ends[marker]) { syntheticRows += 1 }
            if let idColumn {
                idHashes.append(
                    CSVImporter.RespondentRegistry.hash(
                        ByteText.Bytes(
                            start: base + Int(starts[idColumn]),
                            count: Int(ends[idColumn] - starts[idColumn]))))
            }
            if let kept {
                // Ascending, so each field moves down or stays: in place.
                for (i, column) in kept.enumerated() {
                    starts[i] = starts[column]
                    ends[i] = ends[column]
                }
                allStarts.commit(kept.count)
                allEnds.commit(kept.count)
            } else {
                allStarts.commit(columnCount)
                allEnds.commit(columnCount)
            }
        }
        batch.lineStore = lines
        batch.kindStore = kinds
        batch.fastIndexStore = fastIndex
        batch.startStore = allStarts
        batch.endStore = allEnds
        batch.weightStore = weights
        batch.codeStore = allCodes
        batch.psuHashStore = psuHashes
        batch.idHashStore = idHashes
        batch.needsScanner = needsScanner
        batch.syntheticRows = syntheticRows
        return batch
    }

    /// Whether `base[start..<end]` is ``DataProvenance/syntheticValue`` (a fast row's cells are untrimmed and unquoted).
    @inline(__always)
    static func isSynthetic(_ base: UnsafePointer<UInt8>, _ start: Int32, _ end: Int32) -> Bool {
        let value = DataProvenance.syntheticBytes
        return Int(end - start) == value.count && memcmp(base + Int(start), value, value.count) == 0
    }
}
