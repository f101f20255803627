import Foundation

extension String {
    /// The string in Unicode Normalization Form C, the form sipas stores and compares.
    public var nfc: String { precomposedStringWithCanonicalMapping }

    /// A key for loose matching: NFC, lower-cased, Vietnamese diacritics removed (đ → d),
    /// and runs of spaces, `_`, `-`, `.` and `/` collapsed to one space.
    ///
    /// "Hài lòng" and "hai long" share the key "hai long". Used for header and label matching,
    /// where a match through this key is always reported, never silent.
    public var looseKey: String {
        let folded = self.nfc
            .replacingOccurrences(of: "đ", with: "d")
            .replacingOccurrences(of: "Đ", with: "D")
            .folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
        var out = ""
        var pendingSpace = false
        for scalar in folded.unicodeScalars {
            if scalar == " " || scalar == "_" || scalar == "-" || scalar == "." || scalar == "/" || scalar == "\t" {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.unicodeScalars.append(scalar)
        }
        return out
    }
}
