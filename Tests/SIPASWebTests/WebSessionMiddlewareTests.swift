import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import NIOFoundationCompat
import Testing

@testable import SIPASWeb

@Suite("Session middleware: sign-in required, CSRF, headers, language")
struct WebSessionMiddlewareTests {
    /// A concrete URI for a route path (`{id}` → a UUID that exists nowhere).
    static func uri(_ path: String) -> String {
        path.replacingOccurrences(of: "{id}", with: "0b0e8f4e-5b7c-4a55-9d0f-1c2d3e4f5a6b")
    }

    @Test("every route without a session: pages → 302 to /login, /api/ → 401; only the public ones answer")
    func everyRouteNeedsSession() async throws {
        let harness = try await WebHarness.make()
        let router = WebServer.makeRouter(harness.services)
        let routes = router.routes.map { (String(describing: $0.path), $0.method) }
        #expect(routes.count >= 20)
        try await Application(router: router).test(.router) { client in
            for (path, method) in routes {
                let uri = Self.uri(path.hasPrefix("/") ? path : "/" + path)
                let response = try await client.execute(uri: uri, method: method)
                if WebSessionMiddleware.isPublic(method, uri) {
                    #expect(response.headers[.location] != "/login", "\(method) \(uri)")
                } else if uri.hasPrefix("/api/") {
                    #expect(response.status == .unauthorized, "\(method) \(uri)")
                } else {
                    #expect(response.status == .found, "\(method) \(uri)")
                    #expect(response.headers[.location] == "/login", "\(method) \(uri)")
                }
            }
        }
    }

    @Test("a POST without the CSRF token, or with another session's, is 403 and changes nothing")
    func csrfRequired() async throws {
        let harness = try await WebHarness.make()
        try await harness.application().test(.router) { client in
            let a = try await SignedIn.login(client, "team-a")
            let b = try await SignedIn.login(client, "team-b")
            var form = a.headers
            form[.contentType] = "application/x-www-form-urlencoded"
            #expect(
                try await client.execute(uri: "/logout", method: .post, headers: form, body: ByteBuffer(string: ""))
                    .status == .forbidden)
            #expect(
                try await client.execute(
                    uri: "/logout", method: .post, headers: form, body: ByteBuffer(string: "_csrf=\(b.csrf)")
                ).status == .forbidden)
            #expect(
                try await client.execute(
                    uri: "/api/uploads", method: .post, headers: a.headers, body: ByteBuffer(string: "a,b\n")
                ).status == .forbidden)
            #expect(
                try await a.upload(client, name: "x.csv", text: "a,b\n1,2\n", csrf: .some(nil)).status == .forbidden)
            #expect(
                try await a.upload(client, name: "x.csv", text: "a,b\n1,2\n", csrf: .some(b.csrf)).status == .forbidden)
            let uploads = try FileManager.default.contentsOfDirectory(
                atPath: harness.directory.appendingPathComponent("uploads").path)
            #expect(uploads.isEmpty)
            // Still signed in: the refused logout did nothing.
            #expect(try await client.execute(uri: "/", method: .get, headers: a.headers).status == .ok)
        }
    }

    @Test("a cross-site POST is refused even to the login form")
    func crossSite() async throws {
        let harness = try await WebHarness.make()
        try await harness.application().test(.router) { client in
            let response = try await client.execute(
                uri: "/login", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded", .secFetchSite: "cross-site"],
                body: ByteBuffer(string: "name=team-a&password=x"))
            #expect(response.status == .forbidden)
        }
    }

    @Test("security headers on every page; Vietnamese by default, English with ?lang=en and then by cookie")
    func headersAndLanguage() async throws {
        let harness = try await WebHarness.make()
        try await harness.application().test(.router) { client in
            let vi = try await client.execute(uri: "/login", method: .get)
            #expect(vi.headers[.contentSecurityPolicy] == WebSecurity.contentSecurityPolicy)
            #expect(WebSecurity.contentSecurityPolicy.contains("default-src 'self'"))
            #expect(WebSecurity.contentSecurityPolicy.contains("frame-ancestors 'none'"))
            #expect(vi.headers[.xContentTypeOptions] == "nosniff")
            #expect(vi.headers[.xFrameOptions] == "DENY")
            #expect(String(buffer: vi.body).contains("<html lang=\"vi\">"))
            #expect(String(buffer: vi.body).contains("Đăng nhập"))
            let en = try await client.execute(uri: "/login?lang=en", method: .get)
            #expect(String(buffer: en.body).contains("Sign in"))
            let cookie = try #require(en.headers[.setCookie])
            #expect(cookie.hasPrefix("sipas-lang=en;"))
            let kept = try await client.execute(uri: "/login", method: .get, headers: [.cookie: "sipas-lang=en"])
            #expect(String(buffer: kept.body).contains("<html lang=\"en\">"))
        }
    }

    @Test("form fields decode percent escapes and plus signs")
    func formFields() {
        #expect(
            FormFields.parse("name=Nguy%E1%BB%85n+Lan&_csrf=a%2Bb&empty=") == [
                "name": "Nguyễn Lan", "_csrf": "a+b", "empty": "",
            ])
    }
}
