import Foundation
import SIPASCore
import SIPASTestSupport
import Testing

/// The catalog protocol, and the check every catalog's test runs.
struct LocalizedMessageTests {
    /// A small catalog with the faults the check must find.
    enum Sample: LocalizedMessage, CaseIterable {
        case good, empty, decomposed, untranslated, sameKey

        var key: String { self == .sameKey ? "sample.good" : "sample.\(self)" }

        func text(_ language: Language) -> String {
            switch self {
            case .good: return language.pick(vi: "Hài lòng", en: "Satisfied")
            case .empty: return language.pick(vi: "", en: "Empty")
            case .decomposed: return language.pick(vi: "Ha\u{0300}i lo\u{0300}ng", en: "Decomposed")
            case .untranslated: return language.pick(vi: "UTF-8", en: "UTF-8")
            case .sameKey: return language.pick(vi: "Khoá trùng", en: "Shared key")
            }
        }
    }

    @Test func pickChoosesTheLanguage() {
        #expect(Sample.good.text(.vi) == "Hài lòng")
        #expect(Sample.good.text(.en) == "Satisfied")
        #expect(LocalizedText(Sample.good) == LocalizedText(vi: "Hài lòng", en: "Satisfied"))
    }

    @Test func theCheckPassesAGoodCatalog() {
        #expect(MessageCatalogCheck.problems([Sample.good]) == [])
    }

    @Test func theCheckFindsEachFault() {
        #expect(MessageCatalogCheck.problems([Sample.empty]) == ["sample.empty: empty vi text"])
        #expect(MessageCatalogCheck.problems([Sample.decomposed]) == ["sample.decomposed: vi text is not NFC"])
        #expect(
            MessageCatalogCheck.problems([Sample.untranslated]) == [
                "sample.untranslated: the same text in vi and en: UTF-8"
            ])
        #expect(MessageCatalogCheck.problems([Sample.untranslated], sameInBothLanguages: ["sample.untranslated"]) == [])
        #expect(MessageCatalogCheck.problems([Sample.good, Sample.sameKey]) == ["sample.good: key used by two cases"])
    }
}
