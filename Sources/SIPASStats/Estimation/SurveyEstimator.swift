import Foundation
import SIPASCore
import SIPASInstruments

/// Options for turning accumulated sums into estimates.
public struct EstimationOptions: Hashable, Sendable {
    /// Confidence level of every interval (default 0.95).
    public var level: Double
    /// Interval for shares; mean scores always use estimate ± t·SE.
    public var shareCI: CIMethod
    /// How standard errors are computed.
    public var variance: VarianceMethod

    /// Bootstrap replicates and the seed of their GSL generator (``VarianceMethod/bootstrap``).
    public var replicates: Int = 500
    public var seed: UInt = 20_261_123
    /// How supplied replicate weights become a variance (``VarianceMethod/replicateWeights``);
    /// nil: bootstrap convention, scale 1/(R − 1).
    public var replicateSettings: ReplicateSettings? = nil
    /// Threads the domains are estimated on (``ParallelMap``); the results do not depend on it.
    public var threads = ProcessInfo.processInfo.activeProcessorCount

    public init(level: Double = 0.95, shareCI: CIMethod = .logit, variance: VarianceMethod = .linearization) {
        self.level = level
        self.shareCI = shareCI
        self.variance = variance
    }
}

/// Variance estimation methods.
public enum VarianceMethod: String, Hashable, Sendable, Codable, CaseIterable {
    /// Taylor linearisation (the default, as R `svydesign`).
    case linearization
    /// Delete-one-PSU jackknife: JK1 with one stratum, JKn with several (as R `as.svrepdesign`).
    case jackknife
    /// Rao–Wu rescaling bootstrap, seeded GSL random numbers (as R `type = "subbootstrap"`).
    case bootstrap
    /// Replicate weights supplied with the data (``SurveyAccumulator/add(_:secondStage:replicateWeights:)``).
    case replicateWeights = "replicate-weights"
}

/// Computes every indicator × statistic for every domain of an accumulator.
public enum SurveyEstimator {
    /// - Throws: ``StatsError/lonelyPSU(strata:)`` under `lonely_psu: fail` when a stratum has one PSU;
    ///   ``StatsError`` when GSL cannot compute a quantile.
    public static func estimate(_ accumulator: SurveyAccumulator, options: EstimationOptions = .init()) throws
        -> AnalysisResult
    {
        let plan = accumulator.plan
        let psuCount = accumulator.psuCountByStratum
        let fractions = accumulator.samplingFractionByStratum
        let lonely = psuCount.filter { $0.value == 1 }.keys.sorted()
        if plan.lonelyPSU == .fail, !lonely.isEmpty { throw StatsError.lonelyPSU(strata: lonely) }
        if options.variance == .replicateWeights, accumulator.replicateCount == nil {
            throw StatsError.invalid(.noReplicateWeights)
        }
        if options.variance == .bootstrap, options.replicates < 2 {
            throw StatsError.invalid(.bootstrapReplicates(options.replicates))
        }
        let calibration = plan.calibration == nil ? nil : try CalibratedDesign(accumulator)
        if calibration != nil, options.variance == .bootstrap || options.variance == .replicateWeights {
            throw StatsError.invalid(.calibratedReplicates)
        }
        let items = plan.layout.items.count
        func sorted(_ totals: DomainTotals) -> SortedTotals {
            SortedTotals(calibration?.calibrate(totals, items: items) ?? totals)
        }
        let bootstrap =
            options.variance == .bootstrap
            ? BootstrapMultipliers(
                psusByStratum: accumulator.psusByStratum, replicates: options.replicates, seed: options.seed) : nil
        let context = Context(
            plan: plan, psuCount: psuCount, psusByStratum: accumulator.psusByStratum,
            fractions: fractions, secondStage: accumulator.secondStage, calibration: calibration, options: options)

        let unitKeys = accumulator.domains.keys.filter { $0.scope == .unit }.sorted {
            $0.values.lexicographicallyPrecedes($1.values)
        }
        let units: [Unit] = try ParallelMap.map(unitKeys.count, threads: options.threads) { u in
            let domain = accumulator.domains[unitKeys[u]]!
            let totals = sorted(domain)
            return (
                name: unitKeys[u].values.joined(separator: "*"), totals: totals, cells: calibration?.cells(of: domain),
                replicates: bootstrap?.totals(totals, items: items) ?? accumulator.replicateSums[unitKeys[u]]
            )
        }
        // Each domain's results on its own, in the order of the domains.
        let keys = accumulator.domainKeys
        let results = try ParallelMap.map(keys.count, threads: options.threads) { k -> [IndicatorResult] in
            let key = keys[k]
            guard let unsorted = accumulator.domains[key] else { return [] }
            let totals = sorted(unsorted)
            let replicates = bootstrap?.totals(totals, items: items) ?? accumulator.replicateSums[key]
            let cells = calibration?.cells(of: unsorted)
            let group = key.breakdown.map { Group(variable: plan.breakdowns[$0].name, values: key.values) } ?? .all
            var results: [IndicatorResult] = []
            for indicator in plan.indicators {
                for statistic in Statistic.allCases {
                    if key == .all, plan.national == .meanOfUnits {
                        results.append(
                            try context.meanOfUnits(
                                units, all: totals, records: accumulator.records, indicator, statistic))
                    } else {
                        results.append(
                            try context.result(
                                group, totals, indicator, statistic, replicates: replicates, cells: cells))
                    }
                }
            }
            return results
        }.flatMap { $0 }
        let psus = psuCount.values.reduce(0, +)
        // Summed over PSUs in order, so that it does not depend on how records were split and merged.
        let weightSum = accumulator.domains[.all].map { sorted($0).total(ItemSlot.weightIndex(items: items)) } ?? 0
        let design = DesignSummary(
            records: accumulator.records, weightSum: weightSum, strata: psuCount.count, psus: psus,
            degreesOfFreedom: psus - psuCount.count, lonelyStrata: lonely, lonelyPSU: plan.lonelyPSU.rawValue
        )
        let nationalMethod: NationalMethod =
            plan.national == .pooled
            ? .pooled : .meanOfUnits(attribute: plan.unitAttribute.map { plan.layout.attributeNames[$0] } ?? "")
        return AnalysisResult(
            instrumentId: plan.instrumentId, design: design, nationalMethod: nationalMethod,
            confidenceLevel: options.level, results: results, calibration: calibration?.summary
        )
    }

