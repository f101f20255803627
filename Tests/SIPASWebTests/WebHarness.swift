import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import NIOFoundationCompat
import SIPASStore
import SIPASTestSupport

@testable import SIPASWeb

/// A store with three accounts (team-a of team `a`, team-b of team `b`, an analyst) and the web
/// services over it, in a fresh temporary directory.
struct WebHarness {
    static let password = "mật-khẩu-đủ-dài"
    let services: WebServices
    let directory: URL
    /// The SQLite store the services hold, for the tests' own checks.
    let store: SurveyStore

    static func make(maxUploadBytes: Int = 8 << 20) async throws -> WebHarness {
        let directory = try Fixtures.temporaryDirectory()
        let store = try SurveyStore(path: directory.appendingPathComponent("sipas.db").path)
        let hash = await Passwords.hash(password, cost: 10)
        try await store.addAccount(
            WebAccount(name: "team-a", passwordHash: hash, role: .team, team: "a", provinces: ["01"]))
        try await store.addAccount(
            WebAccount(name: "team-b", passwordHash: hash, role: .team, team: "b", provinces: ["24"]))
        try await store.addAccount(WebAccount(name: "analyst", passwordHash: hash, role: .analyst))
        var configuration = WebConfiguration(
            maxUploadBytes: maxUploadBytes, uploadDirectory: directory.appendingPathComponent("uploads"),
            bcryptCost: 10)
        configuration.storeLocation = store.path
        return WebHarness(
            services: try WebServices(store: store, configuration: configuration), directory: directory, store: store)
    }

    func application() -> some ApplicationProtocol {
        Application(router: WebServer.makeRouter(services))
    }

    /// The first `rows` data rows of SampleData/2024.csv after skipping `skip`, with `edit` applied
    /// to the fields of each (index in the slice, fields).
    /// The 2024 sample's header column `name` (0-based).
    static func column(_ name: String) throws -> Int {
        let text = try String(
            contentsOf: Fixtures.repositoryRoot.appendingPathComponent("SampleData/2024.csv"), encoding: .utf8)
        let header = text.prefix { $0 != "\n" }.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard let index = header.firstIndex(of: name) else { throw CocoaError(.fileReadCorruptFile) }
        return index
    }

    static func sample(rows: Int, skip: Int = 0, edit: (Int, inout [String]) -> Void = { _, _ in }) throws -> String {
        let text = try String(
            contentsOf: Fixtures.repositoryRoot.appendingPathComponent("SampleData/2024.csv"), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        var out = [lines[0]]
        for (i, line) in lines.dropFirst(1 + skip).prefix(rows).enumerated() {
            var fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            edit(i, &fields)
            out.append(fields.joined(separator: ","))
        }
        return out.joined(separator: "\n") + "\n"
    }
}

/// A signed-in client: its cookie header and CSRF token.
struct SignedIn {
    var cookie: String
    var csrf: String

    var headers: HTTPFields { [.cookie: cookie] }

    static func login(_ client: some TestClientProtocol, _ name: String, password: String = WebHarness.password)
        async throws -> SignedIn
    {
        let response = try await client.execute(
            uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
            body: ByteBuffer(
                string:
                    "name=\(name)&password=\(password.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)"))
        guard response.status == .seeOther, let setCookie = response.headers[.setCookie] else {
            throw HarnessError.loginFailed(name, response.status.code)
        }
        let cookie = String(setCookie.prefix(while: { $0 != ";" }))
        let session = try await client.execute(uri: "/api/session", method: .get, headers: [.cookie: cookie])
        let info = try JSONDecoder().decode(APIRoutes.SessionInfo.self, from: Data(buffer: session.body))
        return SignedIn(cookie: cookie, csrf: info.csrf)
    }

    /// Uploads `text` as the page's multipart form does, `_csrf` first (nil: no token field).
    func upload(_ client: some TestClientProtocol, name: String, text: String, csrf: String?? = .none) async throws
        -> TestResponse
    {
        let token: String? = csrf ?? self.csrf
        let boundary = "----sipas-test-boundary"
        var body = ""
        if let token { body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(token)\r\n" }
        body +=
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(name)\"\r\nContent-Type: text/csv\r\n\r\n\(text)\r\n--\(boundary)--\r\n"
        var headers = self.headers
        headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
        return try await client.execute(uri: "/upload", method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    /// A POST of form fields with this session's CSRF token.
    func post(_ client: some TestClientProtocol, _ uri: String, fields: String = "") async throws -> TestResponse {
        var headers = self.headers
        headers[.contentType] = "application/x-www-form-urlencoded"
        let body = "_csrf=\(csrf)" + (fields.isEmpty ? "" : "&" + fields)
        return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
    }
}

enum HarnessError: Error { case loginFailed(String, Int) }
