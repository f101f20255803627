import SIPASCore

/// An index sipas reports: one item, or an equal-weight roll-up of items (element, area, overall).
///
/// Every indicator is a linear combination Σ cⱼ·rⱼ of item ratios rⱼ, so its linearised
/// variance accounts for the covariance between items exactly.
public struct Indicator: Hashable, Sendable, Codable {
    public enum Level: String, Hashable, Sendable, Codable, CaseIterable {
        case overall, area, element, item
    }

    /// Stable id: `overall`, `area:services`, `element:access`, `item:PAS_E1_c1`.
    public var id: String
    public var level: Level
    public var label: LocalizedText
    /// Item positions (in the record layout) and their coefficients; coefficients sum to 1.
    public var components: [Component]

    public struct Component: Hashable, Sendable, Codable {
        public var item: Int
        public var coefficient: Double
    }

    public init(id: String, level: Level, label: LocalizedText, components: [Component]) {
        self.id = id
        self.level = level
        self.label = label
        self.components = components
    }

    /// Equal weights over `items`.
    static func mean(id: String, level: Level, label: LocalizedText, items: [Int]) -> Indicator {
        let c = 1.0 / Double(items.count)
        return Indicator(
            id: id, level: level, label: label, components: items.map { Component(item: $0, coefficient: c) })
    }

    /// The mean of other indicators, each weighted equally (coefficients of shared items add up).
    static func mean(id: String, level: Level, label: LocalizedText, of parts: [Indicator]) -> Indicator {
        var coefficients: [Int: Double] = [:]
        for part in parts {
            for component in part.components {
                coefficients[component.item, default: 0] += component.coefficient / Double(parts.count)
            }
        }
        let components = coefficients.keys.sorted().map { Component(item: $0, coefficient: coefficients[$0]!) }
        return Indicator(id: id, level: level, label: label, components: components)
    }
}

/// The two statistics computed for every indicator.
public enum Statistic: String, Hashable, Sendable, Codable, CaseIterable {
    /// Share of valid answers with a satisfied code (0–1; reported as %).
    case share
    /// Mean code over valid answers (1–5).
    case mean

    /// The slot summed over valid answers for the ratio's numerator (its denominator is
    /// ``ItemSlot/validWeight``): satisfied weight for a share, code × weight for a mean.
    public var numeratorSlot: ItemSlot {
        switch self {
        case .share: return .satisfiedWeight
        case .mean: return .codeWeight
        }
    }
}
