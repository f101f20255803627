import SIPASCore
import SIPASInstruments
import Testing

@testable import SIPASStats

/// Reference values from R survey 4.1-1 on small published datasets (stats-anchors.md §3,
/// "self-contained fixtures"). Codes are the data × 10 (or × 2) so that they are integers;
/// means and SEs scale by the same factor.
struct SurveyEstimatorTests {
    /// R `data(fpc)`: svydesign(id=~psuid, strata=~stratid, weights=~weight, nest=TRUE):
    /// svymean(~x) = 5.4481481, SE 0.74127, degf 6; subset(x > 4): 6.195, SE 0.75551.
    @Test func stratifiedClusterMeanMatchesR() throws {
        let rows: [(String, String, Double, Int)] = [
            ("1", "1", 3, 28), ("1", "2", 3, 41), ("1", "3", 3, 68), ("1", "4", 3, 68), ("1", "5", 3, 92),
            ("2", "1", 4, 37), ("2", "2", 4, 66), ("2", "3", 4, 42),
        ]
        let instrument = oneItemInstrument(satisfied: [], attributes: ["big"])
        let plan = try AnalysisPlan(instrument: instrument, breakdowns: ["big"])
        var accumulator = SurveyAccumulator(plan: plan)
        for (s, c, w, x) in rows {
            try accumulator.add(
                record(stratum: s, cluster: c, weight: w, codes: [x], attributes: [x > 40 ? "yes" : "no"]))
        }
        let result = try SurveyEstimator.estimate(accumulator)
        let mean = try #require(result.find("item:x", .mean))
        #expect(close(mean.value, 54.481481, relative: 1e-7))
        #expect(close(mean.standardError, 7.4127, relative: 1e-4))
        #expect(mean.degreesOfFreedom == 6)
        #expect(result.design.degreesOfFreedom == 6)
        // Domain on the full design: subset(design, x > 4).
        let domain = try #require(result.find("item:x", .mean, group: Group(variable: "big", values: ["yes"])))
        #expect(close(domain.value, 61.95, relative: 1e-7))
        #expect(close(domain.standardError, 7.5551, relative: 1e-4))
        // The roll-ups of a one-item instrument equal the item.
        #expect(result.find("overall", .mean)?.value == mean.value)
    }

    /// R tests/lonely.psu.R: strata 1,1,2,2,3; weights 10.5,10.5,20,20,15; Age 30.5,40.5,35,52,44 (× 2).
    /// remove / certainty: mean 41.38815789, SE 4.682158776; average: variance × 3/2 (189937.5 / 126625
    /// for the total); adjust (R ≥ 4.3): the lone PSU centred on the mean of all PSU totals.
    @Test(arguments: [LonelyPSU.remove, .certainty, .average, .adjust])
    func lonelyPSUOptionsMatchR(option: LonelyPSU) throws {
        let plan = try AnalysisPlan(instrument: oneItemInstrument(lonely: option))
        var accumulator = SurveyAccumulator(plan: plan)
        let rows: [(String, Double, Int)] = [
            ("1", 10.5, 61), ("1", 10.5, 81), ("2", 20, 70), ("2", 20, 104), ("3", 15, 88),
        ]
        for (i, (s, w, x)) in rows.enumerated() {
            try accumulator.add(record(stratum: s, cluster: "\(i + 1)", weight: w, codes: [x]))
        }
        let mean = try #require(try SurveyEstimator.estimate(accumulator).find("item:x", .mean))
        #expect(close(mean.value, 2 * 41.38815789, relative: 1e-9))
        let certainty = 2 * 4.682158776
        switch option {
        case .remove, .certainty:
            #expect(close(mean.standardError, certainty, relative: 1e-9))
        case .average:
            #expect(close(mean.standardError, certainty * (1.5).squareRoot(), relative: 1e-9))
        case .adjust:
            // Hand calculation: z of the lone PSU = w(y − ȳ)/Σw; the mean of all z is 0 for a mean.
            let z = 15 * (88 - 2 * 41.38815789) / 76
            #expect(close(mean.standardError, (certainty * certainty + z * z).squareRoot(), relative: 1e-8))
        case .fail:
            break
        }
    }

    @Test func lonelyPSUFailsByDefaultNamingTheStratum() throws {
        let plan = try AnalysisPlan(instrument: oneItemInstrument())
        var accumulator = SurveyAccumulator(plan: plan)
        try accumulator.add(record(stratum: "1", cluster: "a", weight: 1, codes: [1]))
        try accumulator.add(record(stratum: "1", cluster: "b", weight: 1, codes: [2]))
        try accumulator.add(record(stratum: "7", cluster: "c", weight: 1, codes: [3]))
        #expect(throws: StatsError.lonelyPSU(strata: ["7"])) { try SurveyEstimator.estimate(accumulator) }
    }

    /// Excluded codes leave numerator and denominator; blanks too. Share = 2 satisfied of 3 valid.
    @Test func excludedCodesLeaveTheDenominator() throws {
        let plan = try AnalysisPlan(instrument: oneItemInstrument(satisfied: [4, 5], excluded: [9]))
        var accumulator = SurveyAccumulator(plan: plan)
        let codes: [Int?] = [5, 4, 2, 9, nil, 9]
        for (i, code) in codes.enumerated() {
            try accumulator.add(record(stratum: "s", cluster: "\(i % 3)", weight: 1, codes: [code]))
        }
        let share = try #require(try SurveyEstimator.estimate(accumulator).find("item:x", .share))
        #expect(close(share.value, 2.0 / 3.0, relative: 1e-12))
        #expect(share.n == 3)
        #expect(share.nExcluded == 2)
    }

    @Test func nonPositiveWeightIsRejected() throws {
        var accumulator = SurveyAccumulator(plan: try AnalysisPlan(instrument: oneItemInstrument()))
        #expect(throws: StatsError.self) {
            try accumulator.add(record(stratum: "s", cluster: "c", weight: 0, codes: [1]))
        }
        #expect(throws: StatsError.self) {
            try accumulator.add(record(stratum: "s", cluster: "c", weight: .nan, codes: [1]))
        }
    }

    /// The influence totals of a mean of units: each key's terms added in the parts' order, as a
    /// dictionary filled part after part adds them (the same bits), keys sorted, whether the parts
    /// come sorted and disjoint or not.
    @Test(arguments: [false, true])
    func unitMeanAddsEachKeysTermsInPartOrder(overlapping: Bool) {
        let parts: [([String], [Double])] =
            overlapping
            ? [(["b", "d"], [0.1, -0.0]), (["a", "b"], [1e16, 0.7]), (["b", "c"], [-1e16, 0.3])]
            : [(["a", "b"], [0.1, 0.2]), (["c"], [-0.0]), (["d", "e"], [1e-300, 3])]
        let k = 3.0
        var expected: [String: Double] = [:]
        for part in parts { for (key, value) in zip(part.0, part.1) { expected[key, default: 0] += value / k } }
        let (keys, sums) = UnitMean.combine(parts, k: k, by: <)
        #expect(keys == expected.keys.sorted())
        #expect(sums.map(\.bitPattern) == keys.map { expected[$0]!.bitPattern })
    }
}
