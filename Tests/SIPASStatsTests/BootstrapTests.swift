import Foundation
import SIPASCore
import SIPASTestSupport
import Testing

@testable import SIPASStats

/// Rao–Wu bootstrap. R draws its replicates with its own random numbers, so (a) the replicate weights
/// R drew (`as.svrepdesign(dclus1, type = "subbootstrap", replicates = 50)`, Tests/Fixtures/r-api/
/// apiclus1-subboot.csv) are fed to sipas as supplied replicate weights and must give R's SEs within
/// 1e-9 relative; (b) sipas's own GSL replicates must converge to the linearisation SE and repeat
/// exactly for a seed.
struct BootstrapTests {
    static func withRReplicates(meanOfTypes: Bool = false) throws -> SurveyAccumulator {
        let replicates = try APIReferenceTests.rows("apiclus1-subboot.csv")
        var bySchool: [String: [Double]] = [:]
        for row in replicates {
            bySchool[row["snum"]!] = (1...50).map { Double(row["rep\($0)"]!)! }
        }
        var accumulator = SurveyAccumulator(
            plan: try AnalysisPlan(
                instrument: APIReferenceTests.instrument(meanOfTypes: meanOfTypes), breakdowns: ["stype"]))
        for (i, row) in try APIReferenceTests.rows("apiclus1.csv").enumerated() {
            let record = ResponseRecord(
                location: SIPASCore.SourceLocation(file: "apiclus1.csv", row: i + 2), weight: Double(row["pw"]!)!,
                stratum: "", cluster: row["dnum"]!, attributes: [row["stype"]!],
                answers: [.code(Int(row["api00"]!)!), .code(row["sch.wide"] == "Yes" ? 1 : 0)])
            try accumulator.add(record, secondStage: nil, replicateWeights: try #require(bySchool[row["snum"]!]))
        }
        return accumulator
    }

    @Test func suppliedReplicateWeightsMatchR() throws {
        var options = EstimationOptions(variance: .replicateWeights)
        options.replicateSettings = ReplicateSettings(scale: 1.0 / 49)  // R: scale 0.0204…, rscales 1, mse FALSE
        let result = try SurveyEstimator.estimate(try Self.withRReplicates(), options: options)
        try APIReferenceTests.check(result.find("item:api00", .mean), "clus1_subboot|all|mean")
        try APIReferenceTests.check(result.find("item:schwide", .share), "clus1_subboot|all|share")
        for type in ["E", "H", "M"] {
            try APIReferenceTests.check(
                result.find("item:api00", .mean, group: Group(variable: "stype", values: [type])),
                "clus1_subboot|stype=\(type)|mean")
        }
    }

    @Test func replicateWeightsAreRequiredForThatMethod() throws {
        let accumulator = try APIReferenceTests.accumulate("apiclus1.csv", stratum: nil, cluster: "dnum", fpc: false)
        #expect(throws: StatsError.self) {
            try SurveyEstimator.estimate(accumulator, options: .init(variance: .replicateWeights))
        }
    }

    /// Each stratum's multipliers add up to n_h in every replicate (n_h − 1 draws × n_h/(n_h − 1)).
    @Test func multipliersRescaleToTheStratumSize() {
        let strata: [String: Set<String>] = ["a": ["1", "2", "3"], "b": ["4", "5"], "c": ["6"]]
        let boot = BootstrapMultipliers(psusByStratum: strata, replicates: 200, seed: 7)
        for (stratum, clusters) in strata {
            for r in 0..<200 {
                let sum = clusters.reduce(0.0) { $0 + boot.multipliers[PSUKey(stratum: stratum, cluster: $1)]![r] }
                #expect(abs(sum - Double(clusters.count)) < 1e-12, "stratum \(stratum) replicate \(r)")
            }
        }
    }

    /// With many replicates the bootstrap SE approaches the with-replacement linearisation SE
    /// (stratified api sample, no fpc): within 5 % at 4000 replicates (Monte Carlo error ≈ 1 %).
    @Test func convergesToLinearization() throws {
        let accumulator = try APIReferenceTests.accumulate("apistrat.csv", stratum: "stype", cluster: nil, fpc: false)
        let linear = try SurveyEstimator.estimate(accumulator)
        var options = EstimationOptions(variance: .bootstrap)
        options.replicates = 4000
        options.seed = 42
        let boot = try SurveyEstimator.estimate(accumulator, options: options)
        for (item, statistic) in [("item:api00", Statistic.mean), ("item:schwide", .share)] {
            let a = try #require(linear.find(item, statistic)?.standardError)
            let b = try #require(boot.find(item, statistic)?.standardError)
            #expect(abs(b / a - 1) < 0.05, "\(item): bootstrap \(b), linearisation \(a)")
            #expect(linear.find(item, statistic)?.value == boot.find(item, statistic)?.value)
        }
    }

    @Test func sameSeedSameResultOtherSeedOther() throws {
        let accumulator = try APIReferenceTests.accumulate("apiclus1.csv", stratum: nil, cluster: "dnum", fpc: false)
        var options = EstimationOptions(variance: .bootstrap)
        options.replicates = 100
        let first = try SurveyEstimator.estimate(accumulator, options: options)
        let again = try SurveyEstimator.estimate(accumulator, options: options)
        options.seed += 1
        let other = try SurveyEstimator.estimate(accumulator, options: options)
        #expect(first == again)
        #expect(first.find("item:api00", .mean)?.standardError != other.find("item:api00", .mean)?.standardError)
    }
}
