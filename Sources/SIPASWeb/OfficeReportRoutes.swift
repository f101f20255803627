import Foundation
import Hummingbird
import NIOCore
import NIOFoundationCompat
import SIPASCore
import SIPASInstruments
import SIPASReport
import SIPASStore

/// The office's result pages (analysts and administrators; a team member gets 404): the year
/// comparison (`GET /compare?from=&to=`, and `.csv`/`.json`), the targets of a plan
/// (`GET /targets?plan=&year=`), and the annual report (`POST /annual-report` writes it,
/// `GET /annual-report/{id}` lists its files, `GET /annual-report/{id}/{file}` serves one).
struct OfficeReportRoutes {
    let services: WebServices
    var jobs: OfficeJobs { OfficeJobs(services: services) }

    func add(to router: Router<WebContext>) {
        router.get("/compare") { request, context -> Response in
            try requireOffice(context)
            let years = try await jobs.years()
            let (from, to) = (Self.int(request, "from"), Self.int(request, "to"))
            var data: [String: Any] = [
                "from": Self.choices(years, selected: from ?? years.dropLast().last),
                "to": Self.choices(years, selected: to ?? years.last),
            ]
            if let from, let to {
                do {
                    data["table"] = try await jobs.compare(from, to, language: context.language).render(.table)
                    data["query"] = "from=\(from)&to=\(to)"
                } catch { data["error"] = AnalysisRoutes.message(error, context.language) }
            }
            return services.pages.render("compare", title: "compare", data: data, context: context)
        }
        for (suffix, format, type) in [
            ("csv", ReportFormat.csv, "text/csv; charset=utf-8"), ("json", .json, "application/json"),
        ] {
            router.get("/compare.\(suffix)") { request, context -> Response in
                try requireOffice(context)
                guard let from = Self.int(request, "from"), let to = Self.int(request, "to") else {
                    throw HTTPError(.badRequest)
                }
                let text: String
                do { text = try await jobs.compare(from, to, language: context.language).render(format) } catch {
                    throw HTTPError(.unprocessableContent, message: AnalysisRoutes.message(error, context.language))
                }
                return Response(
                    status: .ok,
                    headers: [
                        .contentType: type,
                        .contentDisposition: WebSecurity.attachment("compare-\(from)-\(to).\(suffix)"),
                    ],
                    body: .init(byteBuffer: ByteBuffer(string: text)))
            }
        }
        router.get("/targets") { request, context -> Response in
            try requireOffice(context)
            let years = try await jobs.years()
            let plans = try BuiltinTargets.all()
            let year = Self.int(request, "year")
            let planID = request.uri.queryParameters["plan"].map(String.init)
            var data: [String: Any] = [
                "years": Self.choices(years, selected: year ?? years.last),
                "plans": plans.map { ["id": $0.id, "selected": $0.id == planID] as [String: Any] },
            ]
            if let year, let planID {
                guard let plan = plans.first(where: { $0.id == planID }) else { throw HTTPError(.notFound) }
                do {
                    data["table"] = try await jobs.targets(plan, year: year, language: context.language).render(.table)
                } catch {
                    data["error"] = AnalysisRoutes.message(error, context.language)
                }
            }
            return services.pages.render("targets", title: "targets", data: data, context: context)
        }
        router.get("/annual-report") { _, context -> Response in
            let session = try requireOffice(context)
            let years = try await jobs.years()
            return services.pages.render(
                "annual", title: "annualReport",
                data: [
                    "years": Self.choices(years, selected: years.last),
                    "previous": Self.choices(years, selected: years.dropLast().last),
                    "csrf": session.csrf,
                ], context: context)
        }
        router.post("/annual-report") { request, context -> Response in
            try requireOffice(context)
            var request = request
            let fields = FormFields.parse(String(buffer: try await request.collectBody(upTo: context.maxUploadSize)))
            guard let year = fields["year"].flatMap({ Int($0) }) else { throw HTTPError(.badRequest) }
            let previous = fields["previous"].flatMap { Int($0) }.flatMap { $0 < year ? $0 : nil }
            do {
                let id = try await jobs.annualReport(year: year, previous: previous, language: context.language)
                return .redirect(to: "/annual-report/\(id)", type: .normal)
            } catch {
                return services.pages.render(
                    "message", title: "annualReport",
                    data: ["kind": "error", "text": AnalysisRoutes.message(error, context.language)],
                    context: context, status: .unprocessableContent)
            }
        }
        router.get("/annual-report/{id}") { _, context -> Response in
            try requireOffice(context)
            let id = try context.parameters.require("id")
            let files = jobs.reportFiles(id)
            guard !files.isEmpty else { throw HTTPError(.notFound) }
            return services.pages.render(
                "annual", title: "annualReport",
                data: [
                    "id": id, "files": files.map { ["name": $0, "main": !$0.hasPrefix("csv/")] as [String: Any] },
                    "written": true,
                ], context: context)
        }
        router.get("/annual-report/{id}/{file}") { _, context -> Response in
            try requireOffice(context)
            return try reportFile(context, name: try context.parameters.require("file"))
        }
        router.get("/annual-report/{id}/csv/{file}") { _, context -> Response in
            try requireOffice(context)
            return try reportFile(context, name: "csv/" + (try context.parameters.require("file")))
        }
    }

