import Foundation
import SIPASTestSupport
import Testing

/// `sipas import` on the fast CSV path writes, row for row, the store the full importer writes
/// (`SIPAS_SLOW_PATH=1`): responses, rejections and the batch row (but its time), with the same
/// messages and exit status, on 1 and 2 threads and with blocks small enough that rows cross them.
@Suite(.serialized)
struct ImportCommandFastPathTests {
    struct Load: Equatable {
        var status: Int32
        var messages: [String]
        var dump: String
    }

    /// Imports `files` into a new store; the store's tables dumped with the `sqlite3` program.
    static func load(_ files: [URL], slow: Bool, threads: Int = 1, block: Int? = nil, in directory: URL) throws -> Load?
    {
        guard let sqlite = ExternalProgram.find("sqlite3") else { return nil }
        // Each run in its own folder, with the same relative store path (messages name it).
        let run = directory.appendingPathComponent("run-\(slow)-\(threads)-\(block ?? 0)")
        try? FileManager.default.removeItem(at: run)
        try FileManager.default.createDirectory(at: run, withIntermediateDirectories: true)
        let store = run.appendingPathComponent("sipas.db")
        let process = Process()
        process.executableURL = CommandLineTests.binary
        process.currentDirectoryURL = run
        process.arguments =
            ["import"] + files.map(\.path) + ["--store", "sipas.db", "--lang", "en", "--threads", String(threads)]
        var environment = ProcessInfo.processInfo.environment
        environment["SIPAS_SLOW_PATH"] = slow ? "1" : nil
        environment["SIPAS_FAST_BLOCK_BYTES"] = block.map(String.init)
        process.environment = environment
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        // The times and rates differ from run to run.
        let messages = String(decoding: errData, as: UTF8.self).split(separator: "\n").map {
            $0.contains(" rows/s") ? String($0.components(separatedBy: " written in ")[0]) : String($0)
        }
        let dump = try ExternalProgram.run(
            sqlite,
            [
                store.path,
                """
                SELECT id, name, team, file_name, sha256, instrument_id, method_version, items, attribute_names, header,
                       rows_read, accepted, rejected, replaced_by FROM batch ORDER BY id;
                SELECT * FROM response ORDER BY batch_id, row;
                SELECT * FROM rejection ORDER BY batch_id, row;
                SELECT name, sql FROM sqlite_master ORDER BY name;
                """,
            ])
        #expect(dump.status == 0, "\(dump.stderr)")
        return Load(status: process.terminationStatus, messages: messages, dump: dump.stdout)
    }

