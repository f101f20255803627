import SIPASCore

/// Post-stratification and raking on the accumulated cell sums, with R `survey`'s variance.
///
/// Every calibrated weight is the design weight times a factor G_c that depends only on the record's
/// cell c (its values of the calibration variables): post-stratification G_c = N_c/Ŵ_c; raking
/// multiplies, sweep after sweep, by N_l/Ŵ_l for the level l of each margin (iterative proportional
/// fitting, Deming & Stephan 1940). So calibrated sums are Σ_c G_c·S_c over the per-cell sums.
///
/// Variance (R `svyrecvar` with `postStrata`; Lumley 2010, §7.2–7.4): row influences x_i = w_i·G_c·u_i
/// are replaced by residuals before the PSU sums. Post-stratification subtracts, in each cell, the
/// design-weighted mean of u times the calibrated weight: x_i − w_i·G_c·ū_c. Raking repeats, 10 times
/// over the margins, x ← x − w·G⁽ᵐ⁾·ave(x/(w·G⁽ᵐ⁾)) with ave the unweighted mean within the margin
/// level and G⁽ᵐ⁾ the factors after margin m of the last sweep. Both only subtract a constant per cell
/// from x_i/w_i, found from per-cell sums; PSU i then loses Σ_c d_c·W_ic (W_ic: its design weight in c).
struct CalibratedDesign {
    let spec: CalibrationSpec
    let cells: [String]
    /// Factor per cell after calibration, and (raking) after each margin of the last sweep.
    let factors: [String: Double]
    let partialFactors: [[String: Double]]
    /// Design weight and rows of every record per cell, and per PSU (unit nil) or SSU × cell.
    let cellWeight: [String: Double]
    let cellRows: [String: Double]
    /// Every PSU and SSU of the design in sorted order, with its design weight per cell.
    /// (cells are positions in ``cells``).
    let psuCells: [(psu: PSUKey, cells: [(cell: Int, weight: Double)])]
    let ssuCells: [(ssu: SSUKey, cells: [(cell: Int, weight: Double)])]
    /// For each margin, the level of each cell.
    let levels: [[String: [String]]]
    let summary: CalibrationSummary
    /// Position of each cell in ``cells``; sweeps run for the full sample (1 for post-stratification).
    let cellPosition: [String: Int]
    let sweeps: Int

