import SIPASCore

/// One pass over accepted records, accumulating sufficient statistics per domain × PSU.
///
/// Estimates (``SurveyEstimator``) are computed from these sums alone, so accumulators filled
/// from different files, batches or threads can be merged and give the same results.
/// - Complexity: O(items × domains) per record; memory O(domains × PSUs × items).
public struct SurveyAccumulator: Sendable {
    public let plan: AnalysisPlan
    var domains: [DomainKey: DomainTotals] = [:]
    /// Every PSU of the full design, by stratum (for the number of PSUs per stratum, n_h).
    var psusByStratum: [String: Set<String>] = [:]
    /// Finite population correction per stratum, as given in the data.
    var fpcByStratum: [String: Double] = [:]
    /// Per-domain totals under each supplied replicate weight.
    var replicateSums: [DomainKey: ReplicateTotals] = [:]
    /// Number of replicate weights per record, once one record has brought them.
    public private(set) var replicateCount: Int?
    /// Second-stage units of each PSU, and the PSU's second-stage fpc (two-stage designs only).
    var ssusByPSU: [PSUKey: Set<String>] = [:]
    var fpc2ByPSU: [PSUKey: Double] = [:]
    public internal(set) var records = 0
    public internal(set) var weightSum = 0.0
    /// Records per value of the `year` attribute.
    public internal(set) var yearCounts: [String: Int] = [:]

    public init(plan: AnalysisPlan) {
        self.plan = plan
    }

    /// Adds one accepted record.
    /// - Throws: ``StatsError/invalidWeight(_:)`` for a weight that is not a positive number.
    /// A two-stage record (``ResponseRecord/secondaryCluster`` set, from the instrument's `design.ssu`)
    /// is added with its second-stage unit.
    public mutating func add(_ record: ResponseRecord) throws {
        try add(
            record,
            secondStage: record.secondaryCluster.map {
                SecondStageUnit(unit: $0, populationUnits: record.populationSSUs)
            },
            replicateWeights: record.replicateWeights)
    }

    /// Adds one accepted record.
    /// - Parameters:
    ///   - secondStage: the record's unit within its PSU (`record.cluster`) in a two-stage design;
    ///     every record of the accumulator must then carry one.
    ///   - replicateWeights: replicate weights that came with the data (the same number on every
    ///     record); ``VarianceMethod/replicateWeights`` computes SEs from them.
    /// - Throws: ``StatsError/invalidWeight(_:)``; ``StatsError/invalid(_:)`` with
    ///   ``StatsError/Argument/fpcNotPositive(location:fpc:)`` or
    ///   ``StatsError/Argument/fpcDiffers(location:fpc:earlier:stratum:)`` for an fpc that is not
    ///   positive or differs within a stratum, their `secondStage` counterparts for a second-stage
    ///   fpc within a PSU, and ``StatsError/Argument/replicateWeightCount(location:count:expected:)``
    ///   for a replicate weight count that differs from earlier records'.
    public mutating func add(_ record: ResponseRecord, secondStage: SecondStageUnit?, replicateWeights: [Double]? = nil)
        throws
    {
        guard record.weight.isFinite, record.weight > 0 else {
            throw StatsError.invalidWeight("\(record.location): \(record.weight)")
        }
        if let replicateWeights {
            guard replicateCount == nil || replicateCount == replicateWeights.count, !replicateWeights.isEmpty else {
                throw StatsError.invalid(
                    .replicateWeightCount(
                        location: record.location, count: replicateWeights.count, expected: replicateCount ?? 1))
            }
            guard replicateWeights.allSatisfy({ $0.isFinite && $0 >= 0 }) else {
                throw StatsError.invalidWeight("\(record.location): replicate weights must be finite and ≥ 0")
            }
            replicateCount = replicateWeights.count
        }
        let psu = PSUKey(stratum: record.stratum, cluster: record.cluster)
        if let fpc = record.populationPSUs {
            guard fpc.isFinite, fpc > 0 else {
                throw StatsError.invalid(.fpcNotPositive(location: record.location, fpc: fpc))
            }
            if let known = fpcByStratum[psu.stratum], known != fpc {
                throw StatsError.invalid(
                    .fpcDiffers(location: record.location, fpc: fpc, earlier: known, stratum: psu.stratum))
            }
            fpcByStratum[psu.stratum] = fpc
        }
        var ssu: SSUKey? = nil
        if let secondStage {
            if let fpc2 = secondStage.populationUnits {
                guard fpc2.isFinite, fpc2 > 0 else {
                    throw StatsError.invalid(.secondStageFPCNotPositive(location: record.location, fpc: fpc2))
                }
                if let known = fpc2ByPSU[psu], known != fpc2 {
                    throw StatsError.invalid(
                        .secondStageFPCDiffers(location: record.location, fpc: fpc2, earlier: known, psu: psu.cluster))
                }
                fpc2ByPSU[psu] = fpc2
            }
            ssusByPSU[psu, default: []].insert(secondStage.unit)
            ssu = SSUKey(psu: psu, unit: secondStage.unit)
        }
        psusByStratum[psu.stratum, default: []].insert(psu.cluster)
        records += 1
        weightSum += record.weight
        if let year = plan.yearAttribute { yearCounts[record.attributes[year], default: 0] += 1 }
        let vector = contribution(of: record)
        var keys: [DomainKey] = [.all]
        let cell =
            plan.calibrationAttributes.isEmpty
            ? nil : plan.calibrationAttributes.map { record.attributes[$0] }.joined(separator: "\u{1F}")
        add(vector, weight: record.weight, psu: psu, ssu: ssu, cell: cell, to: .all)
        let recodes = plan.recodes
        for (index, breakdown) in plan.breakdowns.enumerated() {
            let key = DomainKey(
                breakdown: index,
                values: breakdown.attributes.map { attribute in
                    breakdown.value(record.attributes[attribute], attribute: attribute, plan: recodes)
                })
            add(vector, weight: record.weight, psu: psu, ssu: ssu, cell: cell, to: key)
            keys.append(key)
        }
        if let unit = plan.unitAttribute {
            add(
                vector, weight: record.weight, psu: psu, ssu: ssu, cell: cell, to: Self.unitKey(record.attributes[unit])
            )
            keys.append(Self.unitKey(record.attributes[unit]))
        }
        if let replicateWeights {
            for key in keys { addReplicates(vector, weights: replicateWeights, to: key) }
        }
    }