    typealias Unit = (
        name: String, totals: SortedTotals, cells: CalibratedDesign.DomainCells?, replicates: ReplicateTotals?
    )

    private struct Context {
        let plan: AnalysisPlan
        let psuCount: [String: Int]
        let psusByStratum: [String: Set<String>]
        let fractions: [String: Double]
        let secondStage: SecondStageDesign?
        let calibration: CalibratedDesign?
        let options: EstimationOptions

        func result(
            _ group: Group, _ totals: SortedTotals, _ indicator: Indicator, _ statistic: Statistic,
            replicates: ReplicateTotals? = nil, cells: CalibratedDesign.DomainCells? = nil
        ) throws -> IndicatorResult {
            guard var linear = Linearization.linearize(totals, indicator, statistic) else {
                return IndicatorResult(
                    group: group, indicator: indicator, statistic: statistic, estimate: nil,
                    note: "no valid answers")
            }
            if let calibration, let cells {
                calibration.correct(&linear, original: cells, calibrated: totals, indicator, statistic)
            }
            // Degrees of freedom count the PSUs holding the domain's rows, answered or not: a missing or
            // "don't know" answer is not a subpopulation (R: svyciprop(~y, subset(des, domain),
            // na.rm = TRUE) takes degf(subset(des, domain)); docs/methodology.md).
            let df = Linearization.degreesOfFreedom(
                totals, countSlots: [ItemSlot.rowsIndex(items: plan.layout.items.count)])
            let n =
                indicator.level == .item
                ? Int(totals.total(ItemSlot.validCount.index(item: indicator.components[0].item))) : totals.rows
            let excluded = indicator.components.reduce(0) {
                $0 + Int(totals.total(ItemSlot.excludedCount.index(item: $1.item)))
            }
            var variance: Double? = nil
            if options.variance == .jackknife {
                guard
                    let jackknife = jackknifeReplicates(totals, cells, indicator, statistic).flatMap(Jackknife.variance)
                else {
                    return IndicatorResult(
                        group: group, indicator: indicator, statistic: statistic, estimate: nil,
                        note: "jackknife replicate without valid answers")
                }
                variance = jackknife
            }
            if options.variance == .bootstrap || options.variance == .replicateWeights {
                guard let thetas = replicates?.thetas(indicator, statistic) else {
                    return IndicatorResult(
                        group: group, indicator: indicator, statistic: statistic, estimate: nil,
                        note: "replicate without valid answers")
                }
                let settings =
                    options.variance == .bootstrap
                    ? .bootstrap(replicates: thetas.count)
                    : options.replicateSettings ?? plan.replicateSettings ?? .bootstrap(replicates: thetas.count)
                variance = settings.variance(thetas, full: linear.value)
            }
            var estimate = try makeEstimate(
                linear, statistic: statistic, df: df, n: n, rows: totals.rows, excluded: excluded, variance: variance)
            if indicator.level == .item {
                estimate.designEffect = Linearization.designEffect(
                    totals, item: indicator.components[0].item, statistic: statistic,
                    variance: estimate.standardError * estimate.standardError)
            }
            return IndicatorResult(
                group: group, indicator: indicator, statistic: statistic, estimate: estimate, note: nil)
        }

