import Foundation
import SIPASCore
import SIPASInstruments
import Testing

@testable import SIPASStats

/// Edge cases of the estimator: every case gives a defined result (finite numbers, or no estimate with
/// a note) or a typed error; never NaN, never a crash. Every result is also encoded as JSON, which
/// refuses NaN and infinities.
struct SurveyEstimatorEdgeCaseTests {
    /// Two strata × two PSUs of satisfied (code 5) and other answers; group "g" from `attributes`.
    static func accumulate(
        _ rows: [(stratum: String, cluster: String, weight: Double, code: Int?, group: String)],
        lonely: LonelyPSU = .fail
    ) throws -> SurveyAccumulator {
        let plan = try AnalysisPlan(
            instrument: oneItemInstrument(satisfied: [4, 5], excluded: [9], attributes: ["g"], lonely: lonely),
            breakdowns: ["g"])
        var accumulator = SurveyAccumulator(plan: plan)
        for (i, row) in rows.enumerated() {
            try accumulator.add(
                record(
                    stratum: row.stratum, cluster: row.cluster, weight: row.weight, codes: [row.code],
                    attributes: [row.group], row: i + 2))
        }
        return accumulator
    }

    static let base: [(stratum: String, cluster: String, weight: Double, code: Int?, group: String)] = [
        ("a", "1", 10, 5, "x"), ("a", "1", 10, 3, "x"), ("a", "2", 12, 4, "x"), ("a", "2", 12, 2, "y"),
        ("b", "3", 8, 5, "x"), ("b", "3", 8, 1, "x"), ("b", "4", 9, 4, "x"), ("b", "4", 9, 5, "x"),
    ]

    /// Every number of the result is finite and it encodes as JSON.
    func expectDefined(_ result: AnalysisResult) throws {
        for row in result.results {
            if let e = row.estimate {
                let numbers =
                    [e.value, e.standardError]
                    + [e.ciLow, e.ciHigh, e.designEffect, e.effectiveSampleSize].compactMap { $0 }
                #expect(numbers.allSatisfy { $0.isFinite }, "\(row.indicator.id) \(row.statistic) \(row.group)")
            } else {
                #expect(row.note != nil, "\(row.indicator.id) \(row.group): no estimate and no note")
            }
        }
        _ = try JSONEncoder().encode(result)
    }

    func find(_ result: AnalysisResult, _ statistic: Statistic, _ group: String) -> IndicatorResult? {
        result.results.first {
            $0.indicator.id == "item:x" && $0.statistic == statistic
                && $0.group == Group(variable: "g", values: [group])
        }
    }

    /// A group with one respondent: its answer is the estimate, SE 0, df 0, so no interval.
    @Test func domainWithOneRespondent() throws {
        let result = try SurveyEstimator.estimate(try Self.accumulate(Self.base))
        try expectDefined(result)
        let mean = try #require(find(result, .mean, "y")?.estimate)
        #expect(
            mean.value == 2 && mean.standardError == 0 && mean.degreesOfFreedom == 0 && mean.ciLow == nil && mean.n == 1
        )
        let share = try #require(find(result, .share, "y")?.estimate)
        #expect(share.value == 0 && share.ciLow == nil && share.ciHigh == nil)
    }

    /// A group whose respondents all left the item blank or answered "don't know" (code 9), and a
    /// group no record belongs to: no estimate, a note, the excluded answers counted.
    @Test func domainWithoutValidAnswers() throws {
        var rows = Self.base
        rows += [("a", "1", 10, nil, "z"), ("b", "4", 9, 9, "z")]
        let result = try SurveyEstimator.estimate(try Self.accumulate(rows))
        try expectDefined(result)
        let row = try #require(find(result, .share, "z"))
        #expect(row.estimate == nil && row.note == "no valid answers")
        #expect(find(result, .share, "nobody") == nil)
    }

    /// Every answer "don't know": no estimate anywhere, for every indicator level, with notes.
    @Test func everyAnswerDontKnow() throws {
        let rows = Self.base.map { ($0.stratum, $0.cluster, $0.weight, Optional(9), $0.group) }
        let result = try SurveyEstimator.estimate(try Self.accumulate(rows))
        try expectDefined(result)
        #expect(result.results.allSatisfy { $0.estimate == nil && $0.note != nil })
    }

    /// All satisfied (p = 1): SE 0, and the exact Clopper–Pearson interval on the n answers,
    /// [(α/2)^(1/n), 1].
    @Test func allSatisfied() throws {
        let rows = Self.base.map { ($0.stratum, $0.cluster, $0.weight, Optional(5), "x") }
        let result = try SurveyEstimator.estimate(try Self.accumulate(rows))
        try expectDefined(result)
        let share = try #require(result.find("item:x", .share))
        #expect(share.value == 1 && share.standardError == 0 && share.ciMethod == .clopperPearsonEdge)
        #expect(close(share.ciLow, pow(0.025, 1.0 / 8), relative: 1e-9) && share.ciHigh == 1)
    }

    /// A stratum with a single PSU under every lonely-PSU option, by linearisation, jackknife and
    /// bootstrap: `fail` is a typed error naming the stratum, the others finite SEs.
    @Test(arguments: LonelyPSU.allCases, [VarianceMethod.linearization, .jackknife, .bootstrap])
    func singlePSUInAStratum(lonely: LonelyPSU, variance: VarianceMethod) throws {
        var rows = Self.base
        rows += [("c", "5", 7, 4, "x"), ("c", "5", 7, 2, "y")]
        let accumulator = try Self.accumulate(rows, lonely: lonely)
        var options = EstimationOptions(variance: variance)
        options.replicates = 50
        if lonely == .fail {
            #expect(throws: StatsError.lonelyPSU(strata: ["c"])) {
                try SurveyEstimator.estimate(accumulator, options: options)
            }
            return
        }
        let result = try SurveyEstimator.estimate(accumulator, options: options)
        try expectDefined(result)
        #expect(result.design.lonelyStrata == ["c"])
        let se = try #require(result.find("item:x", .mean)?.standardError)
        #expect(se > 0)
    }

    /// Every stratum a single PSU under `average`: nothing to average, SE 0 rather than a division by 0.
    @Test func everyStratumLonelyUnderAverage() throws {
        let rows = [("a", "1", 10.0, Optional(5), "x"), ("b", "2", 10, 3, "x")]
        let result = try SurveyEstimator.estimate(try Self.accumulate(rows, lonely: .average))
        try expectDefined(result)
        #expect(result.find("item:x", .mean)?.standardError == 0)
    }

    /// Zero, negative and NaN weights are typed errors naming the row; a zero replicate weight is fine.
    @Test func zeroWeights() throws {
        for weight in [0.0, -1, .nan, .infinity] {
            #expect(throws: StatsError.invalidWeight("test, row 3: \(weight)")) {
                try Self.accumulate([("a", "1", 1, 5, "x"), ("a", "1", weight, 5, "x")])
            }
        }
        var accumulator = SurveyAccumulator(plan: try AnalysisPlan(instrument: oneItemInstrument()))
        try accumulator.add(
            record(stratum: "", cluster: "1", weight: 1, codes: [3]), secondStage: nil, replicateWeights: [0, 2])
        try accumulator.add(
            record(stratum: "", cluster: "2", weight: 1, codes: [4]), secondStage: nil, replicateWeights: [2, 0])
        let result = try SurveyEstimator.estimate(accumulator, options: .init(variance: .replicateWeights))
        try expectDefined(result)
        #expect(result.find("item:x", .mean)?.standardError == 0.5 * 2.squareRoot())
    }
}
