import CGSL
import Foundation

/// Quantiles of the Beta(a, b) distribution, for every p in [0, 1] and every shape from 0 to ∞.
///
/// The quantile is the root of I_x(a, b) = p, found by GSL's Brent solver (`gsl_root_fsolver_brent`)
/// on t = logit(x), so that both x = 1/(1 + e⁻ᵗ) and 1 − x = 1/(1 + eᵗ) keep full precision however
/// close the quantile is to 0 or 1. The equation is taken on the smaller tail, as logarithms:
/// log I_x(a, b) = log p for p ≤ ½, log(1 − I_x(a, b)) = log(1 − p) above, with the tails of
/// ``IncompleteBeta``. On [−744, 744] the bracket holds every quantile a double can show apart from
/// 0 and 1; a quantile beyond it is returned as 0 or 1, as R's `qbeta` returns it.
enum BetaQuantile {
    /// The quantile x and its complement 1 − x.
    static func quantile(_ p: Double, a: Double, b: Double) throws -> (x: Double, complement: Double) {
        guard p >= 0, p <= 1, a >= 0, b >= 0, !a.isNaN, !b.isNaN else {
            throw StatsError.invalid(.betaQuantile(p: p, a: a, b: b))
        }
        // Limits (R's qbeta): a point mass at 0 when a = 0 or b = ∞, at 1 when b = 0 or a = ∞,
        // at ½ when both are 0 or both infinite.
        switch (a == 0 || b.isInfinite, b == 0 || a.isInfinite) {
        case (true, true): return (0.5, 0.5)
        case (true, false): return (0, 1)
        case (false, true): return (1, 0)
        case (false, false): break
        }
        if p == 0 { return (0, 1) }
        if p == 1 { return (1, 0) }
        GSL.prepare()
        var equation = Equation(a: a, b: b, lowerTail: p <= 0.5, logTarget: p <= 0.5 ? log(p) : log1p(-p))
        let bound = 744.0
        if equation.value(at: -bound) >= 0 { return (0, 1) }
        if equation.value(at: bound) <= 0 { return (1, 0) }
        let t = try withUnsafeMutablePointer(to: &equation) { pointer -> Double in
            var function = gsl_function(
                function: { t, raw in
                    raw!.assumingMemoryBound(to: Equation.self).pointee.value(at: t)
                }, params: UnsafeMutableRawPointer(pointer))
            return try solve(&function, lower: -bound, upper: bound, arguments: [p, a, b])
        }
        return split(t)
    }

    /// x and 1 − x from t = logit(x), each without cancellation.
    static func split(_ t: Double) -> (x: Double, complement: Double) {
        if t >= 0 {
            let e = exp(-t)
            return (1 / (1 + e), e / (1 + e))
        }
        let e = exp(t)
        return (e / (1 + e), 1 / (1 + e))
    }

    /// The equation in t, increasing: log I_x − log p below the median, log(1 − p) − log(1 − I_x) above.
    struct Equation {
        let a: Double, b: Double
        let lowerTail: Bool
        let logTarget: Double

        /// Clamped to ±1e300: far in a tail the logarithm is −∞, which GSL's solvers refuse, and a
        /// finite value of the same sign keeps the bracket (Brent then bisects).
        func value(at t: Double) -> Double {
            let (x, y) = BetaQuantile.split(t)
            let tails = IncompleteBeta.logTails(a: a, b: b, x: x, y: y)
            let v = lowerTail ? tails.lower - logTarget : logTarget - tails.upper
            return min(max(v, -1e300), 1e300)
        }
    }

    /// Brent's method until the bracket is narrower than 1e-15 (absolute and relative in t, so
    /// relative in x and in 1 − x).
    private static func solve(_ function: inout gsl_function, lower: Double, upper: Double, arguments: [Double]) throws
        -> Double
    {
        guard let solver = gsl_root_fsolver_alloc(cgsl_root_fsolver_brent()) else {
            preconditionFailure("GSL could not allocate a root solver (out of memory)")
        }
        defer { gsl_root_fsolver_free(solver) }
        guard gsl_root_fsolver_set(solver, &function, lower, upper) == GSL_SUCCESS else {
            throw StatsError.numerical(function: "gsl_root_fsolver_set (beta quantile)", arguments: arguments)
        }
        for _ in 0..<2000 {
            guard gsl_root_fsolver_iterate(solver) == GSL_SUCCESS else { break }
            let low = gsl_root_fsolver_x_lower(solver)
            let high = gsl_root_fsolver_x_upper(solver)
            if gsl_root_test_interval(low, high, 1e-15, 1e-15) == GSL_SUCCESS {
                return gsl_root_fsolver_root(solver)
            }
        }
        throw StatsError.numerical(function: "gsl_root_fsolver_brent (beta quantile)", arguments: arguments)
    }
}
