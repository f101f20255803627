import Foundation
import SIPASCore
import SIPASInstruments
import Testing
@testable import SIPASImport

struct InstrumentDetectorTests {
    @Test func picksTheInstrumentWhoseItemsAreInTheHeader() throws {
        let mini = try miniInstrument()
        var other = mini
        other.id = "other"
        other.questions = other.questions.map { q in
            var q = q
            if q.name.hasPrefix("s") && q.name.count == 2 { q.name = "x" + q.name }
            return q
        }
        let header = miniHeader.split(separator: ",").map(String.init)
        let (chosen, score) = try InstrumentDetector.detect(header: header, among: [other, mini])
        #expect(chosen.id == "r-fixture")
        #expect(score == 1)
    }

    @Test func noMatchListsTheCandidates() throws {
        #expect(throws: ImportError(.noInstrumentMatches(["r-fixture 0 %"]), at: .init(file: "z.csv", row: 1))) {
            try InstrumentDetector.detect(header: ["a", "b"], among: [try miniInstrument()], file: "z.csv")
        }
    }

    @Test func readsTheHeaderOfAFile() throws {
        let url = try temporaryFile("h.csv", "\u{FEFF}a; b ;c\n1;2;3\n")
        #expect(try InstrumentDetector.readHeader(of: url) == ["a", "b", "c"])
    }
}
