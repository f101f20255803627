import Testing
@testable import SIPASImport

struct HeaderMatcherTests {
    let header = miniHeader.split(separator: ",").map(String.init)

    @Test func exactNamesNeedNoNote() throws {
        let match = try HeaderMatch.match(header: header + ["extra"], instrument: try miniInstrument(), file: "a.csv")
        #expect(match.notes.isEmpty)
        #expect(match.unmatched == ["extra"])
        #expect(match.questionOfColumn.prefix(11).allSatisfy { $0 != nil })
    }

    @Test func looseNamesGroupPathsAndLabelsAreMatchedAndReported() throws {
        var loose = header
        loose[7] = "S1"                  // case
        loose[8] = "grp-s2"              // ODK group path
        loose[9] = "Câu 3"               // Vietnamese label
        loose[10] = "item 4"             // English label, any case
        let match = try HeaderMatch.match(header: loose, instrument: try miniInstrument(), file: "a.csv")
        #expect(match.notes == [
            "'S1' → s1 (name, ignoring case and accents)", "'grp-s2' → s2 (group path)",
            "'Câu 3' → s3 (label)", "'item 4' → s4 (label)",
        ])
        #expect(match.unmatched.isEmpty)
    }

    @Test func twoColumnsForOneQuestionAreAnError() throws {
        #expect(throws: ImportError.self) {
            try HeaderMatch.match(header: header + ["S1"], instrument: try miniInstrument(), file: "a.csv")
        }
    }
}
