/// An answer to one scored item, as the importer hands it to the statistics core.
public enum ItemAnswer: Hashable, Sendable {
    /// No answer (blank cell, or a question skipped by its `relevant` rule).
    case blank
    /// A "don't know / not applicable" code: excluded from the denominator, and counted.
    case excluded(code: Int)
    /// A valid code on the item's scale.
    case code(Int)
}

/// Which columns a ``ResponseRecord`` carries, in order.
///
/// The importer builds a layout from an instrument; the statistics core reads records through it.
public struct RecordLayout: Hashable, Sendable {
    /// Names of the scored items: `answers[i]` answers `items[i]`.
    public var items: [String]
    /// Names of the other kept columns (province, sector, commune …): `attributes[i]` holds `attributeNames[i]`.
    public var attributeNames: [String]

    public init(items: [String], attributeNames: [String]) {
        self.items = items
        self.attributeNames = attributeNames
    }

    public func itemIndex(_ name: String) -> Int? { items.firstIndex(of: name) }
    public func attributeIndex(_ name: String) -> Int? { attributeNames.firstIndex(of: name) }
}

/// One accepted questionnaire: its design values, its grouping attributes and its scored answers.
public struct ResponseRecord: Hashable, Sendable {
    /// Where the row came from (file and 1-based row, header = row 1).
    public var location: SourceLocation
    /// Sampling weight; 1 when the file carries none.
    public var weight: Double
    /// Stratum label; one stratum ("") when the design has none.
    public var stratum: String
    /// Primary sampling unit (cluster) label; the row's own location when the design has none.
    public var cluster: String
    /// Attribute values in ``RecordLayout/attributeNames`` order (codes as written, NFC, trimmed).
    public var attributes: [String]
    /// Answers in ``RecordLayout/items`` order.
    public var answers: [ItemAnswer]
    /// Finite population correction of the row's stratum: the number of PSUs in the stratum's
    /// population, or the sampling fraction when ≤ 1 (as R `svydesign(fpc=)`); nil for none.
    public var populationPSUs: Double?
    /// Two-stage designs: the second-stage unit within the cluster, and the number of such units in
    /// the cluster's population (or the second-stage sampling fraction when ≤ 1); nil for one stage.
    public var secondaryCluster: String? = nil
    public var populationSSUs: Double? = nil
    /// Replicate weights supplied with the data (the instrument's `design.replicate_weights`); a blank
    /// or unreadable cell is NaN, which the statistics core refuses as an invalid weight naming the row.
    public var replicateWeights: [Double]? = nil

    public init(
        location: SourceLocation, weight: Double, stratum: String, cluster: String,
        attributes: [String], answers: [ItemAnswer], populationPSUs: Double? = nil
    ) {
        self.location = location
        self.weight = weight
        self.stratum = stratum
        self.cluster = cluster
        self.attributes = attributes
        self.answers = answers
        self.populationPSUs = populationPSUs
    }
}
