import Foundation
import Hummingbird
import NIOCore
import NIOFoundationCompat
import SIPASCore
import SIPASInstruments
import SIPASReport
import SIPASStats
import SIPASStore

/// `GET /analysis` (and `.csv`, `.json`): the indices with their confidence intervals on the
/// responses in force that the account may see (a team member: its team's batches), by the
/// instrument's default breakdowns, as `sipas analyze --store` computes and renders them.
struct AnalysisRoutes {
    let services: WebServices

    func add(to router: Router<WebContext>) {
        router.get("/analysis") { request, context -> Response in
            let account = try requireSession(context).account
            do {
                let report = try await analyze(account, year: Self.year(request), language: context.language)
                let text = try report.render(.table)
                return services.pages.render(
                    "analysis", title: "analysis",
                    data: ["table": text, "sources": report.sources.joined(separator: ", ")],
                    context: context)
            } catch let error as HTTPError {
                throw error
            } catch {
                return services.pages.render(
                    "message", title: "analysis",
                    data: ["kind": "error", "text": Self.message(error, context.language)],
                    context: context, status: .unprocessableContent)
            }
        }
        for (suffix, format, type) in [
            ("csv", ReportFormat.csv, "text/csv; charset=utf-8"), ("json", .json, "application/json"),
        ] {
            router.get("/analysis.\(suffix)") { request, context -> Response in
                let account = try requireSession(context).account
                let report: AnalysisReport
                do {
                    report = try await analyze(account, year: Self.year(request), language: context.language)
                } catch let error as HTTPError {
                    throw error
                } catch {
                    throw HTTPError(.unprocessableContent, message: Self.message(error, context.language))
                }
                return Response(
                    status: .ok,
                    headers: [.contentType: type, .contentDisposition: WebSecurity.attachment("analysis.\(suffix)")],
                    body: .init(byteBuffer: ByteBuffer(string: try report.render(format))))
            }
        }
    }

    static func year(_ request: Request) -> Int? {
        request.uri.queryParameters["year"].flatMap { Int(String($0)) }
    }

    static func message(_ error: any Error, _ language: Language) -> String {
        switch error {
        case let error as StoreError: return error.message(language)
        default: return String(describing: error)
        }
    }

    /// The analysis of the batches in force the account may see.
    private func analyze(_ account: WebAccount, year: Int?, language: Language) async throws -> AnalysisReport {
        let names: [String]? =
            account.seesAllTeams
            ? nil : try await TeamActions(services: services).batches(for: account).filter(\.isInForce).map(\.name)
        if let names, names.isEmpty { throw StoreError(.noResponses(year: year, instrument: nil)) }
        let role = account.storeRole
        let selection = try await services.store.select(ResponseSelection(year: year, batches: names), as: role)
        guard let instrument = try BuiltinInstruments.named(selection.instrumentID) else {
            throw StoreError(.noResponses(year: year, instrument: selection.instrumentID))
        }
        let accumulator = try await services.store.reduceRecords(
            in: selection, year: year, layout: instrument.recordLayout, as: role,
            into: SurveyAccumulator(plan: try AnalysisPlan(instrument: instrument))
        ) { try $0.add($1) }
        return try await services.run {
            let result = try SurveyEstimator.estimate(accumulator)
            return AnalysisReport(
                result: result,
                labeler: ResultLabeler(instrument: instrument, language: language, year: accumulator.surveyYear),
                sources: selection.batches.map(\.name), rowsRead: selection.rowsRead, accepted: selection.accepted,
                rejected: selection.rejected)
        }
    }
}
