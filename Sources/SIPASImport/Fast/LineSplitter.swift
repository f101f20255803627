import Foundation

/// Splits one line of a block (no line feed in it) on the delimiter, eight bytes at a time.
///
/// Written by hand because no listed package splits raw bytes without making a `String` or an
/// array per field. The delimiters' positions come from each word's bit mask (SWAR), so the loop
/// branches once per field rather than once per byte (the per-byte loop mispredicted at every
/// delimiter and was the largest part of decoding). Bytes ≥ 0x80 and below 0x21 (spaces, tabs) are
/// found with masks of the same word and given to the field that holds them; only a word holding a
/// carriage return is looked at byte by byte.
enum LineSplitter {
    struct Split {
        /// Number of fields (delimiters + 1); only the first `capacity` have their bounds written.
        var fields = 0
        /// Bit c: field c holds a byte ≥ 0x80 (fields past 63 share bit 63).
        var latinFields: UInt64 = 0
        /// Bit c: field c holds a byte below 0x21 other than a carriage return (a space, a tab, another
        /// control byte) that is not the delimiter (fields past 63 share bit 63).
        var blankFields: UInt64 = 0
        /// The line holds a carriage return (which only the full scanner reads right).
        var carriageReturn = false
    }

    /// Writes field c's bounds to `starts[c]`, `ends[c]` for c < `capacity`.
    static func split(
        _ base: UnsafePointer<UInt8>, from: Int, to: Int, delimiter: UInt8,
        starts: UnsafeMutablePointer<Int32>, ends: UnsafeMutablePointer<Int32>, capacity: Int
    ) -> Split {
        var result = Split()
        // Bounds are stored as Int32: checked once for the line, not at each field.
        precondition(from >= 0 && to <= Int(Int32.max), "a line beyond 2 GiB into its block")
        var fieldStart = from
        @inline(__always) func endField(at position: Int) {
            if result.fields < capacity {
                starts[result.fields] = Int32(truncatingIfNeeded: fieldStart)
                ends[result.fields] = Int32(truncatingIfNeeded: position)
            }
            result.fields &+= 1
            fieldStart = position &+ 1
        }
        @inline(__always) func look(at i: Int) {
            let byte = base[i]
            if byte == delimiter {
                endField(at: i)
            } else if byte >= 0x80 {
                result.latinFields |= 1 << UInt64(min(result.fields, 63))
            } else if byte == 13 {
                result.carriageReturn = true
            } else if byte < 0x21 {
                result.blankFields |= 1 << UInt64(min(result.fields, 63))
            }
        }
        let delimiters = UInt64(delimiter) &* 0x0101_0101_0101_0101
        var i = from
        while i &+ 8 <= to {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
            var mask = zeroBytes(word ^ delimiters)
            // The high bit of each byte ≥ 0x80, and of each byte below 0x21 that is not the delimiter.
            var latin = word & highBits
            var blank = lowBytes(word) & ~mask
            if latin | blank == 0 {
                while mask != 0 {
                    endField(at: i &+ mask.trailingZeroBitCount >> 3)
                    mask &= mask &- 1
                }
            } else if zeroBytes(word ^ carriageReturns) != 0 {
                for k in i..<i &+ 8 { look(at: k) }
            } else {
                // The marked bytes below the next delimiter's bit belong to the current field.
                while true {
                    let below = mask == 0 ? ~0 : (mask & (0 &- mask)) &- 1
                    let field: UInt64 = 1 << UInt64(min(result.fields, 63))
                    if latin & below != 0 { result.latinFields |= field }
                    if blank & below != 0 { result.blankFields |= field }
                    latin &= ~below
                    blank &= ~below
                    if mask == 0 { break }
                    endField(at: i &+ mask.trailingZeroBitCount >> 3)
                    mask &= mask &- 1
                }
            }
            i &+= 8
        }
        while i < to {
            look(at: i)
            i &+= 1
        }
        endField(at: to)
        return result
    }

    /// How ``splitQuoted(_:from:to:delimiter:starts:ends:capacity:)`` read a line holding a quote.
    struct QuotedSplit {
        var split = Split()
        /// Each field is a byte range of the line: quoted fields open at the field's start and close
        /// just before a delimiter or the line's end, with no doubled quote inside, and no unquoted
        /// field holds a quote. Otherwise ``CSVScanner`` must build the record.
        var plain = true
        /// A quote is still open at the line's end: the line feed is inside a quoted field, so the
        /// line is not a record and the block must be read by ``CSVScanner``.
        var open = false
        /// Every field is empty (`"",""` reads as `,`).
        var allEmpty = true
    }

    /// Splits a line holding a quote the way ``CSVScanner`` reads a record that starts at the line's
    /// start: a quote opens a quoted field only as the field's first byte; inside, a doubled quote
    /// stands for one and a single quote closes. A quoted field's bounds are the bytes between its
    /// quotes. Byte by byte: only lines with a quote come here.
    static func splitQuoted(
        _ base: UnsafePointer<UInt8>, from: Int, to: Int, delimiter: UInt8,
        starts: UnsafeMutablePointer<Int32>, ends: UnsafeMutablePointer<Int32>, capacity: Int
    ) -> QuotedSplit {
        let quote = CSVScanner.quote
        var result = QuotedSplit()
        result.split.carriageReturn = memchr(base + from, 13, to - from) != nil
        var i = from
        while true {
            var start = i
            var end: Int
            if i < to && base[i] == quote {
                start = i + 1
                var j = start
                while true {
                    guard let found = memchr(base + j, Int32(quote), to - j) else {
                        result.open = true
                        result.plain = false
                        return result
                    }
                    let q = UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) - base
                    if q + 1 < to && base[q + 1] == quote {
                        result.plain = false
                        j = q + 2
                        continue
                    }
                    end = q
                    i = q + 1
                    break
                }
                if i < to && base[i] != delimiter {
                    // Text after the closing quote, kept by the scanner (its quotes are plain bytes).
                    result.plain = false
                    while i < to && base[i] != delimiter { i += 1 }
                    end = i
                }
            } else {
                while i < to && base[i] != delimiter {
                    if base[i] == quote { result.plain = false }
                    i += 1
                }
                end = i
            }
            let field = result.split.fields
            if field < capacity {
                starts[field] = Int32(start)
                ends[field] = Int32(end)
            }
            if end > start { result.allEmpty = false }
            for k in start..<max(start, end) {
                let byte = base[k]
                if byte >= 0x80 { result.split.latinFields |= 1 << UInt64(min(field, 63)) }
                if byte < 0x21 && byte != 13 { result.split.blankFields |= 1 << UInt64(min(field, 63)) }
            }
            result.split.fields += 1
            if i >= to { return result }
            i += 1
        }
    }

    /// The high bit of each byte of `x` below 0x21 (exact: `(b & 0x7F) + 0x5F` never carries out).
    @inline(__always)
    static func lowBytes(_ x: UInt64) -> UInt64 {
        ~(((x & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x5F5F_5F5F_5F5F_5F5F) | x) & highBits
    }

    /// The high bit of each byte of `x` that is 0 (exact: no borrow runs from byte to byte).
    @inline(__always)
    static func zeroBytes(_ x: UInt64) -> UInt64 {
        ~(((x & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | x) & highBits
    }
    static let highBits: UInt64 = 0x8080_8080_8080_8080
    static let carriageReturns: UInt64 = 0x0D0D_0D0D_0D0D_0D0D
}
