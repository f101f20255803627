import Foundation
import Testing

@testable import SIPASCore

/// The shortcuts of `nfc` and `looseKey` against Foundation's general path.
struct StringNormalizationTests {
    /// A small seeded generator (SplitMix64), so that a failure can be replayed.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let stableScalars: [Unicode.Scalar] =
        ([0x20...0x2FF, 0x1E00...0x1EFF, 0x2010...0x2027] as [ClosedRange<UInt32>])
        .flatMap { $0 }.compactMap(Unicode.Scalar.init)

    @Test func everyScalarTakenAsComposedIsUnchangedByNFC() {
        for scalar in Self.stableScalars {
            let text = String(String.UnicodeScalarView([scalar]))
            #expect(String.isStableComposed(scalar))
            #expect(
                Array(text.precomposedStringWithCanonicalMapping.unicodeScalars) == [scalar],
                "U+\(String(scalar.value, radix: 16))")
        }
        for v: UInt32 in [0x300, 0x301, 0x323, 0x2000, 0x2001, 0x212B, 0x1F71] {
            #expect(!String.isStableComposed(Unicode.Scalar(v)!))
        }
    }

    @Test func nfcShortcutAgreesWithFoundationOnRandomText() {
        var random = Seeded(state: 2024)
        let marks = (0x300...0x36F).compactMap(Unicode.Scalar.init)
        for _ in 0..<5000 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 1...8, using: &random) {
                scalars.append(
                    Int.random(in: 0..<10, using: &random) == 0
                        ? marks.randomElement(using: &random)! : Self.stableScalars.randomElement(using: &random)!)
            }
            let text = String(scalars)
            #expect(
                Array(text.nfc.unicodeScalars) == Array(text.precomposedStringWithCanonicalMapping.unicodeScalars),
                "\(text.unicodeScalars.map { $0.value })")
        }
        let decomposed = "Ha\u{0300} No\u{0302}\u{0323}i"
        #expect(decomposed.nfc.unicodeScalars.elementsEqual("Hà Nội".unicodeScalars))
    }

    @Test func latinLooseKeyAgreesWithFoundationOnRandomText() throws {
        var random = Seeded(state: 1975)
        let pool: [Unicode.Scalar] =
            Array("aAzZ09 _-./\t,:()ĐđƠơƯư".unicodeScalars)
            + ([0xC0...0x24F, 0x300...0x36F, 0x1E00...0x1EFF] as [ClosedRange<UInt32>]).flatMap { $0 }.compactMap(
                Unicode.Scalar.init)
        var shortcuts = 0
        for _ in 0..<5000 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...10, using: &random) { scalars.append(pool.randomElement(using: &random)!) }
            let text = String(scalars)
            if let key = text.latinLooseKey {
                shortcuts += 1
                #expect(key == text.foundationLooseKey, "\(text.unicodeScalars.map { $0.value })")
            }
            #expect(text.looseKey == text.foundationLooseKey)
        }
        #expect(shortcuts > 1000)
        #expect("Hài lòng".latinLooseKey == "hai long")
        #expect("Ｈài".latinLooseKey == nil)
    }
}
