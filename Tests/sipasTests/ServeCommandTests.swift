import Foundation
import SIPASTestSupport
import Testing

/// `sipas serve user add|list|disable` on the built binary (the server itself: SIPASWebTests and Tests/Browser).
struct ServeCommandTests {
    static func sipas(_ arguments: [String], password: String) throws -> CommandLineTests.Run {
        let run = try ExternalProgram.run(CommandLineTests.binary, arguments, environment: ["SIPAS_PASSWORD": password])
        return .init(status: run.status, stdout: run.stdout, stderr: run.stderr)
    }

    @Test(
        "accounts: added, listed without passwords, disabled; a password over 72 bytes and a team member without a team exit 64"
    )
    func users() throws {
        let store = try Fixtures.temporaryDirectory().appendingPathComponent("web.db").path
        let added = try Self.sipas(
            [
                "serve", "user", "add", "lan", "--role", "team", "--team", "bac-giang", "--provinces", "24",
                "--store", store, "--lang", "en",
            ], password: "mật khẩu đủ dài")
        #expect(added.status == 0)
        #expect(added.stderr.contains("added account 'lan' (team, team bac-giang)"))
        let long = try Self.sipas(
            ["serve", "user", "add", "an", "--role", "analyst", "--store", store, "--lang", "en"],
            password: String(repeating: "ữ", count: 25))
        #expect(long.status == 64)
        #expect(long.stderr.contains("the password is 75 bytes long (UTF-8); at most 72 bytes"))
        let noTeam = try Self.sipas(
            ["serve", "user", "add", "an", "--role", "team", "--store", store], password: "mật khẩu đủ dài")
        #expect(noTeam.status == 64)
        #expect(noTeam.stderr.contains("--role team cần --team"))
        let list = try Self.sipas(["serve", "user", "list", "--store", store, "--lang", "en"], password: "")
        #expect(
            list.stdout == "account\trole\tteam\tprovinces\tstatus\tcreated\n" + list.stdout.split(separator: "\n")[1]
                + "\n")
        #expect(list.stdout.contains("lan\tteam\tbac-giang\t24\tactive\t"))
        #expect(!list.stdout.contains("$2b$"))
        let disabled = try Self.sipas(
            ["serve", "user", "disable", "lan", "--store", store, "--lang", "en"], password: "")
        #expect(disabled.status == 0)
        #expect(
            try Self.sipas(["serve", "user", "list", "--store", store], password: "").stdout.contains(
                "lan\tteam\tbac-giang\t24\tđã khoá\t"))
        #expect(
            try Self.sipas(["serve", "user", "disable", "nobody", "--store", store, "--lang", "en"], password: "")
                .status == 64)
    }

    @Test("--upload-max-age-hours must be positive: 0 exits 64 before anything starts")
    func uploadMaxAge() throws {
        let store = try Fixtures.temporaryDirectory().appendingPathComponent("web.db").path
        let zero = try Self.sipas(["serve", "--store", store, "--upload-max-age-hours", "0"], password: "")
        #expect(zero.status == 64)
        #expect(zero.stderr.contains("--upload-max-age-hours must be positive"))
        #expect(!FileManager.default.fileExists(atPath: store))
    }

    @Test("on a PostgreSQL store a team member's --team must be a role name: exit 64 before any connection")
    func postgresTeamIsARoleName() throws {
        let run = try Self.sipas(
            [
                "serve", "user", "add", "lan", "--role", "team", "--team", "bac-giang",
                "--store", "postgres://web@127.0.0.1:1/sipas", "--lang", "en",
            ], password: "mật khẩu đủ dài")
        #expect(run.status == 64)
        #expect(
            run.stderr.contains(
                "on a PostgreSQL store --team names the team's role (lowercase letters, digits, _): 'bac-giang'"))
    }
}
