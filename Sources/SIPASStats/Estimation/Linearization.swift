import SIPASCore
import SIPASInstruments

/// Taylor linearisation of indicators from per-PSU sufficient statistics.
///
/// An indicator Σ cⱼ·rⱼ combines item ratios rⱼ = Yⱼ/Xⱼ (Y: weighted satisfied count or code sum,
/// X: weighted count of valid answers). Its influence total in PSU i is
/// zᵢ = Σ cⱼ·(Yⱼᵢ − rⱼ·Xⱼᵢ)/Xⱼ, and its variance is the with-replacement between-PSU variance
/// Σ_h n_h/(n_h−1)·Σ_i (zᵢ − z̄_h)², n_h counting every PSU of the stratum in the full design
/// (PSUs without domain rows have z = 0), times (1 − f_h) when the stratum's sampling fraction f_h is
/// known. This is R `survey`'s `svyrecvar` for one stage, applied to the domain on the full design
/// (Lumley 2010, §2.2, §3.4). A two-stage design with a first-stage fpc adds, per PSU, f₁·(1 − f₂)·
/// n₂/(n₂−1)·Σ_k (z_k − z̄)² over its n₂ sampled second-stage units (R `multistage`; Särndal et al.
/// 1992, §4.3).
struct Linearized {
    var value: Double
    /// PSUs in (stratum, cluster) order and their influence totals.
    var psus: [PSUKey]
    var z: [Double]
    /// Second-stage units in (stratum, cluster, unit) order and their influence totals (two stages only).
    var ssus: [SSUKey] = []
    var ssuZ: [Double] = []
}

/// A domain's per-PSU sums in (stratum, cluster) order. Every sum sipas forms runs in this order,
/// so results do not depend on hashing, on the order of input rows within a PSU's totals, or on how
/// accumulators were split and merged: the same JSON, byte for byte, from any number of threads.
struct SortedTotals {
    var psus: [PSUKey]
    var sums: [[Double]]
    var rows: Int
    var ssus: [SSUKey]
    var ssuSums: [[Double]]

    init(_ totals: DomainTotals) {
        let ordered = totals.perPSU.sorted { ($0.key.stratum, $0.key.cluster) < ($1.key.stratum, $1.key.cluster) }
        psus = ordered.map(\.key)
        sums = ordered.map(\.value)
        rows = totals.rows
        let units = totals.perSSU.sorted {
            ($0.key.psu.stratum, $0.key.psu.cluster, $0.key.unit) < (
                $1.key.psu.stratum, $1.key.psu.cluster, $1.key.unit
            )
        }
        ssus = units.map(\.key)
        ssuSums = units.map(\.value)
    }

    /// Σ over PSUs of one slot.
    func total(_ slot: Int) -> Double {
        sums.reduce(0) { $0 + $1[slot] }
    }
}

enum Linearization {
    static func linearize(_ totals: SortedTotals, _ indicator: Indicator, _ statistic: Statistic) -> Linearized? {
        let numerator = statistic.numeratorSlot
        var ratios: [Double] = []
        var denominators: [Double] = []
        for component in indicator.components {
            let x = totals.total(ItemSlot.validWeight.index(item: component.item))
            let y = totals.total(numerator.index(item: component.item))
            guard x > 0 else { return nil }
            ratios.append(y / x)
            denominators.append(x)
        }
        var value = 0.0
        for (k, component) in indicator.components.enumerated() { value += component.coefficient * ratios[k] }
        func influence(_ sums: [Double]) -> Double {
            var zi = 0.0
            for (k, component) in indicator.components.enumerated() {
                zi +=
                    component.coefficient
                    * (sums[numerator.index(item: component.item)]
                        - ratios[k] * sums[ItemSlot.validWeight.index(item: component.item)]) / denominators[k]
            }
            return zi
        }
        return Linearized(
            value: value, psus: totals.psus, z: totals.sums.map(influence),
            ssus: totals.ssus, ssuZ: totals.ssuSums.map(influence))
    }

    /// The variance of Σ zᵢ under the stratified with-replacement PSU design. `psus` must be in
    /// (stratum, cluster) order.
    static func variance(
        of linear: Linearized, psuCount: [String: Int], fractions: [String: Double] = [:], lonely: LonelyPSU,
        secondStage: SecondStageDesign? = nil
    ) throws -> Double {
        let first = try firstStageVariance(of: linear, psuCount: psuCount, fractions: fractions, lonely: lonely)
        guard let secondStage else { return first }
        return first + (try secondStageVariance(of: linear, fractions: fractions, design: secondStage, lonely: lonely))
    }

