import Foundation
import SIPASCore
import SIPASImport
import SIPASInstruments
import Testing

@testable import SIPASStats

/// R `svrVar`: v = scale·Σ rscale_r (θ_r − c)², c the replicate mean, or the full estimate with mse.
/// Hand-calculated values; 1e-15 relative.
struct ReplicatesTests {
    @Test func centredOnTheReplicateMeanOrTheEstimate() {
        let thetas = [1.0, 2, 4]  // mean 7/3
        let plain = ReplicateSettings(scale: 0.5)
        #expect(close(plain.variance(thetas, full: 2), 0.5 * (16 + 1 + 25) / 9, relative: 1e-15))
        let mse = ReplicateSettings(scale: 0.5, mse: true)
        #expect(close(mse.variance(thetas, full: 2), 0.5 * (1 + 0 + 4), relative: 1e-15))
        let scaled = ReplicateSettings(scale: 1, rscales: [1, 0, 2], mse: true)
        #expect(close(scaled.variance(thetas, full: 2), 1 + 8, relative: 1e-15))
        #expect(ReplicateSettings.bootstrap(replicates: 50).scale == 1.0 / 49)
    }

    @Test func replicateWithoutValidAnswersHasNoEstimate() {
        var totals = ReplicateTotals(replicates: 2, items: 1)
        totals.values = [[10, 5, 30], [0, 0, 0]]
        let indicator = Indicator(
            id: "item:x", level: .item, label: .init(vi: "x"), components: [.init(item: 0, coefficient: 1)])
        #expect(totals.thetas(indicator, .share) == nil)
        totals.values[1] = [4, 4, 8]
        #expect(totals.thetas(indicator, .share) == [0.5, 1])
        #expect(totals.thetas(indicator, .mean) == [3, 2])
    }

    /// Replicate weight columns declared in an instrument (`design.replicate_weights`) and read by the
    /// CSV importer: R's 50 subbootstrap replicates of apiclus1 give R's SEs (1e-9 relative).
    @Test func replicateWeightColumnsDeclaredInTheInstrument() throws {
        let columns = (1...50).map { "rep\($0)" }
        let yaml = """
            id: apiclus1-rep
            title: {vi: "apiclus1"}
            family: test
            method_version: "test"
            provenance: {official: ["R survey data(api)"], reconstructed: []}
            choices:
              yn:
                - {name: "0", label: {vi: "Không"}}
                - {name: "1", label: {vi: "Có"}}
            scales:
              yn: {satisfied: [1]}
            design:
              weight: pw
              cluster: dnum
              replicate_weights: {columns: [\(columns.joined(separator: ", "))], scale: \(1.0 / 49)}
            areas:
              - name: a
                label: {vi: "a"}
                elements:
                  - {name: e, label: {vi: "e"}}
            rollup: {element: mean_of_items, area: mean_of_elements, overall: mean_of_areas, national: pooled}
            breakdowns: [stype]
            questions:
              - {name: dnum, type: text, label: {vi: "dnum"}, role: attribute}
              - {name: pw, type: decimal, label: {vi: "pw"}, role: attribute}
              - {name: stype, type: text, label: {vi: "stype"}, role: attribute}
              - {name: schwide, type: select_one yn, label: {vi: "sch.wide"}, area: a, element: e}

            """
            + columns.map { "  - {name: \($0), type: decimal, label: {vi: \"\($0)\"}, role: attribute}" }.joined(
                separator: "\n") + "\n"
        let instrument = try InstrumentLoader.load(yaml: yaml, file: "apiclus1-rep.yaml")
        var replicates: [String: [String]] = [:]
        for row in try APIReferenceTests.rows("apiclus1-subboot.csv") {
            replicates[row["snum"]!] = columns.map { row[$0]! }
        }
        var csv = (["dnum", "pw", "stype", "schwide"] + columns).joined(separator: ",") + "\n"
        for row in try APIReferenceTests.rows("apiclus1.csv") {
            csv +=
                ([row["dnum"]!, row["pw"]!, row["stype"]!, row["sch.wide"] == "Yes" ? "1" : "0"] + replicates[
                    row["snum"]!]!).joined(separator: ",") + "\n"
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sipas-apiclus1-rep-\(UUID().uuidString).csv")
        try csv.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let plan = try AnalysisPlan(instrument: instrument)
        #expect(plan.replicateSettings == ReplicateSettings(scale: 1.0 / 49))
        var accumulator = SurveyAccumulator(plan: plan)
        let summary = try CSVImporter(
            instrument: instrument, options: ImportOptions(rejectsURL: url.appendingPathExtension("rejects"))
        ).run(file: url) {
            try accumulator.add($0)
        }
        #expect(summary.rejected == 0 && accumulator.replicateCount == 50)
        let result = try SurveyEstimator.estimate(accumulator, options: .init(variance: .replicateWeights))
        try APIReferenceTests.check(result.find("item:schwide", .share), "clus1_subboot|all|share")
    }
}
