import Foundation
import SIPASCore
import Testing

@testable import SIPASImport

/// Encoders for the tests, built by inverting the decoders (CP1258 through the `iconv` program).
enum LegacyEncoding {
    static func cp1258(_ text: String) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        process.arguments = ["-f", "UTF-8", "-t", "CP1258"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Array(data)
    }

    /// Character → bytes, from every byte (TCVN3) or vowel + mark byte (VNI) the decoder reads.
    static func table(_ decoder: any LegacyDecoder) -> [Character: [UInt8]] {
        var table: [Character: [UInt8]] = [:]
        var candidates: [[UInt8]] = (0x80...0xFF).map { [UInt8($0)] }
        for vowel in Array("aeouyAEOUY".utf8) + [0xF4, 0xD4, 0xF6, 0xD6] {
            for mark in 0x80...0xFF { candidates.append([vowel, UInt8(mark)]) }
        }
        for bytes in candidates {
            guard let decoded = try? decoder.decode(bytes) else { continue }
            let text = String(decoding: decoded, as: UTF8.self).nfc
            if text.count == 1, let character = text.first,
                table[character] == nil || bytes.count < table[character]!.count
            {
                table[character] = bytes
            }
        }
        return table
    }

    static func encode(_ text: String, _ decoder: any LegacyDecoder) -> [UInt8] {
        let table = table(decoder)
        return text.nfc.flatMap { character -> [UInt8] in
            character.isASCII ? Array(String(character).utf8) : table[character] ?? [0x3F]
        }
    }
}

struct LegacyDecoderTests {
    let sample = "Hà Nội;Thừa Thiên Huế;Rất không hài lòng;Đất đai"

    @Test func cp1258IsDecodedThroughIconvAndFlushed() throws {
        // `iconv -f utf-8 -t cp1258`: tones are combining bytes after the letter (ộ = F4 F2).
        let bytes = try LegacyEncoding.cp1258(sample)
        #expect(Array(bytes.prefix(7)) == [0x48, 0xE0, 0x20, 0x4E, 0xF4, 0xF2, 0x69])
        let decoded = try CP1258Decoder().decode(bytes)
        #expect(String(decoding: decoded, as: UTF8.self).nfc == sample)
        // The last letter before the end of the field is flushed: "ộ" at the very end.
        let ending = try CP1258Decoder().decode([0x4E, 0xF4, 0xF2])
        #expect(String(decoding: ending, as: UTF8.self).nfc == "Nộ")
    }

    @Test func tcvn3ReadsKnownSpellings() throws {
        // Latin-1 renderings of TCVN3 text as it circulates: "B¶o Th¾ng" is Bảo Thắng, "Kh¬ng" Khương.
        let decoder = TCVN3Decoder()
        func read(_ latin1: String) throws -> String {
            String(decoding: try decoder.decode(latin1.unicodeScalars.map { UInt8($0.value) }), as: UTF8.self)
        }
        #expect(try read("B\u{B6}o Th\u{BE}ng") == "Bảo Thắng")
        #expect(try read("M\u{AD}\u{EA}ng Kh\u{AD}\u{AC}ng") == "Mường Khương")
        #expect(try read("B\u{B8}t X\u{B8}t \u{A7}\u{B8}nh gi\u{B8}") == "Bát Xát Đánh giá")
        #expect(throws: Undecodable.self) { try decoder.decode([0x41, 0x80]) }
    }

    @Test func tcvn3TableAgreesWithGlibcWhereTheyOverlap() throws {
        // glibc's TCVN5712-1 is VN1: its lowercase letters and ĂÂÊÔƠƯĐ sit where TCVN3 puts them.
        let decoder = TCVN3Decoder()
        var compared = 0
        for byte in UInt8(0xA1)...UInt8(0xFE) where TCVN3Decoder.table[Int(byte)] != 0 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
            process.arguments = ["-f", "TCVN5712-1", "-t", "UTF-8"]
            let input = Pipe()
            let output = Pipe()
            process.standardInput = input
            process.standardOutput = output
            try process.run()
            input.fileHandleForWriting.write(Data([byte]))
            try input.fileHandleForWriting.close()
            let glibc = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(String(decoding: try decoder.decode([byte]), as: UTF8.self) == glibc, "byte \(byte)")
            compared += 1
        }
        #expect(compared == 14 + 5 + 4 + 7 + 11 + 4 + 15 + 14)
    }

    @Test func vniReadsKnownSpellings() throws {
        // "Xin chaøo caùc baïn" is how VNI text shows in a Windows-1252 font: Xin chào các bạn.
        let decoder = VNIDecoder()
        func read(_ latin1: String) throws -> String {
            String(decoding: try decoder.decode(latin1.unicodeScalars.map { UInt8($0.value) }), as: UTF8.self).nfc
        }
        #expect(try read("Xin cha\u{F8}o ca\u{F9}c ba\u{EF}n") == "Xin chào các bạn")
        #expect(
            try read("\u{D1}a\u{E1}t \u{F1}ai, Tho\u{E2}ng tin, ng\u{F6}\u{F4}\u{F8}i da\u{E2}n")
                == "Đất đai, Thông tin, người dân")
        #expect(throws: Undecodable.self) { try decoder.decode([0x61, 0xE2, 0xE1]) }  // a mark may not follow a mark …
        #expect(throws: Undecodable.self) { try decoder.decode([0x62, 0xF9]) }  // … nor a consonant
    }

    @Test func everyVietnameseLetterRoundTripsThroughTCVN3AndVNI() throws {
        let lower = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ"
        let vni = VNIDecoder()
        let all = lower + lower.uppercased()
        let encoded = LegacyEncoding.encode(all, vni)
        #expect(String(decoding: try vni.decode(encoded), as: UTF8.self).nfc == all)
        let tcvn3 = TCVN3Decoder()
        let back = String(decoding: try tcvn3.decode(LegacyEncoding.encode(lower, tcvn3)), as: UTF8.self)
        #expect(back == lower)
    }
}
