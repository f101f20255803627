/// Splits one line of a block (no line feed in it) on the delimiter, eight bytes at a time.
///
/// Written by hand because no listed package splits raw bytes without making a `String` or an
/// array per field. The delimiters' positions come from each word's bit mask (SWAR), so the loop
/// branches once per field rather than once per byte (the per-byte loop mispredicted at every
/// delimiter and was the largest part of decoding). A word holding a byte ≥ 0x80 or a carriage
/// return is looked at byte by byte.
enum LineSplitter {
    struct Split {
        /// Number of fields (delimiters + 1); only the first `capacity` have their bounds written.
        var fields = 0
        /// Bit c: field c holds a byte ≥ 0x80 (fields past 63 share bit 63).
        var latinFields: UInt64 = 0
        /// The line holds a carriage return (which only the full scanner reads right).
        var carriageReturn = false
    }

    /// Writes field c's bounds to `starts[c]`, `ends[c]` for c < `capacity`.
    static func split(
        _ base: UnsafePointer<UInt8>, from: Int, to: Int, delimiter: UInt8,
        starts: UnsafeMutablePointer<Int32>, ends: UnsafeMutablePointer<Int32>, capacity: Int
    ) -> Split {
        var result = Split()
        var fieldStart = from
        @inline(__always) func endField(at position: Int) {
            if result.fields < capacity {
                starts[result.fields] = Int32(fieldStart)
                ends[result.fields] = Int32(position)
            }
            result.fields += 1
            fieldStart = position + 1
        }
        @inline(__always) func look(at i: Int) {
            let byte = base[i]
            if byte == delimiter {
                endField(at: i)
            } else if byte >= 0x80 {
                result.latinFields |= 1 << UInt64(min(result.fields, 63))
            } else if byte == 13 {
                result.carriageReturn = true
            }
        }
        let delimiters = UInt64(delimiter) &* 0x0101_0101_0101_0101
        var i = from
        while i + 8 <= to {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
            let found = zeroBytes(word ^ delimiters)
            if (zeroBytes(word ^ carriageReturns) | word & highBits) != 0 {
                for k in i..<i + 8 { look(at: k) }
            } else {
                var mask = found
                while mask != 0 {
                    endField(at: i + mask.trailingZeroBitCount >> 3)
                    mask &= mask - 1
                }
            }
            i += 8
        }
        while i < to {
            look(at: i)
            i += 1
        }
        endField(at: to)
        return result
    }

    /// The high bit of each byte of `x` that is 0 (exact: no borrow runs from byte to byte).
    @inline(__always)
    static func zeroBytes(_ x: UInt64) -> UInt64 {
        ~(((x & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | x) & highBits
    }
    static let highBits: UInt64 = 0x8080_8080_8080_8080
    static let carriageReturns: UInt64 = 0x0D0D_0D0D_0D0D_0D0D
}
