import CGSL
import SIPASCore

/// Rao–Scott corrected chi-square test of independence for a breakdown × satisfied table of one item
/// (e.g. does satisfaction with access differ between sectors?), as R `svychisq` (`R/surveychisq.R`).
///
/// Cells k are (level, satisfied or not) among valid answers, with design-based proportions p̂ₖ and
/// their linearised covariance V. X² is Pearson's statistic on the table scaled to the n valid answers;
/// with C the interaction contrasts (the interaction columns' residuals on the main-effects design),
/// Δ = (C′D⁻¹C/n)⁻¹ (C′D⁻¹VD⁻¹C), D = diag(p̂). Second-order (default, R `statistic = "F"`):
/// F = X²/tr Δ on d₀ = (tr Δ)²/tr Δ² and d₀·ν degrees of freedom, ν the design df of the valid answers.
/// First-order (R `"Chisq"`): X²/mean(diag Δ) on (r − 1)(c − 1) df. Rao & Scott (1984), Ann. Statist. 12.
public struct RaoScott: Hashable, Sendable, Codable {
    public var pearson: Double
    public var f: Double
    public var numeratorDF: Double
    public var denominatorDF: Double
    public var pValue: Double
    public var firstOrderChiSquare: Double
    public var firstOrderDF: Int
    public var firstOrderPValue: Double

    /// Tests `item` (a position in the record layout) across the levels of breakdown `breakdown`.
    /// - Throws: ``StatsError`` when fewer than two levels have valid answers or GSL cannot solve.
    public static func test(_ accumulator: SurveyAccumulator, item: Int, breakdown: Int) throws -> RaoScott {
        let levels = accumulator.domains.filter { $0.key.breakdown == breakdown }.sorted { $0.key < $1.key }.map {
            SortedTotals($0.value)
        }
        // Cells in R's order for interaction(rows, cols): rows (levels) vary fastest; cols = not satisfied, satisfied.
        let r = levels.count
        let c = 2
        let k = r * c
        guard r >= 2 else { throw StatsError.invalid(.tooFewGroups) }
        var cellPSU: [PSUKey: [Double]] = [:]
        var n = 0.0
        for (a, level) in levels.enumerated() {
            for (psu, sums) in zip(level.psus, level.sums) {
                var cells = cellPSU[psu] ?? Array(repeating: 0, count: k)
                let valid = sums[ItemSlot.validWeight.index(item: item)]
                let satisfied = sums[ItemSlot.satisfiedWeight.index(item: item)]
                cells[a] += valid - satisfied  // not satisfied
                cells[a + r] += satisfied
                cellPSU[psu] = cells
                n += sums[ItemSlot.validCount.index(item: item)]
            }
        }
        let psus = cellPSU.keys.sorted { ($0.stratum, $0.cluster) < ($1.stratum, $1.cluster) }.filter {
            cellPSU[$0]!.reduce(0, +) > 0
        }
        var totals = Array(repeating: 0.0, count: k)
        for psu in psus { for i in 0..<k { totals[i] += cellPSU[psu]![i] } }
        let grand = totals.reduce(0, +)
        guard grand > 0 else { throw StatsError.emptyDomain("the table") }
        let p = totals.map { $0 / grand }

        // Covariance of the cell proportions: influence totals per PSU, stratified with-replacement formula.
        let psuCount = accumulator.psuCountByStratum
        let fractions = accumulator.samplingFractionByStratum
        var covariance = DenseMatrix(rows: k, columns: k)
        let byStratum = Dictionary(grouping: psus, by: \.stratum)
        for stratum in byStratum.keys.sorted() {
            let nh = Double(psuCount[stratum] ?? 0)
            guard nh > 1 else { continue }
            let z = byStratum[stratum]!.map { psu -> [Double] in
                let cells = cellPSU[psu]!
                let t = cells.reduce(0, +)
                return (0..<k).map { (cells[$0] - p[$0] * t) / grand }
            }
            let mean = (0..<k).map { i in z.reduce(0) { $0 + $1[i] } / nh }  // PSUs without answers count as 0
            let scale = (1 - (fractions[stratum] ?? 0)) * nh / (nh - 1)
            for i in 0..<k {
                for j in 0..<k {
                    var s = z.reduce(0) { $0 + ($1[i] - mean[i]) * ($1[j] - mean[j]) }
                    s += (nh - Double(z.count)) * mean[i] * mean[j]
                    covariance[i, j] += scale * s
                }
            }
        }

        // Pearson X² on the table scaled to n.
        var pearson = 0.0
        let rowShare = (0..<r).map { p[$0] + p[$0 + r] }
        let colShare = [(0..<r).reduce(0) { $0 + p[$1] }, (0..<r).reduce(0) { $0 + p[$1 + r] }]
        for a in 0..<r {
            for b in 0..<c {
                let expected = n * rowShare[a] * colShare[b]
                if expected > 0 { pearson += pow(n * p[a + b * r] - expected, 2) / expected }
            }
        }

        // Interaction contrasts: residuals of the interaction columns on intercept + rows + cols.
        var main = DenseMatrix(rows: k, columns: r + c - 1)
        var interaction = DenseMatrix(rows: k, columns: (r - 1) * (c - 1))
        for cell in 0..<k {
            let a = cell % r
            let b = cell / r
            main[cell, 0] = 1
            if a > 0 { main[cell, a] = 1 }
            if b > 0 { main[cell, r - 1 + b] = 1 }
            if a > 0 && b > 0 { interaction[cell, (b - 1) * (r - 1) + (a - 1)] = 1 }
        }
        let mt = main.transposed
        let contrasts = interaction - main * (try (mt * main).solve(mt * interaction))
        let inverse = DenseMatrix.diagonal(p.map { $0 == 0 ? 0 : 1 / $0 })
        let ct = contrasts.transposed
        let denominator = ct * DenseMatrix.diagonal(p.map { $0 == 0 ? 0 : 1 / ($0 * n) }) * contrasts
        let numerator = ct * inverse * covariance * inverse * contrasts
        let delta = try denominator.solve(numerator)
        let trace = delta.trace
        let trace2 = (delta * delta).trace
        let d0 = trace * trace / trace2
        let nu = Double(psus.count - Set(psus.map(\.stratum)).count)  // R: degf of the valid answers
        GSL.prepare()
        let f = pearson / trace
        let df1 = (r - 1) * (c - 1)
        let chisq = pearson / (trace / Double(delta.rows))
        return RaoScott(
            pearson: pearson, f: f, numeratorDF: d0, denominatorDF: d0 * nu,
            pValue: try GSL.checked(gsl_cdf_fdist_Q(f, d0, d0 * nu), "gsl_cdf_fdist_Q", [f, d0, d0 * nu]),
            firstOrderChiSquare: chisq, firstOrderDF: df1,
            firstOrderPValue: try GSL.checked(
                gsl_cdf_chisq_Q(chisq, Double(df1)), "gsl_cdf_chisq_Q", [chisq, Double(df1)])
        )
    }
}
