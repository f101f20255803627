import Foundation
import SIPASCore
import SIPASImport
import SIPASInstruments
import SIPASTestSupport
import Testing

@testable import SIPASStats

/// The 2024 national figure as published (mean of 63 provinces) and regrouped into the 34 units of
/// 2025, on SampleData/2024.csv.
struct NationalBaselineTests {
    static func analyse(regroup: Bool) throws -> AnalysisResult {
        let instrument = try #require(try BuiltinInstruments.named("sipas-2023"))
        var plan = try AnalysisPlan(instrument: instrument, breakdowns: ["province_code"])
        if regroup { try plan.regroup("province_code", using: ProvinceCatalog.official.newCodeOfOldCode) }
        var accumulator = SurveyAccumulator(plan: plan)
        let file = Fixtures.repositoryRoot.appendingPathComponent("SampleData/2024.csv")
        _ = try CSVImporter(instrument: instrument).run(file: file) { try accumulator.add($0) }
        return try SurveyEstimator.estimate(accumulator)
    }

    static func close(_ a: Double?, _ b: Double?, _ tolerance: Double) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        return abs(a - b) <= tolerance * max(1, abs(b))
    }

    /// On the 63 provinces themselves, the formula gives the estimator's mean of units: same value,
    /// SE (the provinces are the strata, so no PSU is shared) and interval.
    @Test func onTheOwnUnitsItReproducesThePublishedFigure() throws {
        let baseline = try #require(
            try NationalBaseline.make(year: "2024", result: Self.analyse(regroup: false), unitVariable: "province_code")
        )
        #expect(baseline.regroupedUnits == 63)
        #expect(baseline.publishedNote == "mean of 63 units")
        #expect(Self.close(baseline.regrouped.value, baseline.published.value, 1e-12))
        #expect(Self.close(baseline.regrouped.standardError, baseline.published.standardError, 1e-9))
        #expect(Self.close(baseline.regrouped.ciLow, baseline.published.ciLow, 1e-9))
        #expect(Self.close(baseline.regrouped.ciHigh, baseline.published.ciHigh, 1e-9))
    }

    @Test func regroupedItIsTheMeanOfThe34Units() throws {
        let result = try Self.analyse(regroup: true)
        let baseline = try #require(
            try NationalBaseline.make(year: "2024", result: result, unitVariable: "province_code"))
        #expect(baseline.regroupedUnits == 34)
        let units = result.results.filter {
            $0.group.variable == "province_code" && $0.indicator.id == "overall" && $0.statistic == .share
        }
        #expect(units.count == 34)
        let mean = units.compactMap(\.estimate?.value).reduce(0, +) / 34
        #expect(Self.close(baseline.regrouped.value, mean, 1e-12))
        // The published figure is still the mean of the 63 old provinces, and differs from it.
        #expect(baseline.publishedNote == "mean of 63 units")
        #expect(abs(baseline.regrouped.value - baseline.published.value) > 1e-6)
        #expect(baseline.changeUses == "published")
    }
}
