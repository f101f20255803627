import Foundation

/// A run of a batch's stored responses in the columns an analysis reads, kept in the store beside
/// the rows (table `response_block`) so that ``SurveyStore/forEachBlock(in:year:layout:excluded:rowsPerBlock:readers:_:)``
/// reads a few blobs instead of stepping, splitting and parsing every row (which took longer than
/// reading the CSV file itself).
///
/// Made from exactly the text the rows are inserted from (``EncodedResponses``), and read back into
/// what ``BlockReader`` makes of those rows: stratum, cluster and the attributes unescaped, the
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

    /// The chunks of `responses` (``maxRows`` rows each), or nil when a row cannot be put in one:
    /// a code outside 0…63, fields that do not split as the first row's, a row number beyond 32
    /// bits. The batch's rows are then read one by one, which reports what is wrong with them.
    static func encode(_ responses: EncodedResponses) -> [(firstRow: Int, rows: Int, data: [UInt8])]? {
        var chunks: [(firstRow: Int, rows: Int, data: [UInt8])] = []
        var start = 0
        while start < responses.count {
            let end = min(start + maxRows, responses.count)
            guard let data = encode(responses, start..<end) else { return nil }
            chunks.append((responses.rows[start], end - start, data))
            start = end
        }
        return chunks
    }

    private static func encode(_ r: EncodedResponses, _ range: Range<Int>) -> [UInt8]? {
        guard let first = range.first else { return nil }
        // The first row decides the number of attributes and items; an empty attributes field
        // (no attributes, or one empty one: the layout decides) is left to the rows.
        guard !r.range(first, 3).isEmpty else { return nil }
        let attributeCount = split(attributes: r.range(first, 3), in: r.bytes).count
        let itemCount = r.range(first, 4).isEmpty ? 1 : r.bytes[r.range(first, 4)].reduce(1) { $1 == UInt8(ascii: ",") ? $0 + 1 : $0 }
        let textColumns = 2 + attributeCount
        // Every row's text values, unescaped, one after the other (row by row, column by column).
        // A plain buffer, not an array: appends are a capacity check and a copy (an array's
        // uniqueness checks took a third of the encoding).
        var texts = ByteBuffer(capacity: max(r.bytes.count, 64))
        defer { texts.deallocate() }
        var ends: [Int] = []
        ends.reserveCapacity(range.count * textColumns)
        var codes: [UInt8] = []
        var marked = [UInt64](repeating: 0, count: itemCount), unmarked = marked
        codes.reserveCapacity(range.count * itemCount)
        var weights = ValueDictionary(), years = ValueDictionary()
        var weightIds: [UInt16] = [], yearIds: [UInt16] = [], rowNumbers: [UInt32] = []
        let complete = r.bytes.withUnsafeBufferPointer { source -> Bool in
            @inline(__always) func field(_ i: Int, _ f: Int) -> UnsafeBufferPointer<UInt8> {
                UnsafeBufferPointer(rebasing: source[r.range(i, f)])
            }
            for i in range {
                guard let row = UInt32(exactly: r.rows[i]) else { return false }
                rowNumbers.append(row)
                texts.append(field(i, 1))
                ends.append(texts.count)
                texts.append(field(i, 2))
                ends.append(texts.count)
                guard appendAttributes(field(i, 3), count: attributeCount, to: &texts, ends: &ends),
                      parse(answers: field(i, 4), items: itemCount, codes: &codes, marked: &marked, unmarked: &unmarked) else { return false }
                weightIds.append(weights.id(word: r.weights[i].bitPattern))
                yearIds.append(years.id(word: UInt64(bitPattern: Int64(r.years[i] ?? Int(Int64.min)))))
            }
            return true
        }
        guard complete else { return nil }
        var out = ByteWriter()
        for word in [magic, UInt32(range.count), UInt32(textColumns), UInt32(itemCount)] { out.append(word) }
        for c in 0..<textColumns {
            writeColumn(c, of: textColumns, rows: range.count, texts: texts.buffer, ends: ends, to: &out)
        }
        weights.write(to: &out)
        out.append(weightIds)
        years.write(to: &out)
        out.append(yearIds)
        out.append(rowNumbers)
        out.bytes += codes
        for j in 0..<itemCount {
            out.append(marked[j])
            out.append(unmarked[j])
        }
        return out.bytes
    }

    /// Column `c`: a dictionary and an id per row when its values repeat, else (ids, respondent
    /// ids) its values one after the other, ``plain`` then each value's end.
    private static func writeColumn(_ c: Int, of columns: Int, rows: Int, texts: UnsafeBufferPointer<UInt8>, ends: [Int],
                                    to out: inout ByteWriter) {
        @inline(__always) func value(_ i: Int) -> UnsafeBufferPointer<UInt8> {
            let k = i * columns + c
            let start = k == 0 ? 0 : ends[k - 1]
            return UnsafeBufferPointer(rebasing: texts[start..<ends[k]])
        }
        var dictionary = ValueDictionary()
        var ids: [UInt16] = []
        ids.reserveCapacity(rows)
        for i in 0..<rows {
            ids.append(dictionary.id(value(i)))
            // Mostly distinct so far: written plain.
            if i == 255 && dictionary.count > 128 {
                out.append(plain)
                var total = 0
                for i in 0..<rows {
                    total += value(i).count
                    out.append(UInt32(total))
                }
                for i in 0..<rows { out.bytes += value(i) }
                return
            }
        }
        dictionary.write(to: &out)
        out.append(ids)
    }

    /// The first word of a column written without a dictionary (no dictionary has that many values).
    static let plain = UInt32.max

    /// The number of attribute fields in `range` (split at U+001F).
    private static func split(attributes range: Range<Int>, in bytes: [UInt8]) -> [Range<Int>] {
        var fields: [Range<Int>] = []
        var start = range.lowerBound
        for i in range where bytes[i] == 0x1F {
            fields.append(start..<i)
            start = i + 1
        }
        fields.append(start..<range.upperBound)
        return fields
    }

    /// Appends the attributes of `text`, split at U+001F and unescaped as ``BlockReader`` does
    /// (`ESC s` → U+001F, `ESC` and any other byte → ESC), each followed by its end in `ends`;
    /// false unless there are `count` of them or a field ends in ESC.
    private static func appendAttributes(_ text: UnsafeBufferPointer<UInt8>, count: Int, to texts: inout ByteBuffer, ends: inout [Int]) -> Bool {
        var fields = 0, i = 0, escaped = false
        let n = text.count
        while i < n {
            let byte = text[i]
            if escaped {
                texts.append(byte == UInt8(ascii: "s") ? 0x1F : 0x1B)
                escaped = false
            } else if byte == 0x1B {
                escaped = true
            } else if byte == 0x1F {
                ends.append(texts.count)
                fields += 1
            } else {
                // A run of plain bytes, copied at once.
                var end = i + 1
                while end < n && text[end] != 0x1B && text[end] != 0x1F { end += 1 }
                texts.append(text.baseAddress! + i, count: end - i)
                i = end
                continue
            }
            i += 1
        }
        ends.append(texts.count)
        return !escaped && fields + 1 == count
    }

    /// The answers `[x]digits` or blank, separated by commas: codes 0…63 only (others: false).
    private static func parse(answers: UnsafeBufferPointer<UInt8>, items: Int, codes: inout [UInt8], marked: inout [UInt64],
                              unmarked: inout [UInt64]) -> Bool {
        var item = 0, i = 0
        let n = answers.count
        while true {
            guard item < items else { return false }
            var mark = false, value = -1
            if i < n && answers[i] == UInt8(ascii: "x") {
                mark = true
                i += 1
            }
            while i < n && answers[i] != UInt8(ascii: ",") {
                let digit = Int(answers[i]) &- 48
                guard digit >= 0, digit <= 9 else { return false }
                value = max(value, 0) * 10 + digit
                guard value < 64 else { return false }
                i += 1
            }
            if value < 0 {
                guard !mark else { return false }
                codes.append(blank)
            } else {
                codes.append(UInt8(value))
                if mark { marked[item] |= 1 << UInt64(value) } else { unmarked[item] |= 1 << UInt64(value) }
            }
            item += 1
            if i == n { return item == items }
            i += 1
        }
    }
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

    private func value(_ id: Int) -> ArraySlice<UInt8> { bytes[(id == 0 ? 0 : ends[id - 1])..<ends[id]] }

    /// Whether value `id` is `value`'s bytes.
    @inline(__always)
    private func holds(_ id: Int, _ value: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = id == 0 ? 0 : ends[id - 1]
        guard ends[id] - start == value.count else { return false }
        return value.isEmpty || bytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + start, value.baseAddress!, value.count) == 0 }
    }

    mutating func id(_ value: UnsafeBufferPointer<UInt8>) -> UInt16 {
        if last >= 0 && holds(Int(last), value) { return UInt16(last) }
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in value { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
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
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in value(id) { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
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
        bytes.reserveCapacity(bytes.count + words.count * MemoryLayout<T>.size)
        for word in words { append(word) }
    }
}
