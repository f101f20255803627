import Foundation
import SIPASTestSupport
import Testing

/// `sipas sample` end to end: runs the built binary.
struct SampleCommandTests {
    static func sipas(_ arguments: [String]) throws -> (status: Int32, stderr: String) {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        var binary = Fixtures.repositoryRoot.appendingPathComponent(".build/debug/sipas")
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("sipas")
            if FileManager.default.isExecutableFile(atPath: candidate.path) {
                binary = candidate
                break
            }
            directory = directory.deletingLastPathComponent()
        }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let err = Pipe()
        process.standardError = err
        process.standardOutput = Pipe()
        try process.run()
        let data = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// A small instrument file, so that the test does not depend on the built-ins.
    static func instrumentFile(in folder: URL) throws -> URL {
        let yaml = """
            id: cli-test
            title: {vi: "Thử"}
            family: sipas
            method_version: "test"
            provenance: {official: [], reconstructed: []}
            choices:
              sat5: [{name: "1", label: {vi: "1"}}, {name: "2", label: {vi: "2"}}, {name: "3", label: {vi: "3"}},
                     {name: "4", label: {vi: "4"}}, {name: "5", label: {vi: "5"}}, {name: "9", label: {vi: "9"}}]
            scales: {sat5: {satisfied: [4, 5], excluded: [9]}}
            design: {weight: weight, strata: province_code, cluster: commune_code}
            areas: [{name: a, label: {vi: "a"}, elements: [{name: e, label: {vi: "e"}}]}]
            questions:
              - {name: form_id, type: text, label: {vi: "id"}}
              - {name: province_code, type: text, label: {vi: "p"}, lookup: province, role: attribute}
              - {name: commune_code, type: text, label: {vi: "c"}, role: attribute}
              - {name: weight, type: decimal, label: {vi: "w"}, role: attribute}
              - {name: q1, type: select_one sat5, label: {vi: "q1"}, area: a, element: e}
              - {name: q2, type: select_one sat5, label: {vi: "q2"}, area: a, element: e}
            """
        let url = folder.appendingPathComponent("cli-test.yaml")
        try yaml.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func writesTheFileAndASummaryLine() throws {
        let folder = try Fixtures.temporaryDirectory()
        let instrument = try Self.instrumentFile(in: folder).path
        let output = folder.appendingPathComponent("out.csv").path
        let run = try Self.sipas([
            "sample", "--instrument", instrument, "--year", "2025", "--rows", "500",
            "--seed", "3", "--level", "81.5", "--output", output, "--lang", "en",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("500 rows, 34 provinces"), "\(run.stderr)")
        #expect(run.stderr.contains("target 81.50 %"))
        let text = try String(contentsOfFile: output, encoding: .utf8)
        #expect(text.split(separator: "\n").count == 501)
        #expect(text.hasPrefix("form_id,province_code,commune_code,weight,q1,q2,data_source\n"))
        #expect(text.split(separator: "\n").dropFirst().allSatisfy { $0.hasSuffix(",synthetic") })
    }

    @Test func badArgumentsFailWithAMessage() throws {
        let folder = try Fixtures.temporaryDirectory()
        let instrument = try Self.instrumentFile(in: folder).path
        let output = folder.appendingPathComponent("out.csv").path
        let cases: [([String], String)] = [
            (["--rows", "0"], "--rows"),
            (["--rows", "10", "--level", "150"], "--level"),
            (["--rows", "10", "--year", "1990"], "--year"),
        ]
        for (extra, mentioned) in cases {
            var arguments = ["sample", "--instrument", instrument, "--year", "2024", "--output", output]
            arguments += extra
            let run = try Self.sipas(arguments)
            #expect(run.status != 0, "\(extra)")
            #expect(run.stderr.contains(mentioned), "\(extra): \(run.stderr)")
        }
        let unknown = try Self.sipas([
            "sample", "--instrument", "no-such-instrument", "--year", "2024", "--rows", "5", "--output", output,
        ])
        #expect(unknown.status == 66)
        #expect(unknown.stderr.contains("no-such-instrument"))
        let noFolder = try Self.sipas([
            "sample", "--instrument", instrument, "--year", "2024", "--rows", "5",
            "--output", folder.appendingPathComponent("missing/out.csv").path, "--lang", "en",
        ])
        #expect(noFolder.status != 0)
        #expect(noFolder.stderr.contains("cannot write"))
        #expect(!FileManager.default.fileExists(atPath: output))
    }
}
