import Foundation
import SIPASCore

/// Byte-level readers of cell text for the fast importer, each giving exactly what the `String`
/// function it stands for gives (`Int(_:)`, `Double(_:)`), or nil when unsure so that the caller
/// hands the row to the full importer.
///
/// Written by hand because the point is to read cells without making a `String` per cell, and no
/// package listed for the project parses numbers from raw byte ranges.
enum ByteText {
    typealias Bytes = UnsafeBufferPointer<UInt8>

    /// `Int(String)` for ASCII bytes: optional sign, then one or more digits; nil on overflow.
    @inline(__always)
    static func int(_ b: Bytes) -> Int? {
        var i = 0
        let n = b.count
        guard n > 0 else { return nil }
        var negative = false
        if b[0] == UInt8(ascii: "-") || b[0] == UInt8(ascii: "+") {
            negative = b[0] == UInt8(ascii: "-")
            i = 1
            guard n > 1 else { return nil }
        }
        var value = 0
        while i < n {
            let d = Int(b[i]) &- 48
            guard d >= 0, d <= 9 else { return nil }
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (s, o2) = negative ? m.subtractingReportingOverflow(d) : m.addingReportingOverflow(d)
            guard !o1, !o2 else { return nil }
            value = s
            i += 1
        }
        return value
    }

    /// Powers of ten that are exact doubles (up to 10²²).
    private static let powers: [Double] = (0...22).map { pow(10, Double($0)) }

    /// `Double(String)` for a plain decimal `-?[0-9]+(\.[0-9]+)?`; nil for any other text (the
    /// caller then falls back). Up to 15 significant digits this is Clinger's exact case: an integer
    /// below 2⁵³ divided by an exact power of ten is one correctly rounded operation, the result
    /// `strtod` gives; longer numbers go through `strtod` itself.
    static func plainDecimal(_ b: Bytes) -> Double? {
        let n = b.count
        guard n > 0 else { return nil }
        var i = 0
        let negative = b[0] == UInt8(ascii: "-")
        if negative { i = 1 }
        var mantissa: UInt64 = 0
        var digits = 0
        var fraction = 0
        var seenDigit = false
        var seenPoint = false
        while i < n {
            let c = b[i]
            if c == UInt8(ascii: ".") {
                guard !seenPoint, seenDigit else { return nil }
                seenPoint = true
                seenDigit = false
            } else {
                let d = UInt64(c) &- 48
                guard d <= 9 else { return nil }
                seenDigit = true
                if digits < 19 { mantissa = mantissa &* 10 &+ d }
                if mantissa != 0 || d != 0 { digits += 1 }
                if seenPoint { fraction += 1 }
            }
            i += 1
        }
        guard seenDigit else { return nil }
        if digits <= 15 && fraction <= 22 {
            let value = Double(mantissa) / powers[fraction]
            return negative ? -value : value
        }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: n + 1) { buffer -> Double? in
            for k in 0..<n { buffer[k] = CChar(bitPattern: b[k]) }
            buffer[n] = 0
            var end: UnsafeMutablePointer<CChar>?
            let value = strtod(buffer.baseAddress!, &end)
            return end == buffer.baseAddress! + n ? value : nil
        }
    }

    /// `Double(String) ?? .nan` for ASCII cell text, as ``FormExpression``'s number conversion.
    static func number(_ b: Bytes) -> Double {
        if b.isEmpty { return .nan }
        if let value = plainDecimal(b) { return value }
        // Only text starting with a digit, sign, point, "inf" or "nan" can read as a Double.
        switch b[0] {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
            UInt8(ascii: "i"), UInt8(ascii: "I"), UInt8(ascii: "n"), UInt8(ascii: "N"):
            return Double(String(decoding: b, as: UTF8.self)) ?? .nan
        default:
            return .nan
        }
    }

    /// True when `b` is well-formed UTF-8 whose non-ASCII characters all lie in U+0080–U+02FF or
    /// U+1E00–U+1EFF (Latin letters with their precomposed Vietnamese forms), with no no-break space
    /// at either end. Such text is already NFC (no combining marks, nothing to compose) and needs no
    /// trimming, so the full importer would keep it byte for byte; anything else goes to it.
    static func isPlainLatin(_ b: Bytes) -> Bool {
        let n = b.count
        if n >= 2 && ((b[0] == 0xC2 && b[1] == 0xA0) || (b[n - 2] == 0xC2 && b[n - 1] == 0xA0)) { return false }
        var i = 0
        while i < n {
            let c = b[i]
            if c < 0x80 {
                i += 1
            } else if c >= 0xC2 && c <= 0xCB {
                guard i + 1 < n, b[i + 1] & 0xC0 == 0x80 else { return false }
                i += 2
            } else if c == 0xE1 {
                guard i + 2 < n, b[i + 1] >= 0xB8, b[i + 1] <= 0xBB, b[i + 2] & 0xC0 == 0x80 else { return false }
                i += 3
            } else {
                return false
            }
        }
        return true
    }
}

