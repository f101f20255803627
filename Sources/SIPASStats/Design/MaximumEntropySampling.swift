/// Maximum-entropy (conditional Poisson) sampling of fixed size n with given inclusion
/// probabilities π (R `sampling` `UPmaxentropy`, research/sampling-methods.md §3.3).
///
/// Conditional Poisson sampling with working probabilities π̃ draws s with P(s) ∝ Π_{k∈s} w_k,
/// w_k = π̃_k/(1 − π̃_k), among the samples of size n. Its first-order inclusion probabilities are not
/// π̃: π̃ solves π(π̃) = π by the fixed point π̃ ← π̃ + π − π(π̃) (R `UPMEpiktildefrompik`), iterated
/// here until max_k |π_k(π̃) − π_k| ≤ ``tolerance`` (10⁻¹²). R stops when Σ_k |Δπ̃_k| < 10⁻⁶, a
/// criterion on the step, not on π, so its design's π may miss the targets by more than 10⁻¹²
/// (README, "Sample design"); a selection differs from R's for the same uniforms only if a uniform
/// falls within that difference of a conditional probability q.
///
/// The draw is sequential (R `UPMEsfromq`): with z units still to choose, unit k is taken iff
/// u_k < q(k, z), q(k, z) = w_k·e_{z−1}(R_{k+1})/e_z(R_k), e_z the elementary symmetric polynomial of
/// degree z of the w of R_k = {k, …, N}; one uniform per unit until n are chosen. R builds e_z itself
/// (`UPMEqfromw`), which overflows for large n; sipas keeps the ratios r(k, z) = e_{z−1}(R_k)/e_z(R_k),
/// which obey r(k, z) = (1 + w_k·r(k+1, z−1))/(w_k + 1/r(k+1, z)) with r(·, 0) = 0 and r(N+1, z) = ∞,
/// so that q(k, z) = w_k·r(k+1, z)/(1 + w_k·r(k+1, z)) (1 when r = ∞: the remaining units are all needed).
///
/// Units with π = 1 are certainty units and take no uniform; units with π = 0 take one and are never
/// chosen, as in R. With one unit to choose after the certainty units (where R 2.9 uses `rmultinom`
/// or stops), sipas takes one uniform u and the first unit whose cumulated π exceeds u.
public enum MaximumEntropySampling {
    public static let tolerance = 1e-12
    public static let maximumIterations = 10_000
    /// Most cells N′·n of the ratio matrix (8 bytes each).
    public static let cellLimit = 20_000_000

    /// The design for the non-certainty units: their working probabilities and the ratio matrix.
    public struct Design: Sendable {
        /// π̃ of the units, in order.
        public let working: [Double]
        /// Units to choose.
        public let n: Int
        let w: [Double]
        /// r(k, z) for k = 0 … N (row N is the empty set), z = 1 … n, row-major.
        let r: [Double]

        init(working: [Double], n: Int) {
            self.working = working
            self.n = n
            w = working.map { $0 / (1 - $0) }
            let count = working.count
            var r = [Double](repeating: .infinity, count: (count + 1) * n)
            for k in stride(from: count - 1, through: 0, by: -1) {
                let wk = w[k]
                let row = k * n
                let next = (k + 1) * n
                for z in 0..<n {
                    if wk == 0 {
                        r[row + z] = r[next + z]
                        continue
                    }
                    let lower = z == 0 ? 0 : r[next + z - 1]
                    r[row + z] = lower == .infinity ? .infinity : (1 + wk * lower) / (wk + 1 / r[next + z])
                }
            }
            self.r = r
        }

        /// q(k, z): probability to take unit k (0-based) when z ≥ 1 units remain to be chosen.
        public func q(_ k: Int, _ z: Int) -> Double {
            let ratio = r[(k + 1) * n + z - 1]
            if ratio == .infinity { return 1 }
            return w[k] * ratio / (1 + w[k] * ratio)
        }

        /// First-order inclusion probabilities of the design (R `UPMEpikfromq`): forward through the
        /// units with the probability of reaching unit k with z units to choose.
        public func inclusionProbabilities() -> [Double] {
            var reach = [Double](repeating: 0, count: n + 1)
            reach[n] = 1
            var pi = [Double](repeating: 0, count: working.count)
            for k in working.indices {
                var next = [Double](repeating: 0, count: n + 1)
                next[0] = reach[0]
                var total = 0.0
                for z in 1...n where reach[z] > 0 {
                    let take = q(k, z)
                    total += reach[z] * take
                    next[z - 1] += reach[z] * take
                    next[z] += reach[z] * (1 - take)
                }
                pi[k] = total
                reach = next
            }
            return pi
        }

        /// The sequential draw: 1 for the chosen units, 0 for the others.
        public func draw(next: () -> Double) -> [Double] {
            var s = [Double](repeating: 0, count: working.count)
            var z = n
            for k in working.indices where z > 0 {
                if next() < q(k, z) {
                    s[k] = 1
                    z -= 1
                }
            }
            return s
        }
    }

    /// Solves π(π̃) = π for π in (0, 1) summing to n ≥ 2 (π = 0 allowed).
    /// - Throws: ``DesignError`` when N′·n is above ``cellLimit`` or the iteration does not converge.
    public static func design(_ pik: [Double], n: Int) throws -> Design {
        guard pik.count * n <= cellLimit else {
            throw DesignError.usage(.maximumEntropyCells(units: pik.count, n: n, limit: cellLimit))
        }
        var working = pik
        for _ in 0..<maximumIterations {
            let design = Design(working: working, n: n)
            let pi = design.inclusionProbabilities()
            let gap = pi.indices.map { abs(pi[$0] - pik[$0]) }.max() ?? 0
            if gap <= tolerance { return design }
            working = working.indices.map { working[$0] + pik[$0] - pi[$0] }
            if working.contains(where: { !($0 >= 0 && $0 < 1) }) { break }
        }
        throw DesignError(.data, .maximumEntropyDiverged)
    }

    /// R's vector: 1 for the certainty units (π = 1) and the chosen ones, 0 for the others.
    public static func draw(_ pik: [Double], next: () -> Double) throws -> [Double] {
        let list = pik.indices.filter { pik[$0] != 1 }
        var s = pik.map { $0 == 1 ? 1.0 : 0.0 }
        let p = list.map { pik[$0] }
        let n = Int(InclusionProbabilities.sum(p).rounded())
        guard n > 0, !list.isEmpty else { return s }
        if n >= list.count {
            for k in list { s[k] = 1 }
            return s
        }
        if n == 1 {
            let u = next()
            let c = InclusionProbabilities.cumulativeSum(p)
            s[list[c.firstIndex { u < $0 } ?? list.count - 1]] = 1
            return s
        }
        let chosen = try design(p, n: n).draw(next: next)
        for (i, k) in list.enumerated() where chosen[i] == 1 { s[k] = 1 }
        return s
    }
}
