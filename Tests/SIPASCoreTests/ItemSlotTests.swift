import Testing

@testable import SIPASCore

/// The sums layout: each item's slots side by side, then rows and weight, nothing shared.
struct ItemSlotTests {
    @Test func slotsTileTheVectorWithoutGapsOrOverlap() {
        #expect(ItemSlot.count == ItemSlot.allCases.count)
        let items = 4
        var indices = (0..<items).flatMap { j in ItemSlot.allCases.map { $0.index(item: j) } }
        indices += [ItemSlot.rowsIndex(items: items), ItemSlot.weightIndex(items: items)]
        #expect(indices == Array(0..<(ItemSlot.count * items + 2)))
        #expect(ItemSlot.codeWeight.index(item: 2) == 2 * ItemSlot.count + 2)
    }

    @Test func weightedSlotsAreTheSumsOfWeightsAndTheCountsAreNot() {
        #expect(
            ItemSlot.allCases.filter(\.isWeighted) == [.validWeight, .satisfiedWeight, .codeWeight, .codeSquareWeight])
        for slot in ItemSlot.allCases {
            // A weighted slot sums w (or w times the code), a count counts rows.
            #expect(slot.sqlAggregate.contains("sum(w") == slot.isWeighted, "\(slot): \(slot.sqlAggregate)")
            #expect(slot.sqlAggregate.contains("count(*)") == !slot.isWeighted)
        }
    }
}
