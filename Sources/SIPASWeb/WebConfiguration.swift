import Foundation
import SIPASCore

/// How `sipas serve` runs: where it listens, how big an upload may be, where uploads wait, and how
/// long sessions live. Flags override the environment (`SIPAS_STORE`, `SIPAS_LISTEN`, …).
public struct WebConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// Cookies are marked Secure and named `__Host-sipas` (served over TLS, directly or behind a proxy).
    public var secureCookies: Bool
    /// Behind a reverse proxy: the client's address is the `X-Real-IP` header the proxy sets.
    public var behindProxy: Bool
    /// Largest upload accepted, in bytes (413 beyond).
    public var maxUploadBytes: Int
    /// Where uploads wait between validation and acceptance: never served, names made by the server.
    public var uploadDirectory: URL
    /// A session ends after this many seconds without a request…
    public var sessionIdleSeconds: Double
    /// …and this many seconds after login whatever happens.
    public var sessionAbsoluteSeconds: Double
    /// Failed logins allowed per account and per address within ``loginWindowSeconds``.
    public var maxFailedLogins: Int
    public var loginWindowSeconds: Double
    /// bcrypt cost of new password hashes (at least 10).
    public var bcryptCost: UInt8
    /// Uploads left waiting (and reports written) longer than this many seconds are deleted, at
    /// startup and then every ``sweepIntervalSeconds``.
    public var uploadMaxAgeSeconds: Double = 24 * 3600
    /// The store as the office jobs (comparison, targets, annual report) open it: the SQLite path, or
    /// the PostgreSQL URL; empty: the office job pages answer that they are not available.
    public var storeLocation = ""
    public var sweepIntervalSeconds: Double = 3600

    public init(
        host: String = "127.0.0.1", port: Int = 8080, secureCookies: Bool = false, behindProxy: Bool = false,
        maxUploadBytes: Int = 64 << 20, uploadDirectory: URL? = nil,
        sessionIdleSeconds: Double = 30 * 60, sessionAbsoluteSeconds: Double = 12 * 3600,
        maxFailedLogins: Int = 5, loginWindowSeconds: Double = 15 * 60, bcryptCost: UInt8 = 12
    ) {
        (self.host, self.port, self.secureCookies, self.behindProxy) = (host, port, secureCookies, behindProxy)
        self.maxUploadBytes = maxUploadBytes
        self.uploadDirectory =
            uploadDirectory ?? FileManager.default.temporaryDirectory.appendingPathComponent("sipas-uploads")
        (self.sessionIdleSeconds, self.sessionAbsoluteSeconds) = (sessionIdleSeconds, sessionAbsoluteSeconds)
        (self.maxFailedLogins, self.loginWindowSeconds) = (maxFailedLogins, loginWindowSeconds)
        self.bcryptCost = max(10, bcryptCost)
    }

    /// The session cookie's name: the `__Host-` prefix needs Secure, so plain HTTP uses `sipas`.
    public var cookieName: String { secureCookies ? "__Host-sipas" : "sipas" }

    /// Splits `HOST:PORT` (`[::1]:8080` for IPv6). - Throws: ``WebConfigurationError``.
    public static func parseListen(_ text: String) throws -> (host: String, port: Int) {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]),
            (0...65535).contains(port)
        else {
            throw WebConfigurationError.badListen(text)
        }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty else { throw WebConfigurationError.badListen(text) }
        return (host, port)
    }
}

/// A configuration value that cannot be used.
public enum WebConfigurationError: Error, Equatable {
    case badListen(String)

    public func message(_ language: Language) -> String {
        switch self {
        case .badListen(let text):
            return WebMessage.badListen(text).text(language)
        }
    }
}
