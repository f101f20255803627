import Testing

@testable import SIPASStats

/// R `p.adjust(c(0.01, 0.04, 0.03, 0.005, 0.20), method)` (stats-anchors.md §5).
struct MultipleComparisonsTests {
    let p = [0.01, 0.04, 0.03, 0.005, 0.20]

    @Test func holmMatchesR() {
        let adjusted = PValueAdjustment.holm.adjust(p)
        for (a, b) in zip(adjusted, [0.04, 0.09, 0.09, 0.025, 0.20]) { #expect(close(a, b, relative: 1e-12)) }
    }

    @Test func benjaminiHochbergMatchesR() {
        let adjusted = PValueAdjustment.benjaminiHochberg.adjust(p)
        for (a, b) in zip(adjusted, [0.025, 0.05, 0.05, 0.025, 0.20]) { #expect(close(a, b, relative: 1e-12)) }
    }

    @Test func bonferroniCapsAtOne() {
        let adjusted = PValueAdjustment.bonferroni.adjust(p)
        for (a, b) in zip(adjusted, [0.05, 0.20, 0.15, 0.025, 1]) { #expect(close(a, b, relative: 1e-12)) }
    }

    @Test func nanIsKeptAndNotCounted() {
        let adjusted = PValueAdjustment.bonferroni.adjust([0.01, .nan, 0.02])
        #expect(adjusted[0] == 0.02 && adjusted[1].isNaN && adjusted[2] == 0.04)
    }
}
