import Foundation
import SIPASCore
import SIPASInstruments
import SIPASTestSupport
import Testing

@testable import SIPASStats

/// R `survey` 4.1-1 on its own `api` data (Tests/Fixtures/r-api: the R script, the data it wrote and
/// reference.csv): means, shares, SEs with finite population corrections, design effects and domain df,
/// on simple random, stratified and one-stage cluster designs. Tolerance: 1e-9 relative.
struct APIReferenceTests {
    func check(_ estimate: Estimate?, _ key: String) throws { try Self.check(estimate, key) }

    struct Reference {
        var estimate, se, deff: Double
        var df: Int
    }

    static let references: [String: Reference] = {
        var table: [String: Reference] = [:]
        for file in [
            "reference.csv", "reference-jackknife.csv", "reference-twostage.csv", "reference-replicates.csv",
            "reference-mean-of-units.csv",
        ] {
            let text = (try? String(contentsOf: Fixtures.url("r-api/\(file)"), encoding: .utf8)) ?? ""
            for line in text.split(separator: "\n").dropFirst() {
                let f = line.split(separator: ",").map(String.init)
                table["\(f[0])|\(f[1])|\(f[3])"] = Reference(
                    estimate: Double(f[4])!, se: Double(f[5]) ?? .nan,
                    deff: Double(f[6]) ?? .nan, df: Int(f[7]) ?? -1)
            }
        }
        return table
    }()

    /// Rows of one of the CSV files R wrote (no embedded commas; strings quoted).
    static func rows(_ name: String) throws -> [[String: String]] {
        let lines = try String(contentsOf: Fixtures.url("r-api/\(name)"), encoding: .utf8).split(separator: "\n")
        let header = lines[0].split(separator: ",").map { $0.replacingOccurrences(of: "\"", with: "") }
        return lines.dropFirst().map { line in
            let values = line.split(separator: ",", omittingEmptySubsequences: false).map {
                $0.replacingOccurrences(of: "\"", with: "")
            }
            return Dictionary(uniqueKeysWithValues: zip(header, values))
        }
    }

    /// Items `api00` (a score: its mean) and `schwide` (1 = the school met its target: its share).
    /// - Parameter meanOfTypes: the whole-sample figure is the unweighted mean of the school types'.
    static func instrument(meanOfTypes: Bool = false) -> Instrument {
        var base = oneItemInstrument(attributes: ["stype"])
        base.questions = [
            Question(name: "stype", type: .text, label: LocalizedText(vi: "stype"), role: .attribute),
            Question(
                name: "api00", type: .selectOne(list: "score"), label: LocalizedText(vi: "api00"), area: "a",
                element: "e"),
            Question(
                name: "schwide", type: .selectOne(list: "yes"), label: LocalizedText(vi: "sch.wide"), area: "a",
                element: "e"),
        ]
        base.choices = ["score": [], "yes": []]
        base.scales = ["score": Scale(satisfied: []), "yes": Scale(satisfied: [1])]
        if meanOfTypes {
            base.rollup.national = .meanOfUnits
            base.rollup.unit = "stype"
        }
        return base
    }

    static func analyse(
        _ file: String, stratum: String?, cluster: String?, fpc: Bool = true,
        options: EstimationOptions = .init()
    ) throws -> AnalysisResult {
        try SurveyEstimator.estimate(
            try accumulate(file, stratum: stratum, cluster: cluster, fpc: fpc), options: options)
    }

