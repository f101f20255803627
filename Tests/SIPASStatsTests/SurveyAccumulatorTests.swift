import SIPASCore
import Testing

@testable import SIPASStats

/// Accumulators merge: splitting the records among several accumulators in any way gives
/// exactly the same estimates as one pass.
struct SurveyAccumulatorTests {
    @Test(arguments: [1, 2, 3, 7])
    func mergedPartsEqualOnePass(parts: Int) throws {
        let plan = try AnalysisPlan(
            instrument: oneItemInstrument(satisfied: [4, 5], excluded: [9], attributes: ["g"]), breakdowns: ["g"])
        var records: [ResponseRecord] = []
        var state: UInt64 = 42
        func next(_ n: UInt64) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % n)
        }
        for i in 0..<500 {
            let stratum = "s\(next(5))"
            records.append(
                record(
                    stratum: stratum, cluster: "\(stratum)-c\(next(4))", weight: Double(1 + next(9)),
                    codes: [[1, 2, 3, 4, 5, 9, nil][next(7)]], attributes: ["g\(next(3))"], row: i + 2))
        }
        var whole = SurveyAccumulator(plan: plan)
        for r in records { try whole.add(r) }
        var merged = SurveyAccumulator(plan: plan)
        for part in 0..<parts {
            var piece = SurveyAccumulator(plan: plan)
            for (i, r) in records.enumerated() where i % parts == part { try piece.add(r) }
            merged.merge(piece)
        }
        let a = try SurveyEstimator.estimate(whole)
        let b = try SurveyEstimator.estimate(merged)
        #expect(a.results.count == b.results.count)
        for (x, y) in zip(a.results, b.results) {
            #expect(x.group == y.group && x.indicator.id == y.indicator.id)
            #expect(close(x.estimate?.value, y.estimate!.value, relative: 1e-12))
            #expect(close(x.estimate?.standardError, y.estimate!.standardError, relative: 1e-9))
        }
        #expect(merged.records == 500)
    }
}
