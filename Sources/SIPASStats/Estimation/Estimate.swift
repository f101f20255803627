import SIPASCore

/// A design-based estimate with its uncertainty.
public struct Estimate: Hashable, Sendable, Codable {
    /// The estimate: a share in [0, 1] or a mean score.
    public var value: Double
    /// Taylor-linearised standard error.
    public var standardError: Double
    /// Design degrees of freedom: PSUs holding the domain's (valid) answers minus their strata.
    public var degreesOfFreedom: Int
    /// Confidence limits; `nil` when the design leaves no degrees of freedom.
    public var ciLow: Double?
    public var ciHigh: Double?
    public var ciMethod: CIMethod
    /// Valid answers (items) or respondents in the group (roll-ups).
    public var n: Int
    /// Answers excluded as "don't know / not applicable".
    public var nExcluded: Int
    /// Design effect (items only; R `deff = TRUE`): design variance / SRS-without-replacement variance.
    public var designEffect: Double? = nil

    /// Effective sample size n / deff, when the design effect is known.
    public var effectiveSampleSize: Double? {
        designEffect.flatMap { $0 > 0 ? Double(n) / $0 : nil }
    }
}

/// How a confidence interval was formed.
public enum CIMethod: String, Hashable, Sendable, Codable, CaseIterable {
    /// logit(p̂) ± t·SE/(p̂(1−p̂)), back-transformed (R `svyciprop(method = "logit")` / "xlogit").
    case logit
    /// p̂ ± t·SE (R `svyciprop(method = "mean")`; may leave [0, 1]).
    case wald
    /// Wilson score interval with the effective sample size p̂(1−p̂)/SE².
    case wilson
    /// Korn–Graubard (Clopper–Pearson on the effective sample size; R `method = "beta"`).
    case beta
    /// Mean scores: estimate ± t·SE.
    case t
    /// A share of 0 or 1, or a zero standard error: exact Clopper–Pearson on the n answers.
    case clopperPearsonEdge = "clopper-pearson-edge"
}

/// A group of respondents a result describes.
public struct Group: Hashable, Sendable, Codable {
    /// `all`, or the breakdown's name (`sector`, `province_code*sector`).
    public var variable: String
    /// The level's values, one per attribute of the breakdown; empty for `all`.
    public var values: [String]

    public static let all = Group(variable: "all", values: [])

    public var isAll: Bool { variable == "all" }
}

/// One row of results: a group × an indicator × a statistic.
public struct IndicatorResult: Hashable, Sendable, Codable {
    public var group: Group
    public var indicator: Indicator
    public var statistic: Statistic
    /// `nil` when the group has no valid answers for this indicator (see `note`).
    public var estimate: Estimate?
    public var note: String?
}

/// The design as seen in the data.
public struct DesignSummary: Hashable, Sendable, Codable {
    public var records: Int
    public var weightSum: Double
    public var strata: Int
    public var psus: Int
    public var degreesOfFreedom: Int
    /// Strata with a single PSU, and how they were treated.
    public var lonelyStrata: [String]
    public var lonelyPSU: String
}

/// Everything `sipas analyze` reports.
public struct AnalysisResult: Hashable, Sendable, Codable {
    public var instrumentId: String
    public var design: DesignSummary
    /// How the whole-sample figures were formed.
    public var nationalMethod: NationalMethod
    public var confidenceLevel: Double
    public var results: [IndicatorResult]
    /// The calibrated weights per cell, when the design was calibrated to population margins.
    public var calibration: CalibrationSummary? = nil
}

/// How the whole-sample ("Cả nước") figures of an analysis were formed.
public enum NationalMethod: Hashable, Sendable, Codable {
    /// From all records, with their survey weights.
    case pooled
    /// The unweighted mean of the units' figures (e.g. the 63 provinces'), `attribute` naming the units.
    case meanOfUnits(attribute: String)

    /// The form the JSON outputs write: `pooled` or `mean_of_units:ATTRIBUTE`.
    public var text: String {
        switch self {
        case .pooled: return "pooled"
        case .meanOfUnits(let attribute): return "mean_of_units:" + attribute
        }
    }

    /// The method `text` names; nil for any other text.
    public init?(text: String) {
        if text == "pooled" {
            self = .pooled
        } else if text.hasPrefix("mean_of_units:") {
            self = .meanOfUnits(attribute: String(text.dropFirst("mean_of_units:".count)))
        } else {
            return nil
        }
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let method = NationalMethod(text: text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "not a national method: \(text)"))
        }
        self = method
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
