import Foundation
import SIPASTestSupport
import Testing

/// `sipas import --store` end to end: identical analyses, no-op reload, --replace, kill -9, concurrency.
struct ImportCommandTests {
    typealias CLI = CommandLineTests

    /// Header plus data lines `rows` of SampleData/2024.csv in `directory`.
    static func part(_ name: String, rows: ClosedRange<Int>, in directory: URL) throws -> String {
        let lines = try AnalyzeCommandTests.sampleLines(rows.upperBound)
        let url = directory.appendingPathComponent(name)
        try (([lines[0]] + lines[rows]).joined(separator: "\n") + "\n").write(
            to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test func analyzeOnTheStoreGivesTheFilesJSONByteForByte() throws {
        let directory = try Fixtures.temporaryDirectory()
        let store = directory.appendingPathComponent("sipas.db").path
        let load = try CLI.sipas(["import", CLI.sample2024, "--store", store, "--team", "mau"], in: directory)
        #expect(load.status == 0, "\(load.stderr)")
        #expect(load.stderr.contains("ghi 12000 phiếu và 0 dòng loại"))
        let fromFile = try CLI.sipas(
            ["analyze", CLI.sample2024, "--format", "json", "--by", "sector,province_code"], in: directory)
        let fromStore = try CLI.sipas(
            ["analyze", "--store", store, "--year", "2024", "--format", "json", "--by", "sector,province_code"],
            in: directory)
        #expect(fromStore.status == 0, "\(fromStore.stderr)")
        #expect(!fromFile.stdout.isEmpty)
        #expect(fromFile.stdout.contains("\"data_source\" : \"synthetic\""))
        // Byte for byte, the synthetic-data marker too: the batch keeps the file's count of synthetic rows.
        #expect(fromStore.stdout == fromFile.stdout)
        // Calibration applies to the store's records as to the file's.
        let margins = directory.appendingPathComponent("sex.csv")
        try "sex,population\n1,50000000\n2,51000000\n".write(to: margins, atomically: true, encoding: .utf8)
        let calibratedFile = try CLI.sipas(
            ["analyze", CLI.sample2024, "--format", "json", "--calibrate", margins.path], in: directory)
        let calibratedStore = try CLI.sipas(
            ["analyze", "--store", store, "--format", "json", "--calibrate", margins.path], in: directory)
        #expect(calibratedStore.status == 0, "\(calibratedStore.stderr)")
        #expect(calibratedStore.stdout != fromStore.stdout)  // the weights did change
        #expect(calibratedStore.stdout == calibratedFile.stdout)
        let again = try CLI.sipas(["import", CLI.sample2024, "--store", store, "--lang", "en"], in: directory)
        #expect(again.status == 0)
        #expect(again.stderr.contains("is already in the store as batch '2024.csv'"))
        let batches = try CLI.sipas(["store", "batches", "--store", store], in: directory)
        #expect(batches.stdout.split(separator: "\n").count == 2)
        #expect(batches.stdout.contains("\tmau\t2024.csv\t"))
    }

    @Test func aCorrectedFileNeedsReplaceAndKeepsTheOldBatch() throws {
        let directory = try Fixtures.temporaryDirectory()
        let store = directory.appendingPathComponent("sipas.db").path
        let first = try Self.part("wave.csv", rows: 1...40, in: directory)
        #expect(try CLI.sipas(["import", first, "--store", store, "--batch", "hn-1"], in: directory).status == 0)
        let other = try Fixtures.temporaryDirectory()
        let corrected = try Self.part("wave.csv", rows: 1...45, in: other)
        let refused = try CLI.sipas(["import", corrected, "--store", store, "--batch", "hn-1"], in: directory)
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("dùng --replace"))
        let replaced = try CLI.sipas(
            ["import", corrected, "--store", store, "--batch", "hn-1", "--replace"], in: directory)
        #expect(replaced.status == 0, "\(replaced.stderr)")
        #expect(replaced.stderr.contains("thay lô #1"))
        let show = try CLI.sipas(["store", "show", "1", "--store", store, "--lang", "en"], in: directory)
        #expect(show.stdout.contains("replaced by batch #2"))
        let export = try CLI.sipas(["store", "export", "--store", store], in: directory)
        #expect(export.status == 0)
        #expect(export.stdout.split(separator: "\n").count == 46)
        #expect(export.stdout.hasPrefix("_batch,_file,_row,_weight,_stratum,_cluster,form_id,year,"))
    }

    @Test func duplicateRespondentsAcrossBatchesAreReported() throws {
        let directory = try Fixtures.temporaryDirectory()
        let store = directory.appendingPathComponent("sipas.db").path
        _ = try CLI.sipas(
            ["import", try Self.part("a.csv", rows: 1...20, in: directory), "--store", store], in: directory)
        let run = try CLI.sipas(
            ["import", try Self.part("b.csv", rows: 16...30, in: directory), "--store", store], in: directory)
        #expect(run.status == 0)
        #expect(run.stderr.contains("5 mã phiếu đã có trong lô khác"))
    }

    @Test func faultsGiveAClearErrorAndANonZeroExit() throws {
        let directory = try Fixtures.temporaryDirectory()
        let badPath = try CLI.sipas(["import", CLI.sample2024, "--store", "/no/such/folder/sipas.db"], in: directory)
        #expect(badPath.status == 1)
        #expect(badPath.stderr.contains("/no/such/folder/sipas.db: không mở được kho dữ liệu"))
        let notAStore = directory.appendingPathComponent("notes.txt")
        try Data(repeating: 65, count: 8192).write(to: notAStore)
        let garbage = try CLI.sipas(["store", "batches", "--store", notAStore.path, "--lang", "en"], in: directory)
        #expect(garbage.status == 1)
        #expect(garbage.stderr.contains("cannot open the store"))
        let missing = try CLI.sipas(
            ["store", "show", "x", "--store", directory.appendingPathComponent("none.db").path], in: directory)
        #expect(missing.status == 1)
    }

    /// SIGKILL while the batch is being written: no trace of the batch; a rerun loads it all.
    @Test func killDuringTheWriteLeavesNoPartialBatch() throws {
        let directory = try Fixtures.temporaryDirectory()
        let store = directory.appendingPathComponent("sipas.db").path
        let log = directory.appendingPathComponent("import.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["import", CLI.sample2024, "--store", store]
        process.standardError = try FileHandle(forWritingTo: log)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline, process.isRunning {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            if text.contains("đang ghi vào kho") { break }
            usleep(500)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        let logged = try String(contentsOf: log, encoding: .utf8)
        #expect(logged.contains("đang ghi vào kho") && !logged.contains("→ lô"), "\(logged)")
        let batches = try CLI.sipas(["store", "batches", "--store", store], in: directory)
        #expect(batches.status == 0)
        #expect(batches.stdout.split(separator: "\n").count == 1, "\(batches.stdout)")
        #expect(try CLI.sipas(["store", "export", "--store", store], in: directory).status == 65)  // no responses
        let rerun = try CLI.sipas(["import", CLI.sample2024, "--store", store], in: directory)
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(rerun.stderr.contains("ghi 12000 phiếu"))
        let export = try CLI.sipas(["store", "export", "--store", store], in: directory)
        #expect(export.stdout.split(separator: "\n").count == 12001)
    }

    @Test func fourConcurrentImportsWriteEveryRowExactlyOnce() throws {
        let directory = try Fixtures.temporaryDirectory()
        let store = directory.appendingPathComponent("sipas.db").path
        let ranges = [1...750, 751...1500, 1501...2250, 2251...3000]
        let files = try ranges.enumerated().map {
            try Self.part("team\($0.offset).csv", rows: $0.element, in: directory)
        }
        let processes = files.enumerated().map { index, file in
            let process = Process()
            process.executableURL = CLI.binary
            process.arguments = ["import", file, "--store", store, "--team", "team\(index)"]
            process.standardError = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            return process
        }
        for process in processes { try process.run() }
        for process in processes { process.waitUntilExit() }
        #expect(processes.map(\.terminationStatus) == [0, 0, 0, 0])
        let export = try CLI.sipas(["store", "export", "--store", store], in: directory)
        let lines = export.stdout.split(separator: "\n").dropFirst()
        #expect(lines.count == 3000)
        let keys = lines.map { $0.split(separator: ",").prefix(3).dropFirst().joined(separator: ",") }
        #expect(Set(keys).count == 3000)
        let ids = lines.map { $0.split(separator: ",")[6] }
        #expect(Set(ids).count == 3000)
        let batches = try CLI.sipas(["store", "batches", "--store", store], in: directory)
        #expect(batches.stdout.components(separatedBy: "\t750\t750\t0\t").count == 5)
    }
}
