import Foundation
import Hummingbird
import SIPASCore
import SIPASInstruments
import SIPASReport
import SIPASReportJobs
import SIPASStats
import SIPASStore

/// The office's year comparison, targets and annual report over the server's store, computed by
/// the code of `sipas compare`, `sipas analyze --targets` and `sipas report` (SIPASReportJobs), so
/// the pages give the command line's numbers. Only accounts that see every team reach them.
struct OfficeJobs {
    let services: WebServices

    /// The store as the jobs open it: the SQLite file path, or the PostgreSQL URL with
    /// `role=sipas_analyst` (the server's login role reads survey data only after `SET ROLE`, and
    /// these pages are for accounts that see every team).
    var location: String {
        get throws {
            let location = services.configuration.storeLocation
            guard !location.isEmpty else {
                throw HTTPError(.notImplemented, message: "no store location configured for the office jobs")
            }
            guard location.hasPrefix("postgres://") || location.hasPrefix("postgresql://") else { return location }
            return location + (location.contains("?") ? "&" : "?") + "role=sipas_analyst"
        }
    }

    /// The survey years that have responses in force in the store, oldest first: one query. A
    /// store that cannot be read is an error here, not a missing year.
    func years() async throws -> [Int] {
        try await services.store.years(as: .analyst)
    }

    /// `sipas compare --store … --years from,to`.
    func compare(_ from: Int, _ to: Int, language: Language) async throws -> ComparisonReport {
        let job = ComparisonJob(
            inputs: YearInput.list(files: [], store: try location, years: [from, to]), instrument: nil,
            language: language)
        return try await job.run().report
    }

    /// `sipas analyze --store … --year year --targets plan`: the indices and the plan's targets assessed.
    func targets(_ plan: TargetPlan, year: Int, language: Language) async throws -> AnalysisReport {
        var settings = AnalysisSettings(
            instrument: nil, breakdowns: nil, lonelyPSU: nil, estimation: EstimationOptions(), rejects: nil,
            language: language)
        settings.targetPlan = plan
        let run = try await AnalysisRunner.run(store: try location, year: year, settings)
        var report = AnalysisReport(
            result: run.result.removingTargetUnits(),
            labeler: ResultLabeler(instrument: run.instrument, language: language, year: run.year),
            sources: run.batches.map(\.fileName), rowsRead: run.rowsRead, accepted: run.accepted, rejected: run.rejected
        )
        report.targets = InstrumentResolver.assess(plan, run)
        report.provenance = run.provenance
        return report
    }

    /// The formats the web writes: all those of `sipas report` but Word.
    static let reportFormats: [AnnualReportFormat] = [.html, .md, .xlsx, .csv, .json, .sps]

    /// `sipas report --store … --year year [--previous-year previous]` written into a new folder of
    /// the report directory; returns the folder's id.
    func annualReport(year: Int, previous: Int?, language: Language) async throws -> String {
        let (id, directory) = try services.uploads.reports.makeSlot()
        do {
            let job = AnnualReportJob(
                inputs: YearInput.list(files: [], store: try location, years: [previous, year].compactMap { $0 }),
                instrument: nil, language: language, quiet: true)
            let prepared = try await job.prepare()
            let report = AnnualReportBuilder(prepared.input).build()
            _ = try ReportWriter(templates: try ReportTemplates(directory: nil))
                .write(report, formats: prepared.formats(Self.reportFormats), spss: prepared.spss, to: directory)
            return id
        } catch {
            services.uploads.reports.discard(id)
            throw error
        }
    }

    /// The files of report `id`, as paths relative to its folder (`report.html`, `csv/summary.csv`…), sorted.
    func reportFiles(_ id: String) -> [String] {
        guard let directory = services.uploads.reports.slot(id) else { return [] }
        let manager = FileManager.default
        let top = (try? manager.contentsOfDirectory(atPath: directory.path)) ?? []
        let tables = ((try? manager.contentsOfDirectory(atPath: directory.appendingPathComponent("csv").path)) ?? [])
            .map { "csv/" + $0 }
        return (top.filter { $0 != "csv" } + tables).sorted()
    }

    /// The media type of a report file by its extension.
    static func contentType(_ name: String) -> String {
        switch (name as NSString).pathExtension {
        case "html": return "text/html; charset=utf-8"
        case "md": return "text/markdown; charset=utf-8"
        case "csv": return "text/csv; charset=utf-8"
        case "json": return "application/json"
        case "xlsx": return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case "docx": return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        default: return "text/plain; charset=utf-8"
        }
    }
}
