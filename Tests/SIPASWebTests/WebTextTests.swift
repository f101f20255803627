import SIPASCore
import SIPASTestSupport
import Testing

@testable import SIPASWeb

/// The pages' catalogs: every label and message in both languages, keys unique.
struct WebTextTests {
    @Test func everyLabelHasDistinctNFCTextInBothLanguagesAndAUniqueKey() {
        #expect(MessageCatalogCheck.problems(WebLabel.allCases) == [])
        #expect(WebLabel.strings(.en).count == WebLabel.allCases.count)
        #expect(WebLabel.strings(.vi)["file_name"] == "Tên tệp")
    }

    @Test func everyMessageHasDistinctNFCTextInBothLanguagesAndAUniqueKey() {
        let messages: [WebMessage] = [
            .tooManySignIns(minutes: 5), .passwordTooLong(bytes: 80, maxBytes: 72), .passwordTooShort(minCharacters: 8),
            .badListen("x"), .wholeRow,
        ]
        #expect(MessageCatalogCheck.problems(messages) == [])
    }
}
