import Crypto
import Foundation
import HTTPTypes
import Hummingbird

/// Tokens, digests and the response headers every page carries.
enum WebSecurity {
    /// `count` random bytes as unpadded base64url (cookie- and form-safe).
    static func randomToken(bytes count: Int = 32) -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(
                of: "=", with: "")
    }

    static func sha256Hex(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Compares two secrets in constant time (swift-crypto's digest equality is constant-time).
    static func sameSecret(_ a: String, _ b: String) -> Bool {
        SHA256.hash(data: Data(a.utf8)) == SHA256.hash(data: Data(b.utf8))
    }

    /// Content-Security-Policy: nothing but this origin's own styles and images; no scripts at all.
    static let contentSecurityPolicy =
        "default-src 'self'; script-src 'none'; object-src 'none'; base-uri 'none'; "
        + "form-action 'self'; frame-ancestors 'none'"

    /// The annual report's HTML (`sipas report`'s, self-contained): its one inline style sheet and
    /// its inline SVG; still no script, nothing fetched, no framing.
    static let reportPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'none'; base-uri 'none'; "
        + "form-action 'none'; frame-ancestors 'none'"

    /// The headers every response carries; a route's own Content-Security-Policy (``reportPolicy``) is kept.
    static func addHeaders(to response: inout Response, secure: Bool) {
        if response.headers[.contentSecurityPolicy] == nil {
            response.headers[.contentSecurityPolicy] = contentSecurityPolicy
        }
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.xFrameOptions] = "DENY"
        response.headers[.referrerPolicy] = "same-origin"
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        if secure { response.headers[.strictTransportSecurity] = "max-age=31536000" }
    }

    /// `attachment; filename*=UTF-8''…` for a download named `name`.
    static func attachment(_ name: String) -> String {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._"))
        let ascii = String(name.unicodeScalars.map { allowed.contains($0) && $0.isASCII ? Character($0) : "_" })
        let encoded = name.addingPercentEncoding(withAllowedCharacters: allowed) ?? ascii
        return "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
    }
}

extension HTTPField.Name {
    static let xFrameOptions = Self("X-Frame-Options")!
    static let referrerPolicy = Self("Referrer-Policy")!
    static let secFetchSite = Self("Sec-Fetch-Site")!
    static let xCSRFToken = Self("X-CSRF-Token")!
    static let xRealIP = Self("X-Real-IP")!
}
