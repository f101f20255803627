import Foundation
import SIPASCore
import SIPASInstruments
import SIPASTestSupport
import Testing

@testable import SIPASStats

/// Post-stratification and raking against R `survey` 4.1-1 (Tests/Fixtures/r-api/api-reference.R →
/// reference-calibration.csv, apiclus1-calibrated-weights.csv): `postStratify(dclus1, ~stype, pop.types)`,
/// the same on dstrat, `rake(dclus1 / dclus2, list(~stype, ~sch.wide), …)` to apipop's counts.
/// Estimates and SEs within 1e-9 relative (raking reproduces R's sweeps of weights and its 10 sweeps of residuals);
/// a raked margin's own share has SE ≈ 0 in R (1e-13): checked below 1e-6 absolute.
struct CalibratedDesignTests {
    struct Reference {
        var estimate: Double
        var se: Double?
        var deff: Double?
    }

    static let references: [String: Reference] = {
        var table: [String: Reference] = [:]
        for row in (try? APIReferenceTests.rows("reference-calibration.csv")) ?? [] {
            table["\(row["design"]!)|\(row["group"]!)|\(row["statistic"]!)"] = Reference(
                estimate: Double(row["estimate"]!)!, se: Double(row["se"]!), deff: Double(row["deff"]!))
        }
        return table
    }()

    static func margin(_ file: String, as variable: String) throws -> PopulationMargin {
        var margin = try PopulationMargin.parse(csv: String(contentsOf: Fixtures.url("r-api/\(file)"), encoding: .utf8))
        margin.variables = [variable]
        return margin
    }

    static func spec(_ method: CalibrationSpec.Method) throws -> CalibrationSpec {
        let types = try margin("pop-stype.csv", as: "stype")
        return method == .postStratify
            ? CalibrationSpec(method: .postStratify, margins: [types])
            : CalibrationSpec(method: .rake, margins: [types, try margin("pop-schwide.csv", as: "schwide_met")])
    }

    /// api data with school type and "met the target" (Yes/No) as attributes.
    static func accumulate(
        _ file: String, stratum: String?, cluster: String?, fpc: String, secondStage: (String, String)? = nil,
        calibration: CalibrationSpec
    ) throws -> SurveyAccumulator {
        var instrument = APIReferenceTests.instrument()
        instrument.questions.insert(
            Question(name: "schwide_met", type: .text, label: LocalizedText(vi: "sch.wide"), role: .attribute), at: 1)
        var plan = try AnalysisPlan(instrument: instrument, breakdowns: ["stype"])
        try plan.calibrate(calibration)
        var accumulator = SurveyAccumulator(plan: plan)
        for (i, row) in try APIReferenceTests.rows(file).enumerated() {
            let record = ResponseRecord(
                location: SourceLocation(file: file, row: i + 2), weight: Double(row["pw"]!)!,
                stratum: stratum.map { row[$0]! } ?? "", cluster: cluster.map { row[$0]! } ?? "row \(i)",
                attributes: [row["stype"]!, row["sch.wide"]!],
                answers: [.code(Int(row["api00"]!)!), .code(row["sch.wide"] == "Yes" ? 1 : 0)],
                populationPSUs: Double(row[fpc]!))
            try accumulator.add(
                record,
                secondStage: secondStage.map { SecondStageUnit(unit: row[$0.0]!, populationUnits: Double(row[$0.1]!)) })
        }
        return accumulator
    }

