import Foundation
import SIPASTestSupport
import Testing

/// `sipas store batches|show|export` on a PostgreSQL store (``PostgresTestServer``): the same
/// output as on a SQLite store holding the same files, read as the URL's role.
@Suite(.serialized) struct StoreCommandTests {
    typealias CLI = CommandLineTests

    /// Rows 1…40 of the 2024 sample (province 01) with row 5's weight spoilt: 39 accepted, 1 rejected.
    static func fileWithOneRejection(_ name: String, rows: ClosedRange<Int> = 1...40, in directory: URL) throws
        -> String
    {
        let path = try ImportCommandTests.part(name, rows: rows, in: directory)
        var lines = try String(contentsOfFile: path, encoding: .utf8).split(
            separator: "\n", omittingEmptySubsequences: false
        ).map(String.init)
        var fields = lines[5].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        fields[5] = "nặng"
        lines[5] = fields.joined(separator: ",")
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// A fresh migrated database with team `t_…` (province 01) and analyst `a_…`, set up by `sipas store setup`.
    static func database(in directory: URL) throws -> (admin: String, team: String, analyst: String) {
        let admin = try PostgresTestServer.freshDatabase()
        let suffix = String(admin.suffix(8))
        let team = "t_\(suffix)"
        let analyst = "a_\(suffix)"
        let setup = try CLI.sipas(
            ["store", "setup", "--store", admin, "--team", team, "--provinces", "01"], in: directory)
        #expect(setup.status == 0, "\(setup.stderr)")
        #expect(try CLI.sipas(["store", "setup", "--store", admin, "--analyst", analyst], in: directory).status == 0)
        return (admin, PostgresTestServer.url(admin, as: team), PostgresTestServer.url(admin, as: analyst))
    }

    @Test func batchesShowAndExportOnPostgresMatchSQLite() throws {
        let directory = try Fixtures.temporaryDirectory()
        let db = try Self.database(in: directory)
        let sqlite = directory.appendingPathComponent("sipas.db").path
        let first = try Self.fileWithOneRejection("hn.csv", in: directory)
        let second = try ImportCommandTests.part("hn-2.csv", rows: 41...60, in: directory)
        for store in [sqlite, db.team] {
            let load = try CLI.sipas(["import", first, second, "--store", store, "--accept-rejects"], in: directory)
            #expect(load.status == 0, "\(load.stderr)")
        }
        // batches: same header and columns; PostgreSQL names the loading role as the team.
        let listed = try [sqlite, db.team, db.analyst].map {
            try CLI.sipas(["store", "batches", "--store", $0, "--lang", "en"], in: directory)
        }
        #expect(listed.map(\.status) == [0, 0, 0], "\(listed.map(\.stderr))")
        let rows = listed.map {
            $0.stdout.split(separator: "\n").map {
                $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            }
        }
        #expect(rows[1].count == 3 && rows[1][0] == rows[0][0])
        for (s, p) in zip(rows[0].dropFirst(), rows[1].dropFirst()) {
            #expect(p.count == s.count)
            #expect(Array(p[3...8]) == Array(s[3...8]), "file, digest, instrument and counts")  // hn.csv … 40 39 1
            #expect(p[10] == "in force" && p[2] == "t_" + db.admin.suffix(8))
        }
        #expect(rows[2] == rows[1], "the analyst sees the team's batches")
        // show: same lines but the team and the time; the rejected row with its reason.
        let shown = try [sqlite, db.team].map {
            try CLI.sipas(["store", "show", "hn.csv", "--store", $0], in: directory)
        }
        #expect(shown.map(\.status) == [0, 0])
        func stable(_ text: String) -> [Substring] {
            text.split(separator: "\n").filter { !$0.hasPrefix("Nhóm") && !$0.hasPrefix("Nạp lúc") }
        }
        #expect(stable(shown[1].stdout) == stable(shown[0].stdout))
        #expect(shown[1].stdout.contains("  dòng "), "\(shown[1].stdout)")
        // export: the same CSV, byte for byte.
        let exported = try [sqlite, db.team, db.analyst].map {
            try CLI.sipas(["store", "export", "--store", $0], in: directory)
        }
        #expect(exported.map(\.status) == [0, 0, 0])
        #expect(exported[0].stdout.split(separator: "\n").count == 1 + 39 + 20)
        #expect(exported[1].stdout == exported[0].stdout)
        #expect(exported[2].stdout == exported[0].stdout)
        let year = try CLI.sipas(["store", "export", "--store", db.team, "--year", "2023"], in: directory)
        #expect(year.status == 65 && year.stderr.contains("năm 2023"), "\(year.stderr)")
    }

    @Test func aTeamSeesOnlyItsOwnBatchesAndMissingOnesAreReported() throws {
        let directory = try Fixtures.temporaryDirectory()
        let db = try Self.database(in: directory)
        let other = "o_" + db.admin.suffix(8)
        #expect(
            try CLI.sipas(["store", "setup", "--store", db.admin, "--team", other, "--provinces", "01"], in: directory)
                .status == 0)
        let file = try ImportCommandTests.part("hn.csv", rows: 1...10, in: directory)
        #expect(try CLI.sipas(["import", file, "--store", db.team], in: directory).status == 0)
        let foreign = try CLI.sipas(
            ["store", "batches", "--store", PostgresTestServer.url(db.admin, as: other)], in: directory)
        #expect(foreign.status == 0)
        #expect(foreign.stdout.split(separator: "\n").count == 1, "\(foreign.stdout)")
        let missing = try CLI.sipas(
            ["store", "show", "hn.csv", "--store", PostgresTestServer.url(db.admin, as: other), "--lang", "en"],
            in: directory)
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("no batch 'hn.csv'"))
        let unreachable = try CLI.sipas(
            ["store", "batches", "--store", "postgres://nobody@127.0.0.1:1/sipas", "--lang", "en"], in: directory)
        #expect(unreachable.status == 1)
        #expect(
            unreachable.stderr.contains("postgres://nobody@127.0.0.1:1/sipas: cannot open the store"),
            "\(unreachable.stderr)")
    }
}
