import Foundation
import SIPASCore
import Testing

@testable import SIPASImport

struct EncodingDetectorTests {
    let text =
        miniHeader + "\nF1,2024,01,Hà Nội,01001,10,dat_dai,Hài lòng,Rất hài lòng,Bình thường,Không hài lòng\n"
        + "F2,2024,46,Thừa Thiên Huế,46001,12,tu_phap,4,4,4,4\n"

    @Test func eachLegacyEncodingIsRecognisedWithItsConfidence() throws {
        let samples: [(CSVScanner.Encoding, [UInt8])] = [
            (.cp1258, try LegacyEncoding.cp1258(text)),
            (
                .tcvn3,
                LegacyEncoding.encode(
                    text.replacingOccurrences(of: "Rất", with: "rất").replacingOccurrences(of: "Bình", with: "bình")
                        .replacingOccurrences(of: "Không", with: "không").replacingOccurrences(
                            of: "Thừa Thiên Huế", with: "thừa thiên huế"
                        )
                        .replacingOccurrences(of: "Hài", with: "hài").replacingOccurrences(
                            of: "Hà Nội", with: "hà nội"), TCVN3Decoder())
            ),
            (.vni, LegacyEncoding.encode(text, VNIDecoder())),
        ]
        for (encoding, bytes) in samples {
            let guess = EncodingDetector.guess(bytes[...])
            #expect(guess.encoding == encoding, "\(guess)")
            #expect(guess.confidence == 1, "\(guess)")
            #expect(guess.evidence.hasPrefix("15 of 15 accented words read as Vietnamese"), "\(guess.evidence)")
        }
    }

    @Test func utf8AndAsciiAndMixedFilesStayUTF8() throws {
        #expect(EncodingDetector.guess(Array(text.utf8)[...]).encoding == .utf8)
        #expect(EncodingDetector.guess(Array(text.utf8)[...]).evidence == "16 non-ASCII characters, all valid UTF-8")
        // A character cut by the end of the sample is not counted ("ộ" is E1 BB 99).
        #expect(
            EncodingDetector.guess((Array(text.utf8) + [0xE1, 0xBB])[...]).evidence
                == "16 non-ASCII characters, all valid UTF-8")
        #expect(EncodingDetector.guess(Array("a,b\n1,2\n".utf8)[...]).evidence.hasPrefix("ASCII only"))
        // Mostly UTF-8 with one CP1258 field: read as UTF-8, so the foreign bytes are reported.
        let mixed = Array(text.utf8) + (try LegacyEncoding.cp1258("F3,2024,01,Hà Nội,01001,10,dat_dai,4,4,4,4\n"))
        let guess = EncodingDetector.guess(mixed[...])
        #expect(guess.encoding == .utf8 && guess.confidence == 0)
        // One accented word is too little to guess from.
        #expect(EncodingDetector.guess([UInt8]([0x48, 0xE0, 0x0A])[...]).encoding == .utf8)
    }

    @Test func legacyFilesImportToTheSameRecordsAsUTF8() throws {
        let (utf8Summary, expected) = try importMini(try temporaryFile("u.csv", text))
        #expect(utf8Summary.accepted == 2)
        for (name, bytes) in [
            ("c.csv", try LegacyEncoding.cp1258(text)), ("v.csv", LegacyEncoding.encode(text, VNIDecoder())),
        ] {
            let (summary, records) = try importMini(try temporaryFile(name, bytes))
            #expect(summary.accepted == 2, "\(summary.rejections.map { $0.message(.en) })")
            #expect(records.map(\.answers) == expected.map(\.answers))
            #expect(records.map(\.attributes) == expected.map(\.attributes))
            #expect(summary.encodingGuess?.confidence == 1)
            #expect((summary.normalisations["decoded from " + summary.encoding.rawValue] ?? 0) >= 4)
        }
    }

    @Test func anUndecodableByteNamesRowColumnAndOffset() throws {
        // TCVN3 forced on a file with byte 0x80 (not a TCVN3 letter) in row 3, column province_name.
        let bytes =
            Array((miniHeader + "\nF1,2024,01,Ha,01001,10,dat_dai,4,4,4,4\nF2,2024,01,X").utf8) + [0x80]
            + Array(",01001,10,dat_dai,4,4,4,4\n".utf8)
        let error = importError {
            try importMini(try temporaryFile("t.csv", bytes), options: ImportOptions(encoding: .tcvn3))
        }
        let offset = bytes.firstIndex(of: 0x80)!
        #expect(
            error
                == ImportError(
                    .undecodable(encoding: "tcvn3", byteOffset: offset, byte: 0x80),
                    at: .init(file: "t.csv", row: 3, column: "province_name", columnIndex: 3)))
        #expect(
            error?.message(.en).hasPrefix(
                "t.csv, row 3, column province_name (D): byte 80 (byte offset \(offset) of the file) cannot be read as tcvn3"
            ) == true)
    }
}
