/// Second stage: households (or service users) within each selected cluster, with reserves.
///
/// From a listing of M_i households, k + r are drawn (SRS: the k + r smallest of M_i uniform keys;
/// systematic: equal π (k + r)/M_i through ``UnequalProbabilitySampling/systematic(_:start:)``),
/// then put in random order (uniform keys): the first k are the main sample, the others reserves,
/// used in that order when a main household cannot be interviewed. Each listed household is a main
/// one with probability π₂ = k/M_i, so its weight is 1/(π₁·π₂); a cluster with M_i ≤ k gives all its
/// households (π₂ = 1) and no reserves.
public enum HouseholdSelection {
    public enum Method: String, Sendable, Hashable, Codable, CaseIterable { case srs, systematic }

    public struct Household: Sendable, Hashable {
        /// Line number in the cluster's listing, 1 … M_i.
        public var number: Int
        /// 0 for a main household, 1, 2 … for the reserves in the order they are used.
        public var reserveOrder: Int
        public var probability: Double
    }

    public static func draw(
        listed: Int, main k: Int, reserves r: Int, method: Method,
        uniforms: inout some UniformStream
    ) -> [Household] {
        guard listed > 0, k > 0 else { return [] }
        if listed <= k {
            return (1...listed).map { Household(number: $0, reserveOrder: 0, probability: 1) }
        }
        let take = min(k + r, listed)
        var picked: [Int]
        switch method {
        case .srs:
            let keys = (0..<listed).map { _ in uniforms.next() }
            picked = keys.indices.sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : $0 < $1 }.prefix(take).sorted()
        case .systematic:
            if take == listed {
                picked = Array(0..<listed)
            } else {
                let pik = [Double](repeating: Double(take) / Double(listed), count: listed)
                let s = UnequalProbabilitySampling.systematic(pik, start: uniforms.next())
                picked = s.indices.filter { s[$0] > 0.5 }
            }
        }
        let keys = picked.map { _ in uniforms.next() }
        let shuffled = picked.indices.sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : $0 < $1 }.map { picked[$0] }
        let p = Double(k) / Double(listed)
        return shuffled.enumerated().map { i, unit in
            Household(number: unit + 1, reserveOrder: i < k ? 0 : i - k + 1, probability: p)
        }
    }
}
