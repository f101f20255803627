import CGSL

/// GSL's Mersenne Twister (`gsl_rng_mt19937`), seeded: the same seed gives the same numbers on every
/// machine. Used by the sample generator (and, later, bootstrap replicates).
///
/// A class because it owns a C handle; not `Sendable`: use one per task.
public final class RandomSource {
    private let generator: UnsafeMutablePointer<gsl_rng>

    public init(seed: UInt) {
        GSL.prepare()
        guard let made = gsl_rng_alloc(cgsl_rng_mt19937()) else {
            preconditionFailure("GSL could not allocate a random number generator (out of memory)")
        }
        generator = made
        gsl_rng_set(generator, seed)
    }

    deinit { gsl_rng_free(generator) }

    /// Uniform on [0, 1).
    public func uniform() -> Double { gsl_rng_uniform(generator) }

    /// Uniform integer in 0..<n (n > 0).
    public func uniformInt(below n: Int) -> Int {
        precondition(n > 0, "uniformInt(below:) needs n > 0")
        return Int(gsl_rng_uniform_int(generator, UInt(n)))
    }

    /// Normal with mean 0 and standard deviation `sd`.
    public func gaussian(sd: Double) -> Double { gsl_ran_gaussian(generator, sd) }

    public func bernoulli(_ p: Double) -> Bool { uniform() < p }

    /// An index drawn with probabilities proportional to `weights` (non-negative, not all zero).
    public func categorical(_ weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        precondition(total > 0, "categorical(_:) needs a positive weight")
        var u = uniform() * total
        for (i, w) in weights.enumerated() {
            if u < w { return i }
            u -= w
        }
        return weights.count - 1
    }
}
