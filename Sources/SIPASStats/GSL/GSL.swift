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
        guard p > 0, p < 1 else { throw StatsError.invalid(.quantileProbability(distribution: "normal", p: p)) }
        return try GSL.checked(gsl_cdf_ugaussian_Pinv(p), "gsl_cdf_ugaussian_Pinv", [p])
    }

    /// Quantile of Student's t with `df` degrees of freedom (fractional df allowed); the normal
    /// quantile when `df` is infinite.
    public static func tQuantile(_ p: Double, df: Double) throws -> Double {
        GSL.prepare()
        guard p > 0, p < 1 else { throw StatsError.invalid(.quantileProbability(distribution: "t", p: p)) }
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

    /// Quantile of Fisher's F with `df1` and `df2` degrees of freedom: (df2/df1)·x/(1 − x) with x the
    /// Beta(df1/2, df2/2) quantile (``BetaQuantile``; GSL's `gsl_cdf_fdist_Pinv` inverts through its
    /// own beta quantile, which fails for large degrees of freedom).
    public static func fQuantile(_ p: Double, df1: Double, df2: Double) throws -> Double {
        guard p > 0, p < 1 else { throw StatsError.invalid(.quantileProbability(distribution: "F", p: p)) }
        guard df1 > 0, df2 > 0, df1.isFinite, df2.isFinite else { throw StatsError.noDegreesOfFreedom }
        let beta = try BetaQuantile.quantile(p, a: df1 / 2, b: df2 / 2)
        return df2 / df1 * (beta.x / beta.complement)
    }

    /// Quantile of the Beta(a, b) distribution, for every p in [0, 1] and a, b ≥ 0 (``BetaQuantile``:
    /// GSL's Brent solver on sipas's incomplete beta; R's `qbeta` to 1e-10 relative). GSL's own
    /// `gsl_cdf_beta_Pinv` is not used: it loops forever when a or b is 0 and fails to converge
    /// when one shape is large (a small share with many answers).
    public static func betaQuantile(_ p: Double, a: Double, b: Double) throws -> Double {
        try BetaQuantile.quantile(p, a: a, b: b).x
    }
}
