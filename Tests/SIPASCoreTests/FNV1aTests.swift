import Testing

@testable import SIPASCore

/// 64-bit FNV-1a against the FNV reference vectors (Tests/Fixtures/psu-hash/README.md).
struct FNV1aTests {
    private static func hash(_ text: String) -> UInt64 {
        Array(text.utf8).withUnsafeBufferPointer { FNV1a.hash($0) }
    }

    @Test func matchesTheReferenceVectors() {
        #expect(Self.hash("") == 0xcbf2_9ce4_8422_2325)
        #expect(Self.hash("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(Self.hash("foobar") == 0x8594_4171_f739_67e8)
    }

    @Test func theSequenceFormGivesTheSameHash() {
        #expect(FNV1a.hash("foobar".utf8) == 0x8594_4171_f739_67e8)
        #expect(FNV1a.hash(Array("foobar".utf8)[...]) == 0x8594_4171_f739_67e8)
        #expect(FNV1a.hash([UInt8]()) == FNV1a.offsetBasis)
    }

    @Test func continuingFromAHashIsHashingTheJoinedBytes() {
        let foo = Self.hash("foo")
        let continued = Array("bar".utf8).withUnsafeBufferPointer { FNV1a.hash($0, continuing: foo) }
        #expect(continued == 0x8594_4171_f739_67e8)
        #expect(FNV1a.hash("bar".utf8, continuing: foo) == 0x8594_4171_f739_67e8)
        let byByte = "foobar".utf8.reduce(FNV1a.offsetBasis) { FNV1a.hash(byte: $1, continuing: $0) }
        #expect(byByte == 0x8594_4171_f739_67e8)
    }
}
