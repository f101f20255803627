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
            let index = instrument.recordLayout.attributeIndex(column)
        else { return nil }
        let recode = plan.unitCoding == .new ? ProvinceCatalog.official.newCodeOfOldCode : nil
        return Breakdown(name: breakdownPrefix + column, attributes: [index], recode: recode)
    }

    /// The scope of `plan` on `result` (which holds the breakdown above when the instrument allows it)
    /// for data of `dataYear` (nil: unknown).
    public static func resolve(_ plan: TargetPlan, instrument: Instrument, result: AnalysisResult, dataYear: Int?)
        -> TargetScope
    {
        let level = plan.level
        let name = plan.unit.name
        let unknownYear = dataYear == nil ? LocalizedText(TargetMessage.unknownDataYear) : LocalizedText(vi: "", en: "")
        guard let column = column(for: plan, instrument: instrument) else {
            return TargetScope(
                unit: LocalizedText(TargetMessage.unit(level: level, name: name)), group: nil,
                note: LocalizedText(TargetMessage.noUnitColumn(level: level, name: name)), dataYear: dataYear)
        }
        let variable = breakdownPrefix + column
        let groups = result.results.map(\.group).filter { $0.variable == variable }
        guard plan.level == "province", let code = plan.unit.code, let planCoding = plan.unitCoding else {
            // A district or commune: its code, or its name compared loosely.
            let wanted = plan.unit.code.map { [$0] } ?? []
            let group = groups.first { g in
                wanted.isEmpty ? g.values.first?.looseKey == name.looseKey : g.values == wanted
            }
            let label = LocalizedText(TargetMessage.unit(level: level, name: name))
            return TargetScope(
                unit: label, group: group,
                note: group == nil
                    ? LocalizedText(TargetMessage.noUnitResponses(level: level, name: name, column: column))
                    : joined(
                        LocalizedText(TargetMessage.judgedOnUnit(level: level, name: name, column: column)), unknownYear
                    ),
                dataYear: dataYear)
        }
        return provinceScope(
            plan: plan, code: code, planCoding: planCoding, variable: variable, groups: groups,
            dataYear: dataYear, unknownYear: unknownYear)
    }

    /// `first` then `second`, in each language.
    private static func joined(_ first: LocalizedText, _ second: LocalizedText) -> LocalizedText {
        LocalizedText(vi: first.vi + second.vi, en: first.text(.en) + (second.en ?? ""))
    }

    private static func provinceScope(
        plan: TargetPlan, code: String, planCoding: ProvinceCoding, variable: String, groups: [Group],
        dataYear: Int?, unknownYear: LocalizedText
    ) -> TargetScope {
        let catalog = ProvinceCatalog.official
        let dataCoding = dataYear.map { catalog.coding(forYear: $0) } ?? planCoding
        let own = catalog.province(code: code, coding: planCoding) ?? Province(code: code, name: plan.unit.name)
        var unit = LocalizedText(TargetMessage.province(name: own.name, code: code))
        var how = LocalizedText(TargetMessage.judgedOnProvince(name: own.name, code: code))
        var value = code
        let year = dataYear.map(String.init) ?? ""
        switch (planCoding, dataCoding) {
        case (.old, .new):
            if let new = catalog.newProvince(forOldCode: code) {
                value = new.code
                let others = catalog.oldMembers(ofNewCode: new.code).filter { $0.code != code }.map(\.name)
                if !others.isEmpty {
                    // The namesake of a merged province names the provinces it gained instead.
                    unit = LocalizedText(
                        new.name == own.name
                            ? TargetMessage.enlargedProvince(name: new.name, others: others)
                            : TargetMessage.mergedProvince(name: new.name, former: own.name))
                    how = LocalizedText(
                        TargetMessage.judgedOnNewProvince(
                            year: year, former: own.name, code: code, unit: unit, newCode: new.code))
                } else if new.name != own.name {
                    unit = LocalizedText(
                        TargetMessage.renamedProvince(name: new.name, code: new.code, former: own.name))
                }
            }
        case (.new, .old):
            let members = catalog.oldMembers(ofNewCode: code)
            if members.count > 1 {
                let list = members.map { "\($0.name) (\($0.code))" }
                unit = LocalizedText(TargetMessage.pooledProvince(name: own.name, members: list))
                how = LocalizedText(
                    TargetMessage.judgedOnPooledProvince(year: year, name: own.name, code: code, members: list))
            }
        default:
            break
        }
        let group = groups.first { $0.values == [value] }
        if group == nil {
            how = LocalizedText(TargetMessage.noProvinceResponses(unit: unit))
        }
        return TargetScope(unit: unit, group: group, note: joined(how, unknownYear), dataYear: dataYear)
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
