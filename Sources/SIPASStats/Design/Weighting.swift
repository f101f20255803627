/// Weights after the field work (research/sampling-methods.md §4): base weights d = 1/π, the
/// non-response adjustment within cells, calibration to population margins, trimming, and Kish's
/// design effect due to weighting.
public enum Weighting {
    public struct CellAdjustment: Sendable, Hashable {
        public var cell: String
        public var sampled: Int
        public var respondents: Int
        /// f_c = Σ_sampled d / Σ_respondents d.
        public var factor: Double
    }

    /// Respondents get d·f_c with f_c = Σ_{sampled in c} d / Σ_{respondents in c} d; others 0.
    /// `reserve` marks reserve units (drawn to replace non-respondents): they enter the
    /// respondents' sum when they answered, never the sampled sum, so full replacement gives f = 1.
    /// - Throws: ``DesignError`` (data) for a cell with sampled units but no respondent.
    public static func nonresponse(base: [Double], responded: [Bool], cells: [String], reserve: [Bool]? = nil) throws
        -> (weights: [Double], cells: [CellAdjustment])
    {
        var result = [Double](repeating: 0, count: base.count)
        var adjustments: [CellAdjustment] = []
        for group in FrameTable.groups(cells) {
            let main = group.rows.filter { !(reserve?[$0] ?? false) }
            let sampled = InclusionProbabilities.sum(main.map { base[$0] })
            let answered = group.rows.filter { responded[$0] }
            guard !answered.isEmpty else {
                throw DesignError(.data, .cellWithoutRespondents(cell: group.key, sampled: main.count))
            }
            let factor = sampled / InclusionProbabilities.sum(answered.map { base[$0] })
            for i in answered { result[i] = base[i] * factor }
            adjustments.append(
                CellAdjustment(cell: group.key, sampled: main.count, respondents: answered.count, factor: factor))
        }
        return (result, adjustments)
    }

    public struct Calibrated: Sendable, Hashable {
        public var weights: [Double]
        public var iterations: Int
        public var converged: Bool
    }

    /// Post-stratification (one margin, one step) or raking (iterative proportional fitting over the
    /// margins in order, as R `rake`: each step is `postStratify` on one margin) of `weights`.
    /// `values[m][i]` is row i's level of margin m (one value per margin variable). Raking stops when
    /// no cell of the crossing of all margins moves by more than `spec.tolerance` (relative) in a sweep, or after
    /// `spec.maxIterations` sweeps.
    /// - Throws: ``DesignError`` (data) for a level in the sample but not in the margin, or a
    ///   level with a positive population and no respondent.
    public static func calibrate(weights: [Double], values: [[[String]]], spec: CalibrationSpec) throws -> Calibrated {
        for (m, margin) in spec.margins.enumerated() {
            let seen = Set(values[m])
            if let level = values[m].first(where: { margin.totals[$0] == nil }) {
                throw DesignError(
                    .data, .stats(.invalid(.levelNotInPopulation(variables: margin.variables, level: level))))
            }
            if let empty = margin.totals.filter({ $0.value > 0 && !seen.contains($0.key) }).keys.sorted(by: {
                $0.lexicographicallyPrecedes($1)
            }).first {
                throw DesignError(
                    .data,
                    .stats(
                        .invalid(
                            .levelWithoutRespondents(
                                variables: margin.variables, level: empty, population: margin.totals[empty]!))))
            }
        }
        var w = weights
        func sweep(_ m: Int) {
            var current: [[String]: Double] = [:]
            for i in w.indices { current[values[m][i], default: 0] += w[i] }
            for i in w.indices { w[i] = w[i] * (spec.margins[m].totals[values[m][i]]! / current[values[m][i]]!) }
        }
        if spec.method == .postStratify {
            guard spec.margins.count == 1 else {
                throw DesignError.usage(.postStratificationMargins(spec.margins.count))
            }
            sweep(0)
            return Calibrated(weights: w, iterations: 1, converged: true)
        }
        let crossing = w.indices.map { i in values.map { $0[i].joined(separator: "\u{1F}") }.joined(separator: "\u{1E}")
        }
        func cellTotals() -> [String: Double] {
            var t: [String: Double] = [:]
            for i in w.indices { t[crossing[i], default: 0] += w[i] }
            return t
        }
        var old = cellTotals()
        var iterations = 0
        while iterations < spec.maxIterations {
            for m in spec.margins.indices { sweep(m) }
            iterations += 1
            let new = cellTotals()
            if new.allSatisfy({ abs($0.value - old[$0.key]!) <= spec.tolerance * abs(old[$0.key]!) }) {
                return Calibrated(weights: w, iterations: iterations, converged: true)
            }
            old = new
        }
        return Calibrated(weights: w, iterations: iterations, converged: false)
    }

    /// R `survey::trimWeights`: weights outside [lower, upper] are set to the bound, and the total
    /// trimmed (positive or negative) is added in equal parts to every weight that was inside, so the
    /// sum is kept. Untrimmed weights may then cross a bound; `strict` repeats until none does.
    /// - Throws: ``DesignError`` (usage) when upper < mean weight or lower > mean weight (no weights
    ///   can then keep the total; R overflows its stack under `strict`).
    public static func trim(
        _ weights: [Double], upper: Double = .infinity, lower: Double = -.infinity, strict: Bool = false
    ) throws -> [Double] {
        guard !weights.isEmpty else { return weights }
        let mean = InclusionProbabilities.sum(weights) / Double(weights.count)
        guard upper >= mean, lower <= mean, lower <= upper else {
            throw DesignError.usage(.trimmingBounds(lower: lower, upper: upper, mean: mean))
        }
        var w = weights
        for _ in 0..<10_000 {
            let outside = w.map { $0 < lower || $0 > upper }
            guard outside.contains(true) else { return w }
            let clipped = w.map { max(lower, min($0, upper)) }
            let trimmed = InclusionProbabilities.sum(zip(w, clipped).map { $0 - $1 })
            let inside = outside.filter { !$0 }.count
            guard inside > 0 else { return clipped }
            w = clipped.indices.map { outside[$0] ? clipped[$0] : clipped[$0] + trimmed / Double(inside) }
            if !strict { return w }
        }
        return w
    }

    /// Kish's design effect due to weighting, deff_w = n·Σw²/(Σw)² = 1 + CV², and n/deff_w.
    public static func kish(_ weights: [Double]) -> (deff: Double, effectiveN: Double) {
        let n = Double(weights.count)
        let s = InclusionProbabilities.sum(weights)
        let s2 = InclusionProbabilities.sum(weights.map { $0 * $0 })
        let deff = n * s2 / (s * s)
        return (deff, n / deff)
    }
}
