import Foundation
import SIPASTestSupport
import Testing

@testable import SIPASReport

struct ReportWriterTests {
    @Test func writesTheChosenFormatsOnly() throws {
        let directory = try Fixtures.temporaryDirectory().appendingPathComponent("Reports/2024")
        let written = try ReportWriter(templates: try ReportTemplates(), bom: true)
            .write(AnnualReportFixtures.report(), formats: [.md, .csv, .json], spss: nil, to: directory)
        #expect(written.map(\.lastPathComponent) == ["report.md", "provinces.csv", "methodology.csv", "report.json"])
        let csv = try Data(contentsOf: directory.appendingPathComponent("csv/provinces.csv"))
        #expect(Array(csv.prefix(3)) == [0xEF, 0xBB, 0xBF])  // UTF-8 byte order mark
        #expect(String(decoding: csv.dropFirst(3), as: UTF8.self).hasPrefix("rank,province"))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("report.html").path))
    }

    @Test func everyFormatHasAName() {
        #expect(AnnualReportFormat.allCases.map(\.rawValue) == ["md", "html", "xlsx", "csv", "json", "sps", "docx"])
    }
}
