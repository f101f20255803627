import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A byte that the chosen encoding cannot decode, at this offset of the field.
struct Undecodable: Error {
    var offset: Int
}

/// Decodes one field of a file written in a single-byte Vietnamese encoding into UTF-8.
///
/// The three encodings keep ASCII (and so the delimiter, quote and line ends) as it is, so the
/// scanner splits records on the raw bytes and each field is decoded on its own: an undecodable
/// byte is reported with its row, column and byte offset, like a bad UTF-8 byte.
protocol LegacyDecoder: AnyObject {
    var encoding: CSVScanner.Encoding { get }
    /// The field as UTF-8 (not yet NFC); throws ``Undecodable`` at the first byte it cannot read.
    func decode(_ bytes: [UInt8]) throws -> [UInt8]
}

extension CSVScanner.Encoding {
    /// A decoder for a single-byte Vietnamese encoding; nil for UTF-8 and UTF-16.
    func makeLegacyDecoder() throws -> (any LegacyDecoder)? {
        switch self {
        case .cp1258: return try CP1258Decoder()
        case .tcvn3: return TCVN3Decoder()
        case .vni: return VNIDecoder()
        case .tcvn3Font: return LegacyFontDecoder(font: .tcvn3)
        case .vniFont: return LegacyFontDecoder(font: .vni)
        case .utf8, .utf8BOM, .utf16LE, .utf16BE: return nil
        }
    }
}

/// Windows-1258 through glibc's `iconv`.
///
/// CP1258 writes tones as combining marks after the letter, so glibc's decoder holds back each base
/// letter until it has seen the next byte; the final `iconv(cd, nil, nil, &out, &left)` call
/// flushes it (without it "Hà Nội" came out as "Hà Nộ", research/ecosystem.md §1.2). The caller
/// normalises the result to NFC.
final class CP1258Decoder: LegacyDecoder {
    let encoding = CSVScanner.Encoding.cp1258
    private let cd: iconv_t

    init() throws {
        let cd = iconv_open("UTF-8", "CP1258")
        guard let cd, cd != iconv_t(bitPattern: -1) else {
            throw ImportError(.unreadable("iconv cannot convert from CP1258 on this system"), at: .init(file: "CP1258"))
        }
        self.cd = cd
    }

    deinit { iconv_close(cd) }

    func decode(_ bytes: [UInt8]) throws -> [UInt8] {
        // Each CP1258 byte gives at most a base letter and a mark: 3 UTF-8 bytes each, plus the flush.
        var output = [UInt8](repeating: 0, count: bytes.count * 4 + 16)
        var input = bytes
        let written: Int = try input.withUnsafeMutableBytes { inRaw in
            try output.withUnsafeMutableBytes { outRaw in
                var inPointer = inRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
                var inLeft = inRaw.count
                var outPointer = outRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
                var outLeft = outRaw.count
                defer { _ = iconv(cd, nil, nil, nil, nil) }  // back to the initial state for the next field
                if iconv(cd, &inPointer, &inLeft, &outPointer, &outLeft) == -1 {
                    throw Undecodable(offset: inRaw.count - inLeft)
                }
                _ = iconv(cd, nil, nil, &outPointer, &outLeft)
                return outRaw.count - outLeft
            }
        }
        return Array(output.prefix(written))
    }
}

/// TCVN3 (TCVN 5712:1993, the "VN3" set of the ABC fonts such as .VnTime): one byte per letter,
/// lowercase letters only with tones (capitals with tones lived in separate "H" fonts).
///
/// No package (nor glibc, whose `TCVN5712-1` is the VN1 set with capitals in the control range)
/// decodes exactly this set, so the table is written here by hand from TCVN 5712:1993 as tabulated
/// by the Vietnamese Unicode project (vietunicode.sourceforge.net/charset); every entry agrees with
/// glibc's `TCVN5712-1` where the two overlap (checked in `LegacyDecoderTests`).
final class TCVN3Decoder: LegacyDecoder {
    let encoding = CSVScanner.Encoding.tcvn3

    /// Byte → Unicode scalar for 0xA1…0xFE; 0 where TCVN3 defines nothing.
    static let table: [UInt32] = {
        var table = [UInt32](repeating: 0, count: 256)
        let letters: [(UInt8, String)] = [
            (0xA1, "ĂÂÊÔƠƯĐăâêôơưđ"),
            (0xB5, "àảãáạ"), (0xBB, "ằẳẵắ"), (0xC6, "ặầẩẫấậè"), (0xCE, "ẻẽéẹềểễếệìỉ"),
            (0xDC, "ĩíịò"), (0xE1, "ỏõóọồổỗốộờởỡớợù"), (0xF1, "ủũúụừửữứựỳỷỹýỵ"),
        ]
        for (start, run) in letters {
            for (i, scalar) in run.unicodeScalars.enumerated() { table[Int(start) + i] = scalar.value }
        }
        return table
    }()

    func decode(_ bytes: [UInt8]) throws -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for (i, byte) in bytes.enumerated() {
            if byte < 0x80 {
                out.append(byte)
                continue
            }
            let scalar = Self.table[Int(byte)]
            guard scalar != 0 else { throw Undecodable(offset: i) }
            UTF16Transcoder.encode(scalar, to: &out)
        }
        return out
    }
}