    /// Compares the fast loads with the slow one; returns the slow one.
    @discardableResult
    static func expectSame(
        _ files: [URL], in directory: URL, blocks: [Int?] = [nil, 997, 4096],
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws -> Load? {
        guard let slow = try load(files, slow: true, in: directory) else { return nil }
        for threads in [1, 2] {
            for block in blocks {
                guard let fast = try load(files, slow: false, threads: threads, block: block, in: directory) else {
                    return nil
                }
                #expect(
                    fast.status == slow.status, "threads \(threads), block \(block ?? 0)",
                    sourceLocation: sourceLocation)
                #expect(
                    fast.messages == slow.messages, "threads \(threads), block \(block ?? 0): messages differ",
                    sourceLocation: sourceLocation)
                #expect(
                    fast.dump == slow.dump, "threads \(threads), block \(block ?? 0): stores differ",
                    sourceLocation: sourceLocation)
            }
        }
        return slow
    }

    @Test func sampleData2024LoadsTheSameStore() throws {
        let directory = try Fixtures.temporaryDirectory()
        let slow = try Self.expectSame(
            [URL(fileURLWithPath: CommandLineTests.sample2024)], in: directory, blocks: [nil, 150_000])
        #expect(slow?.dump.split(separator: "\n").count ?? 0 > 12000)
    }

    /// Generated land-construction data with faults (those of `FastPathTests`, without and with
    /// quoted fields), duplicate ids within the file and against an earlier file, rejected rows.
    @Test(arguments: [false, true])
    func faultyFilesLoadTheSameStore(quotes: Bool) throws {
        let directory = try Fixtures.temporaryDirectory()
        let clean = try FastPathTests.sample(rows: 3000, seed: 11, in: directory)
        let faulty = try Self.faulty(clean, quotes: quotes, in: directory)
        let slow = try Self.expectSame([clean, faulty], in: directory, blocks: [nil, 997, 8192])
        #expect(slow?.status == 65)
        #expect(slow?.messages.contains { $0.contains("respondent ids are already in other batches") } == true)
        #expect(slow?.dump.contains("truc_tuyen") == true)
    }

    /// Analysis from the store (stored rows as fast blocks) gives the file's JSON, as does the
    /// store read record by record (`SIPAS_SLOW_PATH=1`).
    @Test func analysisFromTheStoreGivesTheFilesJSON() throws {
        let directory = try Fixtures.temporaryDirectory()
        let clean = try FastPathTests.sample(rows: 3000, seed: 13, in: directory)
        let faulty = try Self.faulty(clean, quotes: false, in: directory)
        let store = directory.appendingPathComponent("sipas.db").path
        let load = try CommandLineTests.sipas(
            ["import", faulty.path, "--store", store, "--accept-rejects"], in: directory)
        #expect(load.status == 0, "\(load.stderr)")
        let file = try FastPathTests.analyze(faulty, ["--by", "sector,province_code"], slow: false, in: directory)
        #expect(file.stdout.contains("\"estimate\""))
        for slow in [false, true] {
            for threads in [1, 2] {
                let process = Process()
                process.executableURL = CommandLineTests.binary
                process.arguments = [
                    "analyze", "--store", store, "--format", "json", "--by", "sector,province_code", "--threads",
                    String(threads),
                ]
                var environment = ProcessInfo.processInfo.environment
                environment["SIPAS_SLOW_PATH"] = slow ? "1" : nil
                process.environment = environment
                let out = Pipe()
                process.standardOutput = out
                process.standardError = FileHandle.nullDevice
                try process.run()
                let data = out.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                #expect(process.terminationStatus == file.status)
                // The batch keeps the file's synthetic-row count: the marker is compared too.
                #expect(
                    String(decoding: data, as: UTF8.self) == file.stdout,
                    "slow \(slow), threads \(threads)")
            }
        }
    }

    /// `clean` with a fault every 101 rows (as `FastPathTests.faultyRowsAreDecidedAsByTheFullImporter`)
    /// and its ids prefixed so that only some repeat those of `clean`.
    static func faulty(_ clean: URL, quotes: Bool, in directory: URL) throws -> URL {
        var lines = try String(contentsOf: clean, encoding: .utf8).split(
            separator: "\n", omittingEmptySubsequences: false
        ).map(String.init)
        if lines.last == "" { lines.removeLast() }
        let header = lines[0].split(separator: ",").map(String.init)
        func column(_ name: String) -> Int { header.firstIndex(of: name)! }
        let firstId = lines[1].split(separator: ",")[column("form_id")]
        var out = lines[0] + "\n"
        for i in 1..<lines.count {
            var f = lines[i].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            if i % 7 != 0 { f[column("form_id")] = "F" + f[column("form_id")] }
            var end = "\n"
            switch i % 101 {
            case 1 where quotes: f[column("province_name")] = "\"Hà Nội, \"\"x\"\"\""
            case 2 where quotes: f[column("province_name")] = "\"Hà\nNội\""
            case 3: f[column("commune_code")] = ""
            case 4: f[column("LAND_A1")] = "7"
            case 5: f[column("weight")] = "0"
            case 6: f[column("weight")] = "abc"
            case 7: f[column("weight")] = "1e3"
            case 8: f[column("weight")] = " 12.5 "
            case 9: f[column("form_id")] = "F" + String(firstId)
            case 10: f[column("province_name")] = "Ha\u{0300} No\u{0302}\u{0323}i"
            case 11: f[column("LAND_B1")] = "4.0"
            case 12: f[column("province_code")] = "1"
            case 13: out += "\n"
            case 14: f = Array(repeating: "", count: f.count)
            case 15: f.removeLast()
            case 16:
                f[column("channel")] = "truc_tuyen"
                f[column("LAND_visits")] = "3"
            case 17: f[column("age")] = "17"
            case 18: f[column("sector")] = "khac"
            case 19: end = "\r\n"
            case 20 where quotes: end = "\r"
            case 21: f[column("sector")] = "Đất đai"
            case 22: f[column("weight")] = "0000000000000000012.50000000000000001"
            case 23: f[column("form_id")] = "\u{00A0}" + f[column("form_id")]
            case 24: f[column("LAND_A2")] = "+4"
            case 25: f.append("")
            case 26: f[column("form_id")] = ""
            default: break
            }
            out += f.joined(separator: ",") + (i == lines.count - 1 ? "" : end)
        }
        let file = directory.appendingPathComponent(quotes ? "quoted.csv" : "faulty.csv")
        try out.write(to: file, atomically: true, encoding: .utf8)
        return file
    }
}
