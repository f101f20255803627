import Foundation
import Hummingbird
import Logging
import NIOCore
import NIOFoundationCompat
import SIPASStore

/// `sipas serve`: the router and the application over one store.
public enum WebServer {
    /// Every route of the pages and of the JSON API, behind ``WebSessionMiddleware``.
    public static func makeRouter(_ services: WebServices) -> Router<WebContext> {
        let router = Router(context: WebContext.self)
        router.add(middleware: WebSessionMiddleware(services: services))
        router.get("/health") { _, _ -> Response in
            do {
                try await services.store.health()
                return .text("ok\n")
            } catch {
                services.logger.error("store does not answer", metadata: ["error": "\(error)"])
                return .text("store unavailable\n", status: .serviceUnavailable)
            }
        }
        router.get("/static/style.css") { _, _ -> Response in
            var response = Response(
                status: .ok, headers: [.contentType: "text/css; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: Pages.styleSheet)))
            response.headers[.cacheControl] = "max-age=3600"
            return response
        }
        AccountRoutes(services: services).add(to: router)
        TeamRoutes(services: services).add(to: router)
        OfficeRoutes(services: services).add(to: router)
        AnalysisRoutes(services: services).add(to: router)
        OfficeReportRoutes(services: services).add(to: router)
        OfficeReportRoutes(services: services).addAPI(to: router)
        APIRoutes(services: services).add(to: router)
        return router
    }

    /// The application listening on the configuration's address; run it with `runService()`, which
    /// stops it gracefully on SIGTERM or SIGINT (requests in progress finish first).
    public static func makeApplication(_ services: WebServices) -> some ApplicationProtocol {
        let configuration = services.configuration
        return Application(
            router: makeRouter(services),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "sipas"),
            logger: services.logger)
    }
}

extension Response {
    static func text(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "text/plain; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return Response(
            status: status, headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(data: try encoder.encode(value))))
    }
}

extension WebServer {
    /// Serves until SIGTERM or SIGINT, then stops gracefully.
    public static func run(_ services: WebServices) async throws {
        services.logger.info(
            "sipas serve listening",
            metadata: [
                "address": "\(services.configuration.host):\(services.configuration.port)",
                "store": "\(services.store.location)",
            ])
        let sweeper = Task { await sweep(services) }
        defer { sweeper.cancel() }
        try await makeApplication(services).runService()
    }

    /// Deletes expired uploads and reports now and then every sweep interval, until cancelled.
    static func sweep(_ services: WebServices) async {
        let configuration = services.configuration
        while !Task.isCancelled {
            let removed = services.uploads.removeExpired(olderThan: configuration.uploadMaxAgeSeconds)
            if removed > 0 { services.logger.info("expired uploads deleted", metadata: ["folders": "\(removed)"]) }
            try? await Task.sleep(for: .seconds(max(1, configuration.sweepIntervalSeconds)))
        }
    }
}
