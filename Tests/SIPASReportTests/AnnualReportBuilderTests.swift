import SIPASCore
import SIPASInstruments
import SIPASStats
import Testing

@testable import SIPASReport

/// The report tables from the hand-checkable analysis of ``AnalysisReportTests`` (overall 50 %,
/// two sectors of two respondents each).
struct AnnualReportBuilderTests {
    static func input(minimumN: Int = 1) throws -> AnnualReportInput {
        let analysis = try AnalysisReportTests.makeReport()
        return AnnualReportInput(
            instrument: analysis.labeler.instrument, result: analysis.result, year: 2024,
            files: [.init(name: "t.csv", year: "2024", sha256: "ab12", rowsRead: 5, accepted: 4, rejected: 1)],
            minimumN: minimumN)
    }

    @Test func summaryElementsAndBreakdownTables() throws {
        let report = AnnualReportBuilder(try Self.input()).build()
        #expect(
            report.tables.map(\.id) == [
                "summary", "elements", "by_sector", "quality_files", "quality_items", "quality_small_cells",
                "methodology",
            ])
        let summary = try #require(report.table("summary"))
        #expect(summary.rows[0][0] == .text("Chỉ số chung"))
        #expect(summary.rows[0][2] == .number(50))
        let elements = try #require(report.table("elements"))
        #expect(
            elements.rows.map { $0[1] } == [
                .text("area:services"), .text("element:e1"), .text("element:e2"), .text("item:s1"), .text("item:s2"),
            ])
        #expect(elements.rows[3][3] == .number(75))
        let sectors = try #require(report.table("by_sector"))
        #expect(sectors.rows.map { $0[1] } == [.text("Đất đai"), .text("A|B")])
        #expect(report.highlights.first?.hasPrefix("Chỉ số hài lòng chung: 50,00 %") == true)
    }

    @Test func cellsBelowTheMinimumAreSuppressedAndListed() throws {
        let report = AnnualReportBuilder(try Self.input(minimumN: 3)).build()
        let sectors = try #require(report.table("by_sector"))
        for row in sectors.rows {
            #expect(row[2] == .suppressed && row[3] == .suppressed && row[4] == .suppressed)
            #expect(row[5] == .number(2))  // n itself is shown
            #expect(row.last == .text("n = 2 < 3: không công bố"))
        }
        let small = try #require(report.table("quality_small_cells"))
        #expect(small.rows.count == 2 * 4)  // 2 sectors × (overall, area, 2 elements)
        // The whole sample (n = 4) is not suppressed.
        #expect(report.table("summary")?.rows[0][2] == .number(50))
    }

    @Test func qualityAndMethodologyAnnexes() throws {
        let report = AnnualReportBuilder(try Self.input()).build()
        let files = try #require(report.table("quality_files"))
        #expect(files.rows[0] == [.text("t.csv"), .text("2024"), .number(5), .number(4), .number(1), .number(20)])
        let items = try #require(report.table("quality_items"))
        #expect(items.rows[0][0] == .text("s1") && items.rows[0][2] == .number(4) && items.rows[0][5] == .number(0))
        let methodology = try #require(report.table("methodology"))
        #expect(methodology.rows.contains([.text("SHA-256 của tệp t.csv"), .text("ab12")]))
        #expect(methodology.rows.contains { $0[0] == .text("Phiên bản sipas") && $0[1] == .text(SIPASVersion.string) })
        #expect(report.tables.filter { $0.section == .annex }.count == 4)
    }

    @Test func anIdentifyingBreakdownIsNeverShown() throws {
        var input = try Self.input()
        input.instrument.questions[0].identifying = true  // sector
        let report = AnnualReportBuilder(input).build()
        #expect(report.table("by_sector") == nil)
    }

    @Test func sheetNamesAreWholeAndShort() throws {
        let builder = AnnualReportBuilder(try Self.input())
        #expect(builder.sheetName(variable: "sector", label: "Đất đai") == "Theo Đất đai")
        #expect(
            builder.sheetName(variable: "sector", label: "Lĩnh vực thủ tục hành chính gần nhất") == "Theo lĩnh vực TTHC"
        )
        #expect(
            builder.sheetName(variable: "agency_level", label: "Cấp cơ quan giải quyết thủ tục gần nhất")
                == "Theo cấp cơ quan")
        // Another column: whole words up to Excel's 31 characters.
        #expect(
            builder.sheetName(variable: "x", label: "Nhóm nghề nghiệp chính của người trả lời")
                == "Theo Nhóm nghề nghiệp chính của")
    }

    @Test func theInternalIdColumnIsForMachinesOnly() throws {
        let report = AnnualReportBuilder(try Self.input()).build()
        let elements = try #require(report.table("elements"))
        #expect(elements.columns.filter(\.machineOnly).map(\.id) == ["id"])
        #expect(!elements.humanColumns.columns.contains { $0.id == "id" })
        #expect(elements.humanColumns.rows.first?.count == elements.columns.count - 1)
        let md = try ReportTemplates().renderMarkdown(report)
        #expect(!md.contains("area:services") && !md.contains("item:s1"))
    }

    @Test func englishLabels() throws {
        var input = try Self.input()
        input.language = .en
        let report = AnnualReportBuilder(input).build()
        #expect(report.table("summary")?.title == "National summary")
        #expect(report.table("by_sector")?.rows.first?[1] == .text("Land"))
    }
}
