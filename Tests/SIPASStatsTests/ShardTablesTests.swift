import Testing

@testable import SIPASStats

/// The fast sums' integer table and byte interner agree with `Dictionary`.
struct ShardTablesTests {
    @Test func wordTableFindsEveryKeyThroughGrowth() {
        var table = WordTable()
        var reference: [UInt64: Int32] = [:]
        var generator = SplitMix(seed: 7)
        for i in 0..<20_000 {
            // Keys that collide in their low bits, zero included.
            let key = i % 3 == 0 ? UInt64(i) << 32 : generator.next()
            if reference[key] == nil {
                #expect(table.value(key) == -1)
                table.insert(key, Int32(i))
                reference[key] = Int32(i)
            }
        }
        for (key, value) in reference { #expect(table.value(key) == value) }
        #expect(table.value(0xdead_beef_0000_0001) == (reference[0xdead_beef_0000_0001] ?? -1))
    }

    @Test func byteInternerGivesOneIdPerDistinctString() {
        var interner = ByteInterner()
        var ids: [[UInt8]: Int32] = [:]
        let strata = ["01", "79", "", "1"]
        let clusters = ["00001", "00001\u{1f}", "", "x", "2"]
        for round in 0..<3 {
            for s in strata {
                for c in clusters {
                    let a = Array(s.utf8)
                    let b = Array(c.utf8)
                    // A deliberately poor hash: every key shares it, so the bytes decide.
                    let (id, isNew) = a.withUnsafeBufferPointer { a in
                        b.withUnsafeBufferPointer { b in interner.id(a, b, hash: 42) }
                    }
                    let key = a + [0x1f] + b
                    #expect(isNew == (round == 0 && ids[key] == nil))
                    if let known = ids[key] { #expect(id == known) } else { ids[key] = id }
                    #expect(Array(interner.key(id)) == key)
                }
            }
        }
        #expect(interner.count == ids.count)
        // ("a", "\u{1f}b") and ("a\u{1f}", "b") have the same bytes but are two PSUs.
        let one = Array("a".utf8)
        let two = Array("\u{1f}b".utf8)
        let three = Array("a\u{1f}".utf8)
        let four = Array("b".utf8)
        let first = one.withUnsafeBufferPointer { a in
            two.withUnsafeBufferPointer { b in interner.id(a, b, hash: 9).id }
        }
        let second = three.withUnsafeBufferPointer { a in
            four.withUnsafeBufferPointer { b in interner.id(a, b, hash: 9).id }
        }
        #expect(Array(interner.key(first)) == Array("a\u{1f}\u{1f}b".utf8))
        #expect(Array(interner.key(second)) == Array("a\u{1f}\u{1f}b".utf8))
        #expect(first != second)
    }
}

/// A small deterministic generator for test keys.
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
