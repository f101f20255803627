import Foundation
import SIPASCore
import SIPASImport
import SIPASInstruments
import Testing

@testable import SIPASStats

/// Two-stage designs against R `survey` 4.1-1 on `apiclus2` (districts, then schools; Tests/Fixtures/
/// r-api/api-reference.R → reference-twostage.csv): `svydesign(id = ~dnum + snum, fpc = ~fpc1 + fpc2,
/// weights = ~pw)`. Estimates, SEs and design effects within 1e-9 relative; df exact.
struct LinearizationTests {
    static func twoStage(fpc2: Bool = true) throws -> SurveyAccumulator {
        try APIReferenceTests.accumulate(
            "apiclus2.csv", stratum: nil, cluster: "dnum", fpcColumn: "fpc1",
            secondStage: (unit: "snum", fpc: fpc2 ? "fpc2" : nil))
    }

    @Test func twoStageClusterSampleWithFPCAtBothStages() throws {
        let result = try SurveyEstimator.estimate(try Self.twoStage())
        try APIReferenceTests.check(result.find("item:api00", .mean), "clus2|all|mean")
        try APIReferenceTests.check(result.find("item:schwide", .share), "clus2|all|share")
        for type in ["E", "H", "M"] {
            let group = Group(variable: "stype", values: [type])
            try APIReferenceTests.check(result.find("item:api00", .mean, group: group), "clus2|stype=\(type)|mean")
            try APIReferenceTests.check(result.find("item:schwide", .share, group: group), "clus2|stype=\(type)|share")
        }
    }

    /// The first stage alone (`id = ~dnum, fpc = ~fpc1`) is the existing one-stage computation; the
    /// second stage adds a positive term.
    @Test func firstStageAloneIsTheOneStageResult() throws {
        let oneStage = try SurveyEstimator.estimate(
            try APIReferenceTests.accumulate("apiclus2.csv", stratum: nil, cluster: "dnum", fpcColumn: "fpc1"))
        try APIReferenceTests.check(oneStage.find("item:api00", .mean), "clus2_stage1|all|mean")
        let twoStage = try SurveyEstimator.estimate(try Self.twoStage())
        let first = try #require(oneStage.find("item:api00", .mean)?.standardError)
        let both = try #require(twoStage.find("item:api00", .mean)?.standardError)
        #expect(both > first)
    }

    /// A district with one sampled school that is not the district's only school cannot give a
    /// second-stage variance: `fail` names it, other options leave it out.
    @Test func loneSecondStageUnit() throws {
        var accumulator = SurveyAccumulator(plan: try AnalysisPlan(instrument: oneItemInstrument()))
        let rows: [(String, String, Double)] = [
            ("a", "1", 4), ("a", "2", 5), ("b", "3", 3), ("c", "4", 2), ("c", "5", 4),
        ]
        for (cluster, unit, code) in rows {
            var r = record(stratum: "", cluster: cluster, weight: 10, codes: [Int(code)])
            r.populationPSUs = 30
            try accumulator.add(r, secondStage: SecondStageUnit(unit: unit, populationUnits: 6))
        }
        #expect(throws: StatsError.lonelyPSU(strata: ["/b (stage 2)"])) { try SurveyEstimator.estimate(accumulator) }
        var plan = accumulator.plan
        plan.lonelyPSU = .certainty
        var lenient = SurveyAccumulator(plan: plan)
        lenient.merge(accumulator)
        let estimate = try #require(try SurveyEstimator.estimate(lenient).find("item:x", .mean))
        #expect(estimate.standardError.isFinite && estimate.standardError > 0)
    }
}

/// The two stages declared in an instrument (`design: {cluster: dnum, fpc: fpc1, ssu: snum, fpc2: fpc2}`)
/// and read by the CSV importer give R's apiclus2 results.
struct TwoStageInstrumentTests {
    static let yaml = """
        id: apiclus2
        title: {vi: "apiclus2"}
        family: test
        method_version: "test"
        provenance: {official: ["R survey data(api)"], reconstructed: []}
        choices:
          yn:
            - {name: "0", label: {vi: "Không"}}
            - {name: "1", label: {vi: "Có"}}
        scales:
          yn: {satisfied: [1]}
        design: {weight: pw, cluster: dnum, fpc: fpc1, ssu: snum, fpc2: fpc2, lonely_psu: fail}
        areas:
          - name: a
            label: {vi: "a"}
            elements:
              - {name: e, label: {vi: "e"}}
        rollup: {element: mean_of_items, area: mean_of_elements, overall: mean_of_areas, national: pooled}
        breakdowns: [stype]
        questions:
          - {name: dnum, type: text, label: {vi: "dnum"}, role: attribute}
          - {name: snum, type: text, label: {vi: "snum"}, role: attribute}
          - {name: pw, type: decimal, label: {vi: "pw"}, role: attribute}
          - {name: fpc1, type: decimal, label: {vi: "fpc1"}, role: attribute}
          - {name: fpc2, type: decimal, label: {vi: "fpc2"}, role: attribute}
          - {name: stype, type: text, label: {vi: "stype"}, role: attribute}
          - {name: schwide, type: select_one yn, label: {vi: "sch.wide"}, area: a, element: e}
        """

    @Test func declaredSecondStageMatchesR() throws {
        let instrument = try InstrumentLoader.load(yaml: Self.yaml, file: "apiclus2.yaml")
        let rows = try APIReferenceTests.rows("apiclus2.csv")
        var csv = "dnum,snum,pw,fpc1,fpc2,stype,schwide\n"
        for row in rows {
            csv +=
                [
                    row["dnum"]!, row["snum"]!, row["pw"]!, row["fpc1"]!, row["fpc2"]!, row["stype"]!,
                    row["sch.wide"] == "Yes" ? "1" : "0",
                ]
                .joined(separator: ",") + "\n"
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sipas-apiclus2-\(UUID().uuidString).csv")
        try csv.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        var accumulator = SurveyAccumulator(plan: try AnalysisPlan(instrument: instrument))
        var records: [ResponseRecord] = []
        let summary = try CSVImporter(
            instrument: instrument, options: ImportOptions(rejectsURL: url.appendingPathExtension("rejects"))
        ).run(file: url) {
            records.append($0)
            try accumulator.add($0)
        }
        #expect(summary.rejected == 0 && summary.accepted == 126)
        #expect(records.allSatisfy { $0.secondaryCluster != nil && $0.populationSSUs != nil })
        let result = try SurveyEstimator.estimate(accumulator)
        try APIReferenceTests.check(result.find("item:schwide", .share), "clus2|all|share")
        for type in ["E", "H", "M"] {
            try APIReferenceTests.check(
                result.find("item:schwide", .share, group: Group(variable: "stype", values: [type])),
                "clus2|stype=\(type)|share")
        }
    }
}