    func check(_ result: AnalysisResult, _ design: String, tolerance: Double, replicates: Bool = false) throws {
        func compare(_ estimate: Estimate?, _ key: String) throws {
            let reference = try #require(Self.references[key], "no reference \(key)")
            let estimate = try #require(estimate, "\(key) missing")
            #expect(close(estimate.value, reference.estimate, relative: tolerance), "\(key) estimate \(estimate.value)")
            let se = try #require(reference.se)
            if let deff = reference.deff, se >= 1e-6 {
                #expect(
                    close(estimate.designEffect, deff, relative: tolerance),
                    "\(key) deff \(String(describing: estimate.designEffect)) vs \(deff)")
            }
            if se < 1e-6 {
                #expect(estimate.standardError < 1e-6, "\(key) SE \(estimate.standardError)")
            } else {
                #expect(
                    close(estimate.standardError, se, relative: tolerance),
                    "\(key) SE \(estimate.standardError) vs \(se)")
            }
        }
        try compare(result.find("item:api00", .mean), "\(design)|all|mean")
        try compare(result.find("item:schwide", .share), "\(design)|all|share")
        for type in ["E", "H", "M"] {
            try compare(
                result.find("item:api00", .mean, group: Group(variable: "stype", values: [type])),
                "\(design)|stype=\(type)|mean")
        }
        guard !replicates else { return }
        let total = try #require(Self.references["\(design)|all|total"]).estimate
        #expect(close(result.design.weightSum, total, relative: 1e-12))
        #expect(close(result.calibration?.calibratedWeightSum, total, relative: 1e-12))
    }

    /// R calibrates every replicate of `as.svrepdesign(…, "JK1" / "JKn")` again; so does sipas.
    @Test func jackknifeOfCalibratedDesigns() throws {
        let options = EstimationOptions(variance: .jackknife)
        let clus1 = try Self.accumulate(
            "apiclus1.csv", stratum: nil, cluster: "dnum", fpc: "fpc", calibration: try Self.spec(.postStratify))
        try check(
            try SurveyEstimator.estimate(clus1, options: options), "clus1_jk1_ps", tolerance: 1e-9, replicates: true)
        let strat = try Self.accumulate(
            "apistrat.csv", stratum: "stype", cluster: nil, fpc: "fpc", calibration: try Self.spec(.postStratify))
        try check(
            try SurveyEstimator.estimate(strat, options: options), "strat_jkn_ps", tolerance: 1e-9, replicates: true)
        let raked = try Self.accumulate(
            "apiclus1.csv", stratum: nil, cluster: "dnum", fpc: "fpc", calibration: try Self.spec(.rake))
        try check(
            try SurveyEstimator.estimate(raked, options: options), "clus1_jk1_rake", tolerance: 1e-9, replicates: true)
        #expect(throws: StatsError.self) { try SurveyEstimator.estimate(raked, options: .init(variance: .bootstrap)) }
    }

    @Test func postStratifiedClusterAndStratifiedSamples() throws {
        let clus1 = try Self.accumulate(
            "apiclus1.csv", stratum: nil, cluster: "dnum", fpc: "fpc", calibration: try Self.spec(.postStratify))
        try check(try SurveyEstimator.estimate(clus1), "clus1_ps", tolerance: 1e-9)
        let strat = try Self.accumulate(
            "apistrat.csv", stratum: "stype", cluster: nil, fpc: "fpc", calibration: try Self.spec(.postStratify))
        try check(try SurveyEstimator.estimate(strat), "strat_ps", tolerance: 1e-9)
    }

    @Test func rakedOneAndTwoStageSamples() throws {
        let clus1 = try Self.accumulate(
            "apiclus1.csv", stratum: nil, cluster: "dnum", fpc: "fpc", calibration: try Self.spec(.rake))
        try check(try SurveyEstimator.estimate(clus1), "clus1_rake", tolerance: 1e-9)
        let clus2 = try Self.accumulate(
            "apiclus2.csv", stratum: nil, cluster: "dnum", fpc: "fpc1", secondStage: ("snum", "fpc2"),
            calibration: try Self.spec(.rake))
        try check(try SurveyEstimator.estimate(clus2), "clus2_rake", tolerance: 1e-9)
    }

    /// The reported calibrated weights are R's `weights(postStratify(…))` and `weights(rake(…))`, school by school.
    @Test func calibratedWeightsMatchR() throws {
        let file = try APIReferenceTests.rows("apiclus1.csv")
        let weights = try APIReferenceTests.rows("apiclus1-calibrated-weights.csv")
        for (method, column) in [(CalibrationSpec.Method.postStratify, "ps"), (.rake, "rake")] {
            let accumulator = try Self.accumulate(
                "apiclus1.csv", stratum: nil, cluster: "dnum", fpc: "fpc", calibration: try Self.spec(method))
            let summary = try #require(try SurveyEstimator.estimate(accumulator).calibration)
            let factors = Dictionary(uniqueKeysWithValues: summary.cells.map { ($0.values, $0.factor) })
            for (row, expected) in zip(file, weights) {
                let values = method == .postStratify ? [row["stype"]!] : [row["stype"]!, row["sch.wide"]!]
                let weight = Double(row["pw"]!)! * (try #require(factors[values]))
                #expect(close(weight, Double(expected[column]!)!, relative: 1e-12), "\(column) school \(row["snum"]!)")
            }
        }
    }

    @Test func marginsMustCoverTheSample() throws {
        var spec = try Self.spec(.postStratify)
        spec.margins[0].totals.removeValue(forKey: ["H"])
        let accumulator = try Self.accumulate(
            "apiclus1.csv", stratum: nil, cluster: "dnum", fpc: "fpc", calibration: spec)
        #expect(throws: StatsError.self) { try SurveyEstimator.estimate(accumulator) }
        spec = try Self.spec(.postStratify)
        spec.margins[0].totals[["X"]] = 10
        let extra = try Self.accumulate("apiclus1.csv", stratum: nil, cluster: "dnum", fpc: "fpc", calibration: spec)
        #expect(throws: StatsError.self) { try SurveyEstimator.estimate(extra) }
    }

    /// Raking runs until no factor moves by more than 1e-13 and reports its sweeps and the largest
    /// remaining margin gap; R's converged `rake(…, control = list(maxit = 100, epsilon = 1e-12))` is the
    /// reference above (its default, epsilon = 1 and 10 sweeps, differs from it by 1e-7).
    @Test func rakingConvergesAndSaysHowFar() throws {
        let clus1 = try Self.accumulate(
            "apiclus1.csv", stratum: nil, cluster: "dnum", fpc: "fpc", calibration: try Self.spec(.rake))
        let summary = try #require(try SurveyEstimator.estimate(clus1).calibration)
        #expect(summary.converged)
        #expect(summary.iterations >= 2 && summary.iterations < 100)
        #expect(summary.largestMarginGap < 1e-13)
    }

    /// Margins of two different populations (totals 6194 and 12 388) cannot both be met: the factors
    /// stop moving with the school-type margin off by half, and raking ends with a typed error naming
    /// it, never with weights that meet only the last margin.
    @Test func rakingThatCannotConvergeIsATypedError() throws {
        var spec = try Self.spec(.rake)
        spec.margins[1].totals = spec.margins[1].totals.mapValues { $0 * 2 }
        let accumulator = try Self.accumulate(
            "apiclus1.csv", stratum: nil, cluster: "dnum", fpc: "fpc", calibration: spec)
        do {
            _ = try SurveyEstimator.estimate(accumulator)
            Issue.record("raking to inconsistent margins gave a result")
        } catch let StatsError.calibrationDidNotConverge(margins, sweeps, gap) {
            #expect(margins == ["stype"])
            #expect(sweeps < 100)
            #expect(gap > 0.5, "gap \(gap)")
        }
    }
}
