import SIPASCore

/// The national figure of a year before 1 July 2025 compared with a later year, both ways: as
/// published (the year's own whole-sample figure, the mean of its 63 provinces) and regrouped (the
/// mean of the 34 new units, each estimated from its old provinces' responses pooled with their
/// survey weights). ``YearComparison``'s change uses the published figure.
///
/// The regrouped mean is computed from the units' estimates: θ = Σₖ θₖ / K and, because every
/// stratum lies inside one unit (the instrument's strata are its provinces, which the regrouping
/// keeps), the units' linearised totals share no PSU, so Var θ = Σₖ Var θₖ / K² — the variance the
/// estimator's mean of units gives. Its interval is formed like the published one's (same degrees of
/// freedom, n and method).
public struct NationalBaseline: Hashable, Sendable, Codable {
    public var year: String
    /// As published, with the estimator's note ("mean of 63 units").
    public var published: Estimate
    public var publishedNote: String?
    /// Mean of the regrouped units.
    public var regrouped: Estimate
    public var regroupedUnits: Int
    /// The comparison's change uses the published figure.
    public var changeUses: String = "published"

    /// The baseline of `result` (a year regrouped into the 2025 units, whose `unitVariable` breakdown
    /// holds the regrouped units) for `indicator`'s share; nil when the national figure is not a mean of
    /// units, or the result lacks it or the units.
    public static func make(year: String, result: AnalysisResult, unitVariable: String, indicator: String = "overall")
        throws -> NationalBaseline?
    {
        guard case .meanOfUnits = result.nationalMethod else { return nil }
        func share(_ row: IndicatorResult) -> Bool { row.indicator.id == indicator && row.statistic == .share }
        guard let national = result.results.first(where: { $0.group.isAll && share($0) }),
            let published = national.estimate
        else { return nil }
        let units = result.results.filter { $0.group.variable == unitVariable && share($0) }.compactMap(\.estimate)
        guard !units.isEmpty else { return nil }
        let k = Double(units.count)
        let value = units.reduce(0) { $0 + $1.value } / k
        let se = (units.reduce(0) { $0 + $1.standardError * $1.standardError }).squareRoot() / k
        let ci = try ConfidenceInterval.share(
            p: value, se: se, n: published.n, df: published.degreesOfFreedom,
            level: result.confidenceLevel, method: published.ciMethod)
        let regrouped = Estimate(
            value: value, standardError: se, degreesOfFreedom: published.degreesOfFreedom, ciLow: ci.low,
            ciHigh: ci.high,
            ciMethod: ci.method, n: published.n, nExcluded: published.nExcluded)
        return NationalBaseline(
            year: year, published: published, publishedNote: national.note, regrouped: regrouped,
            regroupedUnits: units.count)
    }
}