        /// The unweighted mean of the units' estimates (e.g. the mean of provincial indices).
        func meanOfUnits(
            _ units: [Unit], all: SortedTotals, records: Int,
            _ indicator: Indicator, _ statistic: Statistic
        ) throws -> IndicatorResult {
            var parts: [Linearized] = []
            var included: [Unit] = []
            var missing: [String] = []
            for unit in units {
                if var linear = Linearization.linearize(unit.totals, indicator, statistic) {
                    if let cells = unit.cells {
                        calibration?.correct(&linear, original: cells, calibrated: unit.totals, indicator, statistic)
                    }
                    parts.append(linear)
                    included.append(unit)
                } else {
                    missing.append(unit.name)
                }
            }
            guard !parts.isEmpty else {
                return IndicatorResult(
                    group: .all, indicator: indicator, statistic: statistic, estimate: nil, note: "no valid answers")
            }
            let k = Double(parts.count)
            let (psus, z) = UnitMean.combine(parts.map { ($0.psus, $0.z) }, k: k) {
                ($0.stratum, $0.cluster) < ($1.stratum, $1.cluster)
            }
            let (ssus, ssuZ) = UnitMean.combine(parts.map { ($0.ssus, $0.ssuZ) }, k: k) {
                ($0.psu.stratum, $0.psu.cluster, $0.unit) < ($1.psu.stratum, $1.psu.cluster, $1.unit)
            }
            let combined = Linearized(
                value: parts.reduce(0) { $0 + $1.value } / k, psus: psus, z: z, ssus: ssus, ssuZ: ssuZ)
            let designPSUs = psuCount.values.reduce(0, +)
            let excluded = indicator.components.reduce(0) {
                $0 + Int(all.total(ItemSlot.excludedCount.index(item: $1.item)))
            }
            // Replicates: θ_r is the mean of the units' replicate estimates.
            var variance: Double? = nil
            switch options.variance {
            case .bootstrap, .replicateWeights:
                var mean: [Double]? = nil
                for unit in included {
                    guard let thetas = unit.replicates?.thetas(indicator, statistic) else {
                        return IndicatorResult(
                            group: .all, indicator: indicator, statistic: statistic, estimate: nil,
                            note: "replicate without valid answers in \(unit.name)")
                    }
                    mean = mean.map { zip($0, thetas).map { $0 + $1 / k } } ?? thetas.map { $0 / k }
                }
                let thetas = mean ?? []
                let settings =
                    options.variance == .bootstrap
                    ? .bootstrap(replicates: thetas.count)
                    : options.replicateSettings ?? plan.replicateSettings ?? .bootstrap(replicates: thetas.count)
                variance = settings.variance(thetas, full: combined.value)
            case .jackknife:
                var mean: [(theta: Double, scale: Double)]? = nil
                for unit in included {
                    guard let replicates = jackknifeReplicates(unit.totals, unit.cells, indicator, statistic) else {
                        return IndicatorResult(
                            group: .all, indicator: indicator, statistic: statistic, estimate: nil,
                            note: "jackknife replicate without valid answers in \(unit.name)")
                    }
                    mean =
                        mean.map { zip($0, replicates).map { ($0.theta + $1.theta / k, $0.scale) } }
                        ?? replicates.map { ($0.theta / k, $0.scale) }
                }
                variance = mean.flatMap(Jackknife.variance)
            case .linearization:
                break
            }
            let estimate = try makeEstimate(
                combined, statistic: statistic, df: designPSUs - psuCount.count,
                n: records, rows: records, excluded: excluded, variance: variance)
            let note =
                "mean of \(parts.count) units"
                + (missing.isEmpty ? "" : "; without \(missing.joined(separator: ", ")) (no valid answers)")
            return IndicatorResult(
                group: .all, indicator: indicator, statistic: statistic, estimate: estimate, note: note)
        }

