import Foundation

/// A drop-down entry of the entry workbook, "4 – Hài lòng": a choice's code, an en dash (or a
/// hyphen) between spaces, and the choice's label. The importer reads it as the code when the
/// label is that code's label, compared after NFC and whitespace collapsing (SIPASImport's
/// `RowValidator`); the workbook (SIPASReport's `EntryWorkbook`) writes ``entry(code:label:)``.
public enum EntryText {
    /// The separator the workbook writes; `" - "` is read as well.
    public static let separator = " – "
    /// The normalisation count of a converted entry.
    public static let note = "code – label → code"

    /// "code – label".
    public static func entry(code: String, label: String) -> String { code + separator + canonical(label) }

    /// NFC, every run of whitespace one space, no space at either end.
    public static func canonical(_ text: String) -> String {
        text.nfc.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The code and label of `text` split at its first " – " or " - " (after ``canonical(_:)``);
    /// nil when it has neither or either side is empty.
    public static func split(_ text: String) -> (code: String, label: String)? {
        let text = canonical(text)
        let dash = text.range(of: separator)
        let hyphen = text.range(of: " - ")
        guard let cut = [dash, hyphen].compactMap({ $0 }).min(by: { $0.lowerBound < $1.lowerBound }) else { return nil }
        let code = String(text[..<cut.lowerBound])
        let label = String(text[cut.upperBound...])
        guard !code.isEmpty, !label.isEmpty else { return nil }
        return (code, label)
    }
}
