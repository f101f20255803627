import Foundation
import SIPASCore

/// The encoding a user asks for with `--encoding`.
public enum EncodingChoice: String, Sendable, CaseIterable {
    case auto, utf8, utf16, cp1258, tcvn3, vni
}

/// Guesses the encoding of a file without a byte-order mark from its first chunk, and says how sure it is.
///
/// - Valid UTF-8 with non-ASCII letters: UTF-8, certain (legacy Vietnamese text is almost never valid UTF-8).
/// - ASCII only: UTF-8 (every candidate reads the sample alike; a later non-UTF-8 byte still stops
///   the import with its row and column).
/// - Valid UTF-8 sequences mixed with invalid bytes: UTF-8, so the bad bytes are reported, never
///   decoded as something else (a file pasted together from two encodings).
/// - Otherwise each of CP1258, TCVN3 and VNI decodes the sample, and the one whose accented words
///   are most often well-formed Vietnamese (Vietnamese letters only, at most one tone) wins when
///   more than half of them are and there are at least three; else UTF-8, and the bad bytes are
///   reported with their row and column.
public enum EncodingDetector {
    public struct Guess: Sendable, Hashable {
        public var encoding: CSVScanner.Encoding
        /// Share of accented words that read as Vietnamese (1 for certain UTF-8).
        public var confidence: Double
        /// How the guess was made, in English ("412 of 415 accented words are Vietnamese; vni 0 %, tcvn3 2 %").
        public var evidence: String
    }

    static let minimumWords = 3

    static func guess(_ sample: ArraySlice<UInt8>) -> Guess {
        let bytes = Array(sample)
        guard bytes.contains(where: { $0 >= 0x80 }) else {
            return Guess(encoding: .utf8, confidence: 1, evidence: "ASCII only in the first \(bytes.count) bytes")
        }
        // A multi-byte character cut at the end of the sample is not an error.
        let invalid = CellDecoder.firstInvalidUTF8(bytes)
        let validUTF8 = invalid.map { $0 >= bytes.count - 3 && !bytes[$0...].contains { $0 < 0x80 } } ?? true
        if validUTF8 {
            // In valid UTF-8 every non-ASCII character starts with one lead byte (≥ 0xC0); a
            // character cut by the end of the sample is not counted.
            let multibyte = bytes.withUnsafeBufferPointer { buffer in
                // Eight bytes at a time: a lead byte has its two top bits set.
                let end = invalid ?? buffer.count
                var count = 0
                var i = 0
                while i + 8 <= end {
                    let word = UnsafeRawPointer(buffer.baseAddress! + i).loadUnaligned(as: UInt64.self)
                    count += (word & (word << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
                    i += 8
                }
                for byte in buffer[i..<end] where byte >= 0xC0 { count += 1 }
                return count
            }
            return Guess(encoding: .utf8, confidence: 1, evidence: "\(multibyte) non-ASCII characters, all valid UTF-8")
        }
        let covered = utf8Sequences(bytes).bytes
        // Legacy text forms a valid UTF-8 pair only by chance: when a fifth or more of the high bytes
        // are in UTF-8 sequences, the file is UTF-8 with some foreign bytes.
        if covered * 5 >= bytes.filter({ $0 >= 0x80 }).count {
            return Guess(
                encoding: .utf8, confidence: 0, evidence: "valid UTF-8 characters mixed with bytes that are not UTF-8")
        }
        var scores: [(encoding: CSVScanner.Encoding, valid: Int, words: Int)] = []
        for encoding in [CSVScanner.Encoding.cp1258, .tcvn3, .vni] {
            guard let decoder = try? encoding.makeLegacyDecoder() else { continue }
            let (valid, words) = plausibility(bytes, decoder)
            scores.append((encoding, valid, words))
        }
        func share(_ s: (encoding: CSVScanner.Encoding, valid: Int, words: Int)) -> Double {
            s.words == 0 ? 0 : Double(s.valid) / Double(s.words)
        }
        // Fewer than three accented words is too little evidence: read as UTF-8 and report the bytes.
        guard let best = scores.max(by: { share($0) < share($1) }), share(best) > 0.5, best.words >= minimumWords else {
            let list = scores.map { "\($0.encoding.rawValue) \(Int((share($0) * 100).rounded())) %" }.joined(
                separator: ", ")
            return Guess(
                encoding: .utf8, confidence: 0, evidence: "not UTF-8, and no Vietnamese encoding reads it (\(list))")
        }
        let others = scores.filter { $0.encoding != best.encoding }
            .map { "\($0.encoding.rawValue) \(Int((share($0) * 100).rounded())) %" }.joined(separator: ", ")
        return Guess(
            encoding: best.encoding, confidence: share(best),
            evidence: "\(best.valid) of \(best.words) accented words read as Vietnamese; \(others)")
    }

    /// Number of well-formed multi-byte UTF-8 sequences, and the bytes they cover.
    static func utf8Sequences(_ bytes: [UInt8]) -> (count: Int, bytes: Int) {
        var count = 0
        var covered = 0
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length = b >= 0xF0 && b <= 0xF4 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 && b <= 0xDF ? 2 : 1
            if length > 1, i + length <= bytes.count, bytes[(i + 1)..<(i + length)].allSatisfy({ $0 & 0xC0 == 0x80 }),
                CellDecoder.firstInvalidUTF8(Array(bytes[i..<(i + length)])) == nil
            {
                count += 1
                covered += length
                i += length
            } else {
                i += 1
            }
        }
        return (count, covered)
    }

    /// Splits the sample into words at ASCII non-letters and counts, among the words holding a byte
    /// ≥ 0x80, those the decoder reads as Vietnamese.
    static func plausibility(_ bytes: [UInt8], _ decoder: any LegacyDecoder) -> (valid: Int, words: Int) {
        var valid = 0
        var words = 0
        var start = 0
        func isWordByte(_ b: UInt8) -> Bool { b >= 0x80 || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }
        var i = 0
        while i <= bytes.count {
            if i == bytes.count || !isWordByte(bytes[i]) {
                if i > start, bytes[start..<i].contains(where: { $0 >= 0x80 }) {
                    words += 1
                    if let decoded = try? decoder.decode(Array(bytes[start..<i])),
                        isVietnamese(String(decoding: decoded, as: UTF8.self))
                    {
                        valid += 1
                    }
                }
                start = i + 1
            }
            i += 1
        }
        return (valid, words)
    }

    static let vietnameseLetters: Set<Character> = Set(
        "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđbcdghklmnpqrstvxfjwz"
    )
    static let toned: Set<Character> = Set("àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ")

    /// Letters of the Vietnamese alphabet only (any case, NFC), with at most one tone.
    static func isVietnamese(_ word: String) -> Bool {
        var tones = 0
        for character in word.nfc.lowercased() {
            guard vietnameseLetters.contains(character) else { return false }
            if toned.contains(character) { tones += 1 }
        }
        return tones <= 1
    }
}
