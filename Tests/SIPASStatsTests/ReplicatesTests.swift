import Testing
@testable import SIPASStats

/// R `svrVar`: v = scale·Σ rscale_r (θ_r − c)², c the replicate mean, or the full estimate with mse.
/// Hand-calculated values; 1e-15 relative.
struct ReplicatesTests {
    @Test func centredOnTheReplicateMeanOrTheEstimate() {
        let thetas = [1.0, 2, 4]   // mean 7/3
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
        let indicator = Indicator(id: "item:x", level: .item, label: .init(vi: "x"), components: [.init(item: 0, coefficient: 1)])
        #expect(totals.thetas(indicator, .share) == nil)
        totals.values[1] = [4, 4, 8]
        #expect(totals.thetas(indicator, .share) == [0.5, 1])
        #expect(totals.thetas(indicator, .mean) == [3, 2])
    }
}
