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
        // The first row decides the number of attributes and items.
        let attributeCount = split(attributes: r.range(first, 3), in: r.bytes).count
        let itemCount = r.range(first, 4).isEmpty ? 1 : r.bytes[r.range(first, 4)].reduce(1) { $1 == UInt8(ascii: ",") ? $0 + 1 : $0 }
        let textColumns = 2 + attributeCount
        // Every row's text values, unescaped, one after the other (row by row, column by column).
        var texts: [UInt8] = [], ends: [Int] = []
        texts.reserveCapacity(r.bytes.count)
        ends.reserveCapacity(range.count * textColumns)
        var codes: [UInt8] = []
        var marked = [UInt64](repeating: 0, count: itemCount), unmarked = marked
        codes.reserveCapacity(range.count * itemCount)
        var weights = ValueDictionary(), years = ValueDictionary()
        var weightIds: [UInt16] = [], yearIds: [UInt16] = [], rowNumbers: [UInt32] = []
        for i in range {
            guard let row = UInt32(exactly: r.rows[i]) else { return nil }
            rowNumbers.append(row)
            texts += r.bytes[r.range(i, 1)]
            ends.append(texts.count)
            texts += r.bytes[r.range(i, 2)]
            ends.append(texts.count)
            let attributes = split(attributes: r.range(i, 3), in: r.bytes)
            guard attributes.count == attributeCount else { return nil }
            for field in attributes {
                let value = r.bytes[field]
                if value.contains(0x1B) {
                    guard unescape(value, into: &texts) else { return nil }
                } else {
                    texts += value
                }
                ends.append(texts.count)
            }
            guard parse(answers: r.bytes[r.range(i, 4)], items: itemCount, codes: &codes, marked: &marked, unmarked: &unmarked) else { return nil }
            weightIds.append(weights.id(word: r.weights[i].bitPattern))
            yearIds.append(years.id(word: UInt64(bitPattern: Int64(r.years[i] ?? Int(Int64.min)))))
        }
        var out = ByteWriter()
        for word in [magic, UInt32(range.count), UInt32(textColumns), UInt32(itemCount)] { out.append(word) }
        texts.withUnsafeBufferPointer { texts in
            for c in 0..<textColumns {
                writeColumn(c, of: textColumns, rows: range.count, texts: texts, ends: ends, to: &out)
            }
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

    /// The byte ranges of the attribute fields in `range` (split at U+001F, still escaped).
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

    /// Appends `value` unescaped: `ESC s` → U+001F, `ESC` and any other byte → ESC (as
    /// ``BlockReader``); false for a trailing ESC.
    private static func unescape(_ value: ArraySlice<UInt8>, into out: inout [UInt8]) -> Bool {
        var escaped = false
        for byte in value {
            if escaped {
                out.append(byte == UInt8(ascii: "s") ? 0x1F : 0x1B)
                escaped = false
            } else if byte == 0x1B {
                escaped = true
            } else {
                out.append(byte)
            }
        }
        return !escaped
    }

    /// The answers `[x]digits` or blank, separated by commas: codes 0…63 only (others: false).
    private static func parse(answers: ArraySlice<UInt8>, items: Int, codes: inout [UInt8], marked: inout [UInt64],
                              unmarked: inout [UInt64]) -> Bool {
        var item = 0, value = -1, mark = false
        func end() -> Bool {
            guard item < items else { return false }
            if value < 0 {
                guard !mark else { return false }
                codes.append(blank)
            } else {
                codes.append(UInt8(value))
                if mark { marked[item] |= 1 << UInt64(value) } else { unmarked[item] |= 1 << UInt64(value) }
            }
            item += 1
            (value, mark) = (-1, false)
            return true
        }
        for byte in answers {
            if byte == UInt8(ascii: ",") {
                guard end() else { return false }
            } else if byte == UInt8(ascii: "x") && value < 0 && !mark {
                mark = true
            } else {
                let digit = Int(byte) - 48
                guard digit >= 0, digit <= 9 else { return false }
                value = max(value, 0) * 10 + digit
                guard value < 64 else { return false }
            }
        }
        return end() && item == items
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

    mutating func id(_ value: UnsafeBufferPointer<UInt8>) -> UInt16 {
        if last >= 0 && self.value(Int(last)).elementsEqual(value) { return UInt16(last) }
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in value { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        var slot = Int(truncatingIfNeeded: h ^ h >> 29) & (slots.count - 1)
        while slots[slot] >= 0 {
            let id = Int(slots[slot])
            if self.value(id).elementsEqual(value) {
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
