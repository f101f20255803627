/// Unbounded linear calibration (GREG; R `survey::calibrate` with its default `calfun = "linear"`
/// and no bounds, which it solves in closed form).
///
/// x_i holds the dummies of unit i's levels: every level of the first margin, then every level but
/// the first (sorted) of each other margin, the same column space as R's model matrix
/// `~ a + b` (intercept and treatment contrasts), so the weights are the same. With d the input
/// weights, T = Σ d_i x_i x_iᵀ and t the margins' totals: λ = T⁻¹(t − Σ d_i x_i), g_i = 1 + x_iᵀλ,
/// w_i = d_i g_i. The weighted totals then equal the margins exactly; weights may be negative.
extension Weighting {
    public static func linearCalibration(weights: [Double], values: [[[String]]], margins: [PopulationMargin]) throws
        -> [Double]
    {
        var columns: [(margin: Int, level: [String])] = []
        for (m, margin) in margins.enumerated() {
            let levels = margin.totals.keys.sorted { $0.lexicographicallyPrecedes($1) }
            columns += (m == 0 ? levels : Array(levels.dropFirst())).map { (m, $0) }
        }
        let p = columns.count
        let position = Dictionary(
            uniqueKeysWithValues: columns.enumerated().map {
                ("\($1.margin)\u{1F}" + $1.level.joined(separator: "\u{1E}"), $0)
            })
        let x: [[Int]] = weights.indices.map { i in
            values.indices.compactMap { m in position["\(m)\u{1F}" + values[m][i].joined(separator: "\u{1E}")] }
        }
        var t = DenseMatrix(rows: p, columns: p)
        var gap = DenseMatrix(rows: p, columns: 1)
        for (j, column) in columns.enumerated() { gap[j, 0] = margins[column.margin].totals[column.level] ?? 0 }
        for i in weights.indices {
            for a in x[i] {
                gap[a, 0] -= weights[i]
                for b in x[i] { t[a, b] += weights[i] }
            }
        }
        let lambda: DenseMatrix
        do {
            lambda = try t.solve(gap)
        } catch {
            throw DesignError(.data, .singularCalibration)
        }
        return weights.indices.map { i in weights[i] * (1 + x[i].reduce(0) { $0 + lambda[$1, 0] }) }
    }
}
