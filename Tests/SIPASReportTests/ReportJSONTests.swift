import Foundation
import Testing

@testable import SIPASReport

struct ReportJSONTests {
    @Test func tablesKeepNumbersAndMarkSuppressedCells() throws {
        let text = try ReportJSON.text(AnnualReportFixtures.report())
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["year"] as? String == "2024")
        #expect(object["minimum_n"] as? Int == 30)
        let tables = try #require(object["tables"] as? [[String: Any]])
        #expect(tables.map { $0["id"] as? String } == ["provinces", "methodology"])
        let rows = try #require(tables[0]["rows"] as? [[String: Any]])
        #expect(rows[0]["share"] as? Double == 84.5)
        #expect(rows[1]["province"] as? String == AnnualReportFixtures.script)
        #expect(rows[2]["share"] is NSNull)
        #expect(rows[2]["_suppressed"] as? [String] == ["share"])
        #expect(tables[1]["section"] as? String == "annex")
    }
}
