import Foundation

/// The lines of one slice of a block, decoded on one thread: for each line whether it is blank,
/// passed the fast rules, or goes to the full importer; for a passed row its field positions,
/// weight, item codes and PSU hash.
///
/// The line splitter is hand-written: ``CSVScanner`` copies every field into its own array, and no
/// package the project may use splits RFC 4180 text into byte ranges without copying. It only
/// handles what needs no quoting rules (blocks holding a quote go to ``CSVScanner``), so it is
/// short: line feeds, an optional carriage return before them, and the delimiter.
public final class FastBatch: @unchecked Sendable {
    public static let blank = Int32.min

    enum Kind: UInt8 { case blankLine, fast, slow }

    /// Block offsets of each line (without its line end).
    var lineStart: [Int32] = [], lineEnd: [Int32] = []
    var kind: [Kind] = []
    /// For a fast line: where its fields start in ``starts``/``ends`` and its values in ``weights``
    /// and ``codes`` (its rank among the fast lines).
    var fastIndex: [Int32] = []
    public internal(set) var starts: [Int32] = [], ends: [Int32] = []
    public internal(set) var weights: [Double] = []
    public internal(set) var codes: [Int32] = []
    public internal(set) var psuHashes: [UInt64] = []
    /// A line holds a carriage return other than its line end: the block needs the full scanner.
    var needsScanner = false

    /// Decodes the lines of `base[from..<to]` (`to` just after a line feed, or the end of the file).
    static func decode(_ base: UnsafePointer<UInt8>, from: Int, to: Int, rules: FastRules) -> FastBatch {
        let batch = FastBatch()
        let columnCount = rules.columns.count
        let itemCount = rules.columns.items.count
        let delimiter = rules.delimiter
        var starts = [Int32](repeating: 0, count: columnCount + 1)
        var ends = [Int32](repeating: 0, count: columnCount + 1)
        var codes = [Int32](repeating: 0, count: max(itemCount, 1))
        let strata = rules.columns.strata, cluster = rules.columns.cluster
        var p = from
        while p < to {
            let found = memchr(base + p, 10, to - p)
            let end = found.map { p + (UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - (base + p)) } ?? to
            let next = end < to ? end + 1 : end
            var lineEnd = end
            if lineEnd > p && base[lineEnd - 1] == 13 { lineEnd -= 1 }
            batch.lineStart.append(Int32(p))
            batch.lineEnd.append(Int32(lineEnd))
            defer { p = next }
            if lineEnd == p {
                batch.kind.append(.blankLine)
                batch.fastIndex.append(-1)
                continue
            }
            // Split on the delimiter; anything unusual makes the line slow.
            var fields = 0
            var fieldStart = p
            var plain = true, allEmpty = true, latin = false
            var i = p
            while i < lineEnd {
                let byte = base[i]
                if byte == delimiter {
                    if fields < columnCount { starts[fields] = Int32(fieldStart); ends[fields] = Int32(i) }
                    if i > fieldStart { allEmpty = false }
                    fields += 1
                    fieldStart = i + 1
                } else if byte >= 0x80 {
                    latin = true
                } else if byte == 13 {
                    batch.needsScanner = true
                    plain = false
                }
                i += 1
            }
            if fields < columnCount { starts[fields] = Int32(fieldStart); ends[fields] = Int32(lineEnd) }
            if lineEnd > fieldStart { allEmpty = false }
            fields += 1
            var fast = plain && !allEmpty && fields == columnCount
            if fast && latin {
                for c in 0..<columnCount where !ByteText.isPlainLatin(ByteText.Bytes(start: base + Int(starts[c]), count: Int(ends[c] - starts[c]))) {
                    fast = false
                    break
                }
            }
            if fast {
                // Cells are trimmed of spaces and tabs by the full importer, which counts it.
                for c in 0..<columnCount where starts[c] < ends[c] {
                    let first = base[Int(starts[c])], last = base[Int(ends[c]) - 1]
                    if first == 32 || first == 9 || last == 32 || last == 9 { fast = false; break }
                }
            }
            var weight = 1.0
            if fast {
                fast = starts.withUnsafeMutableBufferPointer { s in
                    ends.withUnsafeMutableBufferPointer { e in
                        codes.withUnsafeMutableBufferPointer { k in
                            rules.accept(base, s.baseAddress!, e.baseAddress!, weight: &weight, codes: k.baseAddress!)
                        }
                    }
                }
            }
            guard fast else {
                batch.kind.append(.slow)
                batch.fastIndex.append(-1)
                continue
            }
            batch.kind.append(.fast)
            batch.fastIndex.append(Int32(batch.weights.count))
            batch.weights.append(weight)
            batch.starts.append(contentsOf: starts[0..<columnCount])
            batch.ends.append(contentsOf: ends[0..<columnCount])
            batch.codes.append(contentsOf: codes[0..<itemCount])
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            if let strata {
                hash = ByteText.fnv(ByteText.Bytes(start: base + Int(starts[strata]), count: Int(ends[strata] - starts[strata])), hash)
            }
            hash = (hash ^ 0x1f) &* 0x0000_0100_0000_01b3
            hash = ByteText.fnv(ByteText.Bytes(start: base + Int(starts[cluster]), count: Int(ends[cluster] - starts[cluster])), hash)
            batch.psuHashes.append(hash)
        }
        return batch
    }
}
