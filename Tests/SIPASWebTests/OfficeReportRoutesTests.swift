import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import NIOFoundationCompat
import SIPASCore
import SIPASInstruments
import SIPASReport
import SIPASReportJobs
import SIPASStats
import SIPASStore
import SIPASTestSupport
import Testing

@testable import SIPASWeb

/// The office's comparison, targets and annual report pages over a store holding the first rows
/// of SampleData/2023.csv and 2024.csv, each loaded as a batch named like its file. The store keeps
/// no synthetic-data marker, so the JSON is compared without it (as Tests/sipasTests/YearInputTests).
@Suite("Office pages: comparison, targets, annual report", .serialized)
struct OfficeReportRoutesTests {
    static let rows = 3000

    /// The JSON without the synthetic-data marker, which the store's batches do not carry.
    static func withoutDataSource(_ json: String) -> String {
        json.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains("\"data_source\"") && !$0.contains("\"data_source_note\"") }.joined(separator: "\n")
    }

    /// The harness with both years loaded, and the two files (same names as the batches' files).
    static func loaded() async throws -> (WebHarness, files: [URL]) {
        let harness = try await WebHarness.make()
        var files: [URL] = []
        for year in ["2023", "2024"] {
            let text = try String(
                contentsOf: Fixtures.repositoryRoot.appendingPathComponent("SampleData/\(year).csv"), encoding: .utf8)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: true).prefix(rows + 1)
            let folder = harness.directory.appendingPathComponent(year, isDirectory: true)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let file = folder.appendingPathComponent("\(year).csv")
            try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
            let instrument = try #require(try BuiltinInstruments.named("sipas-2023"))
            _ = try harness.store.importFile(file, instrument: instrument, team: "a", name: "a/\(year).csv", threads: 1)
            files.append(file)
        }
        return (harness, files)
    }

    @Test("team members get 404 on every office page; without a session, 401 on the API")
    func officeOnly() async throws {
        let harness = try await WebHarness.make()
        let id = UUID().uuidString.lowercased()
        try await harness.application().test(.router) { client in
            let a = try await SignedIn.login(client, "team-a")
            for uri in [
                "/compare", "/compare?from=2023&to=2024", "/compare.csv?from=2023&to=2024", "/targets",
                "/annual-report",
                "/annual-report/\(id)", "/annual-report/\(id)/report.html", "/annual-report/\(id)/csv/summary.csv",
                "/api/years", "/api/compare?from=2023&to=2024", "/api/targets?plan=bac-giang-2025&year=2024",
            ] {
                let response = try await client.execute(uri: uri, method: .get, headers: a.headers)
                #expect(response.status == .notFound, "\(uri)")
            }
            #expect(try await a.post(client, "/annual-report", fields: "year=2024").status == .notFound)
            #expect(try await client.execute(uri: "/api/years", method: .get).status == .unauthorized)
        }
    }

    @Test("the comparison and the targets are the command line's, on the files the batches came from")
    func comparisonAndTargets() async throws {
        let (harness, files) = try await Self.loaded()
        let fromFiles = try await ComparisonJob(inputs: files.map { .file($0.path) }, instrument: nil, language: .vi)
            .run().report.render(.json)
        let plan = try #require(try BuiltinTargets.named("bac-giang-2025"))
        var settings = AnalysisSettings(
            instrument: nil, breakdowns: nil, lonelyPSU: nil, estimation: EstimationOptions(), rejects: nil,
            language: .en)
        settings.targetPlan = plan
        settings.rejects = harness.directory.appendingPathComponent("rejects.csv").path
        let run = try AnalysisRunner.run([files[1].path], settings)
        #expect(run.accepted == Self.rows)
        var report = AnalysisReport(
            result: run.result.removingTargetUnits(),
            labeler: ResultLabeler(instrument: run.instrument, language: .en, year: run.year),
            sources: ["2024.csv"], rowsRead: run.rowsRead, accepted: run.accepted, rejected: run.rejected)
        report.targets = InstrumentResolver.assess(plan, run)
        report.provenance = run.provenance
        let expectedTargets = try report.render(.json)
        try await harness.application().test(.router) { client in
            let analyst = try await SignedIn.login(client, "analyst")
            let years = try await client.execute(uri: "/api/years", method: .get, headers: analyst.headers)
            #expect(String(buffer: years.body) == #"{"years":[2023,2024]}"#)
            let compared = try await client.execute(
                uri: "/api/compare?from=2023&to=2024", method: .get, headers: analyst.headers)
            #expect(compared.status == .ok)
            #expect(Self.withoutDataSource(String(buffer: compared.body)) == Self.withoutDataSource(fromFiles))
            #expect(fromFiles.contains("\"data_source\" : \"synthetic\""))
            let page = try await client.execute(
                uri: "/compare?from=2023&to=2024", method: .get, headers: analyst.headers)
            #expect(String(buffer: page.body).contains(#"<pre id="comparison">"#))
            let csv = try await client.execute(
                uri: "/compare.csv?from=2023&to=2024", method: .get, headers: analyst.headers)
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            let targets = try await client.execute(
                uri: "/api/targets?plan=bac-giang-2025&year=2024&lang=en", method: .get, headers: analyst.headers)
            #expect(Self.withoutDataSource(String(buffer: targets.body)) == Self.withoutDataSource(expectedTargets))
            let unknown = try await client.execute(
                uri: "/api/targets?plan=no-such-plan&year=2024", method: .get, headers: analyst.headers)
            #expect(unknown.status == .notFound)
        }
    }

    @Test("the annual report: written on POST with CSRF, its HTML shown, the Excel, CSV and SPSS files downloaded")
    func annualReport() async throws {
        let (harness, _) = try await Self.loaded()
        try await harness.application().test(.router) { client in
            let analyst = try await SignedIn.login(client, "analyst")
            var headers = analyst.headers
            headers[.contentType] = "application/x-www-form-urlencoded"
            let forged = try await client.execute(
                uri: "/annual-report", method: .post, headers: headers, body: ByteBuffer(string: "year=2024"))
            #expect(forged.status == .forbidden)
            let written = try await analyst.post(client, "/annual-report", fields: "year=2024&previous=2023")
            #expect(written.status == .seeOther)
            let location = try #require(written.headers[.location])
            #expect(location.hasPrefix("/annual-report/"))
            let listing = String(
                buffer: try await client.execute(uri: location, method: .get, headers: analyst.headers).body)
            for name in ["report.html", "report.xlsx", "responses.sps", "responses.csv", "csv/summary.csv"] {
                #expect(listing.contains("href=\"\(location)/\(name)\""), "\(name)")
            }
            let html = try await client.execute(uri: location + "/report.html", method: .get, headers: analyst.headers)
            #expect(html.headers[.contentType] == "text/html; charset=utf-8")
            #expect(html.headers[.contentSecurityPolicy] == WebSecurity.reportPolicy)
            #expect(html.headers[.contentDisposition] == nil)
            #expect(String(buffer: html.body).hasPrefix("<!DOCTYPE html>"))
            let xlsx = try await client.execute(uri: location + "/report.xlsx", method: .get, headers: analyst.headers)
            #expect(xlsx.headers[.contentType] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            #expect(Array(Data(buffer: xlsx.body).prefix(4)) == [0x50, 0x4B, 0x03, 0x04])
            #expect(xlsx.headers[.contentDisposition]?.hasPrefix("attachment; filename=\"report.xlsx\"") == true)
            let sps = try await client.execute(uri: location + "/responses.sps", method: .get, headers: analyst.headers)
            #expect(sps.headers[.contentType] == "text/plain; charset=utf-8")
            #expect(String(buffer: sps.body).contains("GET DATA"))
            let summary = try await client.execute(
                uri: location + "/csv/summary.csv", method: .get, headers: analyst.headers)
            #expect(summary.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(summary.status == .ok)
            for uri in [
                location + "/..%2Fsipas.db", location + "/upload.json", location + "/csv/..%2F..%2Fsipas.db",
                "/annual-report/not-a-uuid",
            ] {
                #expect(
                    try await client.execute(uri: uri, method: .get, headers: analyst.headers).status == .notFound,
                    "\(uri)")
            }
        }
    }
}