    /// Counts `rows` records of total weight `weight` (and their year) in the whole-sample totals.
    mutating func addCounts(rows: Int, weight: Double, year: String?) {
        records += rows
        weightSum += weight
        if let year { yearCounts[year, default: 0] += rows }
    }

    /// The domain of one unit (e.g. one province) used by `mean_of_units`.
    static func unitKey(_ value: String) -> DomainKey {
        DomainKey(scope: .unit, values: [value])
    }

    /// Merges another accumulator built from the same plan (another file, batch or thread).
    public mutating func merge(_ other: SurveyAccumulator) {
        records += other.records
        weightSum += other.weightSum
        yearCounts.merge(other.yearCounts, uniquingKeysWith: +)
        fpcByStratum.merge(other.fpcByStratum) { first, _ in first }
        fpc2ByPSU.merge(other.fpc2ByPSU) { first, _ in first }
        for (stratum, clusters) in other.psusByStratum {
            psusByStratum[stratum, default: []].formUnion(clusters)
        }
        if replicateCount == nil { replicateCount = other.replicateCount }
        for (key, totals) in other.replicateSums {
            if var mine = replicateSums.removeValue(forKey: key) {
                mine.add(totals)
                replicateSums[key] = mine
            } else {
                replicateSums[key] = totals
            }
        }
        for (psu, units) in other.ssusByPSU {
            ssusByPSU[psu, default: []].formUnion(units)
        }
        for (key, totals) in other.domains {
            var mine = domains.removeValue(forKey: key) ?? DomainTotals()
            mine.rows += totals.rows
            mine.weightSum += totals.weightSum
            Self.merge(totals.perPSU, into: &mine.perPSU)
            Self.merge(totals.perSSU, into: &mine.perSSU)
            Self.merge(totals.perUnitCell, into: &mine.perUnitCell)
            Self.merge(totals.unweightedByCell, into: &mine.unweightedByCell)
            domains[key] = mine
        }
    }

    /// Adds per-unit sums; units only in `other` are taken as they are (no arithmetic), so
    /// accumulators holding disjoint PSUs merge without any rounding.
    private static func merge<Key: Hashable>(_ other: [Key: [Double]], into mine: inout [Key: [Double]]) {
        for (key, vector) in other {
            if var existing = mine.removeValue(forKey: key) {
                for i in existing.indices { existing[i] += vector[i] }
                mine[key] = existing
            } else {
                mine[key] = vector
            }
        }
    }

    /// The record's unweighted contribution: per item, valid / satisfied / code / count / excluded.
    private func contribution(of record: ResponseRecord) -> [Double] {
        var vector = [Double](repeating: 0, count: ItemSlot.weightIndex(items: plan.layout.items.count) + 1)
        for (j, answer) in record.answers.enumerated() {
            switch answer {
            case .blank:
                continue
            case .excluded:
                vector[ItemSlot.excludedCount.index(item: j)] = 1
            case .code(let code):
                if plan.excludedCodes[j].contains(code) {
                    vector[ItemSlot.excludedCount.index(item: j)] = 1
                    continue
                }
                vector[ItemSlot.validWeight.index(item: j)] = 1
                vector[ItemSlot.satisfiedWeight.index(item: j)] = plan.satisfiedCodes[j].contains(code) ? 1 : 0
                vector[ItemSlot.codeWeight.index(item: j)] = Double(code)
                vector[ItemSlot.validCount.index(item: j)] = 1
                vector[ItemSlot.codeSquareWeight.index(item: j)] = Double(code * code)
            }
        }
        vector[ItemSlot.rowsIndex(items: plan.layout.items.count)] = 1
        return vector
    }

