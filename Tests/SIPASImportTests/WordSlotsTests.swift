import Testing

@testable import SIPASImport

/// The respondent-id table's memory: zeroed, huge-page aligned when large, copied on demand.
struct WordSlotsTests {
    @Test(arguments: [1, 4096, 1 << 18, (1 << 21) + 3])
    func startsZeroedAndKeepsWhatIsWritten(count: Int) {
        let slots = WordSlots(count: count)
        #expect(slots.count == count)
        #expect(slots.buffer.allSatisfy { $0 == 0 })
        for i in stride(from: 0, to: count, by: max(count / 97, 1)) {
            slots.base[i] = UInt64(i) &* 0x9E37_79B9_7F4A_7C15 | 1
        }
        for i in stride(from: 0, to: count, by: max(count / 97, 1)) {
            #expect(slots.base[i] == UInt64(i) &* 0x9E37_79B9_7F4A_7C15 | 1)
        }
        #expect(slots.buffer.last != nil)
    }

    @Test func aLargeTableStartsOnAHugePageBoundary() {
        let slots = WordSlots(count: WordSlots.hugePage / 8 * 3)
        #expect(Int(bitPattern: slots.base) % WordSlots.hugePage == 0)
    }

    @Test func aCopyIsIndependent() {
        let slots = WordSlots(count: 1 << 19)
        slots.base[12_345] = 42
        let copy = slots.copy()
        copy.base[12_345] = 7
        copy.base[0] = 1
        #expect(slots.base[12_345] == 42)
        #expect(slots.base[0] == 0)
        #expect(copy.base[12_345] == 7)
    }
}
