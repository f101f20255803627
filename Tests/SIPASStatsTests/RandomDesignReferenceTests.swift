import Foundation
import SIPASCore
import SIPASInstruments
import SIPASTestSupport
import Testing

@testable import SIPASStats

/// 24 random stratified cluster designs drawn in R (Tests/Fixtures/r-random: the script, the 6 988 rows
/// and R `survey`'s 120 intervals): PSU codes repeated across strata, PSUs with no answer, rare domains,
/// shares from 0.17 % to 99.7 %. sipas's estimate, SE, df and logit, Korn–Graubard and Wald limits
/// equal R's `svyciprop(na.rm = TRUE)`: estimates and SEs to 1e-8 (relative), limits to 1e-6.
struct RandomDesignReferenceTests {
    struct Reference {
        var design: Int, group: String, method: CIMethod, estimate, se: Double, df: Int, low, high: Double, n: Int
    }

    static func lines(_ file: String) throws -> [[String]] {
        try String(contentsOf: Fixtures.url("r-random/\(file)"), encoding: .utf8)
            .split(separator: "\n").dropFirst().map {
                $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            }
    }

    static func accumulators() throws -> [Int: SurveyAccumulator] {
        let plan = try AnalysisPlan(
            instrument: oneItemInstrument(satisfied: [4, 5], excluded: [9], attributes: ["g"]), breakdowns: ["g"])
        var byDesign: [Int: SurveyAccumulator] = [:]
        for (i, f) in try lines("designs.csv").enumerated() {
            let design = Int(f[0])!
            var accumulator = byDesign[design] ?? SurveyAccumulator(plan: plan)
            try accumulator.add(
                record(
                    stratum: f[1], cluster: f[2], weight: Double(f[3])!, codes: [Int(f[5])], attributes: [f[4]],
                    row: i + 2))
            byDesign[design] = accumulator
        }
        return byDesign
    }

    @Test func intervalsMatchRSurvey() throws {
        let references = try Self.lines("reference.csv").map { f in
            Reference(
                design: Int(f[0])!, group: f[1], method: CIMethod(rawValue: f[2])!, estimate: Double(f[3])!,
                se: Double(f[4])!,
                df: Int(f[5])!, low: Double(f[6])!, high: Double(f[7])!, n: Int(f[8])!)
        }
        #expect(references.count == 120)
        let accumulators = try Self.accumulators()
        #expect(accumulators.count == 24)
        for method in [CIMethod.logit, .beta, .wald] {
            var results: [Int: AnalysisResult] = [:]
            for (design, accumulator) in accumulators {
                results[design] = try SurveyEstimator.estimate(accumulator, options: EstimationOptions(shareCI: method))
            }
            for reference in references where reference.method == method {
                let group = reference.group.isEmpty ? Group.all : Group(variable: "g", values: [reference.group])
                let label = "design \(reference.design) \(reference.group) \(method)"
                let estimate = try #require(
                    results[reference.design]?.find("item:x", .share, group: group), "\(label): no estimate")
                #expect(
                    close(estimate.value, reference.estimate, relative: 1e-8),
                    "\(label): \(estimate.value) R \(reference.estimate)")
                #expect(
                    close(estimate.standardError, reference.se, relative: 1e-8),
                    "\(label): SE \(estimate.standardError) R \(reference.se)")
                #expect(
                    estimate.degreesOfFreedom == reference.df,
                    "\(label): df \(estimate.degreesOfFreedom) R \(reference.df)")
                #expect(estimate.n == reference.n, "\(label): n \(estimate.n) R \(reference.n)")
                #expect(
                    close(estimate.ciLow, reference.low, relative: 1e-6),
                    "\(label): low \(String(describing: estimate.ciLow)) R \(reference.low)")
                #expect(
                    close(estimate.ciHigh, reference.high, relative: 1e-6),
                    "\(label): high \(String(describing: estimate.ciHigh)) R \(reference.high)")
            }
        }
    }
}
