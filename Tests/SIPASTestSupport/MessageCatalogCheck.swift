import Foundation
import SIPASCore

/// Checks a message catalog from one sample per case: every key unique, every text non-empty and
/// NFC, and the Vietnamese text different from the English one (unless the case is listed in
/// `sameInBothLanguages`, for names such as "UTF-16" that read the same in both).
public enum MessageCatalogCheck {
    /// The problems found, one line each; empty when the catalog passes.
    public static func problems<Message: LocalizedMessage>(
        _ samples: [Message], sameInBothLanguages: Set<String> = []
    ) -> [String] {
        var problems: [String] = []
        var seen: Set<String> = []
        for message in samples {
            let key = message.key
            if key.isEmpty { problems.append("a case has an empty key") }
            if !seen.insert(key).inserted { problems.append("\(key): key used by two cases") }
            let vi = message.text(.vi)
            let en = message.text(.en)
            for (language, text) in [("vi", vi), ("en", en)] {
                if text.trimmingCharacters(in: .whitespaces).isEmpty {
                    problems.append("\(key): empty \(language) text")
                }
                // `==` on String is canonical equivalence: compare the bytes.
                if !text.utf8.elementsEqual(text.nfc.utf8) { problems.append("\(key): \(language) text is not NFC") }
            }
            if vi == en, !sameInBothLanguages.contains(key) {
                problems.append("\(key): the same text in vi and en: \(en)")
            }
        }
        return problems
    }
}
