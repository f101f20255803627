/// The difference between two estimates from independent samples (e.g. two survey years).
///
/// d = θ₂ − θ₁, SE(d) = √(SE₁² + SE₂²); the test statistic d/SE(d) is referred to Student's t on
/// df₁ + df₂ degrees of freedom (the stacked design's `degf`, stats-anchors.md §5). Use it only for
/// independent samples: when PSUs are re-surveyed, a covariance term is missing.
public struct Difference: Hashable, Sendable, Codable {
    public var estimate: Double
    public var standardError: Double
    public var degreesOfFreedom: Int
    public var ciLow: Double?
    public var ciHigh: Double?
    /// Two-sided p-value.
    public var pValue: Double?

    /// - Throws: ``StatsError`` when GSL cannot compute the t distribution.
    public init(from first: Estimate, to second: Estimate, level: Double = 0.95) throws {
        estimate = second.value - first.value
        standardError = (first.standardError * first.standardError + second.standardError * second.standardError)
            .squareRoot()
        degreesOfFreedom = first.degreesOfFreedom + second.degreesOfFreedom
        guard degreesOfFreedom > 0 else { return }
        let df = Double(degreesOfFreedom)
        let t = try Distribution.tQuantile(1 - (1 - level) / 2, df: df)
        ciLow = estimate - t * standardError
        ciHigh = estimate + t * standardError
        if standardError > 0 {
            pValue = min(1, 2 * (try Distribution.tUpperTail(abs(estimate) / standardError, df: df)))
        } else {
            pValue = estimate == 0 ? 1 : 0
        }
    }
}
