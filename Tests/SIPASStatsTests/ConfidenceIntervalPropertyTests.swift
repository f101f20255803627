import Foundation
import SIPASCore
import SIPASInstruments
import Testing

@testable import SIPASStats

/// Every CI method on every share a survey can produce: no error, no NaN, limits in [0, 1] around the
/// estimate (Wald may leave [0, 1], as R's `method = "mean"` does).
struct ConfidenceIntervalPropertyTests {
    static let methods: [CIMethod] = [.logit, .wald, .wilson, .beta]

    static func checkShare(_ estimate: Estimate, method: CIMethod, _ label: String) {
        #expect(estimate.value.isFinite && estimate.standardError.isFinite && estimate.standardError >= 0, "\(label)")
        guard estimate.degreesOfFreedom > 0 else { return }
        guard let low = estimate.ciLow, let high = estimate.ciHigh, low.isFinite, high.isFinite else {
            Issue.record(
                "\(label): no interval (\(String(describing: estimate.ciLow)), \(String(describing: estimate.ciHigh)))")
            return
        }
        let slack = 1e-12
        #expect(
            low <= estimate.value + slack && estimate.value <= high + slack,
            "\(label): \(low) ≤ \(estimate.value) ≤ \(high)")
        if method != .wald || estimate.ciMethod == .clopperPearsonEdge {
            #expect(low >= 0 && high <= 1, "\(label): [\(low), \(high)]")
        }
    }

    /// Shares from 0 to 1 on up to 10 million answers, design effects from 1 to 20, df from 1 to 10⁶.
    @Test(arguments: methods)
    func anyShareAnswersAndDegreesOfFreedom(_ method: CIMethod) throws {
        let shares = [0, 1e-7, 1e-4, 0.003, 0.02, 0.11, 0.5, 0.98, 0.997, 1 - 1e-4, 1 - 1e-7, 1]
        for n in [1, 2, 7, 30, 1_000, 100_000, 10_000_000] {
            for p in shares {
                for deff in [1.0, 3.0, 20.0] {
                    for df in [1, 2, 16, 315, 1_000_000] {
                        let se = (p * (1 - p) / Double(n) * deff).squareRoot()
                        let ci = try ConfidenceInterval.share(
                            p: p, se: se, n: n, rows: n + n / 10, df: df, level: 0.95, method: method)
                        let estimate = Estimate(
                            value: p, standardError: se, degreesOfFreedom: df, ciLow: ci.low, ciHigh: ci.high,
                            ciMethod: ci.method, n: n, nExcluded: 0)
                        Self.checkShare(estimate, method: method, "\(method) p=\(p) n=\(n) deff=\(deff) df=\(df)")
                    }
                }
            }
        }
    }

    /// Random designs (seeded GSL streams): 1–6 strata, 1–5 PSUs each (lone PSUs adjusted), 1–40 rows
    /// per PSU, weights from 0.5 to 200, items answered mostly satisfied, mostly not or half and half,
    /// blanks and "don't know" including whole PSUs without an answer, and domains that are rare or
    /// absent from strata. Every indicator of every domain, with every CI method.
    @Test(arguments: 0..<12)
    func randomDesignsGiveIntervalsForEveryMethod(_ seed: Int) throws {
        let random = RandomSource(seed: UInt(1000 + seed))
        var instrument = oneItemInstrument(satisfied: [4, 5], excluded: [9], attributes: ["g"], lonely: .adjust)
        instrument.questions.append(
            Question(name: "y", type: .selectOne(list: "codes"), label: LocalizedText(vi: "y"), area: "a", element: "e")
        )
        let plan = try AnalysisPlan(instrument: instrument, breakdowns: ["g"])
        var accumulator = SurveyAccumulator(plan: plan)
        // Per item, the chance of a satisfied answer: near 0, near 1, or anywhere.
        let lean = (0..<2).map { _ in [0.002, 0.998, random.uniform()][random.uniformInt(below: 3)] }
        var row = 0
        for h in 0..<(1 + random.uniformInt(below: 6)) {
            for c in 0..<(1 + random.uniformInt(below: 5)) {
                let weight = 0.5 + 199.5 * random.uniform()
                let silent = random.uniform() < 0.15  // a PSU with no answer to item y
                for _ in 0..<(1 + random.uniformInt(below: 40)) {
                    row += 1
                    let codes: [Int?] = (0..<2).map { item in
                        if item == 1 && silent { return nil }
                        let u = random.uniform()
                        if u < 0.05 { return nil }
                        if u < 0.1 { return 9 }
                        return random.uniform() < lean[item]
                            ? 4 + random.uniformInt(below: 2) : 1 + random.uniformInt(below: 3)
                    }
                    let group = random.uniform() < 0.03 ? "rare" : (h % 2 == 0 ? "even" : "odd")
                    try accumulator.add(
                        record(
                            stratum: "s\(h)", cluster: "\(c)", weight: weight, codes: codes, attributes: [group],
                            row: row))
                }
            }
        }
        var checked = 0
        for method in Self.methods {
            let result = try SurveyEstimator.estimate(accumulator, options: EstimationOptions(shareCI: method))
            for indicator in result.results where indicator.statistic == .share {
                guard let estimate = indicator.estimate else { continue }
                Self.checkShare(
                    estimate, method: method, "seed \(seed) \(method) \(indicator.group) \(indicator.indicator.id)")
                checked += 1
            }
        }
        #expect(checked >= Self.methods.count)  // item x of the whole sample at least (y may have no answer at all)
    }
}
