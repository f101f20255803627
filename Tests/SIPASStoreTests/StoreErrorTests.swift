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
        .corruptRow(batch: 1, row: 2, attributes: 3, answers: 15), .badWeight(batch: "b", row: 3),
        .refused(reason: "rls"),
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

    @Test func aCorruptRowSaysWhatItLacks() {
        let both = StoreError.Kind.corruptRow(batch: 3, row: 2, attributes: 0, answers: 2)
        #expect(both.text(.en) == "batch 3, row 2: corrupt data (0 attributes and 2 answers expected)")
        #expect(both.text(.vi) == "lô 3, dòng 2: dữ liệu hỏng (cần 0 thuộc tính và 2 câu trả lời)")
        let answers = StoreError.Kind.corruptRow(batch: 3, row: 2, attributes: nil, answers: 15)
        #expect(answers.text(.en) == "batch 3, row 2: corrupt data (15 answers expected)")
        #expect(answers.text(.vi) == "lô 3, dòng 2: dữ liệu hỏng (cần 15 câu trả lời)")
    }
}