    /// The file's records in an accumulator with one breakdown, school type.
    /// - Parameters:
    ///   - fpc: the column of the first-stage fpc (`fpc`, or `fpc1` in apiclus2), or nil for none.
    ///   - secondStage: the SSU column and its fpc column (apiclus2: `snum`, `fpc2`).
    static func accumulate(
        _ file: String, stratum: String?, cluster: String?, fpc: Bool = true, fpcColumn: String = "fpc",
        secondStage: (unit: String, fpc: String?)? = nil, meanOfTypes: Bool = false
    ) throws -> SurveyAccumulator {
        var accumulator = SurveyAccumulator(
            plan: try AnalysisPlan(instrument: instrument(meanOfTypes: meanOfTypes), breakdowns: ["stype"]))
        for (i, row) in try rows(file).enumerated() {
            let record = try ResponseRecord(
                location: SIPASCore.SourceLocation(file: file, row: i + 2), weight: Double(row["pw"]!)!,
                stratum: stratum.map { row[$0]! } ?? "", cluster: cluster.map { row[$0]! } ?? "row \(i)",
                attributes: [row["stype"]!],
                answers: [.code(Int(row["api00"]!)!), .code(row["sch.wide"] == "Yes" ? 1 : 0)],
                populationPSUs: fpc ? Double(#require(row[fpcColumn])) : nil
            )
            let unit = secondStage.map {
                SecondStageUnit(unit: row[$0.unit]!, populationUnits: $0.fpc.flatMap { row[$0] }.flatMap(Double.init))
            }
            try accumulator.add(record, secondStage: unit)
        }
        return accumulator
    }

    static func check(_ estimate: Estimate?, _ key: String) throws {
        let reference = try #require(Self.references[key], "no reference row \(key)")
        let estimate = try #require(estimate)
        #expect(close(estimate.value, reference.estimate, relative: 1e-9), "\(key) estimate")
        if !reference.se.isNaN { #expect(close(estimate.standardError, reference.se, relative: 1e-9), "\(key) SE") }
        if !reference.deff.isNaN {
            #expect(close(estimate.designEffect, reference.deff, relative: 1e-9), "\(key) deff")
        }
        if reference.df >= 0 { #expect(estimate.degreesOfFreedom == reference.df, "\(key) df") }
    }

    @Test func simpleRandomSample() throws {
        try check(try Self.analyse("apisrs.csv", stratum: nil, cluster: nil).find("item:api00", .mean), "srs|all|mean")
    }

    @Test func stratifiedSample() throws {
        let result = try Self.analyse("apistrat.csv", stratum: "stype", cluster: nil)
        try check(result.find("item:api00", .mean), "strat|all|mean")
        try check(result.find("item:schwide", .share), "strat|all|share")
    }

    @Test func oneStageClusterSample() throws {
        let result = try Self.analyse("apiclus1.csv", stratum: nil, cluster: "dnum")
        try check(result.find("item:api00", .mean), "clus1|all|mean")
        try check(result.find("item:schwide", .share), "clus1|all|share")
        for type in ["E", "H", "M"] {
            try check(
                result.find("item:api00", .mean, group: Group(variable: "stype", values: [type])),
                "clus1|stype=\(type)|mean")
        }
        let noFPC = try Self.analyse("apiclus1.csv", stratum: nil, cluster: "dnum", fpc: false)
        try check(noFPC.find("item:api00", .mean), "clus1_nofpc|all|mean")
    }

    /// Jackknife: R `as.svrepdesign(dclus1, type = "JK1")` and `as.svrepdesign(dstrat, type = "JKn")`.
    @Test func jackknifeMatchesReplicateDesigns() throws {
        let options = EstimationOptions(variance: .jackknife)
        let cluster = try Self.analyse("apiclus1.csv", stratum: nil, cluster: "dnum", options: options)
        try check(cluster.find("item:api00", .mean), "clus1_jk1|all|mean")
        for type in ["E", "H", "M"] {
            try check(
                cluster.find("item:api00", .mean, group: Group(variable: "stype", values: [type])),
                "clus1_jk1|stype=\(type)|mean")
        }
        let strat = try Self.analyse("apistrat.csv", stratum: "stype", cluster: nil, options: options)
        try check(strat.find("item:api00", .mean), "strat_jkn|all|mean")
        try check(strat.find("item:schwide", .share), "strat_jkn|all|share")
    }

    /// The unweighted mean of the three school types' means (`mean_of_units`), against
    /// `svycontrast(svyby(…, covmat = TRUE), rep(1/3, 3))` by linearisation, JK1 and R's own
    /// subbootstrap weights (reference-mean-of-units.csv).
    @Test func meanOfSchoolTypesByEveryVarianceMethod() throws {
        let accumulator = try Self.accumulate("apiclus1.csv", stratum: nil, cluster: "dnum", meanOfTypes: true)
        try check(try SurveyEstimator.estimate(accumulator).find("item:api00", .mean), "clus1|mean_of_stype|mean")
        let jackknife = try SurveyEstimator.estimate(accumulator, options: .init(variance: .jackknife))
        try check(jackknife.find("item:api00", .mean), "clus1_jk1|mean_of_stype|mean")
        var options = EstimationOptions(variance: .replicateWeights)
        options.replicateSettings = ReplicateSettings(scale: 1.0 / 49)
        let boot = try SurveyEstimator.estimate(try BootstrapTests.withRReplicates(meanOfTypes: true), options: options)
        try check(boot.find("item:api00", .mean), "clus1_subboot|mean_of_stype|mean")
    }
}