    init(_ accumulator: SurveyAccumulator) throws {
        let plan = accumulator.plan
        guard let spec = plan.calibration, let all = accumulator.domains[.all] else {
            throw StatsError.invalid(.noCalibration)
        }
        self.spec = spec
        let items = plan.layout.items.count
        let weightSlot = ItemSlot.weightIndex(items: items)
        let rowSlot = ItemSlot.rowsIndex(items: items)
        var weight: [String: Double] = [:]
        var rows: [String: Double] = [:]
        var unit: [CellKey: Double] = [:]
        for key in all.perUnitCell.keys.sorted(by: Self.order) {
            let sums = all.perUnitCell[key]!
            unit[key] = sums[weightSlot]
            if key.unit == nil {
                weight[key.cell, default: 0] += sums[weightSlot]
                rows[key.cell, default: 0] += sums[rowSlot]
            }
        }
        cells = weight.keys.sorted()
        cellWeight = weight
        var byPSU: [(psu: PSUKey, cells: [(cell: Int, weight: Double)])] = []
        var bySSU: [(ssu: SSUKey, cells: [(cell: Int, weight: Double)])] = []
        let position = Dictionary(uniqueKeysWithValues: cells.enumerated().map { ($1, $0) })
        cellPosition = position
        for key in unit.keys.sorted(by: Self.order) {
            if let name = key.unit {
                let ssu = SSUKey(psu: key.psu, unit: name)
                if bySSU.last?.ssu != ssu { bySSU.append((ssu, [])) }
                bySSU[bySSU.count - 1].cells.append((position[key.cell]!, unit[key]!))
            } else {
                if byPSU.last?.psu != key.psu { byPSU.append((key.psu, [])) }
                byPSU[byPSU.count - 1].cells.append((position[key.cell]!, unit[key]!))
            }
        }
        psuCells = byPSU
        ssuCells = bySSU
        cellRows = rows
        let variables = plan.calibrationVariables
        let cellValues = Dictionary(
            uniqueKeysWithValues: cells.map {
                ($0, $0.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init))
            })
        levels = spec.margins.map { margin in
            let positions = margin.variables.map { variables.firstIndex(of: $0)! }
            return cellValues.mapValues { values in positions.map { values[$0] } }
        }
        for (m, margin) in spec.margins.enumerated() {
            let sampled = Set(levels[m].values)
            if let missing = sampled.subtracting(margin.totals.keys).sorted(by: { $0.lexicographicallyPrecedes($1) })
                .first
            {
                throw StatsError.invalid(.levelNotInPopulation(variables: margin.variables, level: missing))
            }
            if let empty = margin.totals.filter({ $0.value > 0 && !sampled.contains($0.key) }).keys.sorted(by: {
                $0.lexicographicallyPrecedes($1)
            }).first {
                throw StatsError.invalid(
                    .levelWithoutRespondents(
                        variables: margin.variables, level: empty, population: margin.totals[empty]!))
            }
        }
        var g = Dictionary(uniqueKeysWithValues: cells.map { ($0, 1.0) })
        var partial: [[String: Double]] = []
        var iterations = 0
        var converged = false
        switch spec.method {
        case .postStratify:
            guard spec.margins.count == 1 else {
                throw StatsError.invalid(.postStratificationMargins(count: spec.margins.count))
            }
            g = Self.sweep(g, margin: spec.margins[0], levels: levels[0], cells: cells, weight: weight)
            partial = [g]
            iterations = 1
            converged = true
        case .rake:
            // Converged: a sweep moves no factor by more than the tolerance and every margin is met
            // (to 1000 × the tolerance, room for the rounding of the sums). Factors that stop moving
            // while a margin is still off mean margins no weights can meet (e.g. of two populations).
            while iterations < spec.maxIterations {
                let previous = g
                partial = []
                for (m, margin) in spec.margins.enumerated() {
                    g = Self.sweep(g, margin: margin, levels: levels[m], cells: cells, weight: weight)
                    partial.append(g)
                }
                iterations += 1
                if cells.allSatisfy({ abs(g[$0]! - previous[$0]!) <= spec.tolerance * abs(previous[$0]!) }) {
                    converged =
                        (Self.marginGaps(g, spec: spec, levels: levels, cells: cells, weight: weight).max() ?? 0)
                        <= 1000 * spec.tolerance
                    break
                }
            }
        }
        let gaps = Self.marginGaps(g, spec: spec, levels: levels, cells: cells, weight: weight)
        let open = spec.margins.indices.filter { gaps[$0] > 1000 * spec.tolerance }
        guard converged else {
            throw StatsError.calibrationDidNotConverge(
                margins: (open.isEmpty ? Array(spec.margins.indices) : open).map {
                    spec.margins[$0].variables.joined(separator: "×")
                },
                sweeps: iterations, gap: gaps.max() ?? 0)
        }
        factors = g
        partialFactors = partial
        sweeps = iterations
        let calibratedCells = cells.map { cell in
            CalibrationSummary.CalibratedCell(
                values: cellValues[cell]!, respondents: Int(rows[cell]!), designWeight: weight[cell]!,
                calibratedWeight: weight[cell]! * g[cell]!, factor: g[cell]!)
        }
        summary = CalibrationSummary(
            method: spec.method, variables: variables, cells: calibratedCells, iterations: iterations,
            converged: converged, largestMarginGap: gaps.max() ?? 0,
            calibratedWeightSum: calibratedCells.reduce(0) { $0 + $1.calibratedWeight })
        guard g.values.allSatisfy({ $0.isFinite }) else { throw StatsError.invalid(.nonFiniteCalibrationFactor) }
    }

    static func order(_ a: CellKey, _ b: CellKey) -> Bool {
        (a.psu.stratum, a.psu.cluster, a.unit ?? "", a.cell) < (b.psu.stratum, b.psu.cluster, b.unit ?? "", b.cell)
    }

    /// Each margin's largest relative gap |Σ_{c∈l} W_c·G_c − N_l| / N_l over its levels l.
    private static func marginGaps(
        _ g: [String: Double], spec: CalibrationSpec, levels: [[String: [String]]],
        cells: [String], weight: [String: Double]
    ) -> [Double] {
        spec.margins.indices.map { gap(g, margin: spec.margins[$0], levels: levels[$0], cells: cells, weight: weight) }
    }

    /// The largest relative gap |Σ_{c∈l} W_c·G_c − N_l| / N_l over the levels l of `margin`.
    private static func gap(
        _ g: [String: Double], margin: PopulationMargin, levels: [String: [String]],
        cells: [String], weight: [String: Double]
    ) -> Double {
        var current: [[String]: Double] = [:]
        for cell in cells { current[levels[cell]!, default: 0] += weight[cell]! * g[cell]! }
        return current.map { level, total in
            let target = margin.totals[level]!
            return target == 0 ? abs(total) : abs(total - target) / target
        }.max() ?? 0
    }

    /// One post-stratification on `margin`: each cell's factor × N_l / Σ_{c∈l} W_c·G_c.
    private static func sweep(
        _ g: [String: Double], margin: PopulationMargin, levels: [String: [String]],
        cells: [String], weight: [String: Double]
    ) -> [String: Double] {
        var current: [[String]: Double] = [:]
        for cell in cells { current[levels[cell]!, default: 0] += weight[cell]! * g[cell]! }
        var result = g
        for cell in cells { result[cell]! *= margin.totals[levels[cell]!]! / current[levels[cell]!]! }
        return result
    }

    /// The domain's sums with calibrated weights (weighted slots × G_c; counts unchanged).
    func calibrate(_ totals: DomainTotals, items: Int) -> DomainTotals {
        var result = totals
        var weighted: [Int] = []
        for j in 0..<items { weighted += ItemSlot.allCases.filter(\.isWeighted).map { $0.index(item: j) } }
        weighted.append(ItemSlot.weightIndex(items: items))
        var psu: [PSUKey: [Double]] = [:]
        var ssu: [SSUKey: [Double]] = [:]
        for key in totals.perUnitCell.keys.sorted(by: Self.order) {
            let sums = totals.perUnitCell[key]!
            let factor = factors[key.cell] ?? 1
            let width = sums.count
            if let unit = key.unit {
                let k = SSUKey(psu: key.psu, unit: unit)
                var v = ssu[k] ?? [Double](repeating: 0, count: width)
                for i in weighted { v[i] += factor * sums[i] }
                ssu[k] = v
            } else {
                var v = psu[key.psu] ?? [Double](repeating: 0, count: width)
                for i in weighted { v[i] += factor * sums[i] }
                psu[key.psu] = v
            }
        }
        for (key, v) in psu {
            var sums = result.perPSU.removeValue(forKey: key)!
            for i in weighted { sums[i] = v[i] }
            result.perPSU[key] = sums
        }
        for (key, v) in ssu {
            var sums = result.perSSU.removeValue(forKey: key)!
            for i in weighted { sums[i] = v[i] }
            result.perSSU[key] = sums
        }
        return result
    }

    /// Subtracts the calibration residual correction from an indicator's PSU (and SSU) influence
    /// totals. `original` is the domain's uncalibrated sums, `calibrated` the same after ``calibrate``.
    /// A domain's design-weighted sums per cell (over all its PSUs, in order) and unweighted sums per
    /// cell: what ``correct`` needs, formed once per domain.
    struct DomainCells {
        var weighted: [String: [Double]] = [:]
        var unweighted: [String: [Double]] = [:]
        /// Design-weighted sums per PSU × cell (cell positions), PSUs in order.
        var perPSU: [PSUKey: [(cell: Int, sums: [Double])]] = [:]
    }

    func cells(of original: DomainTotals) -> DomainCells {
        var result = DomainCells(unweighted: original.unweightedByCell)
        for key in original.perUnitCell.keys.sorted(by: Self.order) where key.unit == nil {
            let sums = original.perUnitCell[key]!
            result.perPSU[key.psu, default: []].append((cellPosition[key.cell]!, sums))
            if var existing = result.weighted.removeValue(forKey: key.cell) {
                for i in existing.indices { existing[i] += sums[i] }
                result.weighted[key.cell] = existing
            } else {
                result.weighted[key.cell] = sums
            }
        }
        return result
    }

    func correct(
        _ linear: inout Linearized, original: DomainCells, calibrated: SortedTotals,
        _ indicator: Indicator, _ statistic: Statistic
    ) {
        let numerator = statistic.numeratorSlot
        var coefficients: [(item: Int, c: Double, r: Double)] = []
        for component in indicator.components {
            let x = calibrated.total(ItemSlot.validWeight.index(item: component.item))
            guard x > 0 else { return }
            let r = calibrated.total(numerator.index(item: component.item)) / x
            coefficients.append((component.item, component.coefficient / x, r))
        }
        func u(_ sums: [Double]) -> Double {
            coefficients.reduce(0) {
                $0 + $1.c
                    * (sums[numerator.index(item: $1.item)] - $1.r * sums[ItemSlot.validWeight.index(item: $1.item)])
            }
        }
        var d: [String: Double] = [:]
        switch spec.method {
        case .postStratify:
            // ū_c = Σ_{i∈c} w_i·u_i / Σ_{i∈c} w_i over all records; d_c = G_c·ū_c.
            for cell in cells { d[cell] = factors[cell]! * (original.weighted[cell].map(u) ?? 0) / cellWeight[cell]! }
        case .rake:
            // t_i = G_c·u_i; T_c = Σ_{i∈c} t_i; each step subtracts G⁽ᵐ⁾_c·A_l from t_i in cell c.
            var t: [String: Double] = [:]
            for cell in cells {
                t[cell] = factors[cell]! * (original.unweighted[cell].map(u) ?? 0)
                d[cell] = 0
            }
            for _ in 0..<10 {
                for (m, partial) in partialFactors.enumerated() {
                    var sum: [[String]: Double] = [:]
                    var rows: [[String]: Double] = [:]
                    for cell in cells {
                        sum[levels[m][cell]!, default: 0] += t[cell]! / partial[cell]!
                        rows[levels[m][cell]!, default: 0] += cellRows[cell]!
                    }
                    for cell in cells {
                        let level = levels[m][cell]!
                        let step = partial[cell]! * sum[level]! / rows[level]!
                        t[cell]! -= cellRows[cell]! * step
                        d[cell]! += step
                    }
                }
            }
        }
        // Records outside the domain are corrected too, so every PSU (and SSU) of the design gets a total.
        let shift = cells.map { d[$0]! }
        let z = Dictionary(uniqueKeysWithValues: zip(linear.psus, linear.z))
        linear.psus = psuCells.map(\.psu)
        linear.z = psuCells.map { entry in
            (z[entry.psu] ?? 0) - entry.cells.reduce(0) { $0 + shift[$1.cell] * $1.weight }
        }
        if !linear.ssus.isEmpty {
            let ssuZ = Dictionary(uniqueKeysWithValues: zip(linear.ssus, linear.ssuZ))
            linear.ssus = ssuCells.map(\.ssu)
            linear.ssuZ = ssuCells.map { entry in
                (ssuZ[entry.ssu] ?? 0) - entry.cells.reduce(0) { $0 + shift[$1.cell] * $1.weight }
            }
        }
    }
}
