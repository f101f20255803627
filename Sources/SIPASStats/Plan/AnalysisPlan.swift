import Foundation
import SIPASCore
import SIPASInstruments

/// A grouping of respondents: by one attribute (`sector`) or a crossing (`province_code*sector`).
public struct Breakdown: Hashable, Sendable, Codable {
    /// As written on the command line: `sector`, `province_code*sector`.
    public var name: String
    /// Positions of the attributes in the record layout.
    public var attributes: [Int]
    /// A value map of this breakdown alone, applied after the plan's ``AnalysisPlan/recodes``
    /// (e.g. a target's province regrouped into the 2025 provinces while the province table is not).
    public var recode: [String: String]? = nil

    public init(name: String, attributes: [Int], recode: [String: String]? = nil) {
        self.name = name
        self.attributes = attributes
        self.recode = recode
    }

    /// The group value of `value` of attribute `attribute` in this breakdown: the plan's recode, then this one's.
    @inline(__always)
    func value(_ value: String, attribute: Int, plan recodes: [Int: [String: String]]) -> String {
        let planned = recodes[attribute]?[value] ?? value
        return recode?[planned] ?? planned
    }
}

/// What to estimate from an instrument's records: the item scales, the indicators, the breakdowns
/// and the whole-sample method. Built once from an instrument; shared by the accumulators.
public struct AnalysisPlan: Sendable {
    public var instrumentId: String
    public var layout: RecordLayout
    /// For each item (layout order): its satisfied and excluded codes.
    public var satisfiedCodes: [Set<Int>]
    public var excludedCodes: [Set<Int>]
    public var indicators: [Indicator]
    public var breakdowns: [Breakdown]
    public var national: RollupSpec.NationalMethod
    /// Attribute averaged over when `national` is `mean_of_units`.
    public var unitAttribute: Int?
    public var lonelyPSU: LonelyPSU
    /// Position of the `year` attribute, if the instrument has one (for labels by year).
    public var yearAttribute: Int?
    /// Value maps applied to attributes before they form breakdown groups (attribute position → map),
    /// e.g. old province codes → the 2025 provinces. Values absent from a map are kept.
    public private(set) var recodes: [Int: [String: String]] = [:]
    /// Calibration to population margins, if any, and the attributes whose crossing forms its cells.
    public private(set) var calibration: CalibrationSpec?
    public private(set) var calibrationAttributes: [Int] = []

    /// Calibrates the design weights to `spec`'s population margins (post-stratification or raking).
    /// Must be set before records are accumulated: the accumulator keeps sums per calibration cell.
    /// - Throws: ``PlanError/unknownBreakdown(_:available:)`` when a margin names no attribute.
    public mutating func calibrate(_ spec: CalibrationSpec) throws {
        var attributes: [Int] = []
        for margin in spec.margins {
            for name in margin.variables {
                guard let index = layout.attributeIndex(name) else {
                    throw PlanError.unknownBreakdown(name, available: layout.attributeNames)
                }
                if !attributes.contains(index) { attributes.append(index) }
            }
        }
        calibration = spec
        calibrationAttributes = attributes
    }

    /// Names of the calibration attributes, in cell order.
    var calibrationVariables: [String] { calibrationAttributes.map { layout.attributeNames[$0] } }

    /// How the instrument's supplied replicate weights become a variance (nil without them).
    public var replicateSettings: ReplicateSettings?

    /// Breakdown attributes that were regrouped, by name.
    public var regroupedAttributes: [String] { recodes.keys.sorted().map { layout.attributeNames[$0] } }

    /// Regroups the values of `attribute` through `map` in every breakdown (not in the design: the
    /// original units stay strata and clusters, so a regrouped estimate is a domain estimate over
    /// them, design-correct).
    /// - Throws: ``PlanError/unknownBreakdown(_:available:)`` when the attribute does not exist.
    public mutating func regroup(_ attribute: String, using map: [String: String]) throws {
        guard let index = layout.attributeIndex(attribute) else {
            throw PlanError.unknownBreakdown(attribute, available: layout.attributeNames)
        }
        recodes[index] = map
    }

    /// - Parameters:
    ///   - breakdowns: attribute names; `a*b` crosses two attributes. Defaults to the instrument's.
    /// - Throws: ``PlanError`` when a breakdown names no attribute or the rollup cannot be built.
    public init(instrument: Instrument, breakdowns: [String]? = nil, lonelyPSU: LonelyPSU? = nil) throws {
        instrumentId = instrument.id
        layout = instrument.recordLayout
        let scored = instrument.scoredQuestions
        satisfiedCodes = scored.map { Set(instrument.scale(of: $0)?.satisfied ?? []) }
        excludedCodes = scored.map { Set(instrument.scale(of: $0)?.excluded ?? []) }
        indicators = try Self.indicators(for: instrument)
        let layout = self.layout
        self.breakdowns = try (breakdowns ?? instrument.breakdowns).map { name in
            let parts = name.split(separator: "*").map { String($0).trimmingCharacters(in: .whitespaces) }
            let indices = try parts.map { part in
                guard let index = layout.attributeIndex(part) else {
                    throw PlanError.unknownBreakdown(part, available: layout.attributeNames)
                }
                return index
            }
            return Breakdown(name: parts.joined(separator: "*"), attributes: indices)
        }
        national = instrument.rollup.national
        if national == .meanOfUnits {
            guard let unit = instrument.rollup.unit, let index = layout.attributeIndex(unit) else {
                throw PlanError.missingUnit(instrument.rollup.unit)
            }
            unitAttribute = index
        }
        self.lonelyPSU = lonelyPSU ?? instrument.design.lonelyPSU
        yearAttribute = layout.attributeIndex("year")
        if let spec = instrument.design.replicateWeights {
            replicateSettings = ReplicateSettings(
                scale: spec.scale ?? 1 / Double(max(spec.columns.count - 1, 1)), rscales: spec.rscales ?? [],
                mse: spec.mse ?? false)
        }
    }

