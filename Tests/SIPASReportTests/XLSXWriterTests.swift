import Foundation
import SIPASCore
import SIPASTestSupport
import Testing
import ZIPFoundation

@testable import SIPASReport

struct XLSXWriterTests {
    static func part(_ path: String, of url: URL) throws -> String {
        let archive = try Archive(url: url, accessMode: .read)
        let entry = try #require(archive[path])
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        return String(decoding: data, as: UTF8.self)
    }

    @Test func oneSheetPerTableWithFrozenHeaderNumbersAndSafeText() throws {
        let url = try Fixtures.temporaryDirectory().appendingPathComponent("r.xlsx")
        try XLSXWriter.write(AnnualReportFixtures.report(), to: url)
        let workbook = try Self.part("xl/workbook.xml", of: url)
        #expect(workbook.contains(#"<sheet name="Theo tỉnh" sheetId="1" r:id="rId1"/>"#))
        #expect(workbook.contains(#"<sheet name="PL Phương pháp" sheetId="2" r:id="rId2"/>"#))
        let sheet = try Self.part("xl/worksheets/sheet1.xml", of: url)
        #expect(sheet.contains(#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#))
        #expect(sheet.contains(#"<c r="C2" s="2"><v>84.5</v></c>"#))  // number with format 0.00
        #expect(sheet.contains(#"<c r="D3" s="3"><v>-2.5</v></c>"#))  // signed change format
        #expect(sheet.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(!sheet.contains("<script>"))
        #expect(
            sheet.contains(
                "<t xml:space=\"preserve\">&#39;=HYPERLINK(&quot;http://example.invalid&quot;,&quot;bấm&quot;)</t>"))
        #expect(sheet.contains("<t xml:space=\"preserve\">n&lt;30</t>"))
        let styles = try Self.part("xl/styles.xml", of: url)
        #expect(styles.contains(#"formatCode="+0.00;-0.00;0.00""#))
        #expect(try Self.part("[Content_Types].xml", of: url).contains("/xl/worksheets/sheet2.xml"))
    }

    @Test func theSameReportGivesTheSameBytes() throws {
        let directory = try Fixtures.temporaryDirectory()
        let a = directory.appendingPathComponent("a.xlsx")
        let b = directory.appendingPathComponent("b.xlsx")
        try XLSXWriter.write(AnnualReportFixtures.report(), to: a)
        Thread.sleep(forTimeInterval: 2.1)  // ZIP times have a 2-second resolution
        try XLSXWriter.write(AnnualReportFixtures.report(), to: b)
        #expect(try Data(contentsOf: a) == Data(contentsOf: b))
    }

    @Test func sheetNamesFollowExcelRules() {
        let names = XLSXWriter.sheetNames(["a/b", "A/B", String(repeating: "x", count: 40), "[]"])
        #expect(names[0] == "a b")
        #expect(names[1] == "A B (2)")
        #expect(names[2].count == 31)
        #expect(names[3] == "Sheet")
    }

    @Test func everySheetPrintsOnA4LandscapeOnePageWideWithItsHeadingsRepeated() throws {
        let url = try Fixtures.temporaryDirectory().appendingPathComponent("p.xlsx")
        try XLSXWriter.write(AnnualReportFixtures.report(), to: url)
        let sheet = try Self.part("xl/worksheets/sheet1.xml", of: url)
        #expect(sheet.contains(#"<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>"#))
        #expect(sheet.contains(#"<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>"#))
        #expect(sheet.contains("<oddFooter>&amp;LBáo cáo chỉ số hài lòng năm 2024&amp;R&amp;P/&amp;N</oddFooter>"))
        #expect(!sheet.contains("<oddHeader>"))
        // CT_Worksheet order: sheetData, printOptions, pageMargins, pageSetup, headerFooter.
        let order = ["</sheetData>", "<printOptions", "<pageMargins", "<pageSetup", "<headerFooter>"].map {
            sheet.range(of: $0)?.lowerBound
        }
        #expect(order.allSatisfy { $0 != nil } && zip(order, order.dropFirst()).allSatisfy { $0! < $1! })
        let workbook = try Self.part("xl/workbook.xml", of: url)
        #expect(
            workbook.contains(
                #"<definedName name="_xlnm.Print_Titles" localSheetId="0">&#39;Theo tỉnh&#39;!$1:$1</definedName>"#))
        #expect(
            workbook.contains(
                #"<definedName name="_xlnm.Print_Titles" localSheetId="1">&#39;PL Phương pháp&#39;!$1:$1</definedName>"#
            ))
    }

    @Test func syntheticDataPutTheBannerInRowOneAndThePageHeader() throws {
        var report = AnnualReportFixtures.report()
        report.provenance = DataProvenance(syntheticRows: 5, rows: 5)
        let url = try Fixtures.temporaryDirectory().appendingPathComponent("s.xlsx")
        try XLSXWriter.write(report, to: url)
        let sheet = try Self.part("xl/worksheets/sheet1.xml", of: url)
        let banner = "Dữ liệu mô phỏng — không phải kết quả chính thức"
        #expect(
            sheet.contains(
                #"<row r="1"><c r="A1" t="inlineStr" s="1"><is><t xml:space="preserve">\#(banner)</t></is></c></row>"#))
        #expect(sheet.contains(#"<c r="A2" t="inlineStr" s="1"><is><t xml:space="preserve">Xếp hạng</t></is></c>"#))
        #expect(sheet.contains(#"<c r="C3" s="2"><v>84.5</v></c>"#))
        #expect(sheet.contains(#"<pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/>"#))
        #expect(sheet.contains("<oddHeader>&amp;C&amp;B\(banner)</oddHeader>"))
        #expect(try Self.part("xl/workbook.xml", of: url).contains("&#39;Theo tỉnh&#39;!$1:$2</definedName>"))
    }

    @Test func machineOnlyColumnsAreLeftOut() throws {
        var report = AnnualReportFixtures.report()
        report.tables[1].columns[0].machineOnly = true
        let url = try Fixtures.temporaryDirectory().appendingPathComponent("m.xlsx")
        try XLSXWriter.write(report, to: url)
        let sheet = try Self.part("xl/worksheets/sheet2.xml", of: url)
        #expect(!sheet.contains(">Mục<") && !sheet.contains("SHA-256"))
        #expect(sheet.contains(#"<c r="A1" t="inlineStr" s="1"><is><t xml:space="preserve">Nội dung</t></is></c>"#))
    }

    @Test func columnLetters() {
        #expect(XLSXWriter.columnLetter(0) == "A")
        #expect(XLSXWriter.columnLetter(25) == "Z")
        #expect(XLSXWriter.columnLetter(26) == "AA")
        #expect(XLSXWriter.columnLetter(701) == "ZZ")
    }
}