    /// Σ over PSUs of f₁·(1 − f₂)·n₂/(n₂−1)·Σ_k (z_k − z̄)², the n₂ SSUs counted in the full design.
    /// Without a first-stage fpc (f₁ unknown) the PSU totals carry the whole variance (R's ultimate
    /// cluster). A PSU with one sampled SSU and f₂ < 1 fails under `lonely_psu: fail`, as R does, and
    /// contributes 0 otherwise.
    static func secondStageVariance(
        of linear: Linearized, fractions: [String: Double], design: SecondStageDesign, lonely: LonelyPSU
    ) throws -> Double {
        var variance = 0.0
        let psuAt = { (i: Int) in linear.ssus[i].psu }
        try forEachRun(of: psuAt, linear.ssuZ) { psu, sum, squares in
            guard let f1 = fractions[psu.stratum], f1 > 0 else { return }
            let correction = 1 - (design.fractions[psu] ?? 0)
            guard correction >= 1e-7 else { return }
            let n = design.unitCount[psu] ?? 0
            guard n > 1 else {
                if lonely == .fail { throw StatsError.lonelyPSU(strata: ["\(psu.stratum)/\(psu.cluster) (stage 2)"]) }
                return
            }
            let n2 = Double(n)
            variance += f1 * correction * n2 / (n2 - 1) * (squares - sum * sum / n2)
        }
        return variance
    }

    /// Calls `body` with each run of equal keys `keyAt(i)` over the indices of `values` (in order),
    /// and the sum and the sum of squares of the run's values, added in order.
    private static func forEachRun<Key: Equatable>(
        of keyAt: (Int) -> Key, _ values: [Double], _ body: (Key, _ sum: Double, _ squares: Double) throws -> Void
    ) rethrows {
        var start = 0
        while start < values.count {
            let key = keyAt(start)
            var end = start
            var sum = 0.0
            var squares = 0.0
            while end < values.count, keyAt(end) == key {
                sum += values[end]
                squares += values[end] * values[end]
                end += 1
            }
            start = end
            try body(key, sum, squares)
        }
    }

    static func firstStageVariance(
        of linear: Linearized, psuCount: [String: Int], fractions: [String: Double], lonely: LonelyPSU
    ) throws -> Double {
        // The PSUs come in stratum order, so each stratum is one run: its sums are taken along the
        // run and its count and fraction looked up once (a lookup per PSU was most of the estimates).
        var variance = 0.0
        var lonelyStrata: [(stratum: String, sum: Double)] = []
        let stratumAt = { (i: Int) in linear.psus[i].stratum }
        forEachRun(of: stratumAt, linear.z) { stratum, s, squares in
            let n = psuCount[stratum] ?? 0
            if n <= 1 {
                lonelyStrata.append((stratum, s))
                return
            }
            let nh = Double(n)
            let correction = 1 - (fractions[stratum] ?? 0)
            variance += correction * nh / (nh - 1) * (squares - s * s / nh)
        }
        guard !lonelyStrata.isEmpty else { return variance }
        switch lonely {
        case .fail:
            throw StatsError.lonelyPSU(strata: lonelyStrata.map(\.stratum).sorted())
        case .remove, .certainty:
            return variance
        case .adjust:
            // Centre each lone PSU on the mean of all PSU totals of the design (R ≥ 4.3).
            let allPSUs = Double(psuCount.values.reduce(0, +))
            let grandMean = linear.z.reduce(0, +) / allPSUs
            for (_, s) in lonelyStrata {
                variance += (s - grandMean) * (s - grandMean)
            }
            return variance
        case .average:
            let strata = psuCount.count
            let lonelyInDesign = psuCount.values.filter { $0 == 1 }.count
            guard strata > lonelyInDesign else { return variance }
            return variance * Double(strata) / Double(strata - lonelyInDesign)
        }
    }

    /// The design effect of item ratio `item` (R `svymean(deff = TRUE)`): the design variance over
    /// the variance of the same estimate under simple random sampling without replacement,
    /// (1 − n/N̂)·s²/n, with s² the weighted variance of the answers (n/(n−1) correction) over the
    /// n valid answers and N̂ their weight sum.
    static func designEffect(_ totals: SortedTotals, item: Int, statistic: Statistic, variance: Double) -> Double? {
        let weight = totals.total(ItemSlot.validWeight.index(item: item))
        let sum = totals.total(statistic.numeratorSlot.index(item: item))
        let squares = totals.total(
            (statistic == .share ? ItemSlot.satisfiedWeight : .codeSquareWeight).index(item: item))
        let n = totals.total(ItemSlot.validCount.index(item: item))
        guard n > 1, weight > 0 else { return nil }
        let mean = sum / weight
        let s2 = (squares / weight - mean * mean) * n / (n - 1)
        let srs = (1 - n / weight) * s2 / n
        guard srs > 0 else { return nil }
        return variance / srs
    }

    /// PSUs holding at least one of the given counts, minus the strata they lie in (R `degf`).
    static func degreesOfFreedom(_ totals: SortedTotals, countSlots: [Int]) -> Int {
        // The PSUs are sorted by stratum, so a stratum's PSUs are consecutive: strata are counted
        // where the stratum changes (a `Set` of names took half the time of the estimates).
        var strata = 0
        var psus = 0
        var previous: String?
        for (psu, sums) in zip(totals.psus, totals.sums) where countSlots.contains(where: { sums[$0] > 0 }) {
            psus += 1
            if psu.stratum != previous {
                strata += 1
                previous = psu.stratum
            }
        }
        return psus - strata
    }
}
