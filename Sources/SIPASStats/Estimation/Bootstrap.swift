import SIPASCore

/// Rao–Wu rescaling bootstrap (Rao & Wu 1988; Rao, Wu & Yue 1992) with GSL random numbers.
///
/// In replicate r, each stratum h with n_h ≥ 2 PSUs draws n_h − 1 of its PSUs with replacement; a
/// PSU drawn m times gets weight multiplier m·n_h/(n_h − 1). This is R `survey`'s
/// `as.svrepdesign(type = "subbootstrap")` (`subbootweights`), with variance
/// 1/(R − 1)·Σ_r (θ_r − θ̄)², which for linear statistics has expectation the with-replacement
/// linearisation variance (no fpc: R refuses fpc for this type, and so does sipas by ignoring it). A
/// stratum with one PSU keeps multiplier 1 (it adds nothing, as `lonely_psu: certainty`).
///
/// Draws follow PSUs sorted by (stratum, cluster), replicate after replicate, from one
/// `gsl_rng_mt19937` seeded with `seed`: the same seed gives the same replicates on every machine,
/// whatever the order of the input rows or the number of threads.
struct BootstrapMultipliers: Sendable {
    let replicates: Int
    /// Per PSU, its multiplier in each replicate.
    let multipliers: [PSUKey: [Double]]

    init(psusByStratum: [String: Set<String>], replicates: Int, seed: UInt) {
        self.replicates = replicates
        let random = RandomSource(seed: seed)
        var table: [PSUKey: [Double]] = [:]
        let strata = psusByStratum.keys.sorted()
        for stratum in strata {
            for cluster in psusByStratum[stratum]! { table[PSUKey(stratum: stratum, cluster: cluster)] = [] }
        }
        let sortedClusters = strata.map { psusByStratum[$0]!.sorted() }
        for _ in 0..<replicates {
            for (s, stratum) in strata.enumerated() {
                let clusters = sortedClusters[s]
                let n = clusters.count
                var counts = [Int](repeating: 0, count: n)
                if n > 1 {
                    for _ in 0..<(n - 1) { counts[random.uniformInt(below: n)] += 1 }
                }
                let factor = n > 1 ? Double(n) / Double(n - 1) : 1
                for (i, cluster) in clusters.enumerated() {
                    table[PSUKey(stratum: stratum, cluster: cluster)]!.append(n > 1 ? Double(counts[i]) * factor : 1)
                }
            }
        }
        multipliers = table
    }

    /// The domain's replicate totals: Σ over PSUs of multiplier × PSU sums, PSUs in sorted order.
    func totals(_ totals: SortedTotals, items: Int) -> ReplicateTotals {
        var result = ReplicateTotals(replicates: replicates, items: items)
        for (psu, sums) in zip(totals.psus, totals.sums) {
            guard let m = multipliers[psu] else { continue }
            for r in 0..<replicates where m[r] != 0 {
                for j in 0..<items {
                    result.values[r][3 * j] += m[r] * sums[ItemSlot.validWeight.index(item: j)]
                    result.values[r][3 * j + 1] += m[r] * sums[ItemSlot.satisfiedWeight.index(item: j)]
                    result.values[r][3 * j + 2] += m[r] * sums[ItemSlot.codeWeight.index(item: j)]
                }
            }
        }
        return result
    }
}
