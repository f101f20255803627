import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import NIOFoundationCompat
import SIPASStore
import Testing

@testable import SIPASWeb

@Suite("Team pages: upload, validation report, accept, team isolation")
struct TeamRoutesTests {
    /// 40 rows of the 2024 sample; rows 3, 5 and 7 of them carry markup, a formula and SQL in an answer cell.
    static let answer = try! WebHarness.column("POL_interest_econ")
    static let edited = try! WebHarness.sample(rows: 40) { i, fields in
        switch i {
        case 3: fields[answer] = "<script>alert(1)</script>"
        case 5: fields[answer] = "=1+2"
        case 7: fields[answer] = "'); DROP TABLE response; --"
        default: break
        }
    }

    @Test("upload → report with reasons (markup inert) → accept → batch; the same file again stores nothing")
    func uploadAndAccept() async throws {
        let harness = try await WebHarness.make()
        let baseline = PendingUploads.validate(
            try Self.write(WebHarness.sample(rows: 40), harness),
            rejects: harness.directory.appendingPathComponent("r.csv"), language: .vi)
        try await harness.application().test(.router) { client in
            let a = try await SignedIn.login(client, "team-a")
            let uploaded = try await a.upload(client, name: "../../2024 đợt 1.csv", text: Self.edited)
            #expect(uploaded.status == .seeOther)
            let location = try #require(uploaded.headers[.location])
            #expect(location.hasPrefix("/uploads/"))
            let page = try await client.execute(uri: location, method: .get, headers: a.headers)
            let html = String(buffer: page.body)
            #expect(page.status == .ok)
            #expect(html.contains("<dd id=\"rows-read\">40</dd>"))
            #expect(html.contains("<dd id=\"rows-rejected\">\(baseline.rejected + 3)</dd>"))
            #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!html.contains("<script>"))
            #expect(
                html.contains("&#39;); DROP TABLE response; --") || html.contains("&#x27;); DROP TABLE response; --"))
            #expect(html.contains("POL_interest_econ"))

            let accepted = try await a.post(client, location + "/accept")
            #expect(accepted.status == .seeOther)
            let batchURI = try #require(accepted.headers[.location])
            let batchPage = String(
                buffer: try await client.execute(uri: batchURI, method: .get, headers: a.headers).body)
            #expect(batchPage.contains("<dd id=\"batch-accepted\">\(baseline.accepted - 3)</dd>"))
            #expect(batchPage.contains("<dd id=\"batch-name\">a/2024 đợt 1.csv</dd>"))

            // The same file uploaded and accepted again: nothing more is stored.
            let again = try #require(try await a.upload(client, name: "copy.csv", text: Self.edited).headers[.location])
            let second = try await a.post(client, again + "/accept")
            #expect(second.headers[.location] == batchURI + "?already=1")
            let batches = try harness.store.batches()
            #expect(batches.count == 1)
            #expect(batches[0].accepted == baseline.accepted - 3)
            // SQL in a cell is data: the response table is still there and readable.
            #expect(try harness.store.select(.init()).responses == baseline.accepted - 3)
        }
    }

    @Test("team B gets 404 for team A's batch and upload; an analyst sees both teams")
    func teamIsolation() async throws {
        let harness = try await WebHarness.make()
        try await harness.application().test(.router) { client in
            let a = try await SignedIn.login(client, "team-a")
            let b = try await SignedIn.login(client, "team-b")
            let uploadA = try #require(
                try await a.upload(client, name: "a.csv", text: WebHarness.sample(rows: 40)).headers[.location])
            let batchA = try #require(try await a.post(client, uploadA + "/accept").headers[.location])
            let uploadB = try #require(
                try await b.upload(client, name: "b.csv", text: WebHarness.sample(rows: 200, skip: 3000)).headers[
                    .location])
            _ = try await b.post(client, uploadB + "/accept")

            #expect(try await client.execute(uri: batchA, method: .get, headers: b.headers).status == .notFound)
            #expect(try await client.execute(uri: uploadA, method: .get, headers: b.headers).status == .notFound)
            #expect(try await b.post(client, uploadA + "/accept").status == .notFound)
            #expect(
                try await client.execute(uri: "/api" + batchA, method: .get, headers: b.headers).status == .notFound)
            #expect(
                try await client.execute(uri: uploadA + "/rejects.csv", method: .get, headers: b.headers).status
                    == .notFound)

            func teams(_ who: SignedIn) async throws -> Set<String> {
                let body = try await client.execute(uri: "/api/batches", method: .get, headers: who.headers).body
                return Set(try JSONDecoder().decode([BatchInfo].self, from: Data(buffer: body)).map(\.team))
            }
            #expect(try await teams(b) == ["b"])
            #expect(try await teams(a) == ["a"])
            let analyst = try await SignedIn.login(client, "analyst")
            #expect(try await teams(analyst) == ["a", "b"])
            #expect(try await client.execute(uri: batchA, method: .get, headers: analyst.headers).status == .ok)
            // The analysis reads the batches the account may see.
            let analysisB = String(
                buffer: try await client.execute(uri: "/analysis", method: .get, headers: b.headers).body)
            #expect(analysisB.contains("<pre id=\"analysis\">"))
            #expect(analysisB.contains("b/b.csv") && !analysisB.contains("a/a.csv"))
            let analysisAll = String(
                buffer: try await client.execute(uri: "/analysis", method: .get, headers: analyst.headers).body)
            #expect(analysisAll.contains("a/a.csv") && analysisAll.contains("b/b.csv"))
        }
    }

    @Test("an upload over the limit is refused with 413 and leaves no file")
    func oversized() async throws {
        let harness = try await WebHarness.make(maxUploadBytes: 4096)
        try await harness.application().test(.router) { client in
            let a = try await SignedIn.login(client, "team-a")
            let response = try await a.upload(client, name: "big.csv", text: WebHarness.sample(rows: 200))
            #expect(response.status == .contentTooLarge)
            let left = try FileManager.default.contentsOfDirectory(
                atPath: harness.directory.appendingPathComponent("uploads").path)
            #expect(left.isEmpty)
        }
    }

    @Test("a binary file that is not an .xlsx is refused with 415")
    func binaryRefused() async throws {
        let harness = try await WebHarness.make()
        try await harness.application().test(.router) { client in
            let a = try await SignedIn.login(client, "team-a")
            #expect(try await a.upload(client, name: "x.csv", text: "a,b\u{0}c\n").status == .unsupportedMediaType)
        }
    }

    static func write(_ text: String, _ harness: WebHarness) throws -> URL {
        let url = harness.directory.appendingPathComponent("baseline.csv")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test(
        "a file another team already stored: 409 naming no batch, nothing written; the same team is sent to its batch")
    func identicalFileOfAnotherTeam() async throws {
        let harness = try await WebHarness.make()
        let text = try WebHarness.sample(rows: 30)
        try await harness.application().test(.router) { client in
            let a = try await SignedIn.login(client, "team-a")
            let b = try await SignedIn.login(client, "team-b")
            let uploadA = try #require(try await a.upload(client, name: "a.csv", text: text).headers[.location])
            let batchA = try #require(try await a.post(client, uploadA + "/accept").headers[.location])
            let uploadB = try #require(try await b.upload(client, name: "b.csv", text: text).headers[.location])
            let refused = try await b.post(client, uploadB + "/accept")
            #expect(refused.status == .conflict)
            #expect(refused.headers[.location] == nil)
            let body = String(buffer: refused.body)
            #expect(!body.contains(batchA) && !body.contains("a/a.csv") && !body.contains("a.csv"))
            var headers = b.headers
            headers[.xCSRFToken] = b.csrf
            let api = try await client.execute(uri: "/api" + uploadB + "/accept", method: .post, headers: headers)
            #expect(api.status == .conflict)
            #expect(!String(buffer: api.body).contains("a.csv"))
            #expect(try harness.store.batches().count == 1)
            // The analyst loading the same file is told where it is.
            let analyst = try await SignedIn.login(client, "analyst")
            let uploadC = try #require(try await analyst.upload(client, name: "c.csv", text: text).headers[.location])
            #expect(try await analyst.post(client, uploadC + "/accept").headers[.location] == batchA + "?already=1")
        }
    }

    @Test("the report page names the rules in the page's language (the API keeps the keys)")
    func ruleNames() async throws {
        let harness = try await WebHarness.make()
        let report = PendingUploads.validate(
            try Self.write(Self.edited, harness), rejects: harness.directory.appendingPathComponent("r.csv"),
            language: .vi)
        #expect(!report.byRule.isEmpty)
        try await harness.application().test(.router) { client in
            let a = try await SignedIn.login(client, "team-a")
            let location = try #require(try await a.upload(client, name: "e.csv", text: Self.edited).headers[.location])
            let vi = String(buffer: try await client.execute(uri: location, method: .get, headers: a.headers).body)
            let en = String(
                buffer: try await client.execute(uri: location + "?lang=en", method: .get, headers: a.headers).body)
            for rule in report.byRule {
                let name = WebText.ruleName(rule.name, .vi)
                #expect(name != rule.name)
                #expect(vi.contains("<tr><td>\(name)</td><td class=\"n\">\(rule.count)</td></tr>"))
                #expect(!vi.contains("<td>\(rule.name)</td>"))
                #expect(en.contains("<tr><td>\(rule.name)</td><td class=\"n\">\(rule.count)</td></tr>"))
            }
            var headers = a.headers
            headers[.xCSRFToken] = a.csrf
            let api = String(
                buffer: try await client.execute(uri: "/api" + location, method: .get, headers: headers).body)
            #expect(api.contains("\"name\":\"\(report.byRule[0].name)\""))
        }
    }
}
