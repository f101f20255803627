import SIPASCore
import SIPASInstruments
import SIPASStats

/// Turns codes into the labels officials read: choice labels from the instrument, province names
/// from the compiled-in crosswalk for the survey year.
public struct ResultLabeler: Sendable {
    public var instrument: Instrument
    public var language: Language
    public var year: Int?

    public init(instrument: Instrument, language: Language, year: Int?) {
        self.instrument = instrument
        self.language = language
        self.year = year
    }

    /// "Cả nước", "Đất đai", "Hà Nội", or "Đất đai × Hà Nội" for a crossing.
    public func label(of group: Group) -> String {
        if group.isAll { return ReportMessage.national.text(language) }
        let names = group.variable.split(separator: "*").map(String.init)
        return zip(names, group.values).map { label(value: $1, column: $0) }.joined(separator: " × ")
    }

    /// The label of one value of a column.
    public func label(value: String, column: String) -> String {
        guard let question = instrument.question(named: column) else { return value }
        if question.lookup == "province" {
            let catalog = ProvinceCatalog.official
            if let year, let name = catalog.name(ofCode: value, year: year) { return name }
            return value
        }
        if let list = question.type.listName, let choice = instrument.choices[list]?.first(where: { $0.name == value })
        {
            return choice.label.text(language)
        }
        return value
    }

    /// Sorts levels as the instrument lists them: (position in the choice list, value) per attribute.
    public func sortKey(of group: Group) -> [(Int, String)] {
        let names = group.variable.split(separator: "*").map(String.init)
        return zip(names, group.values).map { column, value in
            let list = instrument.question(named: column)?.type.listName.flatMap { instrument.choices[$0] }
            return (list?.firstIndex { $0.name == value } ?? Int.max, value)
        }
    }

    /// The label of a breakdown column ("Lĩnh vực", "sector").
    public func label(ofVariable variable: String) -> String {
        variable.split(separator: "*").map { name in
            instrument.question(named: String(name))?.label.text(language) ?? String(name)
        }.joined(separator: " × ")
    }

    public func label(of indicator: Indicator) -> String {
        indicator.label.text(language)
    }

    /// The level of `indicator` as the instrument's method names it: under 1001/QĐ-BNV (2023) the two
    /// areas are "nội dung" and the elements of the policy area "nhóm chính sách"; otherwise the
    /// generic level name (``label(of:)-(Indicator.Level)``).
    public func levelLabel(of indicator: Indicator) -> String {
        if instrument.methodVersion.hasPrefix("1001/QĐ-BNV") {
            if indicator.level == .area { return ReportMessage.contentArea.text(language) }
            let name = indicator.id.split(separator: ":").last.map(String.init) ?? indicator.id
            if indicator.level == .element,
                instrument.elementsWithAreas.contains(where: { $0.area.name == "policy" && $0.element.name == name })
            {
                return ReportMessage.policyGroup.text(language)
            }
        }
        return label(of: indicator.level)
    }

    public func label(of level: Indicator.Level) -> String {
        switch level {
        case .overall: return ReportMessage.overall.text(language)
        case .area: return ReportMessage.area.text(language)
        case .element: return ReportMessage.element.text(language)
        case .item: return ReportMessage.item.text(language)
        }
    }
}
