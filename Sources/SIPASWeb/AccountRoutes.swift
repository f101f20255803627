import Foundation
import Hummingbird
import NIOCore
import NIOFoundationCompat
import SIPASCore
import SIPASStore

/// `GET/POST /login`, `POST /logout`. A login makes a new session (the browser's old one is deleted
/// in the same transaction), with a new CSRF token; failures are counted per account and address.
struct AccountRoutes {
    let services: WebServices

    func add(to router: Router<WebContext>) {
        router.get("/login") { _, context -> Response in
            if context.session != nil { return .redirect(to: "/", type: .found) }
            return services.pages.render("login", title: "login", context: context)
        }
        router.post("/login") { request, context -> Response in
            var request = request
            let fields = FormFields.parse(String(buffer: try await request.collectBody(upTo: context.maxUploadSize)))
            return try await login(name: fields["name"] ?? "", password: fields["password"] ?? "", context: context)
        }
        router.post("/logout") { _, context -> Response in
            if let hash = context.tokenHash { try await services.store.deleteSession(tokenHash: hash) }
            var response = Response.redirect(to: "/login", type: .normal)
            response.setCookie(cookie(value: "", maxAge: 0))
            return response
        }
    }

    private func login(name: String, password: String, context: WebContext) async throws -> Response {
        let now = Date().timeIntervalSince1970
        let keys = LoginThrottle.keys(account: name, address: context.peerAddress)
        let t = WebLabel.strings(context.language)
        if let wait = await services.throttle.blocked(keys, now: now) {
            let minutes = Int((wait / 60).rounded(.up))
            let text = WebMessage.tooManySignIns(minutes: minutes).text(context.language)
            var response = services.pages.render(
                "login", title: "login", data: ["error": text, "name": name], context: context, status: .tooManyRequests
            )
            response.headers[.retryAfter] = String(Int(wait.rounded(.up)))
            return response
        }
        let account = try await services.store.account(named: name)
        let usable = account.map { !$0.disabled } ?? false
        let verified = await Passwords.verify(password, hash: usable ? account?.passwordHash : nil)
        guard verified, let account else {
            await services.throttle.fail(keys, now: now)
            services.logger.notice(
                "failed sign-in", metadata: ["account": "\(name.prefix(64))", "address": "\(context.peerAddress)"])
            return services.pages.render(
                "login", title: "login", data: ["error": t["badLogin"]!, "name": name], context: context,
                status: .unauthorized)
        }
        await services.throttle.succeed(account: keys[0])
        let token = WebSecurity.randomToken()
        let csrf = WebSecurity.randomToken()
        let old = context.tokenHash
        try await services.store.createSession(
            tokenHash: WebSecurity.sha256Hex(token), accountID: account.id, csrf: csrf, now: now, replacing: old)
        services.logger.info("signed in", metadata: ["account": "\(account.name)", "role": "\(account.role.rawValue)"])
        var response = Response.redirect(to: "/", type: .normal)
        response.setCookie(cookie(value: token, maxAge: Int(services.configuration.sessionAbsoluteSeconds)))
        return response
    }

    /// The session cookie: HttpOnly, SameSite=Lax, path /, Secure (and `__Host-`) over TLS.
    private func cookie(value: String, maxAge: Int) -> Cookie {
        let configuration = services.configuration
        return Cookie(
            name: configuration.cookieName, value: value, maxAge: maxAge, path: "/",
            secure: configuration.secureCookies, httpOnly: true, sameSite: .lax)
    }
}
