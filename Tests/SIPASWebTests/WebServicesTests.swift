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
import SIPASStorePostgres
import SIPASTestSupport
import Testing

@testable import SIPASWeb

/// The web front door over either store (``SurveyStoring``): concurrent uploads stored exactly
/// once, and on PostgreSQL a team kept from another team's batch by the server's row-level security.
@Suite("Web services over SQLite and PostgreSQL", .serialized)
struct WebServicesTests {
    /// The province codes of the 2024 sample (a PostgreSQL team role may load these).
    static let provinces: [String] = {
        let text =
            (try? String(
                contentsOf: Fixtures.repositoryRoot.appendingPathComponent("SampleData/2024.csv"), encoding: .utf8))
            ?? ""
        return Array(
            Set(
                text.split(separator: "\n").dropFirst().map {
                    String($0.split(separator: ",", omittingEmptySubsequences: false)[2])
                })
        ).sorted()
    }()

    /// Web services over a fresh PostgreSQL database (teams `a_…`, `b_…`, a web server role), with the
    /// harness's accounts bound to those teams.
    static func postgres() async throws -> (services: WebServices, pool: PostgresStorePool) {
        let admin = try PostgresTestServer.freshDatabase()
        let suffix = String(admin.suffix(8))
        let store = try await PostgresStore.connect(admin, migrate: true)
        try await store.createTeam("a_\(suffix)", password: nil, provinces: provinces)
        try await store.createTeam("b_\(suffix)", password: nil, provinces: provinces)
        try await store.createWebServer("web_\(suffix)", password: nil)
        await store.close()
        let pool = try await PostgresStorePool.connect(PostgresTestServer.url(admin, as: "web_\(suffix)"), size: 4)
        let hash = await Passwords.hash(WebHarness.password, cost: 10)
        try await pool.addAccount(WebAccount(name: "team-a", passwordHash: hash, role: .team, team: "a_\(suffix)"))
        try await pool.addAccount(WebAccount(name: "team-b", passwordHash: hash, role: .team, team: "b_\(suffix)"))
        try await pool.addAccount(WebAccount(name: "analyst", passwordHash: hash, role: .analyst))
        var configuration = WebConfiguration(
            uploadDirectory: try Fixtures.temporaryDirectory().appendingPathComponent("uploads"), bcryptCost: 10)
        configuration.storeLocation = PostgresTestServer.url(admin, as: "web_\(suffix)")
        return (try WebServices(store: pool, configuration: configuration), pool)
    }

    /// Uploads `text` through the API and accepts it; the accept's status and outcome.
    static func uploadAndAccept(_ client: some TestClientProtocol, _ user: SignedIn, name: String, text: String)
        async throws -> (Int, String)
    {
        var headers = user.headers
        headers[.xCSRFToken] = user.csrf
        let uploaded = try await client.execute(
            uri: "/api/uploads?name=\(name)", method: .post, headers: headers, body: ByteBuffer(string: text))
        guard uploaded.status == .created else { return (Int(uploaded.status.code), "") }
        let upload = try JSONDecoder().decode(PendingUpload.self, from: Data(buffer: uploaded.body))
        let accepted = try await client.execute(
            uri: "/api/uploads/\(upload.id)/accept", method: .post, headers: headers)
        let outcome =
            (try? JSONDecoder().decode(APIRoutes.Accepted.self, from: Data(buffer: accepted.body)))?.outcome ?? ""
        return (Int(accepted.status.code), outcome)
    }

    /// Four uploads of 500 rows at once, plus the first file again: four batches, every accepted
    /// row stored once.
    static func fourConcurrentUploads(_ services: WebServices, team: StoreRole) async throws {
        let files = try (0..<4).map { try WebHarness.sample(rows: 500, skip: 500 * $0) }
        try await Application(router: WebServer.makeRouter(services)).test(.router) { client in
            let a = try await SignedIn.login(client, "team-a")
            let results = try await withThrowingTaskGroup(of: (Int, String).self) { group in
                for (i, text) in files.enumerated() {
                    group.addTask { try await Self.uploadAndAccept(client, a, name: "part\(i).csv", text: text) }
                }
                var results: [(Int, String)] = []
                for try await result in group { results.append(result) }
                return results
            }
            #expect(results.map(\.0) == [201, 201, 201, 201])
            #expect(results.map(\.1) == ["loaded", "loaded", "loaded", "loaded"])
            let again = try await Self.uploadAndAccept(client, a, name: "part0.csv", text: files[0])
            #expect(again.0 == 200 && again.1 == "alreadyLoaded")
        }
        let batches = try await services.store.batches(as: team)
        #expect(batches.count == 4)
        #expect(batches.allSatisfy { $0.rowsRead == 500 })
        #expect(try await services.store.responseCount(as: team) == batches.reduce(0) { $0 + $1.accepted })
        #expect(batches.reduce(0) { $0 + $1.accepted } > 1900)
    }