    /// Item, element, area and overall indicators, following the instrument's rollup.
    static func indicators(for instrument: Instrument) throws -> [Indicator] {
        let scored = instrument.scoredQuestions
        let rollup = instrument.rollup
        func items(_ filter: (Question) -> Bool) -> [Int] {
            scored.indices.filter { filter(scored[$0]) }
        }
        let itemIndicators = scored.indices.map { i in
            Indicator(
                id: "item:\(scored[i].name)", level: .item, label: scored[i].label,
                components: [.init(item: i, coefficient: 1)])
        }
        var elements: [Indicator] = []
        var areas: [Indicator] = []
        for area in instrument.areas {
            var areaElements: [Indicator] = []
            for element in area.elements {
                let inElement: (Question) -> Bool = { $0.area == area.name && $0.element == element.name }
                let role: QuestionRole = rollup.element == .overallItem ? .elementOverall : .item
                let members = items { inElement($0) && instrument.role(of: $0) == role }
                guard !members.isEmpty else {
                    throw PlanError.emptyElement(area: area.name, element: element.name, role: role.rawValue)
                }
                let indicator = Indicator.mean(
                    id: "element:\(element.name)", level: .element, label: element.label, items: members)
                areaElements.append(indicator)
            }
            elements += areaElements
            let areaIndicator: Indicator
            switch rollup.area {
            case .meanOfElements:
                areaIndicator = .mean(id: "area:\(area.name)", level: .area, label: area.label, of: areaElements)
            case .meanOfItems:
                let members = items { $0.area == area.name && instrument.role(of: $0) == .item }
                areaIndicator = .mean(id: "area:\(area.name)", level: .area, label: area.label, items: members)
            }
            areas.append(areaIndicator)
        }
        let overallLabel = LocalizedText(vi: "Chỉ số chung", en: "Overall index")
        let overall: Indicator
        switch rollup.overall {
        case .meanOfAreas:
            guard !areas.isEmpty else { throw PlanError.noAreas }
            overall = .mean(id: "overall", level: .overall, label: overallLabel, of: areas)
        case .meanOfElements:
            guard !elements.isEmpty else { throw PlanError.noAreas }
            overall = .mean(id: "overall", level: .overall, label: overallLabel, of: elements)
        case .overallItem:
            let members = items { instrument.role(of: $0) == .overall }
            guard members.count == 1 else { throw PlanError.overallItem(found: members.count) }
            overall = .mean(id: "overall", level: .overall, label: overallLabel, items: members)
        }
        // A single-area instrument would repeat the overall index as its area: keep the area row
        // anyway, because the report tables name areas explicitly.
        return [overall] + areas + elements + itemIndicators
    }
}

/// Why an instrument's analysis cannot be planned; its message in Vietnamese or English from
/// ``text(_:)``, ``description`` in English.
public enum PlanError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedMessage {
    case unknownBreakdown(String, available: [String])
    case missingUnit(String?)
    case emptyElement(area: String, element: String, role: String)
    case noAreas
    case overallItem(found: Int)

    public var description: String { text(.en) }

    public var key: String {
        switch self {
        case .unknownBreakdown: return "plan.unknownBreakdown"
        case .missingUnit: return "plan.missingUnit"
        case .emptyElement: return "plan.emptyElement"
        case .noAreas: return "plan.noAreas"
        case .overallItem: return "plan.overallItem"
        }
    }

    public func text(_ language: Language) -> String {
        switch self {
        case .unknownBreakdown(let name, let available):
            let list = available.joined(separator: ", ")
            return language.pick(
                vi: "không phân tổ được theo '\(name)': không phải cột của bộ công cụ (có: \(list))",
                en: "cannot break down by '\(name)': not a column of the instrument (available: \(list))")
        case .missingUnit(let unit):
            return language.pick(
                vi:
                    "rollup.national là mean_of_units nhưng rollup.unit '\(unit ?? "")' không phải cột thông tin (attribute)",
                en: "rollup.national is mean_of_units but rollup.unit '\(unit ?? "")' is not an attribute column")
        case .emptyElement(let area, let element, let role):
            return language.pick(
                vi: "yếu tố '\(element)' của lĩnh vực '\(area)' không có câu hỏi tính điểm nào có vai trò \(role)",
                en: "element '\(element)' of area '\(area)' has no scored question with role \(role)")
        case .noAreas:
            return language.pick(
                vi: "bộ công cụ không khai báo lĩnh vực hay yếu tố nào để tổng hợp",
                en: "the instrument declares no areas or elements to roll up")
        case .overallItem(let found):
            return language.pick(
                vi: "rollup.overall là overall_item nhưng có \(found) câu hỏi vai trò overall (cần đúng 1)",
                en: "rollup.overall is overall_item but \(found) questions have role overall (need exactly 1)")
        }
    }
}
