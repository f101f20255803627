import Foundation
import SIPASCore
import SIPASTestSupport
import Testing

@testable import SIPASImport

struct LegacyFontDecoderTests {
    /// `text` as it shows when typed with the font: each legacy byte as its Windows-1252 character.
    static func fontText(_ text: String, _ decoder: any LegacyDecoder) -> String {
        String(String.UnicodeScalarView(LegacyEncoding.encode(text, decoder).map { Unicode.Scalar($0) }))
    }

    @Test func fontTextIsDecodedAndUnicodeIsKept() {
        let tcvn3 = LegacyFontDecoder(font: .tcvn3)
        let vni = LegacyFontDecoder(font: .vni)
        #expect(tcvn3.decode(text: "H\u{B5} N\u{E9}i") == "Hà Nội")
        #expect(vni.decode(text: "Xin cha\u{F8}o ca\u{F9}c ba\u{EF}n").map(\.nfc) == "Xin chào các bạn")
        #expect(tcvn3.decode(text: "Tiến") == nil)  // ế is not a Windows-1252 character: real Unicode
        #expect(tcvn3.decode(text: "plain") == nil)  // nothing to decode
        #expect(Self.fontText("Hài lòng", TCVN3Decoder()) == "H\u{B5}i l\u{DF}ng")
    }

    @Test func fontTextIsDetectedWithItsConfidence() throws {
        let words = ["Hài lòng", "Rất hài lòng", "Không hài lòng", "Bình thường", "thừa thiên huế", "đất đai"]
        let tcvn3 = EncodingDetector.guessFont(words.map { Self.fontText($0.lowercased(), TCVN3Decoder()) })
        #expect(tcvn3?.encoding == .tcvn3Font && tcvn3?.confidence == 1, "\(String(describing: tcvn3))")
        let vni = EncodingDetector.guessFont(words.map { Self.fontText($0, VNIDecoder()) })
        #expect(vni?.encoding == .vniFont && vni?.confidence == 1, "\(String(describing: vni))")
        #expect(EncodingDetector.guessFont(words) == nil)  // Unicode as it should be
        #expect(EncodingDetector.guessFont(["Café crème", "naïve"]) == nil)  // too little evidence
    }

    @Test func aWorkbookTypedInTCVN3ImportsLikeUnicode() throws {
        let csv =
            miniHeader
            + "\nF1,2024,01,Hà Nội,01001,120.5,đất đai,hài lòng,rất hài lòng,bình thường,\nF2,2024,02,Hà Giang,02001,80,tu_phap,1,2,3,4\n"
        let (_, expected) = try importMini(try temporaryFile("u.csv", csv))
        let url = try Fixtures.temporaryDirectory().appendingPathComponent("vntime.xlsx")
        let rows = XLSXWriter.rows(fromCSV: csv).map { row in
            row.map { cell -> XLSXCell? in
                if case .text(let text)? = cell { return .text(Self.fontText(text, TCVN3Decoder())) }
                return cell
            }
        }
        try XLSXWriter.write([("Data", rows)], to: url)
        let (summary, records) = try importMini(url)
        #expect(
            summary.encoding == .tcvn3Font && summary.encodingGuess?.confidence == 1,
            "\(String(describing: summary.encodingGuess))")
        #expect(summary.accepted == 2, "\(summary.rejections.map { $0.message(.en) })")
        #expect(
            records.map(\.answers) == expected.map(\.answers) && records.map(\.attributes) == expected.map(\.attributes)
        )
        #expect((summary.normalisations["decoded from tcvn3-font"] ?? 0) >= 5)
    }

    @Test func aUTF8CSVTypedInVNIIsDetected() throws {
        let csv = miniHeader + "\nF1,2024,01,Hà Nội,01001,120.5,Đất đai,Hài lòng,Rất hài lòng,Bình thường,\n"
        let (summary, records) = try importMini(try temporaryFile("vni.csv", Self.fontText(csv, VNIDecoder())))
        #expect(summary.encoding == .vniFont)
        #expect(summary.accepted == 1 && records.first?.answers == [.code(4), .code(5), .code(3), .blank])
    }
}
