import Foundation
import SIPASTestSupport
import Testing

/// `sipas import --store postgres://…` when the connection is lost in the middle of a batch.
@Suite(.serialized) struct ImportCommandPostgresTests {
    typealias CLI = CommandLineTests

    /// The server ends the importer's session while its batch is half written (the batch row and
    /// its responses inserted, the rejected rows waiting on a lock another session holds): a typed
    /// error naming the store, exit 1, nothing of the batch left; a rerun loads it all.
    @Test func lostConnectionMidBatchLeavesNothingAndARerunCompletes() throws {
        let directory = try Fixtures.temporaryDirectory()
        let db = try StoreCommandTests.database(in: directory)
        let file = try StoreCommandTests.fileWithOneRejection("hn.csv", in: directory)
        let role = "t_" + db.admin.suffix(8)
        // Another session holds the rejection table (inserts wait) until it is terminated.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        holder.arguments = [
            "psql", db.admin + "?application_name=lock_holder", "-q", "-c",
            "BEGIN; LOCK TABLE rejection IN EXCLUSIVE MODE; SELECT pg_sleep(120); COMMIT;",
        ]
        holder.standardOutput = FileHandle.nullDevice
        holder.standardError = FileHandle.nullDevice
        try holder.run()
        defer {
            _ = try? PostgresTestServer.psqlValue(
                db.admin,
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'lock_holder'")
            holder.waitUntilExit()
        }
        func waiting() throws -> Bool {
            try PostgresTestServer.psqlValue(
                db.admin,
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'lock_holder' AND state = 'active'")
                == "1"
        }
        var deadline = Date().addingTimeInterval(30)
        while try !waiting(), Date() < deadline { usleep(50_000) }
        #expect(try waiting(), "the lock holder runs")

        let importer = Process()
        importer.executableURL = CLI.binary
        importer.arguments = ["import", file, "--store", db.team, "--accept-rejects"]
        let log = directory.appendingPathComponent("import.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        importer.standardError = try FileHandle(forWritingTo: log)
        importer.standardOutput = FileHandle.nullDevice
        try importer.run()
        let blocked = "SELECT count(*) FROM pg_stat_activity WHERE usename = '\(role)' AND wait_event_type = 'Lock'"
        deadline = Date().addingTimeInterval(60)
        while try PostgresTestServer.psqlValue(db.admin, blocked) != "1", Date() < deadline, importer.isRunning {
            usleep(50_000)
        }
        // Half written: the batch and its 39 responses are in the importer's open transaction.
        #expect(try PostgresTestServer.psqlValue(db.admin, blocked) == "1", "the importer waits on the lock mid-batch")
        let killed = try PostgresTestServer.psqlValue(
            db.admin, "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE usename = '\(role)'")
        #expect(killed == "1")
        importer.waitUntilExit()
        let logged = try String(contentsOf: log, encoding: .utf8)
        #expect(importer.terminationStatus == 1, "\(logged)")
        #expect(logged.contains("Lỗi: \(db.team): mất kết nối ("), "\(logged)")
        #expect(logged.contains("lô không được ghi; chạy lại để nạp đủ"))
        #expect(try PostgresTestServer.psqlValue(db.admin, "SELECT count(*) FROM batch") == "0")
        #expect(try PostgresTestServer.psqlValue(db.admin, "SELECT count(*) FROM response") == "0")

        _ = try PostgresTestServer.psqlValue(
            db.admin, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'lock_holder'")
        let rerun = try CLI.sipas(["import", file, "--store", db.team, "--accept-rejects"], in: directory)
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(rerun.stderr.contains("ghi 39 phiếu và 1 dòng loại"), "\(rerun.stderr)")
        #expect(
            try PostgresTestServer.psqlValue(db.admin, "SELECT count(*) || ' ' || count(DISTINCT row) FROM response")
                == "39 39")
        #expect(try PostgresTestServer.psqlValue(db.admin, "SELECT count(*) FROM rejection") == "1")
    }
}
