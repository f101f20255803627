import SIPASCore
import Testing

@testable import SIPASInstruments
@testable import SIPASStats

struct TargetAssessmentTests {
    static let unit = Group(variable: TargetScope.breakdownPrefix + "province_code", values: ["24"])

    static func result(_ low: Double, _ value: Double, _ high: Double, group: Group = unit, se: Double = 0.01)
        -> AnalysisResult
    {
        let overall = Indicator(id: "overall", level: .overall, label: LocalizedText(vi: "Chung"), components: [])
        let estimate = Estimate(
            value: value, standardError: se, degreesOfFreedom: 50, ciLow: low, ciHigh: high, ciMethod: .logit, n: 300,
            nExcluded: 0)
        return AnalysisResult(
            instrumentId: "t",
            design: DesignSummary(
                records: 0, weightSum: 0, strata: 0, psus: 0, degreesOfFreedom: 0, lonelyStrata: [], lonelyPSU: "fail"),
            nationalMethod: .pooled, confidenceLevel: 0.95,
            results: [
                IndicatorResult(group: group, indicator: overall, statistic: .share, estimate: estimate, note: nil)
            ])
    }

    static func plan(_ target: TargetPlan.Target, year: Int = 2025) -> TargetPlan {
        TargetPlan(
            id: "p", plan: LocalizedText(vi: "p"), level: "province", unit: .init(code: "24", name: "Bắc Giang"),
            year: year, targets: [target])
    }

    static func target(
        minimum: Double? = nil, above: Double? = nil, by: Int? = nil, higherThan: Int? = nil, family: String = "land"
    ) -> TargetPlan.Target {
        .init(
            family: family, indicator: "overall", minimum: minimum, above: above, by: by, label: LocalizedText(vi: "t"),
            higherThan: higherThan)
    }

    static func scope(year: Int?, group: Group? = unit) -> TargetScope {
        TargetScope(
            unit: LocalizedText(vi: "Bắc Giang (mã 24)"), group: group, note: LocalizedText(vi: "ghi chú", en: "note"),
            dataYear: year)
    }

