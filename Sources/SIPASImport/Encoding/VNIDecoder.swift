/// VNI-Windows (the VNI fonts, e.g. "VNI-Times"): an ASCII vowel followed by one byte carrying its
/// marks (`a` + 0xF9 = á, `a` + 0xE1 = ấ), plus single bytes for đ, ơ, ư and the i and ỵ letters.
///
/// No package decodes VNI, so the table is written here by hand. Source: the VNI column of the
/// Vietnamese Unicode project's charset tables (vietunicode.sourceforge.net/charset) and the VNI
/// table of xvnkb's `vni.h` (Dao Hai Lam, 2002), which spell each letter with its Windows-1252 glyphs
/// ("aù" = á). Lowercase mark bytes are the capital ones + 0x20; either case is accepted after
/// either case of vowel, as fonts draw them alike.
final class VNIDecoder: LegacyDecoder {
    let encoding = CSVScanner.Encoding.vni

    /// Combining marks (U+0302 circumflex, U+0306 breve, then the tone) of each mark byte (capital form).
    static let marks: [UInt8: [UInt32]] = [
        0xD9: [0x301], 0xD8: [0x300], 0xDB: [0x309], 0xD5: [0x303], 0xCF: [0x323],
        0xC2: [0x302], 0xC1: [0x302, 0x301], 0xC0: [0x302, 0x300], 0xC5: [0x302, 0x309], 0xC3: [0x302, 0x303],
        0xC4: [0x302, 0x323],
        0xCA: [0x306], 0xC9: [0x306, 0x301], 0xC8: [0x306, 0x300], 0xDA: [0x306, 0x309], 0xDC: [0x306, 0x303],
        0xCB: [0x306, 0x323],
    ]

    /// Letters written with one byte (capital form; the lowercase byte is + 0x20).
    static let letters: [UInt8: (upper: UInt32, lower: UInt32)] = [
        0xD1: (0x110, 0x111),  // Đ đ
        0xD4: (0x1A0, 0x1A1),  // Ơ ơ
        0xD6: (0x1AF, 0x1B0),  // Ư ư
        0xCD: (0xCD, 0xED),  // Í í
        0xCC: (0xCC, 0xEC),  // Ì ì
        0xC6: (0x1EC8, 0x1EC9),  // Ỉ ỉ
        0xD3: (0x128, 0x129),  // Ĩ ĩ
        0xD2: (0x1ECA, 0x1ECB),  // Ị ị
        0xCE: (0x1EF4, 0x1EF5),  // Ỵ ỵ
    ]

    /// Vowels a mark byte may follow: a e o u y (either case) and ơ ư.
    static func takesMarks(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x41, 0x45, 0x4F, 0x55, 0x59, 0x61, 0x65, 0x6F, 0x75, 0x79, 0x1A0, 0x1A1, 0x1AF, 0x1B0: return true
        default: return false
        }
    }

    func decode(_ bytes: [UInt8]) throws -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        var previous: UInt32?  // the last letter written, while it can still take a mark
        for (i, byte) in bytes.enumerated() {
            if byte < 0x80 {
                out.append(byte)
                previous = UInt32(byte)
                continue
            }
            let capital = byte >= 0xE0 ? byte - 0x20 : byte
            if let letter = Self.letters[capital] {
                let scalar = byte >= 0xE0 ? letter.lower : letter.upper
                UTF16Transcoder.encode(scalar, to: &out)
                previous = scalar
            } else if let marks = Self.marks[capital], let base = previous, Self.takesMarks(base) {
                for mark in marks { UTF16Transcoder.encode(mark, to: &out) }
                previous = nil
            } else {
                throw Undecodable(offset: i)
            }
        }
        return out
    }
}
