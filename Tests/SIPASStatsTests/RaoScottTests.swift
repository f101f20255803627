import Foundation
import SIPASTestSupport
import Testing

@testable import SIPASStats

/// R `svychisq(~sch.wide + stype, design)` on the api data (Tests/Fixtures/r-api/reference-chisq.csv,
/// written by api-reference.R): second-order F with its fractional df; Pearson's X² (R prints it
/// unadjusted with `statistic = "Chisq"`) and the first-order corrected p-value.
struct RaoScottTests {
    static let references: [String: [Double]] = {
        let text = (try? String(contentsOf: Fixtures.url("r-api/reference-chisq.csv"), encoding: .utf8)) ?? ""
        var table: [String: [Double]] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",").map(String.init)
            table[f[0]] = f.dropFirst().map { Double($0)! }
        }
        return table
    }()

    @Test(arguments: [
        ("clus1", "apiclus1.csv", nil as String?, "dnum" as String?), ("strat", "apistrat.csv", "stype", nil),
    ])
    func matchesSvychisq(design: String, file: String, stratum: String?, cluster: String?) throws {
        let accumulator = try APIReferenceTests.accumulate(file, stratum: stratum, cluster: cluster)
        let item = try #require(accumulator.plan.layout.itemIndex("schwide"))
        let test = try RaoScott.test(accumulator, item: item, breakdown: 0)
        let r = try #require(Self.references[design])
        #expect(close(test.f, r[0], relative: 1e-8), "F")
        #expect(close(test.numeratorDF, r[1], relative: 1e-8), "ndf")
        #expect(close(test.denominatorDF, r[2], relative: 1e-8), "ddf")
        #expect(close(test.pValue, r[3], relative: 1e-6), "p")
        #expect(close(test.pearson, r[4], relative: 1e-8), "Pearson X²")
        #expect(test.firstOrderDF == Int(r[5]))
        #expect(close(test.firstOrderPValue, r[6], relative: 1e-6), "chisq p")
    }

    @Test func oneGroupIsAnError() throws {
        let plan = try AnalysisPlan(instrument: oneItemInstrument(satisfied: [1], attributes: ["g"]), breakdowns: ["g"])
        var accumulator = SurveyAccumulator(plan: plan)
        try accumulator.add(record(stratum: "s", cluster: "a", weight: 1, codes: [1], attributes: ["x"]))
        try accumulator.add(record(stratum: "s", cluster: "b", weight: 1, codes: [0], attributes: ["x"]))
        #expect(throws: StatsError.self) { try RaoScott.test(accumulator, item: 0, breakdown: 0) }
    }
}
