import Foundation
import SIPASCore
import SIPASTestSupport
import Testing
import ZIPFoundation

@testable import SIPASReport

struct DOCXWriterTests {
    @Test func theDocumentHoldsTitleBannerAndEveryTableAsTheMarkdownShowsIt() throws {
        var report = AnnualReportFixtures.report()
        report.provenance = DataProvenance(syntheticRows: 3, rows: 3)
        report.tables[1].columns[0].machineOnly = true
        let url = try Fixtures.temporaryDirectory().appendingPathComponent("r.docx")
        try DOCXWriter.write(report, to: url)
        let document = try XLSXWriterTests.part("word/document.xml", of: url)
        let banner = "Dữ liệu mô phỏng — không phải kết quả chính thức"
        #expect(document.contains("<w:t xml:space=\"preserve\">\(banner)</w:t>"))
        #expect(
            document.range(of: banner)!.lowerBound < document.range(of: "Báo cáo chỉ số hài lòng năm 2024")!.lowerBound)
        #expect(document.components(separatedBy: "<w:tbl>").count - 1 == 2)
        #expect(document.components(separatedBy: "<w:tblHeader/>").count - 1 == 2)
        // Cells as the human formats write them: decimal commas, the suppressed mark, formulas inert as text.
        #expect(document.contains("<w:t xml:space=\"preserve\">84,50</w:t>"))
        #expect(document.contains("&lt;script&gt;"))
        #expect(!document.contains("<script>"))
        // The machine-only column of the annex is not in the document.
        #expect(!document.contains(">SHA-256<") && document.contains(">abc<"))
        #expect(document.contains(#"<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>"#))
        let types = try XLSXWriterTests.part("[Content_Types].xml", of: url)
        #expect(types.contains("wordprocessingml.document.main+xml"))
    }

    @Test func theSameReportGivesTheSameBytes() throws {
        let directory = try Fixtures.temporaryDirectory()
        let a = directory.appendingPathComponent("a.docx")
        let b = directory.appendingPathComponent("b.docx")
        try DOCXWriter.write(AnnualReportFixtures.report(), to: a)
        Thread.sleep(forTimeInterval: 2.1)  // ZIP times have a 2-second resolution
        try DOCXWriter.write(AnnualReportFixtures.report(), to: b)
        #expect(try Data(contentsOf: a) == Data(contentsOf: b))
    }

    @Test func aTableLongerThanAPrintedReportHoldsIsNamedNotWritten() throws {
        var report = AnnualReportFixtures.report()
        let long = report.tables[0].rows[0]
        report.tables[0].rows = Array(repeating: long, count: DOCXWriter.maxRows + 1)
        let url = try Fixtures.temporaryDirectory().appendingPathComponent("r.docx")
        try DOCXWriter.write(report, to: url)
        let document = try XLSXWriterTests.part("word/document.xml", of: url)
        #expect(document.components(separatedBy: "<w:tbl>").count - 1 == 1)
        #expect(
            document.contains(
                "Bảng có \(DOCXWriter.maxRows + 1) dòng: xem report.xlsx hoặc csv/\(report.tables[0].id).csv."))
    }
}
