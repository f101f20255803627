import Foundation

/// The regularised incomplete beta function I_x(a, b) and its complement, as logarithms, accurate to a
/// few ulps for every shape from 1e-3 to 1e7 (tested against R's `pbeta`/`qbeta` in
/// `Tests/SIPASStatsTests/BetaQuantileTests.swift`).
///
/// Written here rather than taken from GSL because GSL's `gsl_cdf_beta_P` (cdf/beta_inc.c) computes
/// the prefactor xᵃ(1−x)ᵇ/B(a, b) as the difference of log-gamma values: with shapes near 10⁵ its
/// absolute error reaches 1e-10, and at 10⁷ its continued fraction exceeds GSL's iteration limit and
/// it returns NaN, so no quantile built on it can match R to 1e-10 for a share with many answers.
///
/// Method (Didonato & Morris 1992, ACM TOMS 708, §§2–3, the method of R's `pbeta`):
/// - the prefactor xᵃyᵇ/B(a, b), y = 1 − x, in the form that keeps its precision: for a, b ≥ 10
///   through Stirling's series, −a·φ(x/x₀ − 1) − b·φ(y/y₀ − 1) + ½ log(a·y₀/2π) − δ(a) − δ(b) + δ(a+b)
///   with x₀ = a/(a+b), y₀ = 1 − x₀, φ(e) = e − log(1+e) and δ the Stirling remainder of log Γ;
///   for one small shape, log Γ(b) − log Γ(a+b) through the same series; for two small shapes,
///   log Γ directly;
/// - the continued fraction of I_x(a, b) (Lentz's method) on the side of the mean where it converges,
///   I_x(a, b) = prefactor · cf / a for x < (a+1)/(a+b+2), else from the complement 1 − I_y(b, a).
enum IncompleteBeta {
    /// log I_x(a, b) and log(1 − I_x(a, b)); `x` and `y` = 1 − x are both given so that neither
    /// loses digits near 0 or 1.
    static func logTails(a: Double, b: Double, x: Double, y: Double) -> (lower: Double, upper: Double) {
        if x <= 0 { return (-.infinity, 0) }
        if y <= 0 { return (0, -.infinity) }
        if y * (a + b + 2) > b + 1 {
            let lower = logPrefactor(a: a, b: b, x: x, y: y) + log(continuedFraction(a: a, b: b, x: x, y: y)) - log(a)
            return (lower, log1mexp(lower))
        }
        let upper = logPrefactor(a: b, b: a, x: y, y: x) + log(continuedFraction(a: b, b: a, x: y, y: x)) - log(b)
        return (log1mexp(upper), upper)
    }

    /// log(xᵃ yᵇ / B(a, b)).
    static func logPrefactor(a: Double, b: Double, x: Double, y: Double) -> Double {
        let small = 10.0
        if a >= small, b >= small {
            let s = a + b
            let x0 = a / s
            let y0 = b / s
            // d = x − x₀ = y₀ − y, from whichever of x and y is the smaller (and so exact).
            let d = x <= y ? (x * s - a) / s : (b - y * s) / s
            let e1 = d / x0
            let e2 = -d / y0
            return -(a * phi(e1) + b * phi(e2)) + 0.5 * log(a * y0 / (2 * Double.pi))
                - (stirlingRemainder(a) + stirlingRemainder(b) - stirlingRemainder(s))
        }
        let logX = y < 0.5 ? log1p(-y) : log(x)
        let logY = x < 0.5 ? log1p(-x) : log(y)
        if a < small, b < small {
            let logBeta: Double = lgamma(a) + lgamma(b) - lgamma(a + b)
            return a * logX + b * logY - logBeta
        }
        // One small shape: log B(a, b) = log Γ(small) + log Γ(large) − log Γ(a + b).
        let (little, large) = a < small ? (a, b) : (b, a)
        let s = a + b
        let logRatio =
            -(large - 0.5) * log1p(little / large) - little * log(s) + little
            + stirlingRemainder(large) - stirlingRemainder(s)
        return a * logX + b * logY - (lgamma(little) + logRatio)
    }

    /// The continued fraction of I_x(a, b) (Numerical Recipes §6.4, modified Lentz), for
    /// x < (a+1)/(a+b+2), where it converges in O(√max(a, b)) terms.
    ///
    /// Near that bound with one shape far larger than the other, each step computes 1 + term·d with
    /// term·d close to −1, which loses as many digits as the shapes' ratio has (seven for 1 against
    /// 10⁷); so the recurrence runs in the x87's 64-bit significand (`Float80`) where the platform
    /// has one, with x entering as 1 − y when it is the larger of the two.
    static func continuedFraction(a: Double, b: Double, x: Double, y: Double) -> Double {
        let tiny: Extended = 1e-300
        let a = Extended(a)
        let b = Extended(b)
        let x: Extended = x <= y ? Extended(x) : 1 - Extended(y)
        let s = a + b
        var c: Extended = 1
        var d: Extended = 1 - s * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        let limit = 100_000 + Int(min(10 * Double(max(a, b)).squareRoot(), 1e7))
        for m in 1...limit {
            let m = Extended(m)
            let m2 = 2 * m
            var term = m * (b - m) * x / ((a - 1 + m2) * (a + m2))
            d = 1 + term * d
            if abs(d) < tiny { d = tiny }
            c = 1 + term / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            term = -(a + m) * (s + m) * x / ((a + m2) * (a + 1 + m2))
            d = 1 + term * d
            if abs(d) < tiny { d = tiny }
            c = 1 + term / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let step = d * c
            h *= step
            if abs(step - 1) < 4 * Extended.ulpOfOne { break }
        }
        return Double(h)
    }

    /// φ(e) = e − log(1 + e) ≥ 0, by its series where the subtraction would cancel.
    static func phi(_ e: Double) -> Double {
        guard abs(e) < 0.01 else { return e - log1p(e) }
        // Σ_{k≥2} (−1)ᵏ eᵏ / k: ten terms leave less than 1e-22 · e².
        var sum = 0.0
        var power = e * e
        var sign = 1.0
        for k in 2...11 {
            sum += sign * power / Double(k)
            power *= e
            sign = -sign
        }
        return sum
    }

    /// δ(z) = log Γ(z) − ((z − ½) log z − z + ½ log 2π), by Stirling's series (z ≥ 10: eight terms
    /// leave less than 1e-17).
    static func stirlingRemainder(_ z: Double) -> Double {
        let coefficients: [Double] = [
            1 / 12, -1 / 360, 1 / 1260, -1 / 1680, 1 / 1188, -691 / 360_360, 1 / 156, -3617 / 122_400,
        ]
        let inverseSquare = 1 / (z * z)
        var sum = 0.0
        for coefficient in coefficients.reversed() { sum = sum * inverseSquare + coefficient }
        return sum / z
    }

    /// log(1 − eᵛ) for v ≤ 0 (Mächler 2012: expm1 near 0, log1p far from it).
    static func log1mexp(_ v: Double) -> Double {
        v > -Double.ln2 ? log(-expm1(v)) : log1p(-exp(v))
    }
}

#if arch(x86_64) || arch(i386)
    /// The widest floating-point type of the platform (the x87's 80-bit format on Intel).
    typealias Extended = Float80
#else
    typealias Extended = Double
#endif

extension Double {
    static let ln2 = 0.693_147_180_559_945_309_417_232_121_458
}