/// A set of short byte strings (choice codes, province codes) looked up without allocating:
/// one byte or two digits in a 384-bit map (the usual codes: "1"…"9", "01"…"96"; small enough to
/// stay in the first-level cache with one set per item), up to 7 bytes packed into one 64-bit word, 8 to 16 bytes (`"truc_tiep"`, `"xay_dung"`) as their length and
/// first and last eight bytes (which together are the whole string), longer ones by hash.
struct ByteSet: Sendable {
    /// Bit `b` for the one-byte string b, bit `256 + 10 d0 + d1` for the two digits d0 d1.
    private var short = [UInt64](repeating: 0, count: Self.shortMapWords)
    static let shortMapWords = 6
    /// The map of one-byte strings and two digits: byte `b` is in the set when bit `b & 63` of
    /// word `b >> 6` is set.
    var shortMap: [UInt64] { short }
    private var packed: [UInt64] = []
    private struct Medium: Hashable, Comparable {
        var count: Int, head: UInt64, tail: UInt64
        static func < (a: Medium, b: Medium) -> Bool { (a.count, a.head, a.tail) < (b.count, b.head, b.tail) }
    }
    /// Strings of 8 to 16 bytes: searched one by one when there are few, else in a set.
    private var medium: [Medium] = []
    private var mediumSet: Set<Medium> = []
    private var long: [UInt64: [[UInt8]]] = [:]

    init<S: Sequence>(_ strings: S) where S.Element == String {
        for s in strings {
            let bytes = Array(s.utf8)
            if let bit = Self.shortBit(bytes) {
                short[bit >> 6] |= 1 << UInt64(bit & 63)
            } else if let word = bytes.withUnsafeBufferPointer(Self.pack) {
                packed.append(word)
            } else if let key = bytes.withUnsafeBufferPointer(Self.medium) {
                mediumSet.insert(key)
            } else {
                let h = bytes.withUnsafeBufferPointer { FNV1a.hash($0) }
                if !(long[h]?.contains(bytes) ?? false) { long[h, default: []].append(bytes) }
            }
        }
        packed = Array(Set(packed)).sorted()
        medium = mediumSet.sorted()
    }

    @inline(__always)
    private static func shortBit<C: Collection>(_ b: C) -> Int? where C.Element == UInt8, C.Index == Int {
        switch b.count {
        case 1: return Int(b[b.startIndex])
        case 2:
            let d0 = b[b.startIndex] &- 48
            let d1 = b[b.startIndex + 1] &- 48
            return d0 < 10 && d1 < 10 ? 256 + 10 * Int(d0) + Int(d1) : nil
        default: return nil
        }
    }

    /// Up to 7 bytes and their count in one word.
    @inline(__always)
    private static func pack(_ b: ByteText.Bytes) -> UInt64? {
        guard b.count <= 7 else { return nil }
        var word = UInt64(b.count) << 56
        for i in 0..<b.count { word |= UInt64(b[i]) << (8 * UInt64(i)) }
        return word
    }

    /// 8 to 16 bytes as their count and first and last eight bytes (overlapping when under 16).
    @inline(__always)
    private static func medium(_ b: ByteText.Bytes) -> Medium? {
        guard b.count >= 8, b.count <= 16, let base = b.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        return Medium(
            count: b.count, head: raw.loadUnaligned(as: UInt64.self),
            tail: raw.loadUnaligned(fromByteOffset: b.count - 8, as: UInt64.self))
    }

    @inline(__always)
    func contains(_ b: ByteText.Bytes) -> Bool {
        if let bit = Self.shortBit(b) {
            return short.withUnsafeBufferPointer { $0[bit >> 6] & (1 << UInt64(bit & 63)) != 0 }
        }
        return containsLong(b)
    }

    private func containsLong(_ b: ByteText.Bytes) -> Bool {
        if let key = Self.medium(b) {
            guard medium.count > 16 else { return medium.contains(key) }
            return mediumSet.contains(key)
        }
        guard let word = Self.pack(b) else {
            guard let candidates = long[FNV1a.hash(b)] else { return false }
            return candidates.contains { $0.count == b.count && memcmp($0, b.baseAddress!, b.count) == 0 }
        }
        return packed.withUnsafeBufferPointer { p in
            if p.count <= 16 {
                for candidate in p where candidate == word { return true }
                return false
            }
            var low = 0
            var high = p.count
            while low < high {
                let mid = (low + high) >> 1
                if p[mid] < word { low = mid + 1 } else { high = mid }
            }
            return low < p.count && p[low] == word
        }
    }
}
