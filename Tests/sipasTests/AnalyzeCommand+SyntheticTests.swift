import Foundation
import SIPASTestSupport
import Testing

/// Synthetic data say so (issue 27, point 6): the SampleData files carry `data_source = synthetic`,
/// and every format made from them shows the marker; a file without the column shows none.
struct AnalyzeCommandSyntheticTests {
    typealias CLI = CommandLineTests
    static let data = Fixtures.repositoryRoot.appendingPathComponent("SampleData")
    static let vi = "Dữ liệu mô phỏng — không phải kết quả chính thức"
    static let en = "Synthetic data — not official results"

    @Test func everyAnalyzeFormatOfSampleDataShowsTheMarker() throws {
        let file = Self.data.appendingPathComponent("2024.csv").path
        let table = try CLI.sipas(["analyze", file])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("*** \(Self.vi) ***"))
        let md = try CLI.sipas(["analyze", file, "--format", "md", "--lang", "en"])
        #expect(md.stdout.contains("> **\(Self.en)**"))
        let csv = try CLI.sipas(["analyze", file, "--format", "csv"])
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines.first?.hasSuffix(",note,data_source") == true)
        #expect(lines.count > 1 && lines.dropFirst().allSatisfy { $0.hasSuffix(",synthetic") })
        let json = try CLI.sipas(["analyze", file, "--format", "json", "--lang", "en"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["data_source"] as? String == "synthetic")
        #expect(object["data_source_note"] as? String == Self.en)
    }

    @Test func aFileWithoutTheMarkerIsNotMarked() throws {
        // The same rows without the data_source column.
        let lines = try String(contentsOf: Self.data.appendingPathComponent("2024.csv"), encoding: .utf8).split(
            separator: "\n")
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false)
        #expect(header.last == "data_source")
        let kept = lines.prefix(2001).map {
            $0.split(separator: ",", omittingEmptySubsequences: false).dropLast().joined(separator: ",")
        }
        let url = try Fixtures.temporaryDirectory().appendingPathComponent("survey.csv")
        try Data((kept.joined(separator: "\n") + "\n").utf8).write(to: url)
        let table = try CLI.sipas(["analyze", url.path])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(!table.stdout.contains(Self.vi))
        let json = try CLI.sipas(["analyze", url.path, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["data_source"] as? String == "survey")
        #expect(object["data_source_note"] == nil)
    }

    @Test func compareOfSampleDataShowsTheMarker() throws {
        let run = try CLI.sipas([
            "compare", Self.data.appendingPathComponent("2023.csv").path,
            Self.data.appendingPathComponent("2024.csv").path,
            "--lang", "en",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("*** \(Self.en) ***"))
    }
}
