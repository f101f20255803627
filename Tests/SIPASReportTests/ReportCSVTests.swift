import SIPASCore
import Testing

@testable import SIPASReport

struct ReportCSVTests {
    @Test func headerOfIdsNumbersWithDotsFormulasNeutralised() {
        let table = AnnualReportFixtures.report().tables[0]
        let csv = ReportCSV.text(table)
        let lines = csv.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "rank,province,share,change,data_source")
        #expect(lines[1] == "1,Hà Nội,84.5,1.25,survey")
        #expect(lines[3] == ",\"'=HYPERLINK(\"\"http://example.invalid\"\",\"\"bấm\"\")\",,,survey")
        #expect(lines[4].hasPrefix("3,'-5 | *x*"))
        #expect(!csv.hasPrefix("\u{FEFF}"))
    }

    @Test func syntheticRowsAreMarkedOnEveryRow() {
        let csv = ReportCSV.text(
            AnnualReportFixtures.report().tables[0], provenance: DataProvenance(syntheticRows: 10, rows: 10))
        let lines = csv.split(separator: "\n")
        #expect(lines.count == 5 && lines.dropFirst().allSatisfy { $0.hasSuffix(",synthetic") })
    }

    @Test func optionalByteOrderMark() {
        let csv = ReportCSV.text(AnnualReportFixtures.report().tables[1], bom: true)
        #expect(csv.hasPrefix("\u{FEFF}item,value,data_source\n"))
        #expect(csv.contains("'@cmd,'+1"))
    }
}
