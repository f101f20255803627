/// Allocation of n forms across strata (research/sampling-methods.md §2).
///
/// Weights w_h: proportional N_h, equal 1, square root √N_h, Neyman N_h·S_h; exact x_h = n·w_h/Σw.
/// Bounds: strata below `minimum` are fixed at it and strata above N_h at N_h, the rest of n is
/// shared again over the free strata in proportion to w, until no free stratum is out of bounds
/// (the same loop as `inclusionprobabilities`). Integers by largest remainder: floors, then the
/// n − Σfloor leftovers to the largest fractional parts (ties to the earlier stratum); fixed values
/// are integers, so the bounds still hold.
public enum AllocationRule: String, Sendable, Hashable, Codable, CaseIterable {
    case proportional, equal, sqrt, neyman
}

public struct StratumAllocation: Sendable, Hashable, Codable {
    public var stratum: String
    /// Population N_h and, for Neyman, the standard deviation S_h.
    public var population: Double
    public var sd: Double?
    /// Exact (bounded) allocation and its integer rounding.
    public var exact: Double
    public var forms: Int
    /// Whether the bounds fixed this stratum (at the minimum or at N_h).
    public var fixed: Bool
}

public enum Allocation {
    /// The weight of each stratum under `rule`.
    public static func weights(_ rule: AllocationRule, populations: [Double], sds: [Double]?) -> [Double] {
        switch rule {
        case .proportional: return populations
        case .equal: return populations.map { _ in 1 }
        case .sqrt: return populations.map { $0.squareRoot() }
        case .neyman: return zip(populations, sds ?? populations.map { _ in 1 }).map { $0 * $1 }
        }
    }

    /// Exact allocation of `n` in proportion to `weights`, each stratum in [min(minimum, N_h), N_h].
    /// Returns the values and which strata the bounds fixed.
    public static func exact(n: Int, weights: [Double], populations: [Double], minimum: Int = 0) -> (
        values: [Double], fixed: [Bool]
    ) {
        let count = weights.count
        var values = [Double](repeating: 0, count: count)
        var fixed = [Bool](repeating: false, count: count)
        while true {
            let free = (0..<count).filter { !fixed[$0] }
            let rest = Double(n) - (0..<count).filter { fixed[$0] }.reduce(0.0) { $0 + values[$1] }
            let total = free.reduce(0.0) { $0 + weights[$1] }
            for h in free { values[h] = total > 0 ? rest * weights[h] / total : rest / Double(free.count) }
            var changed = false
            for h in free {
                let lower = min(Double(minimum), populations[h])
                if values[h] < lower {
                    values[h] = lower
                    fixed[h] = true
                    changed = true
                } else if values[h] > populations[h] {
                    values[h] = populations[h]
                    fixed[h] = true
                    changed = true
                }
            }
            if !changed || free.isEmpty { return (values, fixed) }
        }
    }

    /// Largest-remainder rounding of values that sum to the integer `n`.
    public static func largestRemainder(_ values: [Double], n: Int) -> [Int] {
        var floors = values.map { Int(($0 + 1e-9).rounded(.down)) }
        let left = n - floors.reduce(0, +)
        let order = values.indices.sorted { a, b in
            let fa = values[a] - Double(floors[a])
            let fb = values[b] - Double(floors[b])
            return fa != fb ? fa > fb : a < b
        }
        for h in order.prefix(max(0, left)) { floors[h] += 1 }
        return floors
    }

    /// Allocates `n` forms over strata (in the given order) under `rule`; each stratum takes at most
    /// its capacity (default N_h; the number of units in the stratum when N_h is a size total).
    /// - Throws: ``DesignError`` (usage) when H·minimum > n, n > ΣN_h, or Neyman lacks SDs.
    public static func allocate(
        n: Int, rule: AllocationRule, strata: [String], populations: [Double],
        sds: [Double]? = nil, minimum: Int = 0, capacities: [Double]? = nil
    ) throws -> [StratumAllocation] {
        let caps = capacities ?? populations
        guard n > 0 else {
            throw DesignError.usage(.sampleSizeNotPositive(n))
        }
        guard !strata.isEmpty else {
            throw DesignError.usage(.noStrata)
        }
        let floorTotal = caps.reduce(0) { $0 + min(Double(minimum), $1) }
        guard floorTotal <= Double(n) else {
            throw DesignError.usage(
                .minimumTooLarge(strata: strata.count, minimum: minimum, total: Int(floorTotal), n: n))
        }
        let capacity = caps.reduce(0, +)
        guard Double(n) <= capacity else {
            throw DesignError.usage(.allocationExceedsPopulation(n: n, population: Int(capacity)))
        }
        if rule == .neyman {
            guard let sds, sds.count == strata.count else {
                throw DesignError.usage(.neymanNeedsDeviations)
            }
            if sds.allSatisfy({ $0 == 0 }) {
                throw DesignError.usage(.zeroDeviations)
            }
        }
        let w = weights(rule, populations: populations, sds: sds)
        let (values, fixed) = exact(n: n, weights: w, populations: caps, minimum: minimum)
        let forms = largestRemainder(values, n: n)
        return strata.indices.map { h in
            StratumAllocation(
                stratum: strata[h], population: populations[h], sd: sds?[h], exact: values[h], forms: forms[h],
                fixed: fixed[h])
        }
    }
}
