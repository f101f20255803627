import SIPASCore
@testable import SIPASInstruments
import Testing
@testable import SIPASStats

struct TargetAssessmentTests {
    static func result(_ low: Double, _ value: Double, _ high: Double, group: Group = .all) -> AnalysisResult {
        let overall = Indicator(id: "overall", level: .overall, label: LocalizedText(vi: "Chung"), components: [])
        let estimate = Estimate(value: value, standardError: 0.01, degreesOfFreedom: 50, ciLow: low, ciHigh: high, ciMethod: .logit, n: 300, nExcluded: 0)
        return AnalysisResult(instrumentId: "t", design: DesignSummary(records: 0, weightSum: 0, strata: 0, psus: 0, degreesOfFreedom: 0, lonelyStrata: [], lonelyPSU: "fail"),
                              nationalMethod: "pooled", confidenceLevel: 0.95,
                              results: [IndicatorResult(group: group, indicator: overall, statistic: .share, estimate: estimate, note: nil)])
    }

    static func plan(minimum: Double? = nil, above: Double? = nil, family: String = "land", code: String? = nil) -> TargetPlan {
        TargetPlan(id: "p", plan: LocalizedText(vi: "p"), level: "province", unit: .init(code: code, name: "X"), year: 2025,
                   targets: [.init(family: family, indicator: "overall", minimum: minimum, above: above, by: nil, label: LocalizedText(vi: "t"), part: nil)])
    }

    @Test(arguments: [
        (0.86, 0.88, 0.90, TargetAssessment.Status.met),          // lower limit ≥ 85 %
        (0.85, 0.87, 0.89, .met),                                 // lower limit exactly at the target counts for ≥
        (0.80, 0.82, 0.84, .notMet),                              // upper limit below
        (0.83, 0.855, 0.88, .notDistinguishable),                 // the interval straddles 85 %
    ])
    func statusFollowsTheInterval(low: Double, value: Double, high: Double, expected: TargetAssessment.Status) throws {
        let a = try #require(TargetAssessment.assess(Self.plan(minimum: 85), family: "land", result: Self.result(low, value, high), provinceColumn: nil).first)
        #expect(a.status == expected)
        #expect(abs(a.gap! - (value * 100 - 85)) < 1e-9)
    }

    @Test func aboveIsStrict() throws {
        let a = try #require(TargetAssessment.assess(Self.plan(above: 85), family: "land", result: Self.result(0.85, 0.87, 0.89), provinceColumn: nil).first)
        #expect(a.status == .notDistinguishable)
    }

    @Test func otherFamiliesAreNotMeasuredAndProvincesAreUsedWhenPresent() throws {
        let other = try #require(TargetAssessment.assess(Self.plan(minimum: 85, family: "health"), family: "land", result: Self.result(0.8, 0.9, 0.95), provinceColumn: nil).first)
        #expect(other.status == .notMeasured)
        let province = Group(variable: "province_code", values: ["33"])
        let a = try #require(TargetAssessment.assess(Self.plan(minimum: 85, code: "33"), family: "land", result: Self.result(0.86, 0.9, 0.95, group: province), provinceColumn: "province_code").first)
        #expect(a.group == province && a.status == .met && a.note == nil)
    }
}
