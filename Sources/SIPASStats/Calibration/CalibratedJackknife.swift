import SIPASCore

/// The jackknife of a calibrated design, as R computes it for `postStratify` or `rake` applied to
/// `as.svrepdesign(design, type = "JK1" / "JKn")`: every replicate's weights are calibrated again to
/// the same margins (raking: the number of sweeps of the full sample), and the replicate estimate uses
/// them. Replicate (h, i) has cell weights W_c − W_hc + nₕ/(nₕ − 1)·(W_hc − W_hic); its factors G⁽ʳ⁾
/// multiply the domain's cell sums changed the same way. Scales as ``Jackknife``.
extension CalibratedDesign {
    /// Factors for cell weights `w` (in ``cells`` order), `sweeps` sweeps over the margins; nil when a
    /// margin level has no weight left.
    func factors(for w: [Double]) -> [Double]? {
        var g = [Double](repeating: 1, count: cells.count)
        let margins = spec.margins.enumerated().map { m, margin in
            (levels: cells.map { levels[m][$0]! }, totals: margin.totals)
        }
        for _ in 0..<sweeps {
            for margin in margins {
                var current: [[String]: Double] = [:]
                for c in cells.indices { current[margin.levels[c], default: 0] += w[c] * g[c] }
                for c in cells.indices {
                    let level = margin.levels[c]
                    guard let sum = current[level], sum > 0, let total = margin.totals[level] else { return nil }
                    g[c] *= total / sum
                }
            }
        }
        return g
    }

    func jackknifeReplicates(
        _ domain: DomainCells, _ indicator: Indicator, _ statistic: Statistic,
        psusByStratum: [String: Set<String>], fractions: [String: Double]
    ) -> [(theta: Double, scale: Double)]? {
        let numerator = statistic.numeratorSlot
        let components = indicator.components
        let cellCount = cells.count
        // Design weight per cell: whole sample, per stratum, per PSU.
        let weight = cells.map { cellWeight[$0]! }
        var stratumWeight: [String: [Double]] = [:]
        var psuWeight: [PSUKey: [Double]] = [:]
        for entry in psuCells {
            var w = [Double](repeating: 0, count: cellCount)
            for (cell, value) in entry.cells { w[cell] = value }
            psuWeight[entry.psu] = w
            stratumWeight[entry.psu.stratum, default: Array(repeating: 0, count: cellCount)].add(w)
        }
        // The domain's X (valid weight) and Y per component × cell: whole, per stratum, per PSU.
        let width = 2 * components.count * cellCount
        func index(_ k: Int, _ cell: Int, _ y: Bool) -> Int { (2 * k + (y ? 1 : 0)) * cellCount + cell }
        var total = [Double](repeating: 0, count: width)
        var stratumSums: [String: [Double]] = [:]
        var psuSums: [PSUKey: [Double]] = [:]
        for psu in domain.perPSU.keys.sorted(by: { ($0.stratum, $0.cluster) < ($1.stratum, $1.cluster) }) {
            var v = [Double](repeating: 0, count: width)
            for (cell, sums) in domain.perPSU[psu]! {
                for (k, c) in components.enumerated() {
                    v[index(k, cell, false)] += sums[ItemSlot.validWeight.index(item: c.item)]
                    v[index(k, cell, true)] += sums[numerator.index(item: c.item)]
                }
            }
            psuSums[psu] = v
            total.add(v)
            stratumSums[psu.stratum, default: Array(repeating: 0, count: width)].add(v)
        }
        let totalPSUs = psusByStratum.values.reduce(0) { $0 + $1.count }
        let single = psusByStratum.count == 1
        var replicates: [(theta: Double, scale: Double)] = []
        for stratum in psusByStratum.keys.sorted() {
            let clusters = psusByStratum[stratum]!.sorted()
            guard clusters.count > 1 else { continue }
            let n = Double(clusters.count)
            let f = n / (n - 1)
            let correction = 1 - (fractions[stratum] ?? 0)
            let scale = single ? (Double(totalPSUs) - 1) / Double(totalPSUs) * correction : (n - 1) / n * correction
            let wh = stratumWeight[stratum] ?? Array(repeating: 0, count: cellCount)
            let sh = stratumSums[stratum] ?? Array(repeating: 0, count: width)
            for cluster in clusters {
                let psu = PSUKey(stratum: stratum, cluster: cluster)
                let whi = psuWeight[psu] ?? Array(repeating: 0, count: cellCount)
                let shi = psuSums[psu] ?? Array(repeating: 0, count: width)
                let w = (0..<cellCount).map { weight[$0] - wh[$0] + f * (wh[$0] - whi[$0]) }
                guard let g = factors(for: w) else { return nil }
                var theta = 0.0
                for (k, c) in components.enumerated() {
                    var x = 0.0
                    var y = 0.0
                    for cell in 0..<cellCount {
                        let ix = index(k, cell, false)
                        let iy = index(k, cell, true)
                        x += g[cell] * (total[ix] - sh[ix] + f * (sh[ix] - shi[ix]))
                        y += g[cell] * (total[iy] - sh[iy] + f * (sh[iy] - shi[iy]))
                    }
                    guard x > 0 else { return nil }
                    theta += c.coefficient * y / x
                }
                replicates.append((theta, scale))
            }
        }
        return replicates.isEmpty ? nil : replicates
    }
}

extension Array where Element == Double {
    /// Adds `other` element by element.
    mutating func add(_ other: [Double]) {
        for i in indices { self[i] += other[i] }
    }
}