    static func assess(_ target: TargetPlan.Target, _ result: AnalysisResult, year: Int? = 2025, planYear: Int = 2025)
        throws -> TargetAssessment
    {
        try #require(
            TargetAssessment.assess(
                plan(target, year: planYear), family: "land", result: result, scope: scope(year: year)
            ).first)
    }

    @Test(arguments: [
        (0.86, 0.88, 0.90, TargetAssessment.Status.met),  // lower limit ≥ 85 %
        (0.85, 0.87, 0.89, .met),  // lower limit exactly at the target counts for ≥
        (0.80, 0.82, 0.84, .notMet),  // upper limit below
        (0.83, 0.855, 0.88, .notDistinguishable),  // the interval straddles 85 %
    ])
    func statusFollowsTheInterval(low: Double, value: Double, high: Double, expected: TargetAssessment.Status) throws {
        let a = try Self.assess(Self.target(minimum: 85), Self.result(low, value, high))
        #expect(a.status == expected)
        #expect(abs(a.gap! - (value * 100 - 85)) < 1e-9)
        #expect(a.group == Self.unit)
    }

    @Test func thePointEstimateIsJudgedBesideTheInterval() throws {
        let straddling = try Self.assess(Self.target(minimum: 85), Self.result(0.83, 0.855, 0.88))
        #expect(straddling.status == .notDistinguishable && straddling.pointStatus == .met)
        let below = try Self.assess(Self.target(minimum: 85), Self.result(0.83, 0.849, 0.87))
        #expect(below.status == .notDistinguishable && below.pointStatus == .notMet)
        // "above 85 %": a point estimate of exactly 85 % does not meet it.
        let atStrict = try Self.assess(Self.target(above: 85), Self.result(0.83, 0.85, 0.87))
        #expect(atStrict.pointStatus == .notMet)
    }

    @Test func aboveIsStrict() throws {
        let a = try Self.assess(Self.target(above: 85), Self.result(0.85, 0.87, 0.89))
        #expect(a.status == .notDistinguishable)
    }

    @Test func aTargetOfALaterYearIsNotYetDueWithTheChangeNeededPerYear() throws {
        // 2030 target of 95 % on 2024 data at 88 %: 7 points in 6 years.
        let later = try Self.assess(
            Self.target(minimum: 95, by: 2030), Self.result(0.86, 0.88, 0.90), year: 2024, planYear: 2030)
        #expect(later.status == .notYetDue && later.pointStatus == nil)
        #expect(abs(later.gap! - -7) < 1e-9)
        #expect(abs(later.yearlyChangeNeeded! - 7.0 / 6.0) < 1e-12)
        #expect(later.dueYear == 2030 && later.dataYear == 2024)
        // Already above: nothing more is needed.
        let reached = try Self.assess(
            Self.target(minimum: 85, by: 2030), Self.result(0.86, 0.88, 0.90), year: 2024, planYear: 2030)
        #expect(reached.status == .notYetDue && reached.yearlyChangeNeeded == 0)
        // A target of an earlier year than the data's is judged as today.
        let earlier = try Self.assess(
            Self.target(minimum: 85, by: 2023), Self.result(0.80, 0.82, 0.84), year: 2025, planYear: 2023)
        #expect(earlier.status == .notMet)
        // Unknown data year: judged as due.
        let unknown = try Self.assess(
            Self.target(minimum: 95, by: 2030), Self.result(0.86, 0.88, 0.90), year: nil, planYear: 2030)
        #expect(unknown.status == .notMet)
    }

    @Test func otherFamiliesAndAbsentUnitsAreNotMeasured() throws {
        let other = try #require(
            TargetAssessment.assess(
                Self.plan(Self.target(minimum: 85, family: "health")), family: "land",
                result: Self.result(0.8, 0.9, 0.95), scope: Self.scope(year: 2025)
            ).first)
        #expect(other.status == .notMeasured)
        #expect(other.note?.en == "The data are a land survey; the target concerns health.")
        // The data do not hold the unit: never the national figure.
        let absent = try #require(
            TargetAssessment.assess(
                Self.plan(Self.target(minimum: 85)), family: "land",
                result: Self.result(0.8, 0.9, 0.95, group: .all), scope: Self.scope(year: 2025, group: nil)
            ).first)
        #expect(absent.status == .notMeasured && absent.estimate == nil && absent.note?.en == "note")
    }

    @Test func aRelativeTargetIsJudgedOnTheChangeAndItsInterval() throws {
        let target = Self.target(higherThan: 2024)
        let before = Self.result(0.78, 0.80, 0.82)
        let after = Self.result(0.83, 0.85, 0.87)
        let comparison = try YearComparison(
            results: [before, after], years: ["2024", "2025"], methodVersions: ["v", "v"])
        let a = try #require(
            TargetAssessment.assess(
                Self.plan(target), family: "land", result: after, scope: Self.scope(year: 2025),
                changes: comparison
            ).first)
        let expected = try Difference(from: before.results[0].estimate!, to: after.results[0].estimate!)
        #expect(a.change == expected)
        #expect(abs(a.gap! - 5) < 1e-9)
        #expect(expected.ciLow! > 0 && a.status == .met && a.pointStatus == .met)
        // Without a comparison (`analyze`), it cannot be judged.
        let alone = try #require(
            TargetAssessment.assess(Self.plan(target), family: "land", result: after, scope: Self.scope(year: 2025))
                .first)
        #expect(alone.status == .notMeasured)
        #expect(alone.note?.en == "A target relative to 2024: judged by `sipas compare` with the 2024 data.")
        // A fall whose interval stays below zero is not met.
        let fell = try YearComparison(results: [after, before], years: ["2024", "2025"], methodVersions: ["v", "v"])
        let down = try #require(
            TargetAssessment.assess(
                Self.plan(target), family: "land", result: before, scope: Self.scope(year: 2025), changes: fell
            ).first)
        #expect(down.status == .notMet && down.pointStatus == .notMet)
    }
}
