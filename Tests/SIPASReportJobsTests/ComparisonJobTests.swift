import Foundation
import SIPASReportJobs
import SIPASTestSupport
import Testing

struct ComparisonJobTests {
    @Test("two files compared by year; a user's crosswalk regroups the earlier year and is named in the output")
    func crosswalk() async throws {
        let directory = try Fixtures.temporaryDirectory()
        let files = try ["2023", "2024"].map { try SampleFiles.first(1000, of: $0, in: directory) }
        let plain = try await ComparisonJob(inputs: files.map { .file($0.path) }, instrument: nil, language: .en).run()
        #expect(plain.runs.map(\.year) == [2023, 2024])
        #expect(plain.report.regrouped.isEmpty)
        #expect(plain.report.sources == ["2023.csv", "2024.csv"])
        // Two old codes of the earlier year's sector column regrouped into one: one new code from several.
        let walk = (column: "sector", map: ["ldtbxh": "khac", "khac": "khac"], file: "walk.csv")
        let job = ComparisonJob(
            inputs: files.map { .file($0.path) }, instrument: nil, breakdowns: ["sector"], crosswalk: walk,
            language: .en)
        let regrouped = try await job.run()
        #expect(regrouped.report.regrouped == ["sector: 1 new codes regrouping several old ones, from walk.csv"])
        let json = try regrouped.report.render(.json)
        #expect(json.contains("\"years\" : [\n    \"2023\",\n    \"2024\"\n  ]"))
    }
}
