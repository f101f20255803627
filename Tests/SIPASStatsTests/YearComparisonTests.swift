import SIPASCore
import Testing

@testable import SIPASStats

struct YearComparisonTests {
    static let overall = Indicator(id: "overall", level: .overall, label: LocalizedText(vi: "Chung"), components: [])

    static func result(_ values: [(String, Double, Double)]) -> AnalysisResult {
        let rows = values.map { name, value, se in
            IndicatorResult(
                group: name == "all" ? .all : Group(variable: "province_code", values: [name]), indicator: overall,
                statistic: .share,
                estimate: Estimate(
                    value: value, standardError: se, degreesOfFreedom: 100, ciLow: nil, ciHigh: nil, ciMethod: .logit,
                    n: 500, nExcluded: 0),
                note: nil)
        }
        return AnalysisResult(
            instrumentId: "t",
            design: DesignSummary(
                records: 0, weightSum: 0, strata: 0, psus: 0, degreesOfFreedom: 0, lonelyStrata: [], lonelyPSU: "fail"),
            nationalMethod: .pooled, confidenceLevel: 0.95, results: rows)
    }

    @Test func changesRanksAndCounts() throws {
        let before = Self.result([("all", 0.80, 0.005), ("01", 0.85, 0.01), ("02", 0.80, 0.01), ("04", 0.75, 0.01)])
        let after = Self.result([("all", 0.82, 0.005), ("01", 0.84, 0.01), ("02", 0.88, 0.01), ("04", 0.75, 0.01)])
        let comparison = try YearComparison(
            results: [before, after], years: ["2023", "2024"], methodVersions: ["m", "m"])
        #expect(!comparison.methodBreak)
        let whole = try #require(comparison.rows.first { $0.group.isAll })
        let change = try #require(whole.latestChange)
        #expect(abs(change.estimate - 0.02) < 1e-12)
        #expect(abs(change.standardError - (2 * 0.005 * 0.005).squareRoot()) < 1e-12)
        #expect(change.degreesOfFreedom == 200)
        #expect(whole.ranks == [nil, nil])
        let p02 = try #require(comparison.rows.first { $0.group.values == ["02"] })
        #expect(p02.ranks == [2, 1])
        #expect(p02.rankChange == 1)
        // Holm over the three provinces: the raw p of 02 (z ≈ 5.66) times 3 at most.
        let raw = try #require(p02.latestChange?.pValue)
        #expect(p02.adjustedPValue == min(1, raw * 3))
        #expect(p02.isSignificant())
        let movement = try #require(comparison.movements.first)
        #expect(movement.variable == "province_code")
        #expect((movement.up, movement.down, movement.unchanged) == (1, 1, 1))
        #expect((movement.significantlyUp, movement.significantlyDown) == (1, 0))
        #expect((movement.rankUp, movement.rankDown, movement.rankSame) == (1, 1, 1))
    }

    @Test func differentMethodVersionsAreABreak() throws {
        let a = Self.result([("all", 0.87, 0.005)])
        let b = Self.result([("all", 0.80, 0.005)])
        #expect(
            try YearComparison(results: [a, b], years: ["2021", "2022"], methodVersions: ["2640", "1001"]).methodBreak)
    }
}
