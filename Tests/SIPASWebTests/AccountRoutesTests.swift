import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import NIOFoundationCompat
import SIPASStore
import Testing

@testable import SIPASWeb

@Suite("Sign-in, sign-out, rate limit, session rotation")
struct AccountRoutesTests {
    static func form(_ body: String, cookie: String? = nil) -> (HTTPFields, ByteBuffer) {
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        if let cookie { headers[.cookie] = cookie }
        return (headers, ByteBuffer(string: body))
    }

    @Test("the session cookie is HttpOnly, SameSite=Lax, path /; Secure and __Host- with TLS")
    func cookieAttributes() async throws {
        let harness = try await WebHarness.make()
        try await harness.application().test(.router) { client in
            let (headers, body) = Self.form(
                "name=team-a&password=\(WebHarness.password.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)"
            )
            let response = try await client.execute(uri: "/login", method: .post, headers: headers, body: body)
            let cookie = try #require(response.headers[.setCookie])
            #expect(cookie.hasPrefix("sipas="))
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Lax"))
            #expect(cookie.contains("Path=/"))
        }
        #expect(WebConfiguration(secureCookies: true).cookieName == "__Host-sipas")
    }

    @Test("wrong password → 401; SQL as the name is only a name; after 5 failures → 429 even with the right password")
    func failuresAndThrottle() async throws {
        let harness = try await WebHarness.make()
        try await harness.application().test(.router) { client in
            let (headers, body) = Self.form("name=%27+OR+1%3D1+--&password=x")
            let sql = try await client.execute(uri: "/login", method: .post, headers: headers, body: body)
            #expect(sql.status == .unauthorized)
            #expect(String(buffer: sql.body).contains("Sai tài khoản hoặc mật khẩu."))
            #expect(try await harness.store.accounts().count == 3)
            for _ in 0..<5 {
                let (h, b) = Self.form("name=team-a&password=wrong-password")
                #expect(
                    try await client.execute(uri: "/login", method: .post, headers: h, body: b).status == .unauthorized)
            }
            await #expect(throws: HarnessError.self) { try await SignedIn.login(client, "team-a") }
            let (h, b) = Self.form("name=team-a&password=wrong-password")
            let blocked = try await client.execute(uri: "/login", method: .post, headers: h, body: b)
            #expect(blocked.status == .tooManyRequests)
            #expect(blocked.headers[.retryAfter] != nil)
        }
    }

    @Test("login replaces the browser's old session; logout and disabling end sessions")
    func rotationAndLogout() async throws {
        let harness = try await WebHarness.make()
        try await harness.application().test(.router) { client in
            let first = try await SignedIn.login(client, "team-a")
            // Signing in again from the same browser (the old cookie sent) deletes the old session.
            let password = WebHarness.password.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let (headers, body) = Self.form("name=team-a&password=\(password)", cookie: first.cookie)
            let again = try await client.execute(uri: "/login", method: .post, headers: headers, body: body)
            let second = String(try #require(again.headers[.setCookie]).prefix(while: { $0 != ";" }))
            #expect(second != first.cookie)
            #expect(try await client.execute(uri: "/", method: .get, headers: first.headers).status == .found)
            #expect(try await client.execute(uri: "/", method: .get, headers: [.cookie: second]).status == .ok)

            let signed = try await SignedIn.login(client, "team-b")
            #expect(try await signed.post(client, "/logout").status == .seeOther)
            #expect(try await client.execute(uri: "/", method: .get, headers: signed.headers).status == .found)

            let analyst = try await SignedIn.login(client, "analyst")
            try await harness.store.setAccount("analyst", disabled: true)
            #expect(
                try await client.execute(uri: "/api/session", method: .get, headers: analyst.headers).status
                    == .unauthorized)
            await #expect(throws: HarnessError.self) { try await SignedIn.login(client, "analyst") }
        }
    }
}
