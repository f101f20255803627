import Foundation
import SIPASTestSupport
import Testing

/// `sipas serve` killed with SIGKILL while it accepts an upload: scripts/web-load --crash on the
/// built binary, over a SQLite store. After each kill the server is restarted and every batch in
/// the store holds exactly its accepted rows (whole or absent, never partial).
struct ServeCommandCrashTests {
    static let toolsInstalled = ["/usr/bin/sqlite3", "/usr/bin/python3"].allSatisfy {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    @Test(.enabled(if: toolsInstalled, "sqlite3 and python3 (scripts/install-deps)"))
    func killDuringAcceptLeavesNoPartialBatch() throws {
        let script = Fixtures.repositoryRoot.appendingPathComponent("scripts/web-load")
        let directory = try Fixtures.temporaryDirectory()
        let run = try ExternalProgram.run(
            URL(fileURLWithPath: "/bin/bash"), [script.path, "--crash", "4", "0", "2000", directory.path],
            timeout: 600, environment: ["SIPAS": CommandLineTests.binary.path])
        let output = run.stdout + run.stderr
        #expect(run.status == 0, "\(output)")
        #expect(run.stdout.components(separatedBy: "kill -9 after").count - 1 == 3, "\(output)")
        #expect(run.stdout.contains("batches with rows missing or extra: 0"), "\(output)")
        #expect(run.stdout.contains("no partial batch: OK"), "\(output)")
    }
}
