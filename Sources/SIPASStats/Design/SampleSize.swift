import Foundation

/// Sample size for estimating a share with a target margin of error, and the margin a given size
/// gives (research/sampling-methods.md §1).
///
/// With z = Φ⁻¹(1 − (1 − confidence)/2), p the expected share and e the margin (fractions):
/// n₀ = z²p(1−p)/e², n₁ = n₀·deff, n₂ = n₁/(1 + (n₁ − 1)/N) (finite population correction, after
/// the design effect: it solves z²·deff·pq·(N − n)/((N − 1)n) = e²), n₃ = n₂/response rate,
/// n = ⌈n₃ − 10⁻⁹⌉ (rounded once, at the end; the 10⁻⁹ absorbs 195.99999999999994 = 196).
public struct SampleSizeSpec: Sendable, Hashable, Codable {
    /// Margin of error as a fraction (0.03 for ±3 percentage points).
    public var margin: Double
    /// Expected share as a fraction.
    public var share: Double
    public var confidence: Double
    public var designEffect: Double
    public var responseRate: Double
    /// Population size N (units of the stratum); nil for an infinite population.
    public var population: Double?

    public init(
        margin: Double, share: Double, confidence: Double = 0.95, designEffect: Double = 1,
        responseRate: Double = 1, population: Double? = nil
    ) {
        self.margin = margin
        self.share = share
        self.confidence = confidence
        self.designEffect = designEffect
        self.responseRate = responseRate
        self.population = population
    }
}

/// The steps of ``SampleSize/required(_:)`` and the forms to send.
public struct SampleSizeResult: Sendable, Hashable, Codable {
    public var z: Double
    /// n₀ (simple random sampling), n₁ (× deff), n₂ (after the fpc), n₃ (÷ response rate).
    public var simpleRandom: Double
    public var afterDesignEffect: Double
    public var afterPopulation: Double
    public var afterResponse: Double
    /// Forms to send: ⌈n₃ − 10⁻⁹⌉, at most N/response rate rounded the same way.
    public var forms: Int
    /// Completed forms expected: ⌈n₂ − 10⁻⁹⌉.
    public var completes: Int
}

public enum SampleSize {
    /// Rounds up once, forgiving a representation error below 10⁻⁹.
    public static func roundUp(_ x: Double) -> Int { Int((x - 1e-9).rounded(.up)) }

    public static func z(confidence: Double) throws -> Double {
        guard confidence > 0, confidence < 1 else {
            throw DesignError.usage(.confidence(confidence))
        }
        return try Distribution.normalQuantile(1 - (1 - confidence) / 2)
    }

    static func check(share: Double, designEffect: Double, population: Double?) throws {
        guard share > 0, share < 1 else {
            throw DesignError.usage(.expectedShare(share))
        }
        guard designEffect > 0, designEffect.isFinite else {
            throw DesignError.usage(.designEffect(designEffect))
        }
        if let population, !(population >= 2 && population.isFinite) {
            throw DesignError.usage(.populationSize(population))
        }
    }

    public static func required(_ spec: SampleSizeSpec) throws -> SampleSizeResult {
        try check(share: spec.share, designEffect: spec.designEffect, population: spec.population)
        guard spec.margin > 0, spec.margin < 1 else {
            throw DesignError.usage(.margin(spec.margin))
        }
        guard spec.responseRate > 0, spec.responseRate <= 1 else {
            throw DesignError.usage(.responseRate(spec.responseRate))
        }
        let z = try z(confidence: spec.confidence)
        let n0 = z * z * spec.share * (1 - spec.share) / (spec.margin * spec.margin)
        let n1 = n0 * spec.designEffect
        var n2 = n1
        if let populationSize = spec.population { n2 = n1 / (1 + (n1 - 1) / populationSize) }
        let n3 = n2 / spec.responseRate
        var forms = roundUp(n3)
        if let populationSize = spec.population { forms = min(forms, roundUp(populationSize / spec.responseRate)) }
        return SampleSizeResult(
            z: z, simpleRandom: n0, afterDesignEffect: n1, afterPopulation: n2, afterResponse: n3,
            forms: forms, completes: roundUp(n2))
    }

    /// e = z·√(deff·p(1−p)/n·(N − n)/(N − 1)); without N the last factor is 1.
    public static func marginOfError(
        n: Double, share: Double, confidence: Double = 0.95, designEffect: Double = 1,
        population: Double? = nil
    ) throws -> Double {
        try check(share: share, designEffect: designEffect, population: population)
        guard n >= 1 else {
            throw DesignError.usage(.sampleSizeBelowOne(n))
        }
        let z = try z(confidence: confidence)
        var fpc = 1.0
        if let populationSize = population {
            guard n <= populationSize else {
                throw DesignError.usage(.sampleExceedsPopulation(n: n, population: populationSize))
            }
            fpc = (populationSize - n) / (populationSize - 1)
        }
        return z * (designEffect * share * (1 - share) / n * fpc).squareRoot()
    }
}