    private mutating func add(
        _ vector: [Double], weight: Double, psu: PSUKey, ssu: SSUKey?, cell: String?, to key: DomainKey
    ) {
        // Values are moved out of the dictionaries and back, so that they are uniquely
        // referenced and mutated in place (no copy of the PSU table per record).
        var totals = domains.removeValue(forKey: key) ?? DomainTotals()
        totals.rows += 1
        totals.weightSum += weight
        var sums = totals.perPSU.removeValue(forKey: psu) ?? [Double](repeating: 0, count: vector.count)
        Self.add(vector, weight: weight, to: &sums)
        totals.perPSU[psu] = sums
        if let ssu {
            var unitSums = totals.perSSU.removeValue(forKey: ssu) ?? [Double](repeating: 0, count: vector.count)
            Self.add(vector, weight: weight, to: &unitSums)
            totals.perSSU[ssu] = unitSums
        }
        if let cell {
            for unitKey in [CellKey(psu: psu, unit: nil, cell: cell)]
                + (ssu.map { [CellKey(psu: psu, unit: $0.unit, cell: cell)] } ?? [])
            {
                var cellSums =
                    totals.perUnitCell.removeValue(forKey: unitKey) ?? [Double](repeating: 0, count: vector.count)
                Self.add(vector, weight: weight, to: &cellSums)
                totals.perUnitCell[unitKey] = cellSums
            }
            var unweighted =
                totals.unweightedByCell.removeValue(forKey: cell) ?? [Double](repeating: 0, count: vector.count)
            for i in vector.indices { unweighted[i] += vector[i] }
            totals.unweightedByCell[cell] = unweighted
        }
        domains[key] = totals
    }

    private mutating func addReplicates(_ vector: [Double], weights: [Double], to key: DomainKey) {
        let items = plan.layout.items.count
        var totals = replicateSums.removeValue(forKey: key) ?? ReplicateTotals(replicates: weights.count, items: items)
        for (r, w) in weights.enumerated() where w != 0 {
            for j in 0..<items where vector[ItemSlot.validWeight.index(item: j)] != 0 {
                totals.values[r][3 * j] += w
                totals.values[r][3 * j + 1] += w * vector[ItemSlot.satisfiedWeight.index(item: j)]
                totals.values[r][3 * j + 2] += w * vector[ItemSlot.codeWeight.index(item: j)]
            }
        }
        replicateSums[key] = totals
    }

    private static func add(_ vector: [Double], weight: Double, to sums: inout [Double]) {
        let items = (vector.count - 2) / ItemSlot.count
        for j in 0..<items {
            for slot in ItemSlot.allCases {
                let i = slot.index(item: j)
                sums[i] += slot.isWeighted ? weight * vector[i] : vector[i]
            }
        }
        sums[ItemSlot.rowsIndex(items: items)] += 1
        sums[ItemSlot.weightIndex(items: items)] += weight
    }

    /// The domains seen, in report order (whole sample first, then each breakdown's levels).
    public var domainKeys: [DomainKey] {
        domains.keys.filter { $0.scope != .unit }.sorted()
    }

    /// The survey year most records carry, if the instrument has a `year` column.
    public var surveyYear: Int? {
        yearCounts.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }.flatMap { Int($0.key) }
    }

    /// Number of PSUs in each stratum of the full design.
    var psuCountByStratum: [String: Int] {
        psusByStratum.mapValues(\.count)
    }

    /// Sampling fraction of PSUs per stratum (n_h / N_h, or the fraction given), for strata with an fpc.
    var samplingFractionByStratum: [String: Double] {
        var fractions: [String: Double] = [:]
        for (stratum, fpc) in fpcByStratum {
            let n = Double(psusByStratum[stratum]?.count ?? 0)
            fractions[stratum] = fpc <= 1 ? fpc : min(1, n / fpc)
        }
        return fractions
    }

    /// The second stage of a two-stage design (nil for one stage): SSUs sampled per PSU and their
    /// sampling fraction where a second-stage fpc was given.
    var secondStage: SecondStageDesign? {
        guard !ssusByPSU.isEmpty else { return nil }
        var fractions: [PSUKey: Double] = [:]
        for (psu, fpc) in fpc2ByPSU {
            let n = Double(ssusByPSU[psu]?.count ?? 0)
            fractions[psu] = fpc <= 1 ? fpc : min(1, n / fpc)
        }
        return SecondStageDesign(unitCount: ssusByPSU.mapValues(\.count), fractions: fractions)
    }
}

/// The second stage as the variance needs it.
struct SecondStageDesign: Sendable {
    /// SSUs sampled in each PSU of the full design.
    var unitCount: [PSUKey: Int]
    /// n₂/N₂ per PSU where a second-stage fpc was given (with replacement otherwise).
    var fractions: [PSUKey: Double]
}
