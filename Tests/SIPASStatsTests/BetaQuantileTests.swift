import Foundation
import SIPASTestSupport
import Testing

@testable import SIPASStats

/// sipas's beta quantile against R 4.2.2's `qbeta` on a grid (Tests/Fixtures/r-qbeta: the R script and
/// the 1 300 values it wrote): p from 1e-12 to 1 − 1e-12, shapes from 1e-3 to 1e7 on both sides, among
/// them the Korn–Graubard case GSL's `gsl_cdf_beta_Pinv` fails on. Tolerance 1e-10 relative; R's 0 (a
/// quantile below the smallest double) must be 0 here too.
struct BetaQuantileTests {
    struct Row { var p, a, b, q: Double }

    static let grid: [Row] = {
        let text = (try? String(contentsOf: Fixtures.url("r-qbeta/qbeta-grid.csv"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").dropFirst().map { line in
            let f = line.split(separator: ",").map { Double($0)! }
            return Row(p: f[0], a: f[1], b: f[2], q: f[3])
        }
    }()

    @Test func gridMatchesRQbeta() throws {
        #expect(Self.grid.count == 1300)
        var worst = 0.0
        for row in Self.grid {
            let q = try Distribution.betaQuantile(row.p, a: row.a, b: row.b)
            if row.q < Double.leastNormalMagnitude {
                // R's 0 or subnormal: the quantile is below what a double holds to full precision.
                #expect(q < Double.leastNormalMagnitude, "p=\(row.p) a=\(row.a) b=\(row.b): R \(row.q), sipas \(q)")
                continue
            }
            let error = abs(q - row.q) / row.q
            worst = max(worst, error)
            #expect(error <= 1e-10, "p=\(row.p) a=\(row.a) b=\(row.b): R \(row.q), sipas \(q)")
        }
        #expect(worst <= 1e-10)
    }

    /// The interval issue 25 reported: `gsl_cdf_beta_Pinv(0.975, 9.944…, 1023.86…)` gave NaN.
    @Test func kornGraubardCaseGSLFailedOn() throws {
        let q = try Distribution.betaQuantile(0.975, a: 9.944387572723478, b: 1023.8629440384317)
        let r = Self.grid.first { $0.p == 0.975 && $0.a == 9.944387572723478 && $0.b == 1023.8629440384317 }!
        #expect(abs(q - r.q) / r.q < 1e-10)
    }

    @Test func complementKeepsPrecisionNearOne() throws {
        // Beta(1e7, 0.5): the quantile is 1 − O(1e-7); its complement must carry full digits.
        let near = try BetaQuantile.quantile(0.5, a: 1e7, b: 0.5)
        let mirrored = try BetaQuantile.quantile(0.5, a: 0.5, b: 1e7)
        #expect(abs(near.complement - mirrored.x) / mirrored.x < 1e-12)
        #expect(abs(near.x - mirrored.complement) < 1e-15)
    }

    @Test func limitsAreExact() throws {
        #expect(try Distribution.betaQuantile(0, a: 2, b: 3) == 0)
        #expect(try Distribution.betaQuantile(1, a: 2, b: 3) == 1)
        #expect(try Distribution.betaQuantile(0.3, a: 0, b: 3) == 0)
        #expect(try Distribution.betaQuantile(0.3, a: 2, b: 0) == 1)
        #expect(try Distribution.betaQuantile(0.3, a: .infinity, b: 3) == 1)
        #expect(try Distribution.betaQuantile(0.3, a: 0, b: 0) == 0.5)
        #expect(throws: StatsError.self) { try Distribution.betaQuantile(1.5, a: 2, b: 3) }
        #expect(throws: StatsError.self) { try Distribution.betaQuantile(0.5, a: .nan, b: 3) }
    }

    /// F quantiles through the beta quantile, against R 4.2.2's
    /// `sprintf("%.17g", c(qf(0.975, 3, 3e5), qf(0.025, 3e5, 20), qf(0.5, 4, 7)))`. (R's `qf` switches
    /// to χ²/ν₁ when a df exceeds 4e5, an approximation: the exact quantile is tested only below it.)
    @Test func fQuantileMatchesR() throws {
        #expect(close(try Distribution.fQuantile(0.975, df1: 3, df2: 3e5), 3.1161778931254602, relative: 1e-10))
        #expect(close(try Distribution.fQuantile(0.025, df1: 3e5, df2: 20), 0.58529971041901319, relative: 1e-10))
        #expect(close(try Distribution.fQuantile(0.5, df1: 4, df2: 7), 0.9261930995100327, relative: 1e-10))
    }
}
