import Foundation
import Hummingbird
import NIOCore
import NIOFoundationCompat
import SIPASCore
import SIPASStore

/// The team pages: batch list and upload form, validation report, accept, rejects download, batch.
struct TeamRoutes {
    let services: WebServices
    var actions: TeamActions { TeamActions(services: services) }

    func add(to router: Router<WebContext>) {
        router.get("/") { _, context in try await home(context) }
        router.get("/upload") { _, context in try await home(context) }
        router.post("/upload") { request, context -> Response in
            let session = try requireSession(context)
            let upload = try await actions.receive(request, context: context, csrf: session.csrf)
            return .redirect(to: "/uploads/\(upload.id)", type: .normal)
        }
        router.get("/uploads/{id}") { _, context -> Response in
            let session = try requireSession(context)
            let upload = try actions.upload(try context.parameters.require("id"), for: session.account)
            return services.pages.render(
                "report", title: "report", data: reportValues(upload, context: context, csrf: session.csrf),
                context: context)
        }
        router.post("/uploads/{id}/accept") { request, context -> Response in
            let session = try requireSession(context)
            let upload = try actions.upload(try context.parameters.require("id"), for: session.account)
            var request = request
            let fields = FormFields.parse(String(buffer: try await request.collectBody(upTo: context.maxUploadSize)))
            switch try await actions.accept(upload, replace: fields["replace"] == "1", account: session.account) {
            case .loaded(let batch, _, _, _): return .redirect(to: "/batches/\(batch.id)", type: .normal)
            case .alreadyLoaded(let batch): return .redirect(to: "/batches/\(batch.id)?already=1", type: .normal)
            }
        }
        router.get("/uploads/{id}/rejects.csv") { _, context -> Response in
            let session = try requireSession(context)
            let upload = try actions.upload(try context.parameters.require("id"), for: session.account)
            guard let url = services.uploads.rejectsURL(upload),
                let data = FileManager.default.contents(atPath: url.path)
            else {
                throw HTTPError(.notFound)
            }
            let name = (upload.originalName as NSString).deletingPathExtension + ".rejects.csv"
            return Response(
                status: .ok,
                headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: WebSecurity.attachment(name)],
                body: .init(byteBuffer: ByteBuffer(data: data)))
        }
        router.get("/batches/{id}") { request, context -> Response in
            let session = try requireSession(context)
            let batch = try await actions.batch(try context.parameters.require("id"), for: session.account)
            let rejections = try await services.store.rejections(of: batch, as: session.account.storeRole).rows.prefix(
                PendingUploads.shownRejections)
            var data: [String: Any] = [
                "batch": TeamActions.values(batch),
                "rejections": rejections.map { ["row": $0.row, "reasons": $0.reasons] as [String: Any] },
                "hasRejections": !rejections.isEmpty,
            ]
            if request.uri.queryParameters["already"] == "1" { data["already"] = true }
            return services.pages.render("batch", title: "batch", data: data, context: context)
        }
    }

    private func home(_ context: WebContext) async throws -> Response {
        let session = try requireSession(context)
        let batches = try await actions.batches(for: session.account)
        return services.pages.render(
            "home", title: "home",
            data: [
                "batches": batches.map(TeamActions.values), "hasBatches": !batches.isEmpty,
                "csrf": session.csrf,
            ], context: context)
    }

    private func reportValues(_ upload: PendingUpload, context: WebContext, csrf: String) -> [String: Any] {
        let report = upload.report
        let language = context.language
        var values: [String: Any] = [
            "id": upload.id, "originalName": upload.originalName, "csrf": csrf, "instrumentID": report.instrumentID,
            "rowsRead": report.rowsRead, "accepted": report.accepted, "rejected": report.rejected,
            "encoding": report.encoding,
            "byRule": report.byRule.map {
                ["name": WebText.ruleName($0.name, context.language), "count": $0.count] as [String: Any]
            },
            "byColumn": report.byColumn.map {
                ["name": $0.name.isEmpty ? WebMessage.wholeRow.text(language) : $0.name, "count": $0.count]
                    as [String: Any]
            },
            "rejections": report.rejections.map {
                [
                    "file": $0.file, "row": $0.row.map(String.init) ?? "", "column": $0.column, "value": $0.value,
                    "rule": WebText.ruleName($0.rule, context.language),
                    "reason": language.pick(vi: $0.reasonVI, en: $0.reasonEN),
                ] as [String: Any]
            },
            "canAccept": report.accepted > 0, "hasRejections": !report.byRule.isEmpty,
        ]
        if report.moreRejections > 0 { values["moreRejections"] = report.moreRejections }
        if let error = report.errorEN { values["error"] = language.pick(vi: report.errorVI ?? error, en: error) }
        return values
    }
}

/// The session of a signed-in request (the middleware lets no other through); 401 otherwise.
func requireSession(_ context: WebContext) throws -> WebSessionRecord {
    guard let session = context.session else { throw HTTPError(.unauthorized) }
    return session
}
