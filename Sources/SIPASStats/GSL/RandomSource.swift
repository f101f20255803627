import CGSL

/// GSL's Mersenne Twister (`gsl_rng_mt19937`), seeded: the same seed gives the same numbers on every
/// machine and every GSL 2.x. Used by the sample generator (and, later, bootstrap replicates).
///
/// A class because it owns a C handle, freed in `deinit`; not `Sendable`: use one per task.
/// Every draw goes through GSL (`gsl_rng_uniform`, `gsl_rng_uniform_int`, `gsl_ran_gaussian`,
/// `gsl_ran_poisson`), so a sequence can be checked against a C program linking the same library.
public final class RandomSource {
    private let generator: UnsafeMutablePointer<gsl_rng>
    /// The seed given to `gsl_rng_set` (GSL replaces 0 by its default seed 4357).
    public let seed: UInt

    public init(seed: UInt) {
        GSL.prepare()
        guard let made = gsl_rng_alloc(cgsl_rng_mt19937()) else {
            preconditionFailure("GSL could not allocate a random number generator (out of memory)")
        }
        generator = made
        self.seed = seed
        gsl_rng_set(generator, seed)
    }

    deinit { gsl_rng_free(generator) }

    /// GSL's name of the generator ("mt19937").
    public var algorithm: String { String(cString: gsl_rng_name(generator)) }

    /// Uniform on [0, 1) (`gsl_rng_uniform`: 32 random bits, so steps of 2⁻³²).
    public func uniform() -> Double { gsl_rng_uniform(generator) }

    /// Uniform integer in 0..<n, without modulo bias (`gsl_rng_uniform_int`); n in 1...2³².
    public func uniformInt(below n: Int) -> Int {
        precondition(n > 0 && UInt64(n) <= UInt64(UInt32.max) + 1, "uniformInt(below:) needs 0 < n ≤ 2³², got \(n)")
        return Int(gsl_rng_uniform_int(generator, UInt(n)))
    }

    /// Normal with mean 0 and standard deviation `sd` (`gsl_ran_gaussian`, Box–Muller polar method).
    public func gaussian(sd: Double) -> Double { gsl_ran_gaussian(generator, sd) }

    /// True with probability `p` (one uniform draw; p ≤ 0 is never, p ≥ 1 always).
    public func bernoulli(p: Double) -> Bool { uniform() < p }

    /// An index drawn with probabilities proportional to `probabilities` (non-negative, not all
    /// zero; they need not sum to 1). One uniform draw.
    public func categorical(probabilities: [Double]) -> Int {
        let total = probabilities.reduce(0, +)
        precondition(total > 0 && total.isFinite, "categorical(probabilities:) needs a positive, finite total")
        var u = uniform() * total
        for (i, w) in probabilities.enumerated() {
            if u < w { return i }
            u -= w
        }
        // Rounding can leave u a hair above the last weight: the last positive one.
        return probabilities.lastIndex { $0 > 0 } ?? probabilities.count - 1
    }

    /// Poisson with mean `mean` ≥ 0 (`gsl_ran_poisson`).
    public func poisson(mean: Double) -> Int {
        precondition(mean >= 0 && mean.isFinite, "poisson(mean:) needs a finite mean ≥ 0")
        return Int(gsl_ran_poisson(generator, mean))
    }
}
