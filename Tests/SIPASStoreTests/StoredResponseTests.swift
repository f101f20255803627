import SIPASCore
import Testing

@testable import SIPASStore

/// The compact text form of attributes and answers: lossless, including separators inside values.
struct StoredResponseTests {
    @Test func aRecordRoundTrips() throws {
        let record = ResponseRecord(
            location: SourceLocation(file: "a.csv", row: 7), weight: 145.23, stratum: "01", cluster: "01592",
            attributes: ["2024-01-00001", "2024", "Hà Nội", "", "a\u{1F}b\u{1B}c", "\u{1B}s"],
            answers: [.code(5), .blank, .excluded(code: 9), .code(0), .code(-1), .blank], populationPSUs: 12
        )
        let stored = StoredResponse(record, respondentIndex: 0, yearIndex: 1)
        #expect(stored.respondentID == "2024-01-00001")
        #expect(stored.year == 2024)
        #expect(stored.answers == "5,,x9,0,-1,")
        #expect(stored.row == 7)
        #expect(try stored.record(file: "a.csv", batch: 1, attributeCount: 6, itemCount: 6) == record)
    }

    @Test func emptyLayoutsAndBadTextAreHandled() throws {
        let empty = ResponseRecord(
            location: SourceLocation(file: "e.csv", row: 2), weight: 1, stratum: "", cluster: "e.csv:2",
            attributes: [], answers: [])
        let stored = StoredResponse(empty, respondentIndex: nil, yearIndex: nil)
        #expect(stored.respondentID == nil && stored.year == nil)
        #expect(try stored.record(file: "e.csv", batch: 1, attributeCount: 0, itemCount: 0) == empty)
        var broken = stored
        broken.answers = "5,z"
        #expect(throws: StoreError(.corruptRow(batch: 3, row: 2, attributes: 0, answers: 2))) {
            try broken.record(file: "e.csv", batch: 3, attributeCount: 0, itemCount: 2)
        }
    }
}