        /// Delete-one-PSU replicates, recalibrated when the design is calibrated.
        func jackknifeReplicates(
            _ totals: SortedTotals, _ cells: CalibratedDesign.DomainCells?,
            _ indicator: Indicator, _ statistic: Statistic
        ) -> [(theta: Double, scale: Double)]? {
            if let calibration, let cells {
                return calibration.jackknifeReplicates(
                    cells, indicator, statistic, psusByStratum: psusByStratum, fractions: fractions)
            }
            return Jackknife.replicates(
                totals, indicator, statistic, psusByStratum: psusByStratum, fractions: fractions)
        }

        /// - Parameters:
        ///   - n: the answers the estimate rests on (valid answers for an item, rows otherwise);
        ///   - rows: the domain's rows, answered or not (Korn–Graubard's n, R's `nrow(design)`).
        func makeEstimate(
            _ linear: Linearized, statistic: Statistic, df: Int, n: Int, rows: Int, excluded: Int,
            variance given: Double? = nil
        ) throws -> Estimate {
            let variance =
                try given
                ?? Linearization.variance(
                    of: linear, psuCount: psuCount, fractions: fractions, lonely: plan.lonelyPSU,
                    secondStage: secondStage)
            let se = max(variance, 0).squareRoot()
            switch statistic {
            case .share:
                let ci = try ConfidenceInterval.share(
                    p: linear.value, se: se, n: n, rows: rows, df: df, level: options.level, method: options.shareCI)
                return Estimate(
                    value: linear.value, standardError: se, degreesOfFreedom: df, ciLow: ci.low, ciHigh: ci.high,
                    ciMethod: ci.method, n: n, nExcluded: excluded)
            case .mean:
                let ci = try ConfidenceInterval.mean(value: linear.value, se: se, df: df, level: options.level)
                return Estimate(
                    value: linear.value, standardError: se, degreesOfFreedom: df, ciLow: ci.low, ciHigh: ci.high,
                    ciMethod: .t, n: n, nExcluded: excluded)
            }
        }
    }
}

/// The influence totals of a mean of units' estimates.
enum UnitMean {
    /// Σ over `parts` of value ÷ k for every key, the keys in `less` order. A key's terms are added
    /// from 0 in the parts' order, the order in which a dictionary filled part after part would add
    /// them, so the sums are the same bits. The units' PSUs are usually disjoint and come in
    /// order already (units sorted as their strata), so the sort is skipped when it can be.
    static func combine<Key: Equatable>(_ parts: [([Key], [Double])], k: Double, by less: (Key, Key) -> Bool) -> (
        [Key], [Double]
    ) {
        var entries: [(key: Key, part: Int, value: Double)] = []
        entries.reserveCapacity(parts.reduce(0) { $0 + $1.0.count })
        for (p, part) in parts.enumerated() {
            for (key, value) in zip(part.0, part.1) { entries.append((key, p, value / k)) }
        }
        if !zip(entries, entries.dropFirst()).allSatisfy({ less($0.key, $1.key) }) {
            entries.sort { less($0.key, $1.key) || (!less($1.key, $0.key) && $0.part < $1.part) }
        }
        var keys: [Key] = []
        var sums: [Double] = []
        keys.reserveCapacity(entries.count)
        sums.reserveCapacity(entries.count)
        for entry in entries {
            if let last = keys.last, last == entry.key {
                sums[sums.count - 1] += entry.value
            } else {
                keys.append(entry.key)
                sums.append(0 + entry.value)
            }
        }
        return (keys, sums)
    }
}
