import Foundation
import SIPASTestSupport
import Testing

/// End-to-end: runs the built `sipas` binary and checks stdout, stderr and the exit status.
struct CommandLineTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The `sipas` executable built beside the test bundle.
    static let binary: URL = {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("sipas")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return Fixtures.repositoryRoot.appendingPathComponent(".build/debug/sipas")
    }()

    static func sipas(_ arguments: [String], in directory: URL? = nil) throws -> Run {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? Fixtures.repositoryRoot
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes before waiting, so a large output cannot block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    static let sample2024 = Fixtures.repositoryRoot.appendingPathComponent("SampleData/2024.csv").path

    @Test func instrumentListShowsTheBuiltIns() throws {
        let run = try Self.sipas(["instrument", "list"])
        #expect(run.status == 0)
        for id in [
            "sipas-2023", "sipas-2017", "health-inpatient", "health-outpatient", "education", "land-construction",
        ] {
            #expect(run.stdout.contains(id), "missing \(id)")
        }
    }

    @Test func missingInputExits66() throws {
        let run = try Self.sipas(["analyze", "no-such-file.csv"])
        #expect(run.status == 66)
        #expect(run.stderr.contains("no-such-file.csv"))
    }
}
