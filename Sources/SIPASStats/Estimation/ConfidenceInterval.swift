import Foundation

/// Confidence intervals for shares and means from a design-based estimate.
///
/// Formulas follow R `survey` 4.x `svyciprop` (`R/svyttest.R`): every quantile is Student's t
/// with the design degrees of freedom. References: Korn & Graubard (1998) for `beta`;
/// Wilson (1927) with the effective sample size for `wilson`.
public enum ConfidenceInterval {
    /// Limits of a share `p` with standard error `se`.
    ///
    /// - Parameters:
    ///   - n: unweighted number of answers (the trials of the exact interval at 0 % and 100 %).
    ///   - rows: the domain's rows, answered or not (Korn–Graubard's t_{rows−1}, R's `nrow(design)`
    ///     in `svyciprop(method = "beta", na.rm = TRUE)`); nil: `n`.
    ///   - df: design degrees of freedom; `df ≤ 0` gives `nil` limits (never a normal fallback).
    /// - Returns: limits and the method actually used (a share of 0 or 1, or a zero SE, falls back to
    ///   an exact Clopper–Pearson interval on `n`, since no interval on the logit scale exists there).
    public static func share(
        p: Double, se: Double, n: Int, rows: Int? = nil, df: Int, level: Double, method: CIMethod
    ) throws -> (low: Double?, high: Double?, method: CIMethod) {
        guard df > 0, n > 0 else { return (nil, nil, method) }
        let alpha = 1 - level
        let t = try Distribution.tQuantile(1 - alpha / 2, df: Double(df))
        if p <= 0 || p >= 1 || se <= 0 {
            let (low, high) = try clopperPearson(x: p * Double(n), n: Double(n), alpha: alpha)
            return (low, high, .clopperPearsonEdge)
        }
        switch method {
        case .logit, .clopperPearsonEdge, .t:
            let center = log(p / (1 - p))
            let half = t * se / (p * (1 - p))
            return (expit(center - half), expit(center + half), .logit)
        case .wald:
            return (p - t * se, p + t * se, .wald)
        case .wilson:
            let nEff = p * (1 - p) / (se * se)
            let z2 = t * t
            let denominator = 1 + z2 / nEff
            let center = (p + z2 / (2 * nEff)) / denominator
            let half = t / denominator * (p * (1 - p) / nEff + z2 / (4 * nEff * nEff)).squareRoot()
            // The score interval lies in [0, 1]; center − half can round an ulp below 0 (and + above 1).
            return (max(center - half, 0), min(center + half, 1), .wilson)
        case .beta:
            // Korn–Graubard: n_eff = p(1−p)/SE² · (t_{α/2, rows−1} / t_{α/2, df})².
            let trials = rows ?? n
            let tN = trials > 1 ? try Distribution.tQuantile(1 - alpha / 2, df: Double(trials - 1)) : t
            let nEff = p * (1 - p) / (se * se) * pow(tN / t, 2)
            let (low, high) = try clopperPearson(x: nEff * p, n: nEff, alpha: alpha)
            return (low, high, .beta)
        }
    }

    /// Estimate ± t·SE, for mean scores.
    public static func mean(value: Double, se: Double, df: Int, level: Double) throws -> (low: Double?, high: Double?) {
        guard df > 0 else { return (nil, nil) }
        let t = try Distribution.tQuantile(1 - (1 - level) / 2, df: Double(df))
        return (value - t * se, value + t * se)
    }

    /// Clopper–Pearson limits for x successes in n trials (x and n may be fractional):
    /// Beta(α/2; x, n−x+1) and Beta(1−α/2; x+1, n−x).
    /// A count within rounding of 0 or n (a weighted share of 1 − 1e−16) takes the exact limit:
    /// a beta quantile with a shape of 1e−15 has no value GSL can compute.
    static func clopperPearson(x: Double, n: Double, alpha: Double) throws -> (Double, Double) {
        let tolerance = max(n, 1) * 1e-12
        let low = x <= tolerance ? 0 : try Distribution.betaQuantile(alpha / 2, a: x, b: n - x + 1)
        let high = n - x <= tolerance ? 1 : try Distribution.betaQuantile(1 - alpha / 2, a: x + 1, b: n - x)
        return (low, high)
    }

    private static func expit(_ x: Double) -> Double { 1 / (1 + exp(-x)) }
}
