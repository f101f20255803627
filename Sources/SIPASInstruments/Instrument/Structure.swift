import SIPASCore

/// A measurement area (lĩnh vực đo lường): e.g. policy, or public administrative services.
public struct Area: Hashable, Sendable, Codable {
    public var name: String
    public var label: LocalizedText
    public var elements: [Element]
    public init(name: String, label: LocalizedText, elements: [Element]) {
        self.name = name
        self.label = label
        self.elements = elements
    }
}

/// An element (yếu tố) of an area: e.g. access, administrative procedures, civil servants.
public struct Element: Hashable, Sendable, Codable {
    public var name: String
    public var label: LocalizedText
    public init(name: String, label: LocalizedText) {
        self.name = name
        self.label = label
    }
}

/// Sampling design columns. Any of them may be absent: no weight means equal weights,
/// no strata one stratum, no cluster each row its own primary sampling unit.
public struct DesignSpec: Hashable, Sendable, Codable {
    public var weight: String?
    public var strata: String?
    public var cluster: String?
    /// Column holding the number of PSUs in the stratum's population (finite population correction).
    public var fpc: String?
    /// Two-stage designs: the column naming the second-stage unit within its PSU (e.g. household
    /// or school), and the column holding the number of such units in the PSU's population (R
    /// `svydesign(id = ~cluster + ssu, fpc = ~fpc + fpc2)`).
    public var ssu: String?
    public var fpc2: String?
    /// Replicate weights that come with the data (columns) and how their variance is formed.
    public var replicateWeights: ReplicateWeightsSpec?
    /// What to do with a stratum holding a single PSU (R `survey.lonely.psu`).
    public var lonelyPSU: LonelyPSU

    public init(
        weight: String? = nil, strata: String? = nil, cluster: String? = nil, fpc: String? = nil,
        lonelyPSU: LonelyPSU = .fail,
        ssu: String? = nil, fpc2: String? = nil
    ) {
        self.weight = weight
        self.strata = strata
        self.cluster = cluster
        self.fpc = fpc
        self.lonelyPSU = lonelyPSU
        self.ssu = ssu
        self.fpc2 = fpc2
    }

    enum CodingKeys: String, CodingKey {
        case weight, strata, cluster, fpc, ssu, fpc2
        case lonelyPSU = "lonely_psu"
        case replicateWeights = "replicate_weights"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        weight = try c.decodeIfPresent(String.self, forKey: .weight)
        strata = try c.decodeIfPresent(String.self, forKey: .strata)
        cluster = try c.decodeIfPresent(String.self, forKey: .cluster)
        fpc = try c.decodeIfPresent(String.self, forKey: .fpc)
        ssu = try c.decodeIfPresent(String.self, forKey: .ssu)
        fpc2 = try c.decodeIfPresent(String.self, forKey: .fpc2)
        replicateWeights = try c.decodeIfPresent(ReplicateWeightsSpec.self, forKey: .replicateWeights)
        lonelyPSU = try c.decodeIfPresent(LonelyPSU.self, forKey: .lonelyPSU) ?? .fail
    }
}

/// Replicate weight columns supplied with the data (e.g. by a statistics office), as R
/// `svrepdesign(repweights =, scale =, rscales =, mse =)`: the variance of an estimate is
/// scale · Σ_r rscale_r · (θ_r − c)², c the mean of the replicates (or the estimate when `mse`).
public struct ReplicateWeightsSpec: Hashable, Sendable, Codable {
    /// Columns holding the replicate weights (analysis weights, not multipliers), in order.
    public var columns: [String]
    /// Defaults to 1/(R − 1), the bootstrap convention.
    public var scale: Double?
    public var rscales: [Double]?
    public var mse: Bool?

    public init(columns: [String], scale: Double? = nil, rscales: [Double]? = nil, mse: Bool? = nil) {
        self.columns = columns
        self.scale = scale
        self.rscales = rscales
        self.mse = mse
    }
}

/// R `survey`'s options for a stratum with one PSU.
public enum LonelyPSU: String, Hashable, Sendable, Codable, CaseIterable {
    /// Stop with an error naming the strata (R's default).
    case fail
    /// Drop the stratum's contribution to the variance.
    case remove
    /// Treat the lone PSU as sampled with certainty (contributes zero).
    case certainty
    /// Centre the lone PSU on the mean of all PSU totals (R ≥ 4.3 semantics).
    case adjust
    /// Use the average variance of the other strata.
    case average
}

/// How item results roll up into element, area and overall indices. The official method does not
/// publish its aggregation, so every step is a choice recorded in the instrument.
public struct RollupSpec: Hashable, Sendable, Codable {
    public enum ElementMethod: String, Hashable, Sendable, Codable {
        /// Mean of the element's `item` shares (equal weights).
        case meanOfItems = "mean_of_items"
        /// The element's `element_overall` question alone.
        case overallItem = "overall_item"
    }
    public enum AreaMethod: String, Hashable, Sendable, Codable {
        case meanOfElements = "mean_of_elements"
        case meanOfItems = "mean_of_items"
    }
    public enum OverallMethod: String, Hashable, Sendable, Codable {
        case meanOfAreas = "mean_of_areas"
        case meanOfElements = "mean_of_elements"
        /// The question with role `overall` alone.
        case overallItem = "overall_item"
    }
    public enum NationalMethod: String, Hashable, Sendable, Codable {
        /// Design-weighted estimate over all respondents.
        case pooled
        /// Unweighted mean of the estimates of each `unit` (e.g. the provinces).
        case meanOfUnits = "mean_of_units"
    }

    public var element: ElementMethod
    public var area: AreaMethod
    public var overall: OverallMethod
    /// How the whole-sample figure is formed; breakdowns are always design-weighted.
    public var national: NationalMethod
    /// Column whose levels are averaged when `national` is `mean_of_units`.
    public var unit: String?

    public init(
        element: ElementMethod = .meanOfItems, area: AreaMethod = .meanOfElements,
        overall: OverallMethod = .meanOfAreas, national: NationalMethod = .pooled, unit: String? = nil
    ) {
        self.element = element
        self.area = area
        self.overall = overall
        self.national = national
        self.unit = unit
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        element = try c.decodeIfPresent(ElementMethod.self, forKey: .element) ?? .meanOfItems
        area = try c.decodeIfPresent(AreaMethod.self, forKey: .area) ?? .meanOfElements
        overall = try c.decodeIfPresent(OverallMethod.self, forKey: .overall) ?? .meanOfAreas
        national = try c.decodeIfPresent(NationalMethod.self, forKey: .national) ?? .pooled
        unit = try c.decodeIfPresent(String.self, forKey: .unit)
    }
}
