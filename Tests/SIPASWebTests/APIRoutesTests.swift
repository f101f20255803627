import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import NIOFoundationCompat
import SIPASStore
import Testing

@testable import SIPASWeb

@Suite("JSON API and its OpenAPI document")
struct APIRoutesTests {
    @Test("/api/openapi.json lists exactly the router's /api/ routes, /health, POST /login and POST /logout")
    func openAPIMatchesRoutes() async throws {
        let harness = try await WebHarness.make()
        let router = WebServer.makeRouter(harness.services)
        let described = Set(
            router.routes.map { route -> String in
                let path = String(describing: route.path)
                return "\(route.method.rawValue) \(path.hasPrefix("/") ? path : "/" + path)"
            }.filter { $0.contains(" /api/") || $0 == "GET /health" || $0 == "POST /login" || $0 == "POST /logout" })
        let spec = try #require(try JSONSerialization.jsonObject(with: Data(Pages.openAPI)) as? [String: Any])
        let paths = try #require(spec["paths"] as? [String: [String: Any]])
        let documented = Set(paths.flatMap { path, methods in methods.keys.map { "\($0.uppercased()) \(path)" } })
        #expect(documented == described)
        #expect(documented.count == 14)
    }

    @Test("upload, report and accept through the API with the X-CSRF-Token header")
    func uploadThroughAPI() async throws {
        let harness = try await WebHarness.make()
        try await harness.application().test(.router) { client in
            let a = try await SignedIn.login(client, "team-a")
            var headers = a.headers
            headers[.xCSRFToken] = a.csrf
            headers[.contentType] = "text/csv"
            let created = try await client.execute(
                uri: "/api/uploads?name=api.csv", method: .post, headers: headers,
                body: ByteBuffer(string: try WebHarness.sample(rows: 12)))
            #expect(created.status == .created)
            let upload = try JSONDecoder().decode(PendingUpload.self, from: Data(buffer: created.body))
            #expect(upload.report.rowsRead == 12)
            #expect(upload.report.accepted + upload.report.rejected == 12)
            #expect(upload.originalName == "api.csv")
            let accepted = try await client.execute(
                uri: "/api/uploads/\(upload.id)/accept", method: .post, headers: headers)
            #expect(accepted.status == .created)
            let result = try JSONDecoder().decode(APIRoutes.Accepted.self, from: Data(buffer: accepted.body))
            #expect(result.outcome == "loaded")
            #expect(result.batch.accepted == upload.report.accepted)
            #expect(result.batch.team == "a")
            let repeated = try await client.execute(
                uri: "/api/uploads/\(upload.id)/accept", method: .post, headers: headers)
            #expect(
                try JSONDecoder().decode(APIRoutes.Accepted.self, from: Data(buffer: repeated.body)).outcome
                    == "alreadyLoaded")
            #expect(
                try await client.execute(uri: "/api/progress", method: .get, headers: a.headers).status == .notFound)
        }
    }
}
