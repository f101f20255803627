import Foundation
import SIPASCore
import SIPASTestSupport
import Testing

@testable import SIPASImport

/// The file errors' catalog: every kind in both languages, behind its location.
struct ImportErrorTests {
    /// One value of every kind (each limit of a workbook too large).
    static let kinds: [ImportError.Kind] = [
        .fileNotFound, .unreadable("permission denied"), .emptyFile, .notUTF8(byteOffset: 3, bytes: [0xC3, 0x28]),
        .undecodable(encoding: "vni", byteOffset: 7, byte: 0x81), .utf16, .badUTF16(byteOffset: 9),
        .unterminatedQuote(line: 4),
        .missingColumns(
            [.init(name: "q1", label: LocalizedText(vi: "Hài lòng", en: "Satisfied"))], header: ["id", "q2"]),
        .ambiguousColumns(question: "q1", columns: ["q1", "Q1"]),
        .ambiguousMatch(column: "c", questions: ["q1", "q2"]),
        .wrongDelimiter(guess: "|"), .noInstrumentMatches([.init(id: "sipas-2021", score: 0.2)]),
        .badExpression(question: "q1", expression: ". >", reason: .unexpectedEnd), .badWorkbook("not a zip"),
        .workbookTooLarge(.entries, part: nil, bound: 100),
        .workbookTooLarge(.partBytes, part: "xl/sheet1.xml", bound: 1_000),
        .workbookTooLarge(.totalBytes, part: "xl/sheet2.xml", bound: 2_000), .noSuchSheet("2024", available: ["2023"]),
    ]

    @Test func everyKindHasDistinctNFCTextInBothLanguagesAndAUniqueKey() {
        #expect(MessageCatalogCheck.problems(Self.kinds) == [])
    }

    @Test func theMessageIsTheLocationThenTheKindsText() {
        let at = SourceLocation(file: "2024.csv", row: 3)
        for kind in Self.kinds {
            let error = ImportError(kind, at: at)
            #expect(error.message(.vi) == "\(at.description): " + kind.text(.vi))
            #expect(error.description == error.message(.en))
        }
        let error = ImportError(.badUTF16(byteOffset: 9), at: at)
        #expect(
            error.message(.en)
                == "\(at.description): the UTF-16 file is broken at byte offset 9 (unpaired surrogate or odd final byte); save it again as “CSV UTF-8”"
        )
        #expect(
            error.message(.vi)
                == "\(at.description): tệp UTF-16 hỏng ở vị trí byte 9 (surrogate lẻ hoặc thiếu byte cuối); hãy lưu lại dạng “CSV UTF-8”"
        )
    }
}
