import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import NIOFoundationCompat
import SIPASCore
import SIPASStore

/// Runs before every route: finds the session from its cookie, picks the page language, sends a
/// request without a session to the login page (pages) or answers 401 (`/api/`), checks the CSRF
/// token of every state-changing request (403 without it), and adds the security headers.
struct WebSessionMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let services: WebServices

    /// Routes open without a session.
    static func isPublic(_ method: HTTPRequest.Method, _ path: String) -> Bool {
        switch (method, path) {
        case (.get, "/health"), (.get, "/login"), (.post, "/login"), (.get, "/static/style.css"),
            (.get, "/api/openapi.json"):
            return true
        default: return false
        }
    }

    /// The one route that takes `multipart/form-data`: its handler checks the form's `_csrf` field
    /// before it stores any byte of the file.
    static let multipartPath = "/upload"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var context = context
        let configuration = services.configuration
        if configuration.behindProxy, let real = request.headers[.xRealIP] { context.peerAddress = real }
        let (language, setLanguage) = Self.language(request)
        context.language = language
        var response: Response
        do {
            response = try await route(request, context: &context, next: next)
        } catch let error as any HTTPResponseError {
            response = try error.response(from: request, context: context)
        }
        if let setLanguage {
            response.setCookie(
                Cookie(
                    name: "sipas-lang", value: setLanguage.rawValue, maxAge: 365 * 86400, path: "/",
                    secure: configuration.secureCookies, httpOnly: true, sameSite: .lax))
        }
        WebSecurity.addHeaders(to: &response, secure: configuration.secureCookies)
        return response
    }

    private func route(_ request: Request, context: inout Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        var request = request
        let services = self.services
        if let token = request.cookies[services.configuration.cookieName]?.value, !token.isEmpty, token.count <= 100 {
            let hash = WebSecurity.sha256Hex(token)
            context.tokenHash = hash
            let configuration = services.configuration
            context.session = try await services.store.session(
                tokenHash: hash, now: Date().timeIntervalSince1970,
                idle: configuration.sessionIdleSeconds,
                absolute: configuration.sessionAbsoluteSeconds)
        }
        let path = request.uri.path
        let unsafe = ![HTTPRequest.Method.get, .head, .options].contains(request.method)
        // A request a page of another site made the browser send (the header is absent from non-browser clients).
        if unsafe, let site = request.headers[.secFetchSite], site != "same-origin", site != "none" {
            throw HTTPError(.forbidden, message: "cross-site request refused")
        }
        if Self.isPublic(request.method, path) { return try await next(request, context) }
        guard let session = context.session else {
            if path.hasPrefix("/api/") { throw HTTPError(.unauthorized, message: "sign in first") }
            return .redirect(to: "/login", type: .found)
        }
        if unsafe {
            if let header = request.headers[.xCSRFToken] {
                guard WebSecurity.sameSecret(header, session.csrf) else {
                    throw HTTPError(.forbidden, message: "bad CSRF token")
                }
            } else if request.headers[.contentType]?.lowercased().hasPrefix("application/x-www-form-urlencoded") == true
            {
                let body = try await request.collectBody(upTo: context.maxUploadSize)
                let fields = FormFields.parse(String(buffer: body))
                guard let token = fields["_csrf"], WebSecurity.sameSecret(token, session.csrf) else {
                    throw HTTPError(.forbidden, message: "missing or bad CSRF token")
                }
            } else if !(path == Self.multipartPath
                && request.headers[.contentType]?.lowercased().hasPrefix("multipart/form-data") == true)
            {
                throw HTTPError(.forbidden, message: "missing CSRF token")
            }
        }
        return try await next(request, context)
    }

    /// `?lang=en|vi` (remembered in a cookie), else the cookie, else Vietnamese; and the language to remember.
    static func language(_ request: Request) -> (Language, Language?) {
        if let asked = request.uri.queryParameters["lang"].flatMap({ Language(rawValue: String($0)) }) {
            return (asked, asked)
        }
        if let kept = request.cookies["sipas-lang"].flatMap({ Language(rawValue: $0.value) }) { return (kept, nil) }
        return (.vi, nil)
    }
}

/// `application/x-www-form-urlencoded` fields (the last of a repeated name wins).
enum FormFields {
    static func parse(_ text: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String {
                String(s).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            fields[decode(parts[0])] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return fields
    }
}
