import Foundation
import SIPASCore
import SIPASInstruments
import Testing

@testable import SIPASImport

struct InstrumentDetectorTests {
    /// The mini instrument with its item names prefixed, so that the mini header matches none of them.
    func renamed(_ id: String, prefix: String) throws -> Instrument {
        var other = try miniInstrument()
        other.id = id
        for i in other.questions.indices
        where other.scoredQuestions.contains(where: { $0.name == other.questions[i].name }) {
            other.questions[i].name = prefix + other.questions[i].name
            other.questions[i].label = .init(vi: prefix + other.questions[i].label.vi)
        }
        return other
    }

    @Test func picksTheInstrumentWhoseItemsAreInTheHeader() throws {
        let header = miniHeader.split(separator: ",").map(String.init)
        let (chosen, score) = try InstrumentDetector.detect(
            header: header, among: [try renamed("other", prefix: "x"), try miniInstrument()])
        #expect(chosen.id == "r-fixture")
        #expect(score == 1)
    }

    @Test func labelsCountAsKoboWritesThem() throws {
        let header = ["Mã phiếu", "Câu 1", "Câu 2", "Item 3"]
        let (chosen, score) = try InstrumentDetector.detect(header: header, among: [try miniInstrument()])
        #expect(chosen.id == "r-fixture" && score == 0.75)
    }

    @Test func tiesGoToFewerMissingRequiredQuestions() throws {
        var strict = try miniInstrument()
        strict.id = "strict"
        strict.questions[1].required = true  // year
        let header = ["form_id", "province_code", "commune_code", "weight", "s1", "s2", "s3", "s4"]
        #expect(
            try InstrumentDetector.detect(header: header, among: [strict, try miniInstrument()]).instrument.id
                == "r-fixture")
        #expect(
            try InstrumentDetector.detect(header: header, among: [try miniInstrument(), strict]).instrument.id
                == "r-fixture")
    }

    @Test func noMatchListsTheCandidatesAndTheirScores() throws {
        let error = importError {
            _ = try InstrumentDetector.detect(
                header: ["a", "s1", "s2"], among: [try miniInstrument(), try renamed("other", prefix: "x")],
                file: "z.csv")
        }
        #expect(
            error
                == ImportError(
                    .noInstrumentMatches([.init(id: "r-fixture", score: 0.5), .init(id: "other", score: 0)]),
                    at: .init(file: "z.csv", row: 1)))
        #expect(
            error?.message(.en)
                == "z.csv, row 1: no instrument has more than 50 % of its items in the header (r-fixture 50 %; other 0 %); choose one with --instrument"
        )
    }

    @Test func builtinDetectionScoresAsDetectionAmongTheDecodedInstruments() throws {
        let all = try BuiltinInstruments.all()
        for instrument in all {
            let header = instrument.questions.map(\.name)
            let serial = try InstrumentDetector.detect(header: header, among: all)
            // The second time from the choice the first one kept (when the cache is on).
            for _ in 0..<2 {
                let parallel = try InstrumentDetector.detectBuiltin(header: header)
                #expect(parallel.instrument == serial.instrument && parallel.score == serial.score)
            }
        }
        let error = importError { _ = try InstrumentDetector.detectBuiltin(header: ["a", "b"], file: "n.csv") }
        guard case .noInstrumentMatches(let candidates) = error?.kind else {
            Issue.record("\(String(describing: error))")
            return
        }
        #expect(candidates.map(\.id).sorted() == all.map(\.id).sorted())
    }

    @Test func readsTheHeaderOfAFile() throws {
        let url = try temporaryFile("h.csv", "\u{FEFF}a; b ;Ha\u{0300}\n1;2;3\n")
        #expect(try InstrumentDetector.readHeader(of: url) == ["a", "b", "Hà"])
        #expect(try InstrumentDetector.peekYear(of: try temporaryFile("y.csv", "id,year\n1,2025\n")) == 2025)
    }

    @Test func aNonUTF8HeaderIsReportedNotGuessed() throws {
        let url = try temporaryFile(
            "w.csv", Array("id,".utf8) + [0x4E, 0x61, 0x6D, 0x20, 0xE0] + Array("\n1,2\n".utf8))
        #expect(
            importError { _ = try InstrumentDetector.readHeader(of: url) }?.kind
                == .notUTF8(byteOffset: 7, bytes: [0xE0]))
    }
}
