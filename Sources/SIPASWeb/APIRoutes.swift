import Foundation
import Hummingbird
import NIOCore
import NIOFoundationCompat
import SIPASStore

/// The JSON API under `/api/`: the same actions as the pages, for scripts. A client signs in with
/// `POST /login`, keeps the cookie, reads its CSRF token from `GET /api/session` and sends it as
/// `X-CSRF-Token` on every POST. Described by `/api/openapi.json`.
struct APIRoutes {
    let services: WebServices
    var actions: TeamActions { TeamActions(services: services) }

    struct SessionInfo: Codable, Sendable {
        var name: String
        var role: String
        var team: String
        var provinces: [String]
        var csrf: String
    }

    struct Accepted: Codable, Sendable {
        /// `loaded`, or `alreadyLoaded` when the same file was stored before (nothing written).
        var outcome: String
        var batch: BatchInfo
        var replaced: BatchInfo?
    }

    struct Progress: Codable, Sendable {
        var teams: [OfficeRoutes.Group]
        var days: [OfficeRoutes.Group]
        var provinces: [OfficeRoutes.Group]
        var communes: [OfficeRoutes.Group]
    }

    func add(to router: Router<WebContext>) {
        router.get("/api/openapi.json") { _, _ -> Response in
            Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(bytes: Pages.openAPI)))
        }
        router.get("/api/session") { _, context -> Response in
            let session = try requireSession(context)
            let account = session.account
            return try .json(
                SessionInfo(
                    name: account.name, role: account.role.rawValue, team: account.team, provinces: account.provinces,
                    csrf: session.csrf))
        }
        router.get("/api/batches") { _, context -> Response in
            try .json(try await actions.batches(for: try requireSession(context).account))
        }
        router.get("/api/batches/{id}") { _, context -> Response in
            try .json(
                try await actions.batch(try context.parameters.require("id"), for: try requireSession(context).account))
        }
        router.post("/api/uploads") { request, context -> Response in
            _ = try requireSession(context)
            return try .json(try await actions.receive(request, context: context, csrf: nil), status: .created)
        }
        router.get("/api/uploads/{id}") { _, context -> Response in
            try .json(
                try actions.upload(try context.parameters.require("id"), for: try requireSession(context).account))
        }
        router.post("/api/uploads/{id}/accept") { request, context -> Response in
            let account = try requireSession(context).account
            let upload = try actions.upload(try context.parameters.require("id"), for: account)
            switch try await actions.accept(
                upload, replace: request.uri.queryParameters["replace"] == "1", account: account)
            {
            case .loaded(let batch, let replaced, _, _):
                return try .json(Accepted(outcome: "loaded", batch: batch, replaced: replaced), status: .created)
            case .alreadyLoaded(let batch): return try .json(Accepted(outcome: "alreadyLoaded", batch: batch))
            }
        }
        router.get("/api/progress") { _, context -> Response in
            let account = try requireSession(context).account
            guard account.seesAllTeams else { throw HTTPError(.notFound) }
            let batches = try await services.store.batches(as: account.storeRole)
            let (progress, areas) = (
                OfficeRoutes.progress(batches),
                try await OfficeRoutes.areas(services.store, batches, as: account.storeRole)
            )
            return try .json(
                Progress(
                    teams: progress.teams, days: progress.days, provinces: areas.provinces, communes: areas.communes))
        }
    }
}
