import SIPASCore
import SIPASTestSupport
import Testing

@testable import SIPASStore

/// The store errors' catalog: every kind and every reason in both languages, keys unique.
struct StoreErrorTests {
    static let kinds: [StoreError.Kind] = [
        .cannotOpen(reason: "x"), .locked(seconds: 5), .diskFull, .connectionLost(reason: "reset"),
        .batchExists(name: "b", sha256: "0123456789abcdef"), .noSuchBatch("b"),
        .noResponses(year: 2024, instrument: "x"),
        .severalInstruments(["a", "b"]), .layoutChanged(instrument: "x", batch: "b"),
        .corruptRow(batch: 1, row: 2, detail: "d"), .badWeight(batch: "b", row: 3), .refused(reason: "rls"),
        .database(code: 19, message: "m"),
    ]

    @Test func everyMessageHasDistinctNFCTextInBothLanguagesAndAUniqueKey() {
        #expect(MessageCatalogCheck.problems(Self.kinds) == [])
        #expect(MessageCatalogCheck.problems([StoreMessage.noSuchFile, .sqliteOnly, .postgresURLNeeded]) == [])
    }

    @Test func theMessageNamesTheStore() {
        let error = StoreError(.noResponses(year: 2024, instrument: nil), store: "s.db")
        #expect(error.description == "s.db: the store holds no responses (year 2024)")
        #expect(error.message(.vi) == "s.db: kho không có phiếu nào (năm 2024)")
        #expect(StoreError(.diskFull).message(.en).hasPrefix("the disk is full"))
    }
}
