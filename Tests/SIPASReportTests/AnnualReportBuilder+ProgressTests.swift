import SIPASStats
import Testing

@testable import SIPASReport

/// The data-quality annex's field-work table (``FieldworkAnnex``), after the other quality tables.
struct AnnualReportBuilderProgressTests {
    @Test func fieldWorkTableFollowsTheQualityTables() throws {
        var input = try AnnualReportBuilderTests.input()
        let rows = FieldworkProgress.tabulate(
            levels: ["province_code"], planned: [["01"], ["01"], ["01"], ["01"], ["02"]],
            accepted: [["01"], ["02"]], rejected: [["01"]], threshold: 0.8)
        input.progress = FieldworkAnnex(sample: "households.csv", rows: rows, threshold: 0.8)
        let report = AnnualReportBuilder(input).build()
        #expect(
            report.tables.map(\.id) == [
                "summary", "elements", "by_sector", "quality_files", "quality_items", "quality_small_cells",
                "quality_fieldwork", "methodology",
            ])
        let table = try #require(report.table("quality_fieldwork"))
        #expect(table.section == .annex)
        #expect(
            table.rows == [
                [.text("province_code"), .text("01"), .number(4), .number(2), .number(1), .number(25), .text("chậm")],
                [.text("province_code"), .text("02"), .number(1), .number(1), .number(1), .number(100), .text("")],
            ])
        #expect(table.note?.hasSuffix("nhóm chậm (dưới 80 %): 1.") == true)
    }

    @Test func noPlanNoTable() throws {
        #expect(AnnualReportBuilder(try AnnualReportBuilderTests.input()).build().table("quality_fieldwork") == nil)
    }
}
