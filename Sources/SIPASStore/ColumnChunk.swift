import Foundation
import SIPASCore

/// A run of a batch's stored responses in the columns an analysis reads, kept in the store beside
/// the rows (table `response_block`) so that ``SurveyStore/forEachBlock(in:year:layout:excluded:rowsPerBlock:_:)``
/// reads a few blobs instead of stepping, splitting and parsing every row (which took longer than
/// reading the CSV file itself).
///
/// Made (``ChunkBuilder``) from the values the rows are inserted with, and read back into what
/// ``BlockReader`` makes of those rows: stratum, cluster and the attributes unescaped, the
/// weight, the answers' codes and their "don't know" marks, the year and the row number.
///
/// Layout (little-endian): a header (``magic``, rows, text columns, items); per text column a
/// dictionary (count, then each value's length and bytes) and a `UInt16` id per row; the weights
/// and years the same way (values as 8 bytes; no year is `Int64.min`); the row numbers (`UInt32`);
/// the codes (one byte per row and item, ``blank`` for none); per item the codes seen with and
/// without the mark, as two 64-bit sets. At most ``maxRows`` rows, so ids fit 16 bits.
///
/// Hand-written: no listed package encodes columns into a byte string (and a general format would
/// cost the decoding this exists to avoid).
enum ColumnChunk {
    static let magic: UInt32 = 0x5349_4331  // "SIC1"
    static let maxRows = 1 << 16
    static let blank: UInt8 = 0xFF
    /// A chunk's bytes and the rows it holds.
    typealias Encoded = (firstRow: Int, rows: Int, data: [UInt8])

    /// The chunks of `responses` (``maxRows`` rows each), or nil when a row cannot be put in one
    /// (``ChunkBuilder``). The number of attributes is the first row's; a first row with an empty
    /// attributes field (no attributes, or one empty one: the layout decides) is left to the rows.
    static func encode(_ responses: EncodedResponses) -> [Encoded]? {
        guard responses.count > 0, !responses.range(0, 3).isEmpty else { return nil }
        let (attributes, items) = responses.bytes.withUnsafeBufferPointer { bytes in
            (
                StoredRowCodec.fields(attributes: UnsafeBufferPointer(rebasing: bytes[responses.range(0, 3)])),
                StoredRowCodec.fields(answers: UnsafeBufferPointer(rebasing: bytes[responses.range(0, 4)]))
            )
        }
        var chunks: [Encoded] = []
        var builder = ChunkBuilder(attributes: attributes, items: items)
        for i in 0..<responses.count {
            builder.add(responses, i)
            if builder.isFull || i == responses.count - 1 {
                guard let data = builder.finish() else { return nil }
                chunks.append((builder.firstRow, builder.rows, data))
                builder = ChunkBuilder(attributes: attributes, items: items)
            }
        }
        return chunks
    }

    /// The first word of a column written without a dictionary (no dictionary has that many values).
    static let plain = UInt32.max
}

/// Values of one column of a chunk, each given a 16-bit id in order of first appearance; the row
/// before's value is tried first (files come sorted by province and commune). An open-addressing
/// table on FNV-1a (a `Dictionary` of byte slices hashed each value with SipHash and copied it).
struct ValueDictionary {
    private var bytes: [UInt8] = []
    private var ends: [Int] = []
    private var slots = [Int32](repeating: -1, count: 64)
    private var last: Int32 = -1

    var count: Int { ends.count }

    func value(_ id: Int) -> ArraySlice<UInt8> { bytes[(id == 0 ? 0 : ends[id - 1])..<ends[id]] }

    /// Whether value `id` is `value`'s bytes.
    @inline(__always)
    private func holds(_ id: Int, _ value: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = id == 0 ? 0 : ends[id - 1]
        guard ends[id] - start == value.count else { return false }
        return value.isEmpty
            || bytes.withUnsafeBufferPointer {
                sameBytes(UnsafeBufferPointer(rebasing: $0[start..<(start + value.count)]), value)
            }
    }

    mutating func id(_ value: UnsafeBufferPointer<UInt8>) -> UInt16 {
        if last >= 0 && holds(Int(last), value) { return UInt16(last) }
        let h = FNV1a.hash(value)
        var slot = Int(truncatingIfNeeded: h ^ h >> 29) & (slots.count - 1)
        while slots[slot] >= 0 {
            let id = Int(slots[slot])
            if holds(id, value) {
                last = Int32(id)
                return UInt16(id)
            }
            slot = (slot + 1) & (slots.count - 1)
        }
        // A chunk has at most ColumnChunk.maxRows rows, hence values.
        let id = Int32(ends.count)
        bytes += value
        ends.append(bytes.count)
        slots[slot] = id
        last = id
        if ends.count * 2 > slots.count { grow() }
        return UInt16(id)
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        for id in 0..<ends.count {
            let h = FNV1a.hash(value(id))
            var slot = Int(truncatingIfNeeded: h ^ h >> 29) & (slots.count - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = Int32(id)
        }
    }

    /// A value of 8 bytes (a weight's or a year's bits).
    mutating func id(word: UInt64) -> UInt16 {
        withUnsafeBytes(of: word.littleEndian) { id($0.bindMemory(to: UInt8.self)) }
    }

    /// The count, then each value's end, then the values.
    func write(to out: inout ByteWriter) {
        out.append(UInt32(ends.count))
        for end in ends { out.append(UInt32(end)) }
        out.bytes += bytes
    }
}

/// Little-endian words appended to a byte string.
struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func append<T: FixedWidthInteger>(_ word: T) {
        withUnsafeBytes(of: word.littleEndian) { bytes += $0 }
    }

    mutating func append<T: FixedWidthInteger>(_ words: [T]) {
        #if _endian(little)
            // In one copy: word by word cost a generic append per word, a tenth of an import's encoding.
            words.withUnsafeBytes { bytes += $0 }
        #else
            bytes.reserveCapacity(bytes.count + words.count * MemoryLayout<T>.size)
            for word in words { append(word) }
        #endif
    }
}
