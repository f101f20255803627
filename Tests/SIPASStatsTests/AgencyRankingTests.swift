import Foundation
import SIPASCore
import SIPASImport
import SIPASInstruments
import SIPASTestSupport
import Testing

@testable import SIPASStats

/// Agencies ranked within their province on Tests/Fixtures/agency/land-2024.csv (synthetic, three
/// provinces), against R `survey` (agencies.R → agencies.csv): each agency's overall index, SE and
/// logit CI as a domain of the full design (1e-8 relative), its n, rank, number ranked and tie flag exactly.
struct AgencyRankingTests {
    static func ranking() throws -> AgencyRanking {
        let instrument = try #require(try BuiltinInstruments.named("land-construction"))
        let variable = try #require(AgencyRanking.breakdown(for: instrument))
        #expect(variable == "province_code*agency_code*agency_name")
        let plan = try AnalysisPlan(
            instrument: instrument, breakdowns: AgencyRanking.resolving(["agency"], for: instrument))
        var accumulator = SurveyAccumulator(plan: plan)
        let summary = try CSVImporter(instrument: instrument).run(file: Fixtures.url("agency/land-2024.csv")) {
            try accumulator.add($0)
        }
        #expect(summary.rejected == 0)
        let result = try SurveyEstimator.estimate(accumulator)
        return AgencyRanking(result: result, variable: variable, minimumN: instrument.minimumN)
    }

    @Test func estimatesRanksAndTiesMatchR() throws {
        let ranking = try Self.ranking()
        let text = try String(contentsOf: Fixtures.url("agency/agencies.csv"), encoding: .utf8)
        let records = try CSVReader().records(text, file: "agencies.csv")
        let header = try #require(records.first?.fields)
        let rows = records.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0.fields)) }
        #expect(rows.count == ranking.entries.count)
        let byCode = Dictionary(uniqueKeysWithValues: ranking.entries.map { ($0.agencyCode, $0) })
        for row in rows {
            let code = try #require(row["agency_code"])
            let entry = try #require(byCode[code], "\(code) missing")
            let estimate = try #require(entry.estimate)
            #expect(entry.provinceCode == row["province_code"] && entry.agencyName == row["agency_name"], "\(code)")
            #expect(entry.n == Int(row["n"]!), "\(code) n")
            #expect(close(estimate.value, Double(row["estimate"]!)!, relative: 1e-8), "\(code) estimate")
            #expect(estimate.degreesOfFreedom == Int(row["df"]!), "\(code) df")
            if estimate.degreesOfFreedom > 0 {
                #expect(close(estimate.standardError, Double(row["se"]!)!, relative: 1e-8), "\(code) SE")
                #expect(close(estimate.ciLow, Double(row["ci_low"]!)!, relative: 1e-8), "\(code) CI low")
                #expect(close(estimate.ciHigh, Double(row["ci_high"]!)!, relative: 1e-8), "\(code) CI high")
            } else {
                // One commune office is one PSU: no degrees of freedom, no CI (R: NaN), SE at rounding noise.
                #expect(estimate.ciLow == nil && estimate.ciHigh == nil && row["ci_low"] == "NaN", "\(code) CI")
                #expect(estimate.standardError < 1e-12, "\(code) SE")
            }
            #expect(entry.rank == Int(row["rank"]!), "\(code) rank")
            #expect(entry.ranked == Int(row["ranked"]!), "\(code) ranked")
            #expect(entry.tied == (row["tied"] == "TRUE"), "\(code) tied")
        }
        // Both kinds are exercised: ranked agencies and small ones.
        #expect(
            ranking.entries.filter { $0.rank == nil }.count == 18
                && ranking.entries.filter { $0.rank != nil }.count == 9)
    }

    static func result(_ agencies: [(code: String, share: Double, low: Double?, high: Double?, n: Int)])
        -> AnalysisResult
    {
        let overall = Indicator(
            id: "overall", level: .overall, label: LocalizedText(vi: "Chỉ số chung"), components: [])
        let rows = agencies.map { a in
            IndicatorResult(
                group: Group(variable: "p*a", values: ["24", a.code]), indicator: overall, statistic: .share,
                estimate: Estimate(
                    value: a.share, standardError: 0.01, degreesOfFreedom: 10, ciLow: a.low, ciHigh: a.high,
                    ciMethod: .logit, n: a.n, nExcluded: 0))
        }
        return AnalysisResult(
            instrumentId: "x",
            design: DesignSummary(
                records: 0, weightSum: 0, strata: 0, psus: 0, degreesOfFreedom: 0,
                lonelyStrata: [], lonelyPSU: "fail"),
            nationalMethod: .pooled, confidenceLevel: 0.95, results: rows)
    }

    /// Ties: a CI overlapping the neighbour above or below; a missing CI counts as overlapping.
    @Test func tiesFollowTheNeighboursCIs() {
        let ranking = AgencyRanking(
            result: Self.result([
                ("A", 0.90, 0.88, 0.92, 100), ("B", 0.80, 0.78, 0.82, 100), ("C", 0.79, 0.77, 0.81, 100),
                ("D", 0.60, 0.58, 0.62, 100), ("E", 0.50, nil, nil, 100), ("F", 0.99, 0.98, 1.0, 29),
                ("", 0.95, 0.9, 0.99, 500),
            ]), variable: "p*a", minimumN: 30)
        #expect(ranking.entries.map(\.agencyCode) == ["A", "B", "C", "D", "E", "F"])
        #expect(ranking.entries.map(\.rank) == [1, 2, 3, 4, 5, nil])
        #expect(ranking.entries.map(\.tied) == [false, true, true, true, true, false])
        #expect(ranking.entries.allSatisfy { $0.ranked == 5 })
    }

    /// Within a province the ranked agencies come first, best first, then the small ones by code.
    @Test func orderWithinProvince() throws {
        let ranking = try Self.ranking()
        for province in Set(ranking.entries.map(\.provinceCode)) {
            let entries = ranking.entries.filter { $0.provinceCode == province }
            let ranks = entries.compactMap(\.rank)
            #expect(ranks == Array(stride(from: 1, through: ranks.count, by: 1)))
            #expect(
                entries.prefix(ranks.count).allSatisfy { $0.n >= 30 }
                    && entries.dropFirst(ranks.count).allSatisfy { $0.n < 30 })
            let values = entries.prefix(ranks.count).compactMap { $0.estimate?.value }
            #expect(values == values.sorted(by: >))
        }
    }

    /// `--by agency` names the instrument's agency breakdown; an instrument without agencies keeps the word.
    @Test func theAgencyAlias() throws {
        let sipas = try #require(try BuiltinInstruments.named("sipas-2023"))
        #expect(
            AgencyRanking.resolving(["sector", "agency"], for: sipas) == [
                "sector", "province_code*agency_code*agency_name",
            ])
        let health = try #require(try BuiltinInstruments.named("health-inpatient"))
        #expect(AgencyRanking.resolving(["agency"], for: health) == ["agency"])
        #expect(throws: PlanError.self) {
            try AnalysisPlan(instrument: health, breakdowns: AgencyRanking.resolving(["agency"], for: health))
        }
    }
}
