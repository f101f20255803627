/// Which province coding a code belongs to: the 63 units in use until 30 June 2025 (`old`) or the
/// 34 in force from 1 July 2025 (`new`). The same two digits can name different territories in the
/// two codings (24 is Bắc Giang in the old one, the new Bắc Ninh that includes it in the new one).
public enum ProvinceCoding: String, Hashable, Sendable, Codable {
    case old
    case new
}

extension ProvinceCatalog {
    /// The coding a survey of `year` uses: the new one from 2025 (SIPAS fieldwork runs in the second
    /// half of the year, after 1 July).
    public func coding(forYear year: Int) -> ProvinceCoding {
        year >= 2025 ? .new : .old
    }

    /// The province with `code` in `coding`.
    public func province(code: String, coding: ProvinceCoding) -> Province? {
        switch coding {
        case .old: return rows.first { $0.old.code == code }?.old
        case .new: return rows.first { $0.new.code == code }?.new
        }
    }

    /// The old provinces that form the new province `code`, in old-code order (one for the 11 units
    /// that were not reorganised).
    public func oldMembers(ofNewCode code: String) -> [Province] {
        rows.filter { $0.new.code == code }.map(\.old).sorted { $0.code < $1.code }
    }

    /// The coding in which `code` names the province called `name`; nil when the name fits both
    /// codings (an unchanged unit, or a merged one that kept its name and code, like Hưng Yên 33) or
    /// neither. Names are compared loosely (case, diacritics, prefix "Tỉnh"/"Thành phố", aliases).
    public func coding(ofCode code: String, name: String) -> ProvinceCoding? {
        let inOld = province(code: code, coding: .old).map { resolvesName(name, to: $0) } ?? false
        let inNew = province(code: code, coding: .new).map { resolvesName(name, to: $0) } ?? false
        switch (inOld, inNew) {
        case (true, false): return .old
        case (false, true): return .new
        default: return nil
        }
    }

    private func resolvesName(_ name: String, to province: Province) -> Bool {
        ProvinceNames.key(name) == ProvinceNames.key(province.name) || ProvinceNames.aliasCode(name) == province.code
    }
}
