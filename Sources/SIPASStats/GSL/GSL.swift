import CGSL

/// The single boundary between sipas and GSL (the GNU Scientific Library).
///
/// GSL's default error handler calls `abort()`. ``GSL/prepare()`` switches it off exactly once
/// (through a `static let`), after which GSL functions report domain errors by returning NaN or a
/// status code; the wrappers here turn those into ``StatsError``. Every GSL call in sipas goes
/// through this file or its siblings in `GSL/`, never through `CGSL` elsewhere.
public enum GSL {
    private static let handlerOff: Bool = {
        gsl_set_error_handler_off()
        return true
    }()

    /// Turns GSL's aborting error handler off. Cheap after the first call.
    @inline(__always)
    static func prepare() {
        _ = handlerOff
    }

    /// The GSL version sipas is linked against ("2.7").
    public static var version: String { "\(GSL_MAJOR_VERSION).\(GSL_MINOR_VERSION)" }

    /// Checks that a GSL result is a number; a NaN means GSL rejected the arguments.
    static func checked(_ value: Double, _ function: String, _ arguments: [Double]) throws -> Double {
        guard !value.isNaN else { throw StatsError.numerical(function: function, arguments: arguments) }
        return value
    }
}

/// Distribution functions, wrapped with argument checks (GSL never aborts, never hangs).
public enum Distribution {
    /// Quantile of the standard normal: Φ⁻¹(p).
    public static func normalQuantile(_ p: Double) throws -> Double {
        GSL.prepare()
        guard p > 0, p < 1 else { throw StatsError.invalidArgument("normal quantile needs 0 < p < 1, got \(p)") }
        return try GSL.checked(gsl_cdf_ugaussian_Pinv(p), "gsl_cdf_ugaussian_Pinv", [p])
    }

    /// Quantile of Student's t with `df` degrees of freedom (fractional df allowed); the normal
    /// quantile when `df` is infinite.
    public static func tQuantile(_ p: Double, df: Double) throws -> Double {
        GSL.prepare()
        guard p > 0, p < 1 else { throw StatsError.invalidArgument("t quantile needs 0 < p < 1, got \(p)") }
        guard df > 0, !df.isNaN else { throw StatsError.noDegreesOfFreedom }
        if df.isInfinite { return try normalQuantile(p) }
        return try GSL.checked(gsl_cdf_tdist_Pinv(p, df), "gsl_cdf_tdist_Pinv", [p, df])
    }

    /// Upper tail of Student's t: P(T > x).
    public static func tUpperTail(_ x: Double, df: Double) throws -> Double {
        GSL.prepare()
        guard df > 0, !df.isNaN else { throw StatsError.noDegreesOfFreedom }
        if df.isInfinite { return try GSL.checked(gsl_cdf_ugaussian_Q(x), "gsl_cdf_ugaussian_Q", [x]) }
        return try GSL.checked(gsl_cdf_tdist_Q(x, df), "gsl_cdf_tdist_Q", [x, df])
    }

    /// Quantile of Fisher's F with `df1` and `df2` degrees of freedom (`gsl_cdf_fdist_Pinv`).
    public static func fQuantile(_ p: Double, df1: Double, df2: Double) throws -> Double {
        GSL.prepare()
        guard p > 0, p < 1 else { throw StatsError.invalidArgument("F quantile needs 0 < p < 1, got \(p)") }
        guard df1 > 0, df2 > 0, df1.isFinite, df2.isFinite else { throw StatsError.noDegreesOfFreedom }
        return try GSL.checked(gsl_cdf_fdist_Pinv(p, df1, df2), "gsl_cdf_fdist_Pinv", [p, df1, df2])
    }

    /// Quantile of the Beta(a, b) distribution.
    ///
    /// GSL's `gsl_cdf_beta_Pinv` loops forever when `a` or `b` is 0; those limits are answered here
    /// (the distribution is a point mass at 0 when a = 0, at 1 when b = 0), as R's `qbeta` does.
    public static func betaQuantile(_ p: Double, a: Double, b: Double) throws -> Double {
        GSL.prepare()
        guard p >= 0, p <= 1, a >= 0, b >= 0, !a.isNaN, !b.isNaN else {
            throw StatsError.invalidArgument("beta quantile needs 0 ≤ p ≤ 1 and a, b ≥ 0, got p=\(p) a=\(a) b=\(b)")
        }
        if a == 0 { return 0 }
        if b == 0 { return 1 }
        if p == 0 { return 0 }
        if p == 1 { return 1 }
        return try GSL.checked(gsl_cdf_beta_Pinv(p, a, b), "gsl_cdf_beta_Pinv", [p, a, b])
    }
}
