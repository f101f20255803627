/// Unequal-probability sampling without replacement from given inclusion probabilities π
/// (R `sampling` `UPsystematic` and `UPtille`, research/sampling-methods.md §3.2–3.3).
///
/// Units with π ≤ ε or π ≥ 1 − ε (ε = 10⁻⁶) are decided by their π (0 or certain); the others are
/// drawn. The uniforms come from the caller (`next`), one per call of R's `runif(1)`, so that a
/// stream read from R reproduces R's selection exactly and GSL's seeded stream reproduces sipas's.
public enum UnequalProbabilitySampling {
    public static let epsilon = 1e-6

    /// Indices of the units inside (ε, 1 − ε).
    static func drawable(_ pik: [Double]) -> [Int] {
        pik.indices.filter { pik[$0] > epsilon && pik[$0] < 1 - epsilon }
    }

    /// Systematic PPS in frame order with start u ∈ [0, 1): with cumulated π C_k (C_0 = 0) of the
    /// drawable units, unit k is selected iff frac(C_{k−1} − u) > frac(C_k − u). One uniform.
    /// Returns R's vector: 0/1 for drawable units, the input π for the others.
    public static func systematic(_ pik: [Double], start u: Double) -> [Double] {
        let list = drawable(pik)
        var s = pik
        guard !list.isEmpty else { return s }
        let c = [0] + InclusionProbabilities.cumulativeSum(list.map { pik[$0] })
        let a = c.map { v -> Double in
            let d = v - u
            return d - d.rounded(.down)
        }
        for (i, k) in list.enumerated() { s[k] = a[i] > a[i + 1] ? 1 : 0 }
        return s
    }

    /// Tillé's elimination procedure: for i = 1 … N − n (N drawable units, n their π total), with
    /// a = π recomputed for size N − i from the drawable π (``InclusionProbabilities``), drop the
    /// first unit j with u < Σ_{k≤j} (1 − a_k/b_k)·s_k, b the previous a (1 at the start), s 1 for
    /// units still in. Exactly the inclusion probabilities π; N − n uniforms. O(N·(N − n)).
    public static func tille(_ pik: [Double], next: () -> Double) -> [Double] {
        let list = drawable(pik)
        var s = pik
        guard !list.isEmpty else { return s }
        let pikb = list.map { pik[$0] }
        let count = list.count
        let n = InclusionProbabilities.sum(pikb)
        // R's `1:(N - n)` has ⌊N − n + FLT_EPSILON⌋ terms when N − n ≥ 1.
        let span = Double(count) - n
        let steps = span >= 1 ? Int((span - 1 + 1 + 1.1920928955078125e-07).rounded(.down)) : 0
        var sb = [Double](repeating: 1, count: count)
        var b = [Double](repeating: 1, count: count)
        for i in 0..<steps {
            let a = InclusionProbabilities.compute(sizes: pikb, n: Double(count - (i + 1)))
            let p = InclusionProbabilities.cumulativeSum((0..<count).map { (1 - a[$0] / b[$0]) * sb[$0] })
            b = a
            let u = next()
            var j = count - 1
            for k in 0..<count where u < p[k] {
                j = k
                break
            }
            sb[j] = 0
        }
        for (i, k) in list.enumerated() { s[k] = sb[i] }
        return s
    }
}
