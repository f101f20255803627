import Testing

@testable import SIPASStats

/// GSL boundary: quantiles equal R's to 10 digits (stats-anchors.md §6); bad arguments become
/// typed errors instead of GSL's abort(); the beta quantile never hangs on a = 0.
struct GSLTests {
    @Test func quantilesMatchR() throws {
        #expect(close(try Distribution.normalQuantile(0.975), 1.9599639845, relative: 1e-10))
        #expect(close(try Distribution.tQuantile(0.975, df: 14), 2.1447866879, relative: 1e-10))
        #expect(close(2 * (try Distribution.tUpperTail(2.1089898, df: 13)), 0.0549088219, relative: 1e-8))
        #expect(try Distribution.tQuantile(0.975, df: .infinity) == Distribution.normalQuantile(0.975))
    }

    @Test func badArgumentsAreErrorsNotAborts() {
        #expect(throws: StatsError.self) { try Distribution.normalQuantile(1.5) }
        #expect(throws: StatsError.noDegreesOfFreedom) { try Distribution.tQuantile(0.975, df: 0) }
        #expect(throws: StatsError.self) { try Distribution.betaQuantile(0.5, a: -1, b: 2) }
    }

    @Test func betaQuantileAtZeroShapeReturnsAtOnce() throws {
        #expect(try Distribution.betaQuantile(0.025, a: 0, b: 21) == 0)
        #expect(try Distribution.betaQuantile(0.975, a: 21, b: 0) == 1)
    }

    @Test func versionIsReported() {
        #expect(GSL.version.hasPrefix("2."))
    }
}
