import Foundation
import Testing

@testable import SIPASStats

/// Repeated draws from a fixed synthetic frame (GSL seeds, so the test is deterministic): the
/// Horvitz–Thompson share Σ(y/π)/N is unbiased, so the mean of its replicates must lie within
/// three Monte Carlo standard errors of the frame's true share, and 95 % intervals from the
/// with-replacement variance n/(n−1)·Σ(y/π − Ŷ/n)² must cover the true share about 95 % of the
/// time (500 replicates: a binomial standard error of 1 point, so 91–98.5 % is accepted; with
/// f = 0.1 the interval is slightly conservative).
struct DesignSimulationTests {
    static let units = 1000, n = 100, replicates = 500

    /// Sizes from a lognormal, y = 1 more often in large units (the estimator must undo PPS).
    static func frame() -> (sizes: [Double], y: [Double]) {
        let random = RandomSource(seed: 31)
        var sizes: [Double] = []
        var y: [Double] = []
        for _ in 0..<units {
            let size = exp(6 + random.gaussian(sd: 0.7))
            sizes.append(size.rounded(.up))
            y.append(random.bernoulli(p: min(0.95, 0.55 + 0.3 * size / 2000)) ? 1 : 0)
        }
        return (sizes, y)
    }

    static func simulate(method: SelectionMethod) throws -> (
        mean: Double, monteCarloSE: Double, coverage: Double, truth: Double
    ) {
        let (sizes, _) = frame()
        return try simulate { uniforms in
            // A fresh random order each time (randomised systematic PPS): Fisher–Yates.
            var order = Array(0..<units)
            for i in stride(from: units - 1, to: 0, by: -1) {
                order.swapAt(i, min(i, Int(uniforms.next() * Double(i + 1))))
            }
            let drawn = try Selection.draw(
                strata: order.map { _ in "all" }, measures: method == .srs ? nil : order.map { sizes[$0] },
                sizes: ["all": n], method: method, uniforms: &uniforms)
            return drawn.units.map { (order[$0.row], $0.probability) }
        }
    }

    /// Replicates of `draw` (units and their π): the mean Horvitz–Thompson share, its Monte Carlo
    /// standard error, and the coverage of the 95 % intervals.
    static func simulate(_ draw: (inout GSLUniforms) throws -> [(unit: Int, probability: Double)]) throws
        -> (mean: Double, monteCarloSE: Double, coverage: Double, truth: Double)
    {
        let (_, y) = frame()
        let truth = y.reduce(0, +) / Double(units)
        var uniforms = GSLUniforms(seed: 77)
        var estimates: [Double] = []
        var covered = 0
        for _ in 0..<replicates {
            let expanded = try draw(&uniforms).map { y[$0.unit] / $0.probability }
            let total = expanded.reduce(0, +)
            let mean = total / Double(n)
            let variance = Double(n) / Double(n - 1) * expanded.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
            let estimate = total / Double(units)
            let half = 1.959963984540054 * variance.squareRoot() / Double(units)
            estimates.append(estimate)
            if abs(estimate - truth) <= half { covered += 1 }
        }
        let mean = estimates.reduce(0, +) / Double(replicates)
        let sd = (estimates.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(replicates - 1)).squareRoot()
        return (mean, sd / Double(replicates).squareRoot(), Double(covered) / Double(replicates), truth)
    }

    /// Maximum entropy: the design (fixed, whatever the order) computed once, then drawn.
    @Test func maximumEntropyEstimatesAreUnbiasedAndCover() throws {
        let pik = InclusionProbabilities.compute(sizes: Self.frame().sizes, n: Double(Self.n))
        #expect(pik.allSatisfy { $0 < 1 })
        let design = try MaximumEntropySampling.design(pik, n: Self.n)
        let result = try Self.simulate { uniforms in
            let s = design.draw(next: { uniforms.next() })
            return s.indices.filter { s[$0] == 1 }.map { ($0, pik[$0]) }
        }
        #expect(abs(result.mean - result.truth) < 3 * result.monteCarloSE, "\(result)")
        #expect(result.coverage > 0.91 && result.coverage < 0.985, "\(result)")
    }

    @Test(arguments: [SelectionMethod.ppsSystematic, .srs])
    func weightedEstimatesAreUnbiasedAndCover(method: SelectionMethod) throws {
        let result = try Self.simulate(method: method)
        #expect(abs(result.mean - result.truth) < 3 * result.monteCarloSE, "\(result)")
        #expect(result.coverage > 0.91 && result.coverage < 0.985, "\(result)")
    }
}