    /// The same results as JSON for scripts: the years held, a comparison, a plan's targets.
    func addAPI(to router: Router<WebContext>) {
        struct Years: Codable { var years: [Int] }
        router.get("/api/years") { _, context -> Response in
            try requireOffice(context)
            return try .json(Years(years: try await jobs.years()))
        }
        router.get("/api/compare") { request, context -> Response in
            try requireOffice(context)
            guard let from = Self.int(request, "from"), let to = Self.int(request, "to") else {
                throw HTTPError(.badRequest)
            }
            return try await Self.jsonText(context) {
                try await jobs.compare(from, to, language: context.language).render(.json)
            }
        }
        router.get("/api/targets") { request, context -> Response in
            try requireOffice(context)
            guard let year = Self.int(request, "year"),
                let planID = request.uri.queryParameters["plan"].map(String.init)
            else {
                throw HTTPError(.badRequest)
            }
            guard let plan = try BuiltinTargets.named(planID) else { throw HTTPError(.notFound) }
            return try await Self.jsonText(context) {
                try await jobs.targets(plan, year: year, language: context.language).render(.json)
            }
        }
    }

    /// The JSON `make` renders, or 422 with the job's error.
    private static func jsonText(_ context: WebContext, _ make: () async throws -> String) async throws -> Response {
        let text: String
        do { text = try await make() } catch {
            throw HTTPError(.unprocessableContent, message: AnalysisRoutes.message(error, context.language))
        }
        return Response(
            status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// A file of a written report, by a name its folder lists; the HTML is shown, the rest downloaded.
    private func reportFile(_ context: WebContext, name: String) throws -> Response {
        let id = try context.parameters.require("id")
        guard jobs.reportFiles(id).contains(name), let folder = services.uploads.reports.slot(id),
            let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path)
        else { throw HTTPError(.notFound) }
        var response = Response(
            status: .ok, headers: [.contentType: OfficeJobs.contentType(name)],
            body: .init(byteBuffer: ByteBuffer(data: data)))
        if name == "report.html" {
            // The report is self-contained: its own styles and SVG charts, no script, nothing fetched.
            response.headers[.contentSecurityPolicy] = WebSecurity.reportPolicy
        } else {
            response.headers[.contentDisposition] = WebSecurity.attachment((name as NSString).lastPathComponent)
        }
        return response
    }

    /// The session when the account sees every team (analyst, administrator); 404 for a team member.
    @discardableResult
    private func requireOffice(_ context: WebContext) throws -> WebSessionRecord {
        let session = try requireSession(context)
        guard session.account.seesAllTeams else { throw HTTPError(.notFound) }
        return session
    }

    static func int(_ request: Request, _ name: String) -> Int? {
        request.uri.queryParameters[Substring(name)].flatMap { Int(String($0)) }
    }

    static func choices(_ years: [Int], selected: Int?) -> [[String: Any]] {
        years.map { ["year": $0, "selected": $0 == selected] }
    }
}
