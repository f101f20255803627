import Foundation

extension String {
    /// The string in Unicode Normalization Form C, the form sipas stores and compares.
    public var nfc: String {
        // Most text (codes, names, Vietnamese written with precomposed letters) is NFC already;
        // Foundation's normalisation costs microseconds per string, which added up to a third of
        // the start-up of every command (six instruments' labels).
        if unicodeScalars.allSatisfy(Self.isStableComposed) { return self }
        return precomposedStringWithCanonicalMapping
    }

    /// Whether `scalar` is unchanged by NFC wherever it stands: not a combining mark, not a
    /// character that composes with the one before it, and not one NFC replaces (U+2000 → U+2002,
    /// K → K). The ranges are ASCII, Latin-1 to the spacing modifiers (U+0000–U+02FF), Latin
    /// Extended Additional (U+1E00–U+1EFF, every precomposed Vietnamese letter) and the dashes,
    /// quotes and bullets of General Punctuation (U+2010–U+2027); a test checks every one of them.
    @inline(__always)
    static func isStableComposed(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x300 || (0x1E00...0x1EFF).contains(v) || (0x2010...0x2027).contains(v)
    }

    /// A key for loose matching: NFC, lower-cased, Vietnamese diacritics removed (đ → d),
    /// and runs of spaces, `_`, `-`, `.` and `/` collapsed to one space.
    ///
    /// "Hài lòng" and "hai long" share the key "hai long". Used for header and label matching,
    /// where a match through this key is always reported, never silent.
    public var looseKey: String { latinLooseKey ?? foundationLooseKey }

    /// ``looseKey`` through Foundation's normalisation and folding, for any text.
    var foundationLooseKey: String {
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
            if pendingSpace {
                out.append(" ")
                pendingSpace = false
            }
            out.unicodeScalars.append(scalar)
        }
        return out
    }

    /// ``looseKey`` without Foundation, for text made only of ASCII, Latin letters (U+00C0–U+024F,
    /// U+1E00–U+1EFF) and combining diacritics (U+0300–U+036F): each scalar folded on its own,
    /// from a table made once with Foundation's folding. A test checks it against the general
    /// path on random strings of those scalars; nil for any other text.
    var latinLooseKey: String? {
        var out = ""
        out.unicodeScalars.reserveCapacity(utf8.count)
        var pendingSpace = false
        for scalar in unicodeScalars {
            let v = scalar.value
            if v == 0x20 || v == 0x5F || v == 0x2D || v == 0x2E || v == 0x2F || v == 0x09 {
                pendingSpace = !out.isEmpty
                continue
            }
            let folded: Substring.UnicodeScalarView
            if v < 0x80 {
                if pendingSpace {
                    out.append(" ")
                    pendingSpace = false
                }
                out.unicodeScalars.append((0x41...0x5A).contains(v) ? Unicode.Scalar(v + 0x20)! : scalar)
                continue
            } else if let entry = LatinFolding.table[scalar] {
                folded = entry.unicodeScalars[...]
            } else {
                return nil
            }
            // A combining mark folds to nothing, and does not end a run of separators.
            if folded.isEmpty { continue }
            if pendingSpace {
                out.append(" ")
                pendingSpace = false
            }
            out.unicodeScalars.append(contentsOf: folded)
        }
        return out
    }
}

/// Foundation's loose folding of each Latin letter and combining diacritic, made once.
enum LatinFolding {
    static let ranges: [ClosedRange<UInt32>] = [0xC0...0x24F, 0x300...0x36F, 0x1E00...0x1EFF]
    static let table: [Unicode.Scalar: String] = {
        var table: [Unicode.Scalar: String] = [:]
        for range in ranges {
            for v in range {
                guard let scalar = Unicode.Scalar(v) else { continue }
                // đ and Đ, which folding keeps, become d as in the general path: compared here, not
                // replaced, since `replacingOccurrences` goes through a regular expression and two
                // per scalar took four fifths of the table's making, at every start that matches a header.
                let folded =
                    v == 0x111 || v == 0x110
                    ? "d"
                    : String(Character(scalar)).folding(
                        options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
                // Kept only when the folding is plain lower-case ASCII letters (or nothing), so the
                // separators' handling stays the general path's.
                if folded.unicodeScalars.allSatisfy({ (0x61...0x7A).contains($0.value) }) { table[scalar] = folded }
            }
        }
        return table
    }()
}
