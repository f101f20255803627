import Foundation
import SIPASCore
import SIPASImport
import SIPASInstruments
import SIPASTestSupport
import Testing

@testable import SIPASStats

/// Year over year on the shipped samples, against R `survey` 4.1-1 (Tests/Fixtures/r-sampledata/
/// merger-and-change.R): the 2024 provinces regrouped into the 34 provinces of 2025 (old provinces
/// stay strata), and the change 2023 → 2024 computed in R on the stacked design (strata = year ×
/// province) with svycontrast and the stacked degf. Tolerance 1e-9 (p-value 1e-7).
struct YearComparisonReferenceTests {
    static let rows: [[String]] = {
        let text = (try? String(contentsOf: Fixtures.url("r-sampledata/merger-and-change.csv"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").dropFirst().map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
    }()

    static func analyse(_ year: Int, regroup: Bool) throws -> AnalysisResult {
        var instrument = try #require(try BuiltinInstruments.named("sipas-2023"))
        instrument.rollup.national = .pooled
        var plan = try AnalysisPlan(instrument: instrument, breakdowns: ["province_code"])
        if regroup { try plan.regroup("province_code", using: ProvinceCatalog.official.newCodeOfOldCode) }
        var accumulator = SurveyAccumulator(plan: plan)
        let file = Fixtures.repositoryRoot.appendingPathComponent("SampleData/\(year).csv")
        _ = try CSVImporter(instrument: instrument).run(file: file) { try accumulator.add($0) }
        return try SurveyEstimator.estimate(accumulator)
    }

    @Test func regroupedProvincesMatchR() throws {
        let result = try Self.analyse(2024, regroup: true)
        let regrouped = Self.rows.filter { $0[0] == "regrouped" }
        #expect(regrouped.count == 34)
        for row in regrouped {
            let estimate = try #require(
                result.find("item:PAS_E1_c1", .share, group: Group(variable: "province_code", values: [row[1]])))
            #expect(close(estimate.value, Double(row[2])!, relative: 1e-9), "\(row[1])")
            #expect(close(estimate.standardError, Double(row[3])!, relative: 1e-9), "\(row[1]) SE")
            #expect(estimate.degreesOfFreedom == Int(row[4])!, "\(row[1]) df")
        }
    }

    @Test func changeBetweenYearsMatchesTheStackedDesign() throws {
        let comparison = try YearComparison(
            results: [try Self.analyse(2023, regroup: false), try Self.analyse(2024, regroup: false)],
            years: ["2023", "2024"], methodVersions: ["m", "m"]
        )
        let row = try #require(
            comparison.rows.first { $0.group.isAll && $0.indicator.id == "item:PAS_E1_c1" && $0.statistic == .share })
        let change = try #require(row.latestChange)
        let reference = try #require(Self.rows.first { $0[0] == "change" })
        #expect(close(change.estimate, Double(reference[2])!, relative: 1e-9))
        #expect(close(change.standardError, Double(reference[3])!, relative: 1e-9))
        #expect(change.degreesOfFreedom == Int(reference[4])!)
        #expect(close(change.pValue, Double(reference[5])!, relative: 1e-7))
    }
}
