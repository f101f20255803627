import Foundation

/// Province names as people write them: with or without "Tỉnh" / "Thành phố" / "TP.", with either
/// tone-mark placement (Hòa / Hoà), in the old spellings (Đăk Lăk, Kontum, Bắc Cạn) and the usual
/// short forms (TP.HCM, Sài Gòn, TT Huế, BR-VT). Spellings follow shared/reference/README.md,
/// "Names, spellings and aliases".
public enum ProvinceNames {
    /// The comparison key of a name: ``String/looseKey`` (case, diacritics and đ folded, separators
    /// unified), a leading administrative prefix dropped, then spaces removed ("Đăk Lăk", "Daklak"
    /// and "Tỉnh Đắk Lắk" all give "daklak").
    public static func key(_ text: String) -> String {
        var loose = text.trimmingCharacters(in: .whitespaces).looseKey
        for prefix in ["thanh pho ", "tinh ", "tp ", "t p "] where loose.hasPrefix(prefix) && loose.count > prefix.count
        {
            loose.removeFirst(prefix.count)
            break
        }
        return loose.replacingOccurrences(of: " ", with: "")
    }

    /// Spellings whose key is not the key of the official name, with the old (pre-2025) code they
    /// mean. Codes 46, 66, 77 and 79 are the same in both codings; 06 exists only in the old one.
    static let aliases: [String: String] = [
        "hue": "46", "tthue": "46",
        "hcm": "79", "tphcm": "79", "saigon": "79",
        "daclac": "66", "daclak": "66", "daklac": "66",
        "baccan": "06",
        "brvt": "77", "vungtau": "77",
    ]

    /// The old code an alias means, if `text` is one.
    public static func aliasCode(_ text: String) -> String? {
        aliases[key(text)]
    }
}

extension ProvinceCatalog {
    /// How a province name in the data was read.
    public struct NameMatch: Hashable, Sendable {
        public enum Kind: String, Hashable, Sendable {
            /// The official name of the unit, as written in the crosswalk.
            case official
            /// Another spelling, a prefix, or a short form of the name.
            case alias
            /// The name of a pre-2025 province in data of 2025 on: read as the new province holding it.
            case former
        }

        public var code: String
        public var kind: Kind

        /// The import summary's note for this reading (counted per distinct note).
        public func note(for text: String, catalog: ProvinceCatalog) -> String {
            switch kind {
            case .official: return "province name → code"
            case .alias: return "province alias → code: '\(text)' → \(code)"
            case .former:
                let name = catalog.province(code: code, coding: .new)?.name ?? code
                return "former province → new code: '\(text)' → \(code) (\(name))"
            }
        }
    }

    /// The code of the province called `text` in the coding of `year` (either coding, the old one
    /// first, when the year is unknown). From 2025, the name of a pre-2025 province gives the new
    /// province that holds it (Bắc Giang → 24, Bắc Ninh; Kon Tum → 51, Quảng Ngãi).
    public func resolve(name text: String, year: Int?) -> NameMatch? {
        let key = ProvinceNames.key(text)
        guard !key.isEmpty else { return nil }
        let written = text.trimmingCharacters(in: .whitespaces).nfc
        func kind(_ province: Province) -> NameMatch.Kind { written == province.name ? .official : .alias }
        let codings: [ProvinceCoding] = year.map { [coding(forYear: $0)] } ?? [.old, .new]
        for coding in codings {
            if let unit = (coding == .old ? oldByNameKey : newByNameKey)[key] {
                return NameMatch(code: unit.code, kind: kind(unit))
            }
        }
        // An alias, or from 2025 an old province's name: through the old coding.
        let old = ProvinceNames.aliases[key].flatMap { province(code: $0, coding: .old) } ?? oldByNameKey[key]
        guard let old else { return nil }
        if codings == [.new], let new = newProvince(forOldCode: old.code) {
            let renamedOnly = oldMembers(ofNewCode: new.code).count == 1
            return NameMatch(
                code: new.code,
                kind: renamedOnly || ProvinceNames.aliases[key] != nil && old.code == new.code ? .alias : .former)
        }
        return NameMatch(code: old.code, kind: .alias)
    }
}
