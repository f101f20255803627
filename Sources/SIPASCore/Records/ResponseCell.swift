/// Sufficient statistics of the responses that share a primary sampling unit and the values of
/// the attributes an analysis groups on: what a server-side aggregation sends back instead of rows.
///
/// `sums` holds ``ItemSlot/count`` numbers per item, laid out by ``ItemSlot`` (Σw over valid
/// answers, Σw over satisfied answers, Σw·code, the count of valid answers, the count of excluded
/// ("don't know") answers, Σw·code²). Summing the contributions of the cell's records gives the
/// same numbers, so an accumulator fed with cells equals one fed with the records (up to the order
/// of floating-point additions).
public struct ResponseCell: Hashable, Sendable {
    public var stratum: String
    public var cluster: String
    public var populationPSUs: Double?
    /// Attribute values in layout order; attributes the aggregation did not group on are "".
    public var attributes: [String]
    /// Number of records in the cell.
    public var rows: Int
    /// Σw over the cell's records.
    public var weightSum: Double
    /// ``ItemSlot/count`` sums per item, as above.
    public var sums: [Double]

    public init(
        stratum: String, cluster: String, populationPSUs: Double?, attributes: [String], rows: Int,
        weightSum: Double, sums: [Double]
    ) {
        self.stratum = stratum
        self.cluster = cluster
        self.populationPSUs = populationPSUs
        self.attributes = attributes
        self.rows = rows
        self.weightSum = weightSum
        self.sums = sums
    }
}
