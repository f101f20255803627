import Foundation
import SIPASTestSupport
import Testing

/// `sipas analyze` on the fast CSV path gives, byte for byte, the output, messages, exit status and
/// rejects file of the full importer (`SIPAS_SLOW_PATH=1`), on 1, 2 and 4 threads and with blocks
/// small enough that rows, quoted fields and line ends fall across block boundaries.
@Suite(.serialized)
struct FastPathTests {
    struct Run: Equatable {
        var status: Int32
        var stdout: String
        var stderr: String
        var rejects: String
    }

    static func analyze(
        _ file: URL, _ extra: [String], slow: Bool, threads: Int = 1, block: Int? = nil, in directory: URL
    ) throws -> Run {
        let rejects = directory.appendingPathComponent("rejects.csv")
        try? FileManager.default.removeItem(at: rejects)
        let process = Process()
        process.executableURL = CommandLineTests.binary
        process.arguments =
            ["analyze", file.path, "--format", "json", "--rejects", rejects.path, "--threads", String(threads)] + extra
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["SIPAS_SLOW_PATH"] = slow ? "1" : nil
        environment["SIPAS_FAST_BLOCK_BYTES"] = block.map(String.init)
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let rejected = (try? String(contentsOf: rejects, encoding: .utf8)) ?? ""
        return Run(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self), rejects: rejected)
    }

    /// Compares the fast path with the slow one; returns the slow run.
    @discardableResult
    static func expectSame(_ file: URL, _ extra: [String] = [], in directory: URL, blocks: [Int?] = [nil, 997, 4096])
        throws -> Run
    {
        let slow = try analyze(file, extra, slow: true, in: directory)
        for threads in [1, 2, 4] {
            for block in blocks {
                let fast = try analyze(file, extra, slow: false, threads: threads, block: block, in: directory)
                #expect(fast.status == slow.status, "threads \(threads), block \(block ?? 0)")
                #expect(fast.stdout == slow.stdout, "threads \(threads), block \(block ?? 0): JSON differs")
                #expect(fast.stderr == slow.stderr, "threads \(threads), block \(block ?? 0): messages differ")
                #expect(fast.rejects == slow.rejects, "threads \(threads), block \(block ?? 0): rejects differ")
            }
        }
        return slow
    }

    static func sample(rows: Int, seed: Int, in directory: URL) throws -> URL {
        let url = directory.appendingPathComponent("land-\(rows).csv")
        let run = try CommandLineTests.sipas([
            "sample", "--instrument", "land-construction", "--year", "2024", "--rows", String(rows),
            "--seed", String(seed), "--output", url.path,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        return url
    }

    @Test func sampleData2024IsIdenticalOnBothPaths() throws {
        let directory = try Fixtures.temporaryDirectory()
        let slow = try Self.expectSame(URL(fileURLWithPath: CommandLineTests.sample2024), in: directory, blocks: [1500])
        #expect(slow.stdout.contains("\"estimate\""))
    }

    @Test func generatedLandConstructionIsIdenticalOnBothPaths() throws {
        let directory = try Fixtures.temporaryDirectory()
        let file = try Self.sample(rows: 6000, seed: 7, in: directory)
        let slow = try Self.expectSame(file, ["--by", "sector"], in: directory, blocks: [nil])
        #expect(slow.status == 0)
        #expect(slow.stdout.contains("dat_dai"))
    }

    /// A generated file with faults of every kind the fast rules hand to the full importer.
    @Test func faultyRowsAreDecidedAsByTheFullImporter() throws {
        let directory = try Fixtures.temporaryDirectory()
        let clean = try Self.sample(rows: 3000, seed: 11, in: directory)
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
            var end = "\n"
            switch i % 101 {
            case 1: f[column("province_name")] = "\"Hà Nội, \"\"x\"\"\""
            case 2: f[column("province_name")] = "\"Hà\nNội\""
            case 3: f[column("commune_code")] = ""
            case 4: f[column("LAND_A1")] = "7"
            case 5: f[column("weight")] = "0"
            case 6: f[column("weight")] = "abc"
            case 7: f[column("weight")] = "1e3"
            case 8: f[column("weight")] = " 12.5 "
            case 9: f[column("form_id")] = String(firstId)
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
            case 20: end = "\r"
            case 21: f[column("sector")] = "Đất đai"
            case 22: f[column("weight")] = "0000000000000000012.50000000000000001"
            case 23: f[column("form_id")] = "\u{00A0}" + f[column("form_id")]
            case 24: f[column("LAND_A2")] = "+4"
            case 25: f.append("")
            default: break
            }
            out += f.joined(separator: ",") + (i == lines.count - 1 ? "" : end)
        }
        let file = directory.appendingPathComponent("faulty.csv")
        try out.write(to: file, atomically: true, encoding: .utf8)
        let slow = try Self.expectSame(file, ["--by", "sector"], in: directory, blocks: [nil, 997])
        #expect(slow.status == 65)
        #expect(slow.rejects.split(separator: "\n").count > 100)
    }

    /// Quoted fields in most rows, as spreadsheets and R's `write.csv` write them, with the quoted
    /// forms the fast reader must leave to the scanner among them: delimiters, doubled quotes and
    /// line breaks inside quotes, text after a closing quote, a quote inside an unquoted field.
    @Test func quotedFieldsAreReadAsByTheFullImporter() throws {
        let directory = try Fixtures.temporaryDirectory()
        let clean = try Self.sample(rows: 3000, seed: 13, in: directory)
        var lines = try String(contentsOf: clean, encoding: .utf8).split(separator: "\n").map(String.init)
        let header = lines.removeFirst()
        let nameColumn = header.split(separator: ",").firstIndex(of: "province_name")!
        var out = header.split(separator: ",").map { "\"\($0)\"" }.joined(separator: ",") + "\n"
        for (i, line) in lines.enumerated() {
            var f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            if i % 3 != 0 { f = f.map { "\"\($0)\"" } }
            switch i % 61 {
            case 1: f[nameColumn] = "\"\(f[nameColumn]), tỉnh\""
            case 2: f[nameColumn] = "\"Hà \"\"Nội\"\"\""
            case 3: f[nameColumn] = "\"Hà\nNội\""
            case 4: f[nameColumn] = "\"Hà\" Nội"
            case 5: f[nameColumn] = "Hà \"Nội\""
            case 6: f = f.map { _ in "\"\"" }
            default: break
            }
            out += f.joined(separator: ",") + "\n"
        }
        let file = directory.appendingPathComponent("quoted.csv")
        try out.write(to: file, atomically: true, encoding: .utf8)
        let slow = try Self.expectSame(file, ["--by", "sector"], in: directory, blocks: [nil, 997, 4096])
        #expect(slow.status == 65)
        #expect(slow.stdout.contains("dat_dai"))
    }

    /// Multi-line quoted fields far apart (each block decoded again in one slice), and a last row
    /// whose quote never closes: the same error, naming the same row, on both paths.
    @Test func recordsAcrossLinesAndAnUnclosedQuoteAreReadAsByTheFullImporter() throws {
        let directory = try Fixtures.temporaryDirectory()
        let clean = try Self.sample(rows: 4000, seed: 17, in: directory)
        var lines = try String(contentsOf: clean, encoding: .utf8).split(separator: "\n").map(String.init)
        let header = lines.removeFirst()
        let nameColumn = header.split(separator: ",").firstIndex(of: "agency_name")!
        var body = ""
        for (i, line) in lines.enumerated() {
            var f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            if i % 700 == 5 { f[nameColumn] = "\"\(f[nameColumn])\nphòng một cửa\n\ntầng 2\"" }
            body += f.joined(separator: ",") + "\n"
        }
        let spanning = directory.appendingPathComponent("spanning.csv")
        try (header + "\n" + body).write(to: spanning, atomically: true, encoding: .utf8)
        let read = try Self.expectSame(spanning, ["--by", "sector"], in: directory, blocks: [nil, 997, 4096])
        #expect(read.status == 0 || read.status == 65)
        #expect(read.stdout.contains("dat_dai"))
        let unclosed = directory.appendingPathComponent("unclosed.csv")
        try (header + "\n" + body + lines[0].replacingOccurrences(of: ",Sở ", with: ",\"Sở ")).write(
            to: unclosed, atomically: true, encoding: .utf8)
        let failed = try Self.expectSame(unclosed, ["--by", "sector"], in: directory, blocks: [nil, 4096])
        #expect(
            failed.status != 0 && failed.stderr.contains("row 4002, column agency_name"), "\(failed.stderr)")
    }

    /// Ids repeated within a file and across two files: the compact registry (hashes, with the
    /// earlier id read back from its file) finds the same duplicates, naming the same rows.
    @Test func duplicateIdsAcrossFilesAreFoundOnBothPaths() throws {
        let directory = try Fixtures.temporaryDirectory()
        let first = try Self.sample(rows: 6000, seed: 5, in: directory)
        let lines = try String(contentsOf: first, encoding: .utf8).split(separator: "\n").map(String.init)
        // The second file: rows of the first (same ids) every 97th row, the rest with new ids.
        var second = lines[0] + "\n"
        for i in 1..<lines.count where i % 3 == 0 {
            second += (i % 97 == 0 ? lines[i] : "B" + lines[i]) + "\n"
        }
        second += lines[10] + "\n" + lines[10].replacingOccurrences(of: "2024-", with: "C2024-") + "\n"
        let file2 = directory.appendingPathComponent("second.csv")
        try second.write(to: file2, atomically: true, encoding: .utf8)
        let slow = try Self.analyze(first, [file2.path, "--by", "sector"], slow: true, in: directory)
        for threads in [1, 2] {
            let fast = try Self.analyze(
                first, [file2.path, "--by", "sector"], slow: false, threads: threads, block: 8192, in: directory)
            #expect(fast == slow)
        }
        #expect(slow.status == 65)
        #expect(slow.rejects.contains("land-6000.csv"))
    }

    @Test func invalidUTF8StopsBothPathsAlike() throws {
        let directory = try Fixtures.temporaryDirectory()
        let clean = try Self.sample(rows: 500, seed: 3, in: directory)
        var bytes = Array(try Data(contentsOf: clean))
        let lineFeeds = bytes.indices.filter { bytes[$0] == 10 }
        bytes.insert(0xFF, at: lineFeeds[300] + 20)
        let file = directory.appendingPathComponent("bad-utf8.csv")
        try Data(bytes).write(to: file)
        let slow = try Self.expectSame(file, ["--by", "sector"], in: directory, blocks: [4096])
        #expect(slow.status != 0)
    }
}
