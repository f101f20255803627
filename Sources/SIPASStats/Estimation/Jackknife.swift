import SIPASCore

/// Delete-one-PSU jackknife variance, computed from the per-PSU sums without materialising
/// replicate weights.
///
/// Replicate (h, i) drops PSU i of stratum h and multiplies the weights of the other PSUs of h by
/// n_h/(n_h − 1), so a weighted total T becomes T − T_h + n_h/(n_h − 1)·(T_h − T_hi). The variance is
/// Σ_r s_r·(θ_r − θ̄)², θ̄ the mean of all replicates (R `survey.replicates.mse = FALSE`), with
/// s_r = (n_h − 1)/n_h·(1 − f_h) (JKn) or, with a single stratum, (R − 1)/R·(1 − f) (JK1): R `survey`'s
/// `as.svrepdesign(type = "JKn" / "JK1")` (Lumley 2010, §2.3; Wolter 2007, ch. 4). Strata with one
/// PSU cannot be jackknifed and contribute no replicate.
enum Jackknife {
    static func variance(
        _ totals: SortedTotals, _ indicator: Indicator, _ statistic: Statistic,
        psusByStratum: [String: Set<String>], fractions: [String: Double]
    ) -> Double? {
        replicates(totals, indicator, statistic, psusByStratum: psusByStratum, fractions: fractions).flatMap(variance)
    }

    /// Σ_r s_r·(θ_r − θ̄)².
    static func variance(_ replicates: [(theta: Double, scale: Double)]) -> Double? {
        guard !replicates.isEmpty else { return nil }
        let mean = replicates.reduce(0) { $0 + $1.theta } / Double(replicates.count)
        return replicates.reduce(0) { $0 + $1.scale * ($1.theta - mean) * ($1.theta - mean) }
    }

    /// The replicate estimates and their scales, replicates in (stratum, cluster) order — the same
    /// order for every domain, so the replicates of several domains can be combined.
    static func replicates(
        _ totals: SortedTotals, _ indicator: Indicator, _ statistic: Statistic,
        psusByStratum: [String: Set<String>], fractions: [String: Double]
    ) -> [(theta: Double, scale: Double)]? {
        let numerator = statistic.numeratorSlot
        let components = indicator.components
        // Whole-domain and per-stratum totals of X (valid weight) and Y (satisfied or code sum).
        var x = [Double](repeating: 0, count: components.count)
        var y = x
        var stratumX: [String: [Double]] = [:]
        var stratumY: [String: [Double]] = [:]
        var byPSU: [PSUKey: [Double]] = [:]
        for (psu, sums) in zip(totals.psus, totals.sums) {
            byPSU[psu] = sums
            for (k, c) in components.enumerated() {
                x[k] += sums[ItemSlot.validWeight.index(item: c.item)]
                y[k] += sums[numerator.index(item: c.item)]
                stratumX[psu.stratum, default: Array(repeating: 0, count: components.count)][k] +=
                    sums[ItemSlot.validWeight.index(item: c.item)]
                stratumY[psu.stratum, default: Array(repeating: 0, count: components.count)][k] +=
                    sums[numerator.index(item: c.item)]
            }
        }
        func theta(_ xs: [Double], _ ys: [Double]) -> Double? {
            var value = 0.0
            for (k, c) in components.enumerated() {
                guard xs[k] > 0 else { return nil }
                value += c.coefficient * ys[k] / xs[k]
            }
            return value
        }
        guard let full = theta(x, y) else { return nil }
        let totalPSUs = psusByStratum.values.reduce(0) { $0 + $1.count }
        let single = psusByStratum.count == 1
        var replicates: [(theta: Double, scale: Double)] = []
        for stratum in psusByStratum.keys.sorted() {
            let clusters = psusByStratum[stratum]!.sorted()
            guard clusters.count > 1 else { continue }
            let n = Double(clusters.count)
            let correction = 1 - (fractions[stratum] ?? 0)
            let scale = single ? (Double(totalPSUs) - 1) / Double(totalPSUs) * correction : (n - 1) / n * correction
            guard let xh = stratumX[stratum], let yh = stratumY[stratum] else {
                // No domain answers in this stratum: every replicate equals the full estimate.
                replicates += Array(repeating: (full, scale), count: clusters.count)
                continue
            }
            for cluster in clusters {
                let sums = byPSU[PSUKey(stratum: stratum, cluster: cluster)]
                var xr = x
                var yr = y
                for (k, c) in components.enumerated() {
                    let xi = sums?[ItemSlot.validWeight.index(item: c.item)] ?? 0
                    let yi = sums?[numerator.index(item: c.item)] ?? 0
                    xr[k] = x[k] - xh[k] + n / (n - 1) * (xh[k] - xi)
                    yr[k] = y[k] - yh[k] + n / (n - 1) * (yh[k] - yi)
                }
                guard let value = theta(xr, yr) else { return nil }
                replicates.append((value, scale))
            }
        }
        return replicates
    }
}
