/// Inclusion probabilities proportional to size, with certainty units (R `sampling`
/// `inclusionprobabilities`, research/sampling-methods.md §3.1).
///
/// π_k = n·a_k/Σa; while some π_k ≥ 1, those are set to exactly 1 (certainty units) and the others
/// rescaled to (n − l)·x/Σx, l the number of certainty units, until l no longer changes. Units of
/// size 0 get π = 0. Sums are accumulated in extended precision, as R's `sum` and `cumsum` do
/// (long double), so results agree with R to the last bit away from ties.
public enum InclusionProbabilities {
    /// Σx accumulated in extended precision, rounded once to Double (R `sum`).
    static func sum(_ x: some Sequence<Double>) -> Double {
        #if arch(x86_64) || arch(i386)
            var s: Float80 = 0
            for v in x { s += Float80(v) }
            return Double(s)
        #else
            var s = 0.0
            var c = 0.0
            for v in x {
                let t = s + v
                c += abs(s) >= abs(v) ? (s - t) + v : (v - t) + s
                s = t
            }
            return s + c
        #endif
    }

    /// Running sums accumulated in extended precision, each rounded to Double (R `cumsum`).
    static func cumulativeSum(_ x: [Double]) -> [Double] {
        var result = [Double](repeating: 0, count: x.count)
        #if arch(x86_64) || arch(i386)
            var s: Float80 = 0
            for (i, v) in x.enumerated() {
                s += Float80(v)
                result[i] = Double(s)
            }
        #else
            var s = 0.0
            var c = 0.0
            for (i, v) in x.enumerated() {
                let t = s + v
                c += abs(s) >= abs(v) ? (s - t) + v : (v - t) + s
                s = t
                result[i] = s + c
            }
        #endif
        return result
    }

    /// π for sizes `a` (≥ 0, not all 0) and sample size `n` (0 < n ≤ number of positive sizes).
    public static func compute(sizes a: [Double], n: Double) -> [Double] {
        let total = sum(a)
        guard total > 0 else { return a.map { _ in 0 } }
        var result = a.map { n * $0 / total }
        let positive = result.indices.filter { result[$0] > 0 }
        var pik = positive.map { result[$0] }
        var capped = pik.map { $0 >= 1 }
        var l = capped.filter { $0 }.count
        if l > 0 {
            var previous = 0
            while l != previous {
                let free = pik.indices.filter { !capped[$0] }
                let x = free.map { pik[$0] }
                let s = sum(x)
                for (i, k) in free.enumerated() { pik[k] = (n - Double(l)) * (x[i] / s) }
                for k in pik.indices where capped[k] { pik[k] = 1 }
                previous = l
                capped = pik.map { $0 >= 1 }
                l = capped.filter { $0 }.count
            }
            for (i, k) in positive.enumerated() { result[k] = pik[i] }
        }
        return result
    }
}
