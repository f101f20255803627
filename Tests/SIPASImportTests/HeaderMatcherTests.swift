import SIPASCore
import SIPASInstruments
import Testing
@testable import SIPASImport

struct HeaderMatcherTests {
    let header = miniHeader.split(separator: ",").map(String.init)

    @Test func exactNamesNeedNoNote() throws {
        let match = try HeaderMatch.match(header: header + ["extra"], instrument: try miniInstrument(), file: "a.csv")
        #expect(match.notes.isEmpty && match.counts.isEmpty)
        #expect(match.unmatched == ["extra"])
        #expect(match.questionOfColumn.prefix(11).allSatisfy { $0 != nil })
        #expect(match.questionOfColumn[11] == nil)
    }

    @Test func looseNamesGroupPathsAndLabelsAreMatchedAndReported() throws {
        var loose = header
        loose[7] = "S1"                  // case
        loose[8] = "grp-s2"              // ODK group path
        loose[9] = "Câu 3"               // Vietnamese label
        loose[10] = "item 4"             // English label, any case
        loose[0] = "services/form_id"    // Kobo group path
        let match = try HeaderMatch.match(header: loose, instrument: try miniInstrument(), file: "a.csv")
        #expect(match.notes == [
            "'services/form_id' → form_id (group path)", "'S1' → s1 (name, ignoring case and accents)",
            "'grp-s2' → s2 (group path)", "'Câu 3' → s3 (label)", "'item 4' → s4 (label)",
        ])
        #expect(match.counts == ["header: group path": 2, "header: name, ignoring case and accents": 1, "header: label": 2])
        #expect(match.unmatched.isEmpty)
    }

    @Test func twoColumnsForOneQuestionAreAnError() throws {
        #expect(throws: ImportError(.ambiguousColumns(question: "s1", columns: ["s1", "S1"]), at: .init(file: "a.csv", row: 1, column: "S1", columnIndex: 11))) {
            try HeaderMatch.match(header: header + ["S1"], instrument: try miniInstrument(), file: "a.csv")
        }
    }

    @Test func aColumnMatchingTwoQuestionsEquallyIsAnError() throws {
        var instrument = try miniInstrument()
        instrument.questions[8].label = instrument.questions[7].label     // s1 and s2 share "Câu 1"
        var labelled = header
        labelled[7] = "Câu 1"
        labelled[8] = "s2"
        #expect(throws: ImportError(.ambiguousMatch(column: "Câu 1", questions: ["s1", "s2"]), at: .init(file: "a.csv", row: 1, column: "Câu 1", columnIndex: 7))) {
            try HeaderMatch.match(header: labelled, instrument: instrument, file: "a.csv")
        }
    }

    @Test func missingRequiredQuestionsAreListedWithTheirLabels() throws {
        let short = header.filter { $0 != "form_id" && $0 != "s3" }
        let error = importError { _ = try HeaderMatch.match(header: short, instrument: try miniInstrument(), file: "a.csv") }
        #expect(error?.kind == .missingColumns([.init(name: "form_id", label: .init(vi: "Mã phiếu", en: "Form id")),
                                               .init(name: "s3", label: .init(vi: "Câu 3", en: "Item 3"))], header: short))
        #expect(error?.message(.vi).hasPrefix("a.csv, row 1: thiếu cột bắt buộc: form_id (“Mã phiếu”), s3 (“Câu 3”). Tiêu đề của tệp: year, ") == true)
    }

    @Test(arguments: ["|", ":"])
    func aSingleColumnHeaderWithAnOddCharacterMeansTheWrongDelimiter(odd: String) throws {
        let single = [header.joined(separator: odd)]
        #expect(throws: ImportError(.wrongDelimiter(guess: odd), at: .init(file: "a.csv", row: 1, column: single[0], columnIndex: 0))) {
            try HeaderMatch.match(header: single, instrument: try miniInstrument(), file: "a.csv")
        }
    }
}
