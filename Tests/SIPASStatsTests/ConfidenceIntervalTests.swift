import Testing

@testable import SIPASStats

/// Reference values: R survey 4.1-1 `svyciprop` on the `api` data (stats-anchors.md §3 rows 8–9),
/// reproduced from the printed estimate, SE, design df and n.
struct ConfidenceIntervalTests {
    // Row 9: svyciprop(~I(sch.wide=="Yes"), dstrat, method=m): df 197, n 200.
    let p9 = 0.8279480114, se9 = 0.02434478011

    @Test func logitMatchesSvyciprop() throws {
        let ci = try ConfidenceInterval.share(p: p9, se: se9, n: 200, df: 197, level: 0.95, method: .logit)
        #expect(close(ci.low, 0.7745396544, relative: 1e-8))
        #expect(close(ci.high, 0.8708148545, relative: 1e-8))
        #expect(ci.method == .logit)
    }

    @Test func waldMatchesSvycipropMean() throws {
        let ci = try ConfidenceInterval.share(p: p9, se: se9, n: 200, df: 197, level: 0.95, method: .wald)
        #expect(close(ci.low, 0.7799381810, relative: 1e-8))
        #expect(close(ci.high, 0.8759578419, relative: 1e-8))
    }

    @Test func kornGraubardMatchesSvycipropBeta() throws {
        let ci = try ConfidenceInterval.share(p: p9, se: se9, n: 200, df: 197, level: 0.95, method: .beta)
        #expect(close(ci.low, 0.7741713286, relative: 1e-7))
        #expect(close(ci.high, 0.8734315926, relative: 1e-7))
    }

    // Row 8: svyciprop(~I(ell==0), dclus1b): p 0.0218579235, SE 0.02262245086, df 14, n 183.
    @Test func smallShareOnClusterDesign() throws {
        let p = 0.0218579235
        let se = 0.02262245086
        let logit = try ConfidenceInterval.share(p: p, se: se, n: 183, df: 14, level: 0.95, method: .logit)
        #expect(close(logit.low, 0.002304691, relative: 1e-6))
        #expect(close(logit.high, 0.177747767, relative: 1e-6))
        let beta = try ConfidenceInterval.share(p: p, se: se, n: 183, df: 14, level: 0.95, method: .beta)
        #expect(close(beta.low, 0.000216147, relative: 1e-5))
        #expect(close(beta.high, 0.137507764, relative: 1e-6))
        let wald = try ConfidenceInterval.share(p: p, se: se, n: 183, df: 14, level: 0.95, method: .wald)
        #expect(close(wald.low, -0.026662408, relative: 1e-7))
        #expect(close(wald.high, 0.070378255, relative: 1e-7))
    }

    /// p = 1 (a commune where everyone is satisfied): exact Clopper–Pearson on n, lower = (α/2)^(1/n).
    @Test func allSatisfiedFallsBackToClopperPearson() throws {
        let ci = try ConfidenceInterval.share(p: 1, se: 0, n: 20, df: 5, level: 0.95, method: .logit)
        #expect(ci.method == .clopperPearsonEdge)
        // 0.025^(1/20); statsmodels beta 0 of 20 → upper 0.16843347
        #expect(close(ci.low, 0.8315665290, relative: 1e-8))
        #expect(ci.high == 1)
        let none = try ConfidenceInterval.share(p: 0, se: 0, n: 20, df: 5, level: 0.95, method: .logit)
        #expect(none.low == 0)
        #expect(close(none.high, 0.1684334710, relative: 1e-8))
    }

    /// A weighted share one rounding error below 1 (found on a 400-row 2017-method sample): the
    /// Korn–Graubard upper limit is 1, not a GSL failure on Beta(·, 1e−15).
    @Test func shareWithinRoundingOfOneHasUpperLimitOne() throws {
        let ci = try ConfidenceInterval.share(p: 1 - 1e-16 * 2, se: 1e-9, n: 7, df: 5, level: 0.95, method: .beta)
        #expect(ci.high == 1)
        #expect(try #require(ci.low) > 0 && ci.low! < 1)
        let exact = try ConfidenceInterval.clopperPearson(x: 7 - 8.9e-16, n: 7, alpha: 0.05)
        #expect(exact.1 == 1)
        #expect(close(exact.0, 0.5903836028, relative: 1e-8))  // 0.025^(1/7)
    }

    @Test func noDegreesOfFreedomGivesNoInterval() throws {
        let ci = try ConfidenceInterval.share(p: 0.8, se: 0.02, n: 30, df: 0, level: 0.95, method: .logit)
        #expect(ci.low == nil && ci.high == nil)
        let mean = try ConfidenceInterval.mean(value: 4, se: 0.1, df: 0, level: 0.95)
        #expect(mean.low == nil)
    }

    /// Mean scores: estimate ± t(df)·SE; R confint(svymean, df=197) on row 2: 643.7321883–680.842538.
    @Test func meanUsesStudentT() throws {
        let ci = try ConfidenceInterval.mean(value: 662.2873632, se: 9.4089408, df: 197, level: 0.95)
        #expect(close(ci.low, 643.7321883, relative: 1e-8))
        #expect(close(ci.high, 680.842538, relative: 1e-8))
    }
}
