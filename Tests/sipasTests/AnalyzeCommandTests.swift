import Foundation
import SIPASTestSupport
import Testing

/// `sipas analyze` end to end on the shipped sample and on broken copies of it.
struct AnalyzeCommandTests {
    typealias CLI = CommandLineTests

    /// The header and the first `rows` data lines of SampleData/2024.csv.
    static func sampleLines(_ rows: Int = 60) throws -> [String] {
        let text = try String(contentsOfFile: CLI.sample2024, encoding: .utf8)
        return Array(text.split(separator: "\n", omittingEmptySubsequences: false).prefix(rows + 1).map(String.init))
    }

    /// Writes `lines` to a fresh directory and returns (directory, file path).
    static func write(_ lines: [String], name: String = "broken.csv") throws -> (URL, String) {
        let directory = try Fixtures.temporaryDirectory()
        let url = directory.appendingPathComponent(name)
        try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
        return (directory, url.path)
    }

    @Test func sampleGivesOverallElementsAndSectorsWithCIs() throws {
        let run = try CLI.sipas(["analyze", CLI.sample2024, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let records = try #require(object["records"] as? [[String: Any]])
        func find(_ variable: String, _ indicator: String) -> [[String: Any]] {
            records.filter {
                $0["group_variable"] as? String == variable && $0["indicator"] as? String == indicator
                    && $0["statistic"] as? String == "share"
            }
        }
        let overall = try #require(find("all", "overall").first)
        let estimate = try #require(overall["estimate"] as? Double)
        #expect(estimate > 75 && estimate < 92)
        #expect((overall["ci_low"] as? Double ?? 100) < estimate && (overall["ci_high"] as? Double ?? 0) > estimate)
        #expect((overall["se"] as? Double ?? 0) > 0)
        for element in ["access", "procedures", "civil_servants", "results", "feedback"] {
            #expect(find("all", "element:\(element)").count == 1, "element \(element)")
        }
        #expect(find("sector", "overall").count >= 5)
        for key in ["group_variable", "group_value", "indicator", "estimate", "se", "ci_low", "ci_high", "n"] {
            #expect(overall[key] != nil, "missing \(key)")
        }
        #expect(object["rows_read"] as? Int == object["accepted"] as? Int)
    }

    @Test func terminalTableIsVietnameseByDefault() throws {
        let run = try CLI.sipas(["analyze", CLI.sample2024, "--by", "sector"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("Chỉ số chung"))
        #expect(run.stdout.contains("Thủ tục hành chính"))
        #expect(run.stdout.contains("Đất đai"))
        #expect(run.stderr.contains("nhận"))
    }

    @Test func outOfRangeCodeIsRejectedNamingFileRowAndColumn() throws {
        var lines = try Self.sampleLines()
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let column = try #require(header.firstIndex(of: "PAS_E2_c1"))
        var fields = lines[7].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        fields[column] = "7"
        lines[7] = fields.joined(separator: ",")
        let (directory, path) = try Self.write(lines)
        let run = try CLI.sipas(["analyze", path, "--lang", "en", "--format", "csv"], in: directory)
        #expect(run.status == 65)
        #expect(run.stderr.contains("broken.csv, row 8, column PAS_E2_c1"), "\(run.stderr)")
        #expect(run.stderr.contains("'7' is not a code of list sat5"))
        #expect(run.stderr.contains("60 rows read: 59 accepted, 1 rejected"))
        #expect(run.stdout.hasPrefix("group_variable,"))
        let rejects = try String(contentsOf: directory.appendingPathComponent("broken.rejects.csv"), encoding: .utf8)
        #expect(rejects.split(separator: "\n").count == 2)
    }

    @Test func missingColumnIsNamed() throws {
        let original = try Self.sampleLines()
        let column = try #require(original[0].split(separator: ",").firstIndex(of: "PAS_E1_c1"))
        let lines = original.map { line -> String in
            var fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            fields.remove(at: column)
            return fields.joined(separator: ",")
        }
        let (directory, path) = try Self.write(lines)
        let run = try CLI.sipas(["analyze", path, "--instrument", "sipas-2023", "--lang", "en"], in: directory)
        #expect(run.status == 65)
        #expect(run.stderr.contains("broken.csv, row 1: required columns missing: PAS_E1_c1"), "\(run.stderr)")
    }

    @Test func wrongDelimiterIsReported() throws {
        let (directory, path) = try Self.write(
            try Self.sampleLines().map { $0.replacingOccurrences(of: ",", with: "|") })
        let run = try CLI.sipas(["analyze", path, "--lang", "en"], in: directory)
        #expect(run.status == 65)
        #expect(run.stderr.contains("broken.csv, row 1"))
        #expect(run.stderr.contains("the delimiter looks wrong"), "\(run.stderr)")
    }

    @Test func windows1258FileIsReportedWithRowAndColumn() throws {
        let lines = try Self.sampleLines(5)
        let directory = try Fixtures.temporaryDirectory()
        let url = directory.appendingPathComponent("cp1258.csv")
        // Row 3's province name in Windows-1258 bytes ("Hà" → 48 61 CC), the rest UTF-8.
        var bytes = Array((lines[0...1].joined(separator: "\n") + "\n").utf8)
        let third = lines[2].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        bytes +=
            Array((third[0...2].joined(separator: ",") + ",").utf8) + [0x48, 0x61, 0xCC]
            + Array(("," + third[4...].joined(separator: ",") + "\n").utf8)
        try Data(bytes).write(to: url)
        let run = try CLI.sipas(["analyze", url.path, "--instrument", "sipas-2023", "--lang", "en"], in: directory)
        #expect(run.status == 65)
        #expect(run.stderr.contains("cp1258.csv, row 3, column province_name (D)"), "\(run.stderr)")
        #expect(run.stderr.contains("Windows-1258"))
    }

    @Test func outputFileKeepsStdoutEmpty() throws {
        let directory = try Fixtures.temporaryDirectory()
        let out = directory.appendingPathComponent("r.md").path
        let run = try CLI.sipas(["analyze", CLI.sample2024, "--format", "md", "--output", out, "--lang", "en"])
        #expect(run.status == 0)
        #expect(run.stdout.isEmpty)
        let md = try String(contentsOfFile: out, encoding: .utf8)
        // Levels as the 2023 method names them (the widest, so unpadded): content areas and policy groups.
        #expect(md.contains("| Overall ") && md.contains("| Content area |") && md.contains("| Policy group |"))
    }
}
