import Foundation
import SIPASCore
import Testing

@testable import SIPASImport

struct CellDecoderTests {
    @Test func firstInvalidByteIsFoundAfterValidVietnamese() {
        // `iconv -f utf-8 -t cp1258` of "Hà Nội": à is E0, ộ is F4 + combining F2.
        let cp1258: [UInt8] = [0x48, 0xE0, 0x20, 0x4E, 0xF4, 0xF2, 0x69]
        #expect(CellDecoder.firstInvalidUTF8(cp1258) == 1)
        #expect(CellDecoder.firstInvalidUTF8(Array("Hà Nội".utf8) + cp1258) == Array("Hà Nội".utf8).count + 1)
        #expect(CellDecoder.firstInvalidUTF8(Array("Hà Nội 😀".utf8)) == nil)
        #expect(CellDecoder.firstInvalidUTF8([0x61, 0xC0, 0x80]) == 1)  // overlong NUL
        #expect(CellDecoder.firstInvalidUTF8([0xED, 0xA0, 0x80]) == 0)  // surrogate D800
        #expect(CellDecoder.firstInvalidUTF8([0x61, 0xE1, 0xBB]) == 1)  // cut short
        #expect(CellDecoder.firstInvalidUTF8([0xF4, 0x90, 0x80, 0x80]) == 0)  // above U+10FFFF
    }

    @Test func contiguousBytesSkippingASCIIFindTheSameByteAsTheGenericWalk() {
        // Runs of ASCII of every length around a word's eight bytes, then a bad or a good byte.
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...6, using: &generator) {
                bytes += (0..<Int.random(in: 0...19, using: &generator)).map { _ in
                    UInt8.random(in: 0x20...0x7E, using: &generator)
                }
                bytes += [[0xC3, 0xA0], [0xE1, 0xBB, 0x99], [0xE0], [0xF4, 0x90, 0x80, 0x80], [0xE1, 0xBB]]
                    .randomElement(using: &generator)!
            }
            let generic = CellDecoder.firstInvalidUTF8(bytes.lazy.map { $0 })
            #expect(CellDecoder.firstInvalidUTF8(bytes) == generic)
            #expect(CellDecoder.firstInvalidUTF8(bytes[...]) == generic)
        }
    }

    @Test func trimmingAndNFCAreCounted() {
        var counts: [String: Int] = [:]
        #expect(CellDecoder.normalise("Ha\u{0300} No\u{0302}\u{0323}i", counts: &counts) == "Hà Nội")
        #expect(CellDecoder.normalise("\u{00A0} 4 \t", counts: &counts) == "4")
        #expect(CellDecoder.normalise("Hà Nội", counts: &counts) == "Hà Nội")
        #expect(counts == ["NFC": 1, "trimmed spaces": 1])
    }

    @Test func decodingNamesRowColumnAndFileOffset() throws {
        // Quoted field with a doubled quote before the bad byte: the file offset counts both quote bytes.
        let bytes = Array("a,b\n1,\"x\"\"".utf8) + [0xE0] + Array("\"\n".utf8)
        let scanner = try CSVScanner(url: try temporaryFile("o.csv", bytes))
        _ = try scanner.next()
        let record = try #require(try scanner.next())
        var counts: [String: Int] = [:]
        let error = importError {
            _ = try CellDecoder(file: "o.csv").decode(record, header: ["a", "b"], counts: &counts)
        }
        #expect(
            error
                == ImportError(
                    .notUTF8(byteOffset: 10, bytes: [0xE0]),
                    at: .init(file: "o.csv", row: 2, column: "b", columnIndex: 1)))
        #expect(bytes[10] == 0xE0)
    }
}