    @Test("SQLite: four concurrent uploads of 500 rows are stored exactly once")
    func concurrentUploadsOnSQLite() async throws {
        let harness = try await WebHarness.make()
        try await Self.fourConcurrentUploads(harness.services, team: .team("a"))
    }

    @Test("PostgreSQL: four concurrent uploads of 500 rows are stored exactly once")
    func concurrentUploadsOnPostgres() async throws {
        let (services, pool) = try await Self.postgres()
        guard case .team(let team) = try #require(try await pool.account(named: "team-a")).storeRole else { return }
        try await Self.fourConcurrentUploads(services, team: .team(team))
        await pool.close()
    }

    @Test("PostgreSQL: team A asking for team B's batch by id gets 404; the analyst sees both")
    func teamIsolationOnPostgres() async throws {
        let (services, pool) = try await Self.postgres()
        try await Application(router: WebServer.makeRouter(services)).test(.router) { client in
            let a = try await SignedIn.login(client, "team-a")
            let b = try await SignedIn.login(client, "team-b")
            #expect(
                try await Self.uploadAndAccept(client, a, name: "a.csv", text: try WebHarness.sample(rows: 30)) == (
                    201, "loaded"
                ))
            #expect(
                try await Self.uploadAndAccept(
                    client, b, name: "b.csv", text: try WebHarness.sample(rows: 20, skip: 30)) == (201, "loaded"))
            let all = try await pool.batches(as: .analyst)
            let (batchA, batchB) = (
                try #require(all.first { $0.fileName == "a.csv" }), try #require(all.first { $0.fileName == "b.csv" })
            )
            #expect(
                try await client.execute(uri: "/batches/\(batchB.id)", method: .get, headers: a.headers).status
                    == .notFound)
            #expect(
                try await client.execute(uri: "/api/batches/\(batchB.id)", method: .get, headers: a.headers).status
                    == .notFound)
            #expect(
                try await client.execute(uri: "/batches/\(batchA.id)", method: .get, headers: a.headers).status == .ok)
            let analyst = try await SignedIn.login(client, "analyst")
            for batch in [batchA, batchB] {
                #expect(
                    try await client.execute(uri: "/batches/\(batch.id)", method: .get, headers: analyst.headers).status
                        == .ok)
            }
            let listed = try await client.execute(uri: "/api/batches", method: .get, headers: analyst.headers)
            #expect(try JSONDecoder().decode([BatchInfo].self, from: Data(buffer: listed.body)).count == 2)
        }
        await pool.close()
    }

    @Test("PostgreSQL: the office's targets page reads as sipas_analyst and gives the command line's JSON")
    func officeTargetsOnPostgres() async throws {
        let (services, pool) = try await Self.postgres()
        let rows = try WebHarness.sample(rows: 300)
        let directory = try Fixtures.temporaryDirectory()
        let file = directory.appendingPathComponent("a.csv")
        try rows.write(to: file, atomically: true, encoding: .utf8)
        let plan = try #require(try BuiltinTargets.named("bac-giang-2025"))
        var settings = AnalysisSettings(
            instrument: nil, breakdowns: nil, lonelyPSU: nil, estimation: EstimationOptions(), rejects: nil,
            language: .en)
        settings.targetPlan = plan
        settings.rejects = directory.appendingPathComponent("rejects.csv").path
        let run = try AnalysisRunner.run([file.path], settings)
        var report = AnalysisReport(
            result: run.result.removingTargetUnits(),
            labeler: ResultLabeler(instrument: run.instrument, language: .en, year: run.year),
            sources: ["a.csv"], rowsRead: run.rowsRead, accepted: run.accepted, rejected: run.rejected)
        report.targets = InstrumentResolver.assess(plan, run)
        report.provenance = run.provenance
        let expected = try report.render(.json)
        try await Application(router: WebServer.makeRouter(services)).test(.router) { client in
            let a = try await SignedIn.login(client, "team-a")
            #expect(try await Self.uploadAndAccept(client, a, name: "a.csv", text: rows) == (201, "loaded"))
            let analyst = try await SignedIn.login(client, "analyst")
            let targets = try await client.execute(
                uri: "/api/targets?plan=bac-giang-2025&year=2024&lang=en", method: .get, headers: analyst.headers)
            #expect(targets.status == .ok)
            // Byte for byte, the synthetic-data marker included (the batch keeps its synthetic rows).
            #expect(String(buffer: targets.body) == expected)
            #expect(expected.contains("\"data_source\" : \"synthetic\""))
        }
        await pool.close()
    }
}
