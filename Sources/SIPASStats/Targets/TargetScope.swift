import SIPASCore
import SIPASInstruments

/// Where a plan's targets are judged: the plan's own unit (province, district or commune) in the
/// data, never the whole sample.
///
/// The analysis estimates the unit through a breakdown of its own (``breakdown(for:instrument:)``,
/// named with ``breakdownPrefix`` and left out of the result tables). A province plan keyed in one
/// coding and data in the other are matched through the 2025 crosswalk: a pre-merger province in
/// data of 2025 on is the new province that holds it; a new province in data before 2025 is its old
/// provinces pooled (a domain of the full design: survey weights, the old provinces stay strata).
public struct TargetScope: Hashable, Sendable, Codable {
    /// The prefix of the breakdown that estimates a plan's unit.
    public static let breakdownPrefix = "target-unit:"

    /// The unit the targets are judged on, as the report names it.
    public var unit: LocalizedText
    /// The results' group that is the unit; nil when the data do not hold it.
    public var group: Group?
    /// How the unit was chosen, for the reader.
    public var note: LocalizedText
    /// The data's survey year, when known.
    public var dataYear: Int?

    public init(unit: LocalizedText, group: Group?, note: LocalizedText, dataYear: Int?) {
        self.unit = unit
        self.group = group
        self.note = note
        self.dataYear = dataYear
    }

    /// The column of the instrument that holds `plan`'s unit: the province lookup for a province plan,
    /// `<level>_code` for a unit with a code, else `<level>_name` or `<level>`.
    public static func column(for plan: TargetPlan, instrument: Instrument) -> String? {
        let attributes = instrument.recordLayout.attributeNames
        if plan.level == "province" {
            guard plan.unit.code != nil else { return nil }
            return instrument.questions.first { $0.lookup == "province" && attributes.contains($0.name) }?.name
        }
        let candidates = plan.unit.code != nil ? ["\(plan.level)_code"] : ["\(plan.level)_name", plan.level]
        return candidates.first { attributes.contains($0) }
    }

    /// The breakdown estimating `plan`'s unit; nil when the instrument has no column for it. A plan in
    /// the new province coding regroups old codes into new ones (identity on codes of 2025 on, since
    /// every new code is the old code of the province holding the seat).
    public static func breakdown(for plan: TargetPlan, instrument: Instrument) -> Breakdown? {
        guard let column = column(for: plan, instrument: instrument),
              let index = instrument.recordLayout.attributeIndex(column) else { return nil }
        let recode = plan.unitCoding == .new ? ProvinceCatalog.official.newCodeOfOldCode : nil
        return Breakdown(name: breakdownPrefix + column, attributes: [index], recode: recode)
    }

    /// The scope of `plan` on `result` (which holds the breakdown above when the instrument allows it)
    /// for data of `dataYear` (nil: unknown).
    public static func resolve(_ plan: TargetPlan, instrument: Instrument, result: AnalysisResult, dataYear: Int?) -> TargetScope {
        let level = Words.level(plan.level)
        let name = plan.unit.name
        let unknownYear = dataYear == nil
            ? LocalizedText(vi: " Không rõ năm của dữ liệu (không có cột year): coi như dữ liệu dùng cùng bộ mã tỉnh với kế hoạch và mọi mục tiêu đã đến hạn.",
                            en: " The data's year is unknown (no year column): the data are taken to use the plan's province coding and every target is judged as due.")
            : LocalizedText(vi: "", en: "")
        guard let column = column(for: plan, instrument: instrument) else {
            let what = plan.level == "province" ? LocalizedText(vi: "mã tỉnh", en: "province code") : level
            return TargetScope(
                unit: LocalizedText(vi: "\(level.vi) \(name)", en: "\(name) (\(level.en ?? ""))"), group: nil,
                note: LocalizedText(vi: "Dữ liệu không có cột \(what.vi) để chọn \(level.vi) \(name): các mục tiêu không đo được ở đây (không dùng số liệu cả nước).",
                                    en: "The data have no \(what.en ?? "") column to select \(name): the targets are not measured here (never the national figure)."),
                dataYear: dataYear)
        }
        let variable = breakdownPrefix + column
        let groups = result.results.map(\.group).filter { $0.variable == variable }
        guard plan.level == "province", let code = plan.unit.code, let planCoding = plan.unitCoding else {
            // A district or commune: its code, or its name compared loosely.
            let wanted = plan.unit.code.map { [$0] } ?? []
            let group = groups.first { g in wanted.isEmpty ? g.values.first?.looseKey == name.looseKey : g.values == wanted }
            let label = LocalizedText(vi: "\(level.vi) \(name)", en: "\(name) (\(level.en ?? ""))")
            return TargetScope(unit: label, group: group, note: group == nil
                ? LocalizedText(vi: "Dữ liệu không có phiếu của \(level.vi) \(name) (cột \(column)): các mục tiêu không đo được ở đây.",
                                en: "The data hold no responses of \(name) (column \(column)): the targets are not measured here.")
                : LocalizedText(vi: "Chỉ đánh giá trên \(level.vi) \(name) (cột \(column)), không phải cả mẫu." + unknownYear.vi,
                                en: "Judged on \(name) (column \(column)) only, not on the whole sample." + (unknownYear.en ?? "")),
                dataYear: dataYear)
        }
        return provinceScope(plan: plan, code: code, planCoding: planCoding, variable: variable, groups: groups,
                             dataYear: dataYear, unknownYear: unknownYear)
    }

