import Foundation
import SIPASCore
import SIPASImport
import SIPASInstruments
import SIPASTestSupport
import Testing

@testable import SIPASStats

/// sipas on its own shipped sample (SampleData/2024.csv, instrument sipas-2023, stratified two-stage
/// design with weights), against R `survey` 4.1-1 on the same file (Tests/Fixtures/r-sampledata:
/// reference.R and reference.csv). Items by svyratio (checked in R against svymean on the subset),
/// sector domains by svyby, the access element by svyratio + svycontrast with the items' covariance,
/// the mean of provinces by svyby(covmat = TRUE) + svycontrast; logit CIs by svyciprop.
/// Tolerance: 1e-9 relative for estimates and SEs, 1e-7 for CI limits.
struct SampleDataReferenceTests {
    struct Reference {
        var estimate, se: Double
        var df: Int
        var low, high: Double?
    }

    static let references: [String: Reference] = {
        let text = (try? String(contentsOf: Fixtures.url("r-sampledata/reference.csv"), encoding: .utf8)) ?? ""
        var table: [String: Reference] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",").map(String.init)
            table["\(f[0])|\(f[1])|\(f[2])"] = Reference(
                estimate: Double(f[3])!, se: Double(f[4])!, df: Int(f[5])!, low: Double(f[6]), high: Double(f[7]))
        }
        return table
    }()

    /// Analyses the sample with `national` as the whole-sample method.
    static func analyse(national: RollupSpec.NationalMethod) throws -> AnalysisResult {
        var instrument = try #require(try BuiltinInstruments.named("sipas-2023"))
        instrument.rollup.national = national
        let plan = try AnalysisPlan(instrument: instrument, breakdowns: ["sector"])
        var accumulator = SurveyAccumulator(plan: plan)
        let file = Fixtures.repositoryRoot.appendingPathComponent("SampleData/2024.csv")
        let summary = try CSVImporter(instrument: instrument).run(file: file) { try accumulator.add($0) }
        #expect(summary.rejected == 0)
        return try SurveyEstimator.estimate(accumulator)
    }

    func check(_ estimate: Estimate?, _ key: String) throws {
        let reference = try #require(Self.references[key], "no reference row \(key)")
        let estimate = try #require(estimate, "no estimate for \(key)")
        #expect(close(estimate.value, reference.estimate, relative: 1e-9), "\(key) estimate")
        #expect(close(estimate.standardError, reference.se, relative: 1e-9), "\(key) SE")
        #expect(estimate.degreesOfFreedom == reference.df, "\(key) df")
        if let low = reference.low, let high = reference.high {
            #expect(close(estimate.ciLow, low, relative: 1e-7), "\(key) CI low")
            #expect(close(estimate.ciHigh, high, relative: 1e-7), "\(key) CI high")
        }
    }

    @Test func pooledItemsElementsAndSectorDomainsMatchR() throws {
        let result = try Self.analyse(national: .pooled)
        for item in ["PAS_E1_c1", "PAS_E2_c3", "POL_health_quality"] {
            try check(result.find("item:\(item)", .share), "all|item:\(item)|share")
            try check(result.find("item:\(item)", .mean), "all|item:\(item)|mean")
            for sector in ["dat_dai", "dau_tu", "gtvt", "khac", "ldtbxh", "tu_phap", "xay_dung"] {
                try check(
                    result.find("item:\(item)", .share, group: Group(variable: "sector", values: [sector])),
                    "sector=\(sector)|item:\(item)|share")
            }
        }
        try check(result.find("element:access", .share), "all|element:access|share")
    }

    @Test func meanOfProvincesMatchesR() throws {
        let result = try Self.analyse(national: .meanOfUnits)
        try check(result.find("item:PAS_E1_c1", .share), "mean_of_provinces|item:PAS_E1_c1|share")
    }
}
