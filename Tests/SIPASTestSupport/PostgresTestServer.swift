import Foundation

/// A PostgreSQL server for the tests: `SIPAS_TEST_POSTGRES_URL` (an administrator's URL) when set,
/// else a throwaway cluster started once with the Debian binaries (initdb and pg_ctl, as the
/// `postgres` user when run as root) on a free loopback port, stopped when the test process ends.
public enum PostgresTestServer {
    public struct Unavailable: Error, CustomStringConvertible {
        public var description: String
    }

    /// The administrator URL of the server, or why there is none.
    public static let adminURL: Result<String, Unavailable> = {
        if let url = ProcessInfo.processInfo.environment["SIPAS_TEST_POSTGRES_URL"], !url.isEmpty {
            return .success(url)
        }
        do { return .success(try startCluster()) } catch let error as Unavailable { return .failure(error) } catch {
            return .failure(Unavailable(description: "\(error)"))
        }
    }()

    /// A fresh database on the server, migrated; returns its administrator URL.
    public static func freshDatabase() throws -> String {
        let admin = try adminURL.get()
        let name = "sipas_test_" + UUID().uuidString.prefix(8).lowercased()
        try psql(admin, "CREATE DATABASE \(name)")
        var parts = URLComponents(string: admin)!
        parts.path = "/" + name
        return parts.string!
    }

    /// Runs one SQL command with psql.
    public static func psql(_ url: String, _ sql: String) throws {
        let status = try run(["psql", url, "-v", "ON_ERROR_STOP=1", "-q", "-c", sql])
        guard status == 0 else { throw Unavailable(description: "psql failed (\(status)): \(sql)") }
    }

    /// The output of one SQL query by psql, unaligned and trimmed (`-At`).
    public static func psqlValue(_ url: String, _ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["psql", url, "-v", "ON_ERROR_STOP=1", "-At", "-c", sql]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Unavailable(description: "psql failed (\(process.terminationStatus)): \(sql)")
        }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `admin` with another user (no password: the throwaway cluster trusts loopback).
    public static func url(_ admin: String, as role: String) -> String {
        var parts = URLComponents(string: admin)!
        parts.user = role
        parts.password = nil
        return parts.string!
    }

    public static func binaries() -> URL? {
        let candidates = ((try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? [])
            .sorted { (Int($0) ?? 0) > (Int($1) ?? 0) }
            .map { URL(fileURLWithPath: "/usr/lib/postgresql/\($0)/bin") }
        return candidates.first {
            FileManager.default.isExecutableFile(atPath: $0.appendingPathComponent("pg_ctl").path)
        }
    }

    private static func startCluster() throws -> String {
        guard let bin = binaries() else {
            throw Unavailable(
                description:
                    "PostgreSQL server binaries not found under /usr/lib/postgresql: run scripts/install-deps (Debian package postgresql) or set SIPAS_TEST_POSTGRES_URL"
            )
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sipas-pg-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let data = directory.appendingPathComponent("data").path
        let asRoot = getuid() == 0
        var prefix: [String] = []
        if asRoot {
            _ = try run(["chown", "postgres", directory.path])
            prefix = ["runuser", "-u", "postgres", "--"]
        }
        guard
            try run(
                prefix + [
                    bin.appendingPathComponent("initdb").path, "-D", data, "-A", "trust", "-U", "sipas_admin",
                    "--no-sync", "-E", "UTF8",
                ]) == 0
        else {
            throw Unavailable(description: "initdb failed in \(data)")
        }
        for _ in 0..<5 {
            let port = Int.random(in: 20000...40000)
            let options = "-p \(port) -k \(directory.path) -c listen_addresses=127.0.0.1 -c fsync=off"
            // Closes every inherited descriptor (Foundation's Process waits for them), starts the
            // server, and stops it when this test process ends.
            let watchdog = """
                for fd in /proc/$$/fd/*; do n=${fd##*/}; [ "$n" -gt 2 ] && eval "exec $n>&-"; done
                \(bin.path)/pg_ctl -D \(data) -o '\(options)' -l \(directory.path)/log -w start >/dev/null || exit 1
                ( while [ -d /proc/\(getpid()) ]; do sleep 1; done; \(bin.path)/pg_ctl -D \(data) -m immediate stop >/dev/null; ) &
                """
            if try run(prefix + ["bash", "-c", watchdog]) == 0 {
                return "postgres://sipas_admin@127.0.0.1:\(port)/postgres"
            }
        }
        throw Unavailable(description: "pg_ctl could not start a server (see \(directory.path)/log)")
    }

    @discardableResult
    public static func run(_ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
