import Testing

@testable import SIPASStats

/// stats-anchors.md §5: "year A" = R's dsrs, "year B" = dstrat, share of sch.wide == "Yes":
/// 0.815 (SE 0.02707764556, df 199) against 0.8279480114 (SE 0.02434478011, df 197):
/// d = 0.012948011, SE 0.03641246; svyttest on the stacked design: t 0.35559, p 0.72234 (df 395;
/// sipas uses df₁ + df₂ = 396, the stacked design's degf, so p differs in the 5th digit).
struct DifferenceTests {
    func estimate(_ value: Double, _ se: Double, _ df: Int) -> Estimate {
        Estimate(
            value: value, standardError: se, degreesOfFreedom: df, ciLow: nil, ciHigh: nil, ciMethod: .logit, n: 200,
            nExcluded: 0)
    }

    @Test func independentYearsMatchR() throws {
        let d = try Difference(
            from: estimate(0.815, 0.02707764556, 199), to: estimate(0.8279480114, 0.02434478011, 197))
        #expect(close(d.estimate, 0.012948011, relative: 1e-7))  // reference printed to 9 decimals
        #expect(close(d.standardError, 0.03641246, relative: 1e-6))
        #expect(d.degreesOfFreedom == 396)
        #expect(close(d.pValue, 0.72234, relative: 2e-4))
        #expect(d.ciLow! < 0 && d.ciHigh! > 0)
    }

    @Test func meanScoresToo() throws {
        let d = try Difference(from: estimate(656.585, 9.249722, 199), to: estimate(662.2873632, 9.4089408, 197))
        #expect(close(d.estimate, 5.7023632, relative: 1e-8))
        #expect(close(d.standardError, 13.19415, relative: 1e-6))
    }
}
