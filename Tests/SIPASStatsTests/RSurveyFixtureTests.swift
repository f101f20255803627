import Foundation
import SIPASCore
import SIPASImport
import SIPASInstruments
import SIPASTestSupport
import Testing

@testable import SIPASStats

/// The R `survey` fixture built for sipas's definitions (Tests/Fixtures/r-survey: design-data.R,
/// reference.R, sample.csv, reference.csv; its README states each definition): items, elements and the
/// overall index, for the whole sample, by sector and by province (one with a single degree of
/// freedom), the mean of provinces, logit and Korn–Graubard intervals, item df lower than the domain's.
/// Tolerances: 1e-9 relative for estimates and SEs, 1e-7 for CI limits, exact for df and n.
struct RSurveyFixtureTests {
    struct Row {
        var estimate, se: Double
        var df: Int
        var low, high: Double
        var n: Int
    }

    static let references: [String: Row] = {
        let text = (try? String(contentsOf: Fixtures.url("r-survey/reference.csv"), encoding: .utf8)) ?? ""
        var table: [String: Row] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            table["\(f[0])|\(f[1])|\(f[2])|\(f[3])"] = Row(
                estimate: Double(f[4])!, se: Double(f[5])!, df: Int(f[6])!,
                low: Double(f[7])!, high: Double(f[8])!, n: Int(f[9])!)
        }
        return table
    }()

    static func analyse(national: RollupSpec.NationalMethod = .pooled, ci: CIMethod = .logit) throws -> AnalysisResult {
        var instrument = try InstrumentLoader.load(contentsOf: Fixtures.url("r-survey/instrument.yaml"))
        instrument.rollup.national = national
        instrument.rollup.unit = "province_code"
        var accumulator = SurveyAccumulator(
            plan: try AnalysisPlan(instrument: instrument, breakdowns: ["sector", "province_code"]))
        let summary = try CSVImporter(instrument: instrument).run(file: Fixtures.url("r-survey/sample.csv")) {
            try accumulator.add($0)
        }
        #expect(summary.rejected == 0)
        return try SurveyEstimator.estimate(accumulator, options: EstimationOptions(shareCI: ci))
    }

    func check(
        _ result: AnalysisResult, _ key: String, indicator: String, statistic: Statistic, group: Group,
        intervals: Bool = true
    ) throws {
        let reference = try #require(Self.references[key], "no reference \(key)")
        let e = try #require(result.find(indicator, statistic, group: group), "no estimate for \(key)")
        #expect(close(e.value, reference.estimate, relative: 1e-9), "\(key)")
        #expect(close(e.standardError, reference.se, relative: 1e-9), "\(key) SE")
        #expect(e.degreesOfFreedom == reference.df, "\(key) df")
        #expect(e.n == reference.n, "\(key) n")
        if intervals {
            #expect(close(e.ciLow, reference.low, relative: 1e-7), "\(key) CI low")
            #expect(close(e.ciHigh, reference.high, relative: 1e-7), "\(key) CI high")
        }
    }

    @Test func everyPooledRowMatches() throws {
        let result = try Self.analyse()
        var checked = 0
        for key in Self.references.keys.sorted() {
            let f = key.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            // R's logit (svyciprop, an iterative fit) and xlogit (closed form) rows both check the logit interval.
            guard f[0] != "national_mean_of_provinces",
                let statistic = Statistic(rawValue: f[3] == "share_ci_xlogit" ? "share" : f[3])
            else { continue }
            let group = f[0].isEmpty ? Group.all : Group(variable: f[0], values: [f[1]])
            try check(result, key, indicator: f[2], statistic: statistic, group: group)
            checked += 1
        }
        #expect(checked == 55)
    }

    @Test func kornGraubardIntervalsMatch() throws {
        let result = try Self.analyse(ci: .beta)
        for key in Self.references.keys.sorted() where key.hasSuffix("|share_ci_beta") {
            let f = key.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            let group = f[0].isEmpty ? Group.all : Group(variable: f[0], values: [f[1]])
            try check(result, key, indicator: f[2], statistic: .share, group: group)
        }
    }

    @Test func meanOfProvincesMatches() throws {
        try check(
            try Self.analyse(national: .meanOfUnits), "national_mean_of_provinces||overall|share",
            indicator: "overall", statistic: .share, group: .all, intervals: true)
    }
}
