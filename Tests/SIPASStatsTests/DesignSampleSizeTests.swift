import Testing

@testable import SIPASStats

/// `design size` against the reference table of research/sampling-methods.md §1 (qnorm(.975) =
/// 1.959963984540054 in R); the unrounded steps were recomputed with Python's NormalDist.
struct DesignSampleSizeTests {
    @Test func zMatchesRsQnorm() throws {
        #expect(abs(try SampleSize.z(confidence: 0.95) - 1.959963984540054) < 1e-12)
    }

    @Test(arguments: [
        (SampleSizeSpec(margin: 0.03, share: 0.5), 1068, 1067.0718946372565),
        (SampleSizeSpec(margin: 0.05, share: 0.5, population: 2000), 323, 322.385536663696),
        (SampleSizeSpec(margin: 0.04, share: 0.8, designEffect: 1.5, responseRate: 0.9), 641, 640.2431367823538),
        (
            SampleSizeSpec(margin: 0.03, share: 0.85, designEffect: 2, responseRate: 0.95, population: 500_000), 1144,
            1143.211956920696
        ),
    ])
    func referenceTable(spec: SampleSizeSpec, forms: Int, afterResponse: Double) throws {
        let result = try SampleSize.required(spec)
        #expect(result.forms == forms)
        #expect(abs(result.afterResponse - afterResponse) < 1e-9 * afterResponse)
    }

    @Test func fpcComesAfterTheDesignEffect() throws {
        let r = try SampleSize.required(
            SampleSizeSpec(margin: 0.03, share: 0.85, designEffect: 2, responseRate: 0.95, population: 500_000))
        #expect(abs(r.simpleRandom - 544.21) < 0.005)
        #expect(abs(r.afterDesignEffect - 1088.41) < 0.005)
        #expect(abs(r.afterPopulation - 1086.05) < 0.005)
    }

    @Test func roundsOnceForgivingRepresentationError() throws {
        // 1.96²·.25/.07² = 195.99999999999994 in binary64: 196, not 197.
        #expect(SampleSize.roundUp(1.96 * 1.96 * 0.25 / (0.07 * 0.07)) == 196)
        #expect(SampleSize.roundUp(196.000001) == 197)
    }

    @Test func marginOfErrorForAGivenSize() throws {
        #expect(abs(try SampleSize.marginOfError(n: 600, share: 0.5) - 0.04000759730296091) < 1e-12)
        #expect(abs(try SampleSize.marginOfError(n: 600, share: 0.5, designEffect: 2) - 0.05657928670380858) < 1e-12)
        // Round trip: the size for a margin gives back at most that margin.
        let n = try SampleSize.required(SampleSizeSpec(margin: 0.05, share: 0.5, population: 2000)).forms
        #expect(try SampleSize.marginOfError(n: Double(n), share: 0.5, population: 2000) <= 0.05)
        #expect(try SampleSize.marginOfError(n: Double(n - 1), share: 0.5, population: 2000) > 0.05)
    }

    @Test func rejectsImpossibleArguments() {
        #expect(throws: DesignError.self) { try SampleSize.required(SampleSizeSpec(margin: 0, share: 0.5)) }
        #expect(throws: DesignError.self) { try SampleSize.required(SampleSizeSpec(margin: 0.03, share: 1)) }
        #expect(throws: DesignError.self) {
            try SampleSize.required(SampleSizeSpec(margin: 0.03, share: 0.5, responseRate: 0))
        }
        #expect(throws: DesignError.self) { try SampleSize.marginOfError(n: 2001, share: 0.5, population: 2000) }
        do {
            _ = try SampleSize.required(SampleSizeSpec(margin: 0.03, share: 0.5, confidence: 1))
            Issue.record("confidence 100 % accepted")
        } catch let error as DesignError {
            #expect(error.description == "confidence must be between 0 and 100 %, got 100.0")
            #expect(error.category == .usage)
        } catch { Issue.record("\(error)") }
    }
}
