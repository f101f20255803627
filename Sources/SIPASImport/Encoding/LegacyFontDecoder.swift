/// Text typed with a TCVN3 or VNI *font* but stored as Unicode: what Excel keeps when a sheet was
/// typed in ".VnTime" or "VNI-Times", and what it writes to "CSV UTF-8" or `.xlsx` ("Hµ Néi" for
/// Hà Nội). Each character is the Windows-1252 glyph of the legacy byte, so the text is mapped back
/// to those bytes and decoded with the encoding's table.
///
/// A cell holding a character outside Windows-1252 (real Unicode Vietnamese such as "ộ") is kept
/// as it is, and so is a cell the table cannot read: such cells are counted, never changed.
final class LegacyFontDecoder: LegacyDecoder {
    let encoding: CSVScanner.Encoding
    private let bytes: any LegacyDecoder

    /// Windows-1252's characters in 0x80…0x9F (WHATWG Encoding Standard, index windows-1252).
    static let windows1252: [UInt32: UInt8] = [
        0x20AC: 0x80, 0x201A: 0x82, 0x0192: 0x83, 0x201E: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87,
        0x02C6: 0x88, 0x2030: 0x89, 0x0160: 0x8A, 0x2039: 0x8B, 0x0152: 0x8C, 0x017D: 0x8E, 0x2018: 0x91,
        0x2019: 0x92, 0x201C: 0x93, 0x201D: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02DC: 0x98,
        0x2122: 0x99, 0x0161: 0x9A, 0x203A: 0x9B, 0x0153: 0x9C, 0x017E: 0x9E, 0x0178: 0x9F,
    ]

    /// `font` is `.tcvn3` or `.vni`.
    init(font: CSVScanner.Encoding) {
        encoding = font == .vni ? .vniFont : .tcvn3Font
        bytes = font == .vni ? VNIDecoder() as any LegacyDecoder : TCVN3Decoder()
    }

    /// The Windows-1252 bytes of `text`, or nil when a character has none.
    static func legacyBytes(_ text: Substring.UnicodeScalarView) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        for scalar in text {
            if scalar.value <= 0xFF {
                out.append(UInt8(scalar.value))
            } else if let byte = windows1252[scalar.value] {
                out.append(byte)
            } else {
                return nil
            }
        }
        return out
    }

    /// The field (UTF-8) decoded, or the field unchanged when it is not font text; never throws, so
    /// a bad UTF-8 byte is still reported by the UTF-8 check.
    func decode(_ field: [UInt8]) throws -> [UInt8] {
        guard let text = String(validating: field, as: UTF8.self),
            let legacy = Self.legacyBytes(Substring(text).unicodeScalars),
            let decoded = try? bytes.decode(legacy)
        else { return field }
        return decoded
    }

    /// `text` decoded, or nil when it is kept as it is.
    func decode(text: String) -> String? {
        guard let legacy = Self.legacyBytes(Substring(text).unicodeScalars), legacy.contains(where: { $0 >= 0x80 }),
            let decoded = try? bytes.decode(legacy)
        else { return nil }
        return String(decoding: decoded, as: UTF8.self)
    }
}

extension EncodingDetector {
    /// ASCII bytes that end a word: whitespace and `,;.:()"'/-_0123456789`.
    private static let asciiSeparators: [Bool] = (0..<128).map { byte in
        let scalar = Unicode.Scalar(UInt8(byte))
        return scalar.properties.isWhitespace || ",;.:()\"'/-_0123456789".unicodeScalars.contains(scalar)
    }

    /// Keeps `word` if it holds a non-ASCII character (an accented word).
    private static func collect(_ word: Substring.UnicodeScalarView, into words: inout [Substring]) {
        if !word.isEmpty, word.contains(where: { $0.value >= 0x80 }) { words.append(Substring(word)) }
    }

    /// Whether Unicode `texts` (valid UTF-8 cells, or an xlsx's shared strings) are TCVN3 or VNI
    /// font text: fewer than half their accented words are Vietnamese as they stand, more than
    /// nine in ten once decoded, and at least three of them.
    static func guessFont(_ texts: [String]) -> Guess? {
        // The first 500 accented words are evidence enough (and keep this cheap on large files).
        // Words are cut at separator scalars, stopping at the 500th word, rather than walking the
        // 64 KB sample by Character with a Unicode property and a hash lookup each: the sample is
        // read three times per file, and accented words can be sparse in it.
        var words: [Substring] = []
        for text in texts where words.count < 500 {
            let scalars = text.unicodeScalars
            var start = scalars.startIndex
            var i = start
            while i < scalars.endIndex && words.count < 500 {
                let next = scalars.index(after: i)
                let v = scalars[i].value
                if v < 0x80 ? Self.asciiSeparators[Int(v)] : scalars[i].properties.isWhitespace {
                    Self.collect(scalars[start..<i], into: &words)
                    start = next
                }
                i = next
            }
            if words.count < 500 { Self.collect(scalars[start..<i], into: &words) }
        }
        guard words.count >= minimumWords else { return nil }
        let asIs = words.filter { isVietnamese(String($0)) }.count
        guard asIs * 2 < words.count else { return nil }
        var best: (encoding: CSVScanner.Encoding, valid: Int)?
        var shares: [String] = ["as Unicode \(Int((Double(asIs) / Double(words.count) * 100).rounded())) %"]
        for font in [CSVScanner.Encoding.tcvn3, .vni] {
            let decoder = LegacyFontDecoder(font: font)
            let valid = words.filter { word in decoder.decode(text: String(word)).map(isVietnamese) ?? false }.count
            shares.append(
                "\(decoder.encoding.rawValue) \(Int((Double(valid) / Double(words.count) * 100).rounded())) %")
            if valid > best?.valid ?? -1 { best = (decoder.encoding, valid) }
        }
        guard let best, best.valid * 10 > words.count * 9 else { return nil }
        return Guess(
            encoding: best.encoding, confidence: Double(best.valid) / Double(words.count),
            evidence:
                "\(best.valid) of \(words.count) accented words read as Vietnamese once decoded from the font's glyphs; "
                + shares.joined(separator: ", "))
    }
}
