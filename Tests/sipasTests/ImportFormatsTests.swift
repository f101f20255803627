import Foundation
import SIPASTestSupport
import Testing

/// The same answers read from UTF-8, UTF-8 with BOM, UTF-16, CP1258, semicolon-delimited CSV and
/// XLSX copies of one sample give identical estimates through `sipas analyze --format json`.
struct ImportFormatsTests {
    typealias CLI = CommandLineTests

    /// `text` written in Windows-1258 by the `iconv` program, as Excel does on Vietnamese Windows.
    static func cp1258(_ text: String) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        process.arguments = ["-f", "UTF-8", "-t", "CP1258"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        // Write from another thread: the pipes hold less than the sample.
        let writer = input.fileHandleForWriting
        let bytes = Data(text.utf8)
        DispatchQueue.global().async {
            writer.write(bytes)
            try? writer.close()
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return data
    }

    @Test func sixFormatsOfOneSampleGiveIdenticalEstimates() throws {
        // 2 000 rows of SampleData/2024.csv (no quoted fields, no commas inside values).
        let lines = try AnalyzeCommandTests.sampleLines(2000)
        let text = lines.joined(separator: "\n") + "\n"
        let directory = try Fixtures.temporaryDirectory()
        var utf16 = Data([0xFF, 0xFE])
        for unit in text.replacingOccurrences(of: "\n", with: "\r\n").utf16 {
            utf16.append(contentsOf: [UInt8(unit & 0xFF), UInt8(unit >> 8)])
        }
        let copies: [(String, Data)] = [
            ("utf8.csv", Data(text.utf8)),
            ("bom.csv", Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)),
            ("utf16.csv", utf16),
            ("cp1258.csv", try Self.cp1258(text)),
            ("semicolon.csv", Data(text.replacingOccurrences(of: ",", with: ";").utf8)),
        ]
        for (name, data) in copies { try data.write(to: directory.appendingPathComponent(name)) }
        try XLSXWriter.write(
            [("Phiếu", XLSXWriter.rows(fromCSV: text))], to: directory.appendingPathComponent("workbook.xlsx"))

        var outputs: [String: [[String: String]]] = [:]
        for name in copies.map(\.0) + ["workbook.xlsx"] {
            let run = try CLI.sipas(["analyze", name, "--format", "json", "--lang", "en"], in: directory)
            #expect(run.status == 0, "\(name): \(run.stderr)")
            #expect(run.stderr.contains("2000 rows read: 2000 accepted, 0 rejected"), "\(name): \(run.stderr)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
            let records = try #require(object["records"] as? [[String: Any]])
            outputs[name] = records.map { $0.mapValues { "\($0)" } }
        }
        let reference = try #require(outputs["utf8.csv"])
        #expect(reference.count > 100)
        for (name, records) in outputs { #expect(records == reference, "\(name) differs from utf8.csv") }
    }
}
