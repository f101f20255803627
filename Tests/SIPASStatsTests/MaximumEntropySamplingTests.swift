import SIPASTestSupport
import Testing

@testable import SIPASStats

/// Maximum-entropy sampling against R `sampling` 2.9's `UPmaxentropy` with R's own uniforms
/// (Tests/Fixtures/r-sampling/maxentropy.R), the design's inclusion probabilities against their
/// targets, and the frequencies of repeated draws.
struct MaximumEntropySamplingTests {
    @Test func highSchoolsMatchR() throws {
        let reference = try DesignFixtures.table("maxentropy-high-schools.csv")
        let pik = try reference.numbers("pik")
        let uniforms = try DesignFixtures.uniforms("high", file: "maxentropy-uniforms.csv")
        var stream = ListedUniforms(uniforms)
        let s = try MaximumEntropySampling.draw(pik, next: { stream.next() })
        #expect(s == (try reference.numbers("selected")))
        #expect(stream.used == uniforms.count)
        #expect(s.filter { $0 == 1 }.count == 12)
    }

    @Test func certaintyUnitsMatchR() throws {
        let reference = try DesignFixtures.table("maxentropy-middle-certainty.csv")
        let pik = InclusionProbabilities.compute(sizes: try reference.numbers("size"), n: 30)
        #expect(DesignFixtures.maxError(pik, try reference.numbers("pik")) < 1e-15)
        #expect(pik.filter { $0 == 1 }.count == 2)
        let uniforms = try DesignFixtures.uniforms("middle", file: "maxentropy-uniforms.csv")
        var stream = ListedUniforms(uniforms)
        let s = try MaximumEntropySampling.draw(pik, next: { stream.next() })
        #expect(s == (try reference.numbers("selected")))
        #expect(stream.used == uniforms.count)
        #expect(s[2] == 1 && s[499] == 1)
    }

    @Test func syntheticFrameMatchesR() throws {
        let frame = try FrameTable.read(Fixtures.repositoryRoot.appendingPathComponent("SampleData/frame-2025.csv"))
        let codes = try frame.strings("commune_code")
        let provinces = try frame.strings("province_code")
        let reference = try DesignFixtures.table("maxentropy-synthetic.csv")
        let uniforms = try DesignFixtures.uniforms("synthetic", file: "maxentropy-uniforms.csv")
        var stream = ListedUniforms(uniforms)
        let sizes = Dictionary(uniqueKeysWithValues: Set(provinces).map { ($0, 4) })
        let result = try Selection.draw(
            strata: provinces, measures: try frame.numbers("households"), sizes: sizes,
            method: .ppsMaxEntropy, uniforms: &stream)
        #expect(stream.used == uniforms.count)
        #expect(result.units.map { codes[$0.row] } == (try reference.strings("commune_code")))
        #expect(DesignFixtures.maxError(result.units.map(\.probability), try reference.numbers("prob")) < 1e-15)
    }

    /// The q matrix's inclusion probabilities equal the targets to 1e-10. R's π̃ (stopped at
    /// Σ|Δπ̃| < 1e-6) is within 1e-5 of sipas's and gives π further from the targets than sipas's.
    @Test(arguments: ["maxentropy-high-schools.csv", "maxentropy-middle-certainty.csv"])
    func workingProbabilitiesReproduceTargets(file: String) throws {
        let reference = try DesignFixtures.table(file)
        let all = try reference.numbers("pik")
        let free = all.indices.filter { all[$0] != 1 }
        let pik = free.map { all[$0] }
        let n = Int(InclusionProbabilities.sum(pik).rounded())
        let design = try MaximumEntropySampling.design(pik, n: n)
        let gap = DesignFixtures.maxError(design.inclusionProbabilities(), pik)
        #expect(gap < 1e-10)
        let rTilde = try reference.strings("piktilde")
        let fromR = free.map { Double(rTilde[$0])! }
        #expect(DesignFixtures.maxError(design.working, fromR) < 1e-5)
        let rGap = DesignFixtures.maxError(
            MaximumEntropySampling.Design(working: fromR, n: n).inclusionProbabilities(), pik)
        #expect(rGap > gap && rGap < 1e-5, "R's π̃ gives π within \(rGap), sipas's within \(gap)")
        #expect(design.working.allSatisfy { $0 > 0 && $0 < 1 })
    }

    /// 2 000 draws from the first province of the synthetic frame (n = 5, GSL seed 12): every unit's
    /// frequency within 4 binomial standard errors of its π, and exactly 5 units each time.
    @Test func frequenciesMatchInclusionProbabilities() throws {
        let frame = try FrameTable.read(Fixtures.repositoryRoot.appendingPathComponent("SampleData/frame-2025.csv"))
        let provinces = try frame.strings("province_code")
        let households = try frame.numbers("households")
        let first = provinces.indices.filter { provinces[$0] == provinces[0] }
        let pik = InclusionProbabilities.compute(sizes: first.map { households[$0] }, n: 5)
        let design = try MaximumEntropySampling.design(pik, n: 5)
        var uniforms = GSLUniforms(seed: 12)
        let draws = 2000
        var counts = [Double](repeating: 0, count: pik.count)
        for _ in 0..<draws {
            let s = design.draw(next: { uniforms.next() })
            #expect(s.reduce(0, +) == 5)
            for k in s.indices { counts[k] += s[k] }
        }
        for k in pik.indices {
            let se = (pik[k] * (1 - pik[k]) / Double(draws)).squareRoot()
            #expect(
                abs(counts[k] / Double(draws) - pik[k]) <= 4 * se + 1e-12,
                "unit \(k): \(counts[k] / Double(draws)) vs π \(pik[k])")
        }
    }

    @Test func oneUnitLeftTakesTheCumulatedProbability() throws {
        // π = 1, .25, .75: the certainty unit takes no uniform; u = .3 passes .25 and stops at .75.
        var stream = ListedUniforms([0.3])
        #expect(try MaximumEntropySampling.draw([1, 0.25, 0.75], next: { stream.next() }) == [1, 0, 1])
        #expect(stream.used == 1)
    }
}
