import Testing

@testable import SIPASStats

/// GSL's mt19937 through ``RandomSource``: the reference values were printed once by a C program
/// linking GSL 2.7 (`gsl_rng_alloc(gsl_rng_mt19937)`, `gsl_rng_set(r, 42)`, then in this order
/// 3 × `gsl_rng_uniform`, 3 × `gsl_rng_uniform_int(r, 100)`, 3 × `gsl_ran_gaussian(r, 2.0)`,
/// 3 × `gsl_ran_poisson(r, 4.5)`), printed with `%.17g`.
struct RandomSourceTests {
    @Test func matchesValuesRecordedFromGSL() {
        let random = RandomSource(seed: 42)
        #expect(random.algorithm == "mt19937")
        #expect(random.uniform() == 0.37454011430963874)
        #expect(random.uniform() == 0.79654298420064151)
        #expect(random.uniform() == 0.95071431156247854)
        #expect(random.uniformInt(below: 100) == 18)
        #expect(random.uniformInt(below: 100) == 73)
        #expect(random.uniformInt(below: 100) == 77)
        let gaussians = [3.1771127327357154, -0.37424933945404831, -0.12684005366782264]
        for expected in gaussians {
            let value = random.gaussian(sd: 2)
            #expect(abs(value - expected) <= 1e-13 * abs(expected), "gaussian \(value) vs GSL \(expected)")
        }
        #expect(random.poisson(mean: 4.5) == 6)
        #expect(random.poisson(mean: 4.5) == 5)
        #expect(random.poisson(mean: 4.5) == 0)
    }

    @Test func sameSeedSameSequenceOtherSeedOtherSequence() {
        func sequence(_ seed: UInt) -> [Double] {
            let random = RandomSource(seed: seed)
            return (0..<50).map { i in
                switch i % 4 {
                case 0: return random.uniform()
                case 1: return Double(random.uniformInt(below: 1000))
                case 2: return random.gaussian(sd: 1)
                default: return Double(random.categorical(probabilities: [0.2, 0.3, 0.5]))
                }
            }
        }
        #expect(sequence(2024) == sequence(2024))
        #expect(sequence(2024) != sequence(2025))
        #expect(sequence(1) != sequence(2))
    }

    @Test func uniformStaysInItsRange() {
        let random = RandomSource(seed: 7)
        for _ in 0..<10_000 {
            let u = random.uniform()
            #expect(u >= 0 && u < 1)
            let k = random.uniformInt(below: 6)
            #expect((0..<6).contains(k))
        }
    }

    @Test func categoricalFollowsItsProbabilities() {
        let random = RandomSource(seed: 11)
        var counts = [0, 0, 0]
        let draws = 20_000
        for _ in 0..<draws { counts[random.categorical(probabilities: [1, 0, 3])] += 1 }
        #expect(counts[1] == 0, "an option with probability 0 was drawn")
        // 3/4 expected; the binomial sd is 0.003, so 0.01 is more than 3 sd.
        #expect(abs(Double(counts[2]) / Double(draws) - 0.75) < 0.01)
    }

    @Test func bernoulliAndPoissonMoments() {
        let random = RandomSource(seed: 5)
        #expect((0..<1000).allSatisfy { _ in !random.bernoulli(p: 0) })
        #expect((0..<1000).allSatisfy { _ in random.bernoulli(p: 1) })
        let n = 20_000
        let hits = (0..<n).filter { _ in random.bernoulli(p: 0.3) }.count
        #expect(abs(Double(hits) / Double(n) - 0.3) < 0.012)
        let mean = Double((0..<n).map { _ in random.poisson(mean: 4.5) }.reduce(0, +)) / Double(n)
        #expect(abs(mean - 4.5) < 0.06)
        #expect(random.poisson(mean: 0) == 0)
    }

    @Test func gaussianHasTheRequestedSpread() {
        let random = RandomSource(seed: 3)
        let n = 20_000
        let values = (0..<n).map { _ in random.gaussian(sd: 3.5) }
        let mean = values.reduce(0, +) / Double(n)
        let sd = (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(n - 1)).squareRoot()
        #expect(abs(mean) < 0.1)
        #expect(abs(sd - 3.5) < 0.08)
    }
}