    private static func provinceScope(plan: TargetPlan, code: String, planCoding: ProvinceCoding, variable: String, groups: [Group],
                                      dataYear: Int?, unknownYear: LocalizedText) -> TargetScope {
        let catalog = ProvinceCatalog.official
        let dataCoding = dataYear.map { catalog.coding(forYear: $0) } ?? planCoding
        let own = catalog.province(code: code, coding: planCoding) ?? Province(code: code, name: plan.unit.name)
        var unit = LocalizedText(vi: "\(own.name) (mã \(code))", en: "\(own.name) (code \(code))")
        var how = LocalizedText(vi: "Chỉ đánh giá trên \(own.name) (mã \(code)), không phải cả nước.",
                                en: "Judged on \(own.name) (code \(code)) only, not on the whole sample.")
        var value = code
        let year = dataYear.map(String.init) ?? ""
        switch (planCoding, dataCoding) {
        case (.old, .new):
            if let new = catalog.newProvince(forOldCode: code) {
                value = new.code
                let others = catalog.oldMembers(ofNewCode: new.code).filter { $0.code != code }.map(\.name)
                if !others.isEmpty {
                    // The namesake of a merged province names the provinces it gained instead.
                    unit = new.name == own.name
                        ? LocalizedText(vi: "\(new.name) (mới), bao gồm cả \(others.joined(separator: " và ")) cũ",
                                        en: "\(new.name) (new), which also includes former \(others.joined(separator: " and "))")
                        : LocalizedText(vi: "\(new.name) (mới), bao gồm \(own.name) cũ", en: "\(new.name) (new), which includes former \(own.name)")
                    how = LocalizedText(
                        vi: "Dữ liệu năm \(year) theo 34 tỉnh, thành phố từ 1/7/2025: kế hoạch của \(own.name) (mã cũ \(code)) được đánh giá trên \(unit.vi), mã \(new.code).",
                        en: "\(year) data use the 34 provinces in force from 1 July 2025: the plan of \(own.name) (old code \(code)) is judged on \(unit.en ?? unit.vi), code \(new.code).")
                } else if new.name != own.name {
                    unit = LocalizedText(vi: "\(new.name) (mã \(new.code), trước là \(own.name))", en: "\(new.name) (code \(new.code), formerly \(own.name))")
                }
            }
        case (.new, .old):
            let members = catalog.oldMembers(ofNewCode: code)
            if members.count > 1 {
                let list = members.map { "\($0.name) (\($0.code))" }
                unit = LocalizedText(vi: "\(own.name) (mới): \(list.joined(separator: " và ")) cũ gộp lại",
                                     en: "\(own.name) (new): former \(list.joined(separator: " and ")) pooled")
                how = LocalizedText(
                    vi: "Dữ liệu năm \(year) theo 63 tỉnh cũ: \(own.name) (mới, mã \(code)) được tính từ \(list.joined(separator: " và ")) cũ, gộp theo trọng số khảo sát.",
                    en: "\(year) data use the 63 provinces before 1 July 2025: \(own.name) (new, code \(code)) is estimated from former \(list.joined(separator: " and ")), pooled with survey weights.")
            }
        default:
            break
        }
        let group = groups.first { $0.values == [value] }
        if group == nil {
            how = LocalizedText(vi: "Dữ liệu không có phiếu của \(unit.vi): các mục tiêu không đo được ở đây (không dùng số liệu cả nước).",
                                en: "The data hold no responses of \(unit.en ?? unit.vi): the targets are not measured here (never the national figure).")
        }
        return TargetScope(unit: unit, group: group,
                           note: LocalizedText(vi: how.vi + unknownYear.vi, en: (how.en ?? how.vi) + (unknownYear.en ?? "")), dataYear: dataYear)
    }

    private enum Words {
        static func level(_ level: String) -> LocalizedText {
            switch level {
            case "province": return LocalizedText(vi: "tỉnh", en: "province")
            case "district": return LocalizedText(vi: "huyện", en: "district")
            case "commune": return LocalizedText(vi: "xã", en: "commune")
            default: return LocalizedText(vi: level, en: level)
            }
        }
    }
}

extension AnalysisResult {
    /// The result without the rows of the target-unit breakdowns (``TargetScope/breakdownPrefix``).
    public func removingTargetUnits() -> AnalysisResult {
        var copy = self
        copy.results.removeAll { $0.group.variable.hasPrefix(TargetScope.breakdownPrefix) }
        return copy
    }
}

extension YearComparison {
    /// The comparison without the rows and counts of the target-unit breakdowns.
    public func removingTargetUnits() -> YearComparison {
        var copy = self
        copy.rows.removeAll { $0.group.variable.hasPrefix(TargetScope.breakdownPrefix) }
        copy.movements.removeAll { $0.variable.hasPrefix(TargetScope.breakdownPrefix) }
        return copy
    }
}
