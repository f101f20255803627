import Testing

@testable import SIPASBlocks

struct BatchPoolTests {
    @Test func storesComeBackEmptyWithRoomForTheRowsAsked() {
        let pool = BatchPool()
        var stores = pool.take(rows: 4, columns: 3, items: 2)
        stores.starts.append(7)
        stores.codes.append(repeating: 1, count: 50)
        let starts = stores.starts.base
        pool.give(stores)
        // Taken back: empty, the same memory where it was large enough, grown where it was not.
        var again = pool.take(rows: 4, columns: 3, items: 2)
        #expect(again.starts.count == 0 && again.codes.count == 0)
        #expect(again.starts.base == starts)
        pool.give(again)
        again = pool.take(rows: 1000, columns: 3, items: 2)
        let room = again.starts.base
        for k in 0..<3000 { again.starts.append(Int32(k)) }
        #expect(again.starts.base == room, "no growth: room for 1 000 rows × 3 columns was made")
        #expect(again.starts.count == 3000 && again.starts[2999] == 2999)
        pool.give(again)
    }

    @Test func keepsAtMostItsLimit() {
        let pool = BatchPool()
        let sets = (0..<(BatchPool.limit + 5)).map { _ in BatchStores(rows: 1, columns: 1, items: 1) }
        for stores in sets { pool.give(stores) }
        var taken: [UnsafeMutablePointer<Int32>] = []
        for _ in 0..<(BatchPool.limit + 5) { taken.append(pool.take(rows: 1, columns: 1, items: 1).lines.base) }
        let kept = Set(sets.prefix(BatchPool.limit).map(\.lines.base))
        #expect(taken.filter(kept.contains).count == BatchPool.limit)
    }
}
