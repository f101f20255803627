import SIPASCore

/// The catalog of target plans' units and notes (``TargetScope``, ``TargetAssessment``), each with its
/// Vietnamese and English text. Units are named by `level` (`province`, `district`, `commune`) and
/// `name`; a province by its `name` and `code`.
public enum TargetMessage: Sendable, Hashable, LocalizedMessage {
    /// An administrative level's name; an unknown level is shown as it is.
    case level(String)
    /// "province code": the column selecting a province.
    case provinceCode
    /// A district or commune (or a province without a code) named with its level.
    case unit(level: String, name: String)
    /// Appended to a note when the data's year is unknown (starts with a space).
    case unknownDataYear
    /// The data have no column selecting the unit.
    case noUnitColumn(level: String, name: String)
    /// The data hold no responses of the unit in `column`.
    case noUnitResponses(level: String, name: String, column: String)
    /// The unit is judged on its responses in `column` only.
    case judgedOnUnit(level: String, name: String, column: String)
    /// A province with its code.
    case province(name: String, code: String)
    /// The province is judged on its own responses only.
    case judgedOnProvince(name: String, code: String)
    /// A new province (2025 on) that keeps the old province's name and gained `others`.
    case enlargedProvince(name: String, others: [String])
    /// A new province that includes the old province `former`.
    case mergedProvince(name: String, former: String)
    /// A new province under another name but alone in its old province.
    case renamedProvince(name: String, code: String, former: String)
    /// Data of `year` in the 34 provinces: the old province's plan judged on the new `unit`.
    case judgedOnNewProvince(year: String, former: String, code: String, unit: LocalizedText, newCode: String)
    /// A new province estimated from its old `members` ("name (code)").
    case pooledProvince(name: String, members: [String])
    /// Data of `year` in the 63 provinces: the new province estimated from its old members.
    case judgedOnPooledProvince(year: String, name: String, code: String, members: [String])
    /// The data hold no responses of `unit`.
    case noProvinceResponses(unit: LocalizedText)
    /// The data are a `family` survey; the target concerns `targetFamily`.
    case otherFamily(family: String, targetFamily: String)
    /// No estimate of `indicator` for the unit.
    case noEstimate(indicator: String)
    /// A target relative to `year` needs `sipas compare`.
    case relativeTarget(year: Int)
    /// The comparison has no estimate of `year` for the unit.
    case noEarlierEstimate(year: Int)
    /// The compared years use different methods.
    case methodBreak

    public var key: String {
        switch self {
        case .level: return "targets.level"
        case .provinceCode: return "targets.provinceCode"
        case .unit: return "targets.unit"
        case .unknownDataYear: return "targets.unknownDataYear"
        case .noUnitColumn: return "targets.noUnitColumn"
        case .noUnitResponses: return "targets.noUnitResponses"
        case .judgedOnUnit: return "targets.judgedOnUnit"
        case .province: return "targets.province"
        case .judgedOnProvince: return "targets.judgedOnProvince"
        case .enlargedProvince: return "targets.enlargedProvince"
        case .mergedProvince: return "targets.mergedProvince"
        case .renamedProvince: return "targets.renamedProvince"
        case .judgedOnNewProvince: return "targets.judgedOnNewProvince"
        case .pooledProvince: return "targets.pooledProvince"
        case .judgedOnPooledProvince: return "targets.judgedOnPooledProvince"
        case .noProvinceResponses: return "targets.noProvinceResponses"
        case .otherFamily: return "targets.otherFamily"
        case .noEstimate: return "targets.noEstimate"
        case .relativeTarget: return "targets.relativeTarget"
        case .noEarlierEstimate: return "targets.noEarlierEstimate"
        case .methodBreak: return "targets.methodBreak"
        }
    }

