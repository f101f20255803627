import SIPASCore

/// Identifies a domain (subpopulation): the whole sample, or one level of a breakdown.
public struct DomainKey: Hashable, Sendable, Codable, Comparable {
    /// Position in ``AnalysisPlan/breakdowns``; `nil` for the whole sample.
    public var breakdown: Int?
    /// The attribute values of the level, one per attribute of the breakdown.
    public var values: [String]

    public static let all = DomainKey(breakdown: nil, values: [])

    public static func < (a: DomainKey, b: DomainKey) -> Bool {
        switch (a.breakdown, b.breakdown) {
        case (nil, nil): return false
        case (nil, _): return true
        case (_, nil): return false
        case (let x?, let y?): return x != y ? x < y : a.values.lexicographicallyPrecedes(b.values)
        }
    }
}

/// A primary sampling unit: a cluster within its stratum.
public struct PSUKey: Hashable, Sendable, Codable {
    public var stratum: String
    public var cluster: String
}

/// Sufficient statistics of one domain, per primary sampling unit.
///
/// For item j the per-PSU vector holds, at `slots * j`: Σw over valid answers, Σw over satisfied
/// answers, Σw·code over valid answers, the count of valid answers, the count of excluded
/// ("don't know") answers and Σw·code² (for design effects); the last entry counts the domain's
/// rows in the PSU.
struct DomainTotals: Sendable {
    static let slots = 6
    var perPSU: [PSUKey: [Double]] = [:]
    var rows = 0
    var weightSum = 0.0
}

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
    public private(set) var records = 0
    public private(set) var weightSum = 0.0
    /// Records per value of the `year` attribute.
    public private(set) var yearCounts: [String: Int] = [:]

    public init(plan: AnalysisPlan) {
        self.plan = plan
    }

    /// Adds one accepted record.
    /// - Throws: ``StatsError/invalidWeight(_:)`` for a weight that is not a positive number.
    public mutating func add(_ record: ResponseRecord) throws {
        guard record.weight.isFinite, record.weight > 0 else {
            throw StatsError.invalidWeight("\(record.location): \(record.weight)")
        }
        let psu = PSUKey(stratum: record.stratum, cluster: record.cluster)
        if let fpc = record.populationPSUs {
            guard fpc.isFinite, fpc > 0 else {
                throw StatsError.invalidArgument("\(record.location): finite population correction \(fpc) is not a positive number")
            }
            if let known = fpcByStratum[psu.stratum], known != fpc {
                throw StatsError.invalidArgument("\(record.location): finite population correction \(fpc) differs from \(known) given earlier for stratum \(psu.stratum)")
            }
            fpcByStratum[psu.stratum] = fpc
        }
        psusByStratum[psu.stratum, default: []].insert(psu.cluster)
        records += 1
        weightSum += record.weight
        if let year = plan.yearAttribute { yearCounts[record.attributes[year], default: 0] += 1 }
        let vector = contribution(of: record)
        add(vector, weight: record.weight, psu: psu, to: .all)
        for (index, breakdown) in plan.breakdowns.enumerated() {
            let key = DomainKey(breakdown: index, values: breakdown.attributes.map { attribute in
                let value = record.attributes[attribute]
                return plan.recodes[attribute]?[value] ?? value
            })
            add(vector, weight: record.weight, psu: psu, to: key)
        }
        if let unit = plan.unitAttribute {
            add(vector, weight: record.weight, psu: psu, to: Self.unitKey(record.attributes[unit]))
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
        DomainKey(breakdown: -1, values: [value])
    }

    /// Merges another accumulator built from the same plan (another file, batch or thread).
    public mutating func merge(_ other: SurveyAccumulator) {
        records += other.records
        weightSum += other.weightSum
        yearCounts.merge(other.yearCounts, uniquingKeysWith: +)
        fpcByStratum.merge(other.fpcByStratum) { first, _ in first }
        for (stratum, clusters) in other.psusByStratum {
            psusByStratum[stratum, default: []].formUnion(clusters)
        }
        for (key, totals) in other.domains {
            var mine = domains.removeValue(forKey: key) ?? DomainTotals()
            mine.rows += totals.rows
            mine.weightSum += totals.weightSum
            for (psu, vector) in totals.perPSU {
                if var existing = mine.perPSU.removeValue(forKey: psu) {
                    for i in existing.indices { existing[i] += vector[i] }
                    mine.perPSU[psu] = existing
                } else {
                    mine.perPSU[psu] = vector
                }
            }
            domains[key] = mine
        }
    }

    /// The record's unweighted contribution: per item, valid / satisfied / code / count / excluded.
    private func contribution(of record: ResponseRecord) -> [Double] {
        let slots = DomainTotals.slots
        var vector = [Double](repeating: 0, count: slots * plan.layout.items.count + 1)
        for (j, answer) in record.answers.enumerated() {
            switch answer {
            case .blank:
                continue
            case .excluded:
                vector[slots * j + 4] = 1
            case .code(let code):
                if plan.excludedCodes[j].contains(code) {
                    vector[slots * j + 4] = 1
                    continue
                }
                vector[slots * j] = 1
                vector[slots * j + 1] = plan.satisfiedCodes[j].contains(code) ? 1 : 0
                vector[slots * j + 2] = Double(code)
                vector[slots * j + 3] = 1
                vector[slots * j + 5] = Double(code * code)
            }
        }
        vector[vector.count - 1] = 1
        return vector
    }

    private mutating func add(_ vector: [Double], weight: Double, psu: PSUKey, to key: DomainKey) {
        let slots = DomainTotals.slots
        // Values are moved out of the dictionaries and back, so that they are uniquely
        // referenced and mutated in place (no copy of the PSU table per record).
        var totals = domains.removeValue(forKey: key) ?? DomainTotals()
        totals.rows += 1
        totals.weightSum += weight
        var sums = totals.perPSU.removeValue(forKey: psu) ?? [Double](repeating: 0, count: vector.count)
        for j in 0..<(vector.count / slots) {
            let base = slots * j
            sums[base] += weight * vector[base]
            sums[base + 1] += weight * vector[base + 1]
            sums[base + 2] += weight * vector[base + 2]
            sums[base + 3] += vector[base + 3]
            sums[base + 4] += vector[base + 4]
            sums[base + 5] += weight * vector[base + 5]
        }
        sums[vector.count - 1] += 1
        totals.perPSU[psu] = sums
        domains[key] = totals
    }

    /// The domains seen, in report order (whole sample first, then each breakdown's levels).
    public var domainKeys: [DomainKey] {
        domains.keys.filter { $0.breakdown != -1 }.sorted()
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
}