    public func text(_ language: Language) -> String {
        func level(_ level: String) -> String { TargetMessage.level(level).text(language) }
        switch self {
        case .level(let level):
            switch level {
            case "province": return language.pick(vi: "tỉnh", en: "province")
            case "district": return language.pick(vi: "huyện", en: "district")
            case "commune": return language.pick(vi: "xã", en: "commune")
            default: return level
            }
        case .provinceCode:
            return language.pick(vi: "mã tỉnh", en: "province code")
        case .unit(let unitLevel, let name):
            return language.pick(vi: "\(level(unitLevel)) \(name)", en: "\(name) (\(level(unitLevel)))")
        case .unknownDataYear:
            return language.pick(
                vi:
                    " Không rõ năm của dữ liệu (không có cột year): coi như dữ liệu dùng cùng bộ mã tỉnh với kế hoạch và mọi mục tiêu đã đến hạn.",
                en:
                    " The data's year is unknown (no year column): the data are taken to use the plan's province coding and every target is judged as due."
            )
        case .noUnitColumn(let unitLevel, let name):
            let what = unitLevel == "province" ? TargetMessage.provinceCode.text(language) : level(unitLevel)
            return language.pick(
                vi:
                    "Dữ liệu không có cột \(what) để chọn \(level(unitLevel)) \(name): các mục tiêu không đo được ở đây (không dùng số liệu cả nước).",
                en:
                    "The data have no \(what) column to select \(name): the targets are not measured here (never the national figure)."
            )
        case .noUnitResponses(let unitLevel, let name, let column):
            return language.pick(
                vi:
                    "Dữ liệu không có phiếu của \(level(unitLevel)) \(name) (cột \(column)): các mục tiêu không đo được ở đây.",
                en: "The data hold no responses of \(name) (column \(column)): the targets are not measured here.")
        case .judgedOnUnit(let unitLevel, let name, let column):
            return language.pick(
                vi: "Chỉ đánh giá trên \(level(unitLevel)) \(name) (cột \(column)), không phải cả mẫu.",
                en: "Judged on \(name) (column \(column)) only, not on the whole sample.")
        case .province(let name, let code):
            return language.pick(vi: "\(name) (mã \(code))", en: "\(name) (code \(code))")
        case .judgedOnProvince(let name, let code):
            return language.pick(
                vi: "Chỉ đánh giá trên \(name) (mã \(code)), không phải cả nước.",
                en: "Judged on \(name) (code \(code)) only, not on the whole sample.")
        case .enlargedProvince(let name, let others):
            return language.pick(
                vi: "\(name) (mới), bao gồm cả \(others.joined(separator: " và ")) cũ",
                en: "\(name) (new), which also includes former \(others.joined(separator: " and "))")
        case .mergedProvince(let name, let former):
            return language.pick(
                vi: "\(name) (mới), bao gồm \(former) cũ", en: "\(name) (new), which includes former \(former)")
        case .renamedProvince(let name, let code, let former):
            return language.pick(
                vi: "\(name) (mã \(code), trước là \(former))", en: "\(name) (code \(code), formerly \(former))")
        case .judgedOnNewProvince(let year, let former, let code, let unit, let newCode):
            return language.pick(
                vi:
                    "Dữ liệu năm \(year) theo 34 tỉnh, thành phố từ 1/7/2025: kế hoạch của \(former) (mã cũ \(code)) được đánh giá trên \(unit.text(.vi)), mã \(newCode).",
                en:
                    "\(year) data use the 34 provinces in force from 1 July 2025: the plan of \(former) (old code \(code)) is judged on \(unit.text(.en)), code \(newCode)."
            )
        case .pooledProvince(let name, let members):
            return language.pick(
                vi: "\(name) (mới): \(members.joined(separator: " và ")) cũ gộp lại",
                en: "\(name) (new): former \(members.joined(separator: " and ")) pooled")
        case .judgedOnPooledProvince(let year, let name, let code, let members):
            return language.pick(
                vi:
                    "Dữ liệu năm \(year) theo 63 tỉnh cũ: \(name) (mới, mã \(code)) được tính từ \(members.joined(separator: " và ")) cũ, gộp theo trọng số khảo sát.",
                en:
                    "\(year) data use the 63 provinces before 1 July 2025: \(name) (new, code \(code)) is estimated from former \(members.joined(separator: " and ")), pooled with survey weights."
            )
        case .noProvinceResponses(let unit):
            return language.pick(
                vi:
                    "Dữ liệu không có phiếu của \(unit.text(.vi)): các mục tiêu không đo được ở đây (không dùng số liệu cả nước).",
                en:
                    "The data hold no responses of \(unit.text(.en)): the targets are not measured here (never the national figure)."
            )
        case .otherFamily(let family, let targetFamily):
            return language.pick(
                vi: "Dữ liệu là khảo sát \(family), mục tiêu thuộc \(targetFamily).",
                en: "The data are a \(family) survey; the target concerns \(targetFamily).")
        case .noEstimate(let indicator):
            return language.pick(
                vi: "Không có ước lượng \(indicator) cho đơn vị này.", en: "No estimate of \(indicator) for this unit.")
        case .relativeTarget(let year):
            return language.pick(
                vi: "Mục tiêu so với năm \(year): đánh giá bằng `sipas compare` với dữ liệu năm \(year).",
                en: "A target relative to \(year): judged by `sipas compare` with the \(year) data.")
        case .noEarlierEstimate(let year):
            return language.pick(
                vi: "Không có ước lượng năm \(year) của đơn vị này trong phép so sánh.",
                en: "The comparison holds no \(year) estimate of this unit.")
        case .methodBreak:
            return language.pick(
                vi: "Hai năm đo theo phương pháp khác nhau: thay đổi không so sánh được trực tiếp.",
                en: "The two years were measured with different methods: the change is not directly comparable.")
        }
    }
}
