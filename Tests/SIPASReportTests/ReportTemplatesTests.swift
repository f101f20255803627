import Foundation
import SIPASTestSupport
import Testing

@testable import SIPASReport

struct ReportTemplatesTests {
    @Test func markdownHasTablesWithVietnameseNumbersAndEscapedData() throws {
        let md = try ReportTemplates().renderMarkdown(AnnualReportFixtures.report())
        #expect(md.hasPrefix("# Báo cáo chỉ số hài lòng năm 2024"))
        #expect(md.contains("| Xếp hạng | Tỉnh, thành phố | Tỷ lệ hài lòng (%) | Thay đổi |"))
        #expect(md.contains("|---:|---|---:|---:|"))
        #expect(md.contains("| 1 | Hà Nội | 84,50 | +1,25 |"))
        #expect(md.contains("| n&lt;30 |"))  // shown as n<30
        #expect(!md.contains("<script>"))
        #expect(md.contains("&lt;script&gt;"))
        #expect(md.contains("-5 \\| \\*x\\* \\[link\\](http://a)"))
        #expect(md.contains("## Phụ lục: phương pháp"))
    }

    @Test func htmlIsSelfContainedEscapedAndPrintable() throws {
        let html = try ReportTemplates().renderHTML(AnnualReportFixtures.report())
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("@page { size: A4"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("src=\"http") && !html.contains("href=\"http") && !html.contains("@import"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"chart-provinces\""))
        #expect(html.contains("id=\"chart-elements\"") && html.contains("id=\"chart-slopes\""))
        #expect(html.contains("<td class=\"num suppressed\">n&lt;30</td>"))
        #expect(html.contains("<td class=\"num\">84,50</td>"))
        #expect(html.contains("<section class=\"annex\">"))
    }

    @Test func englishUsesDots() throws {
        let md = try ReportTemplates().renderMarkdown(AnnualReportFixtures.report(language: .en))
        #expect(md.contains("| 1 | Hà Nội | 84.50 | +1.25 |"))
    }

    @Test func aFolderOverridesTheBuiltInTemplates() throws {
        let directory = try Fixtures.temporaryDirectory()
        try Data("{{% CONTENT_TYPE: MARKDOWN}}\nCUSTOM {{title}}{{#bodyTables}} [{{id}}]{{/bodyTables}}\n".utf8)
            .write(to: directory.appendingPathComponent("report.md.mustache"))
        let templates = try ReportTemplates(directory: directory)
        #expect(
            templates.renderMarkdown(AnnualReportFixtures.report())
                == "CUSTOM Báo cáo chỉ số hài lòng năm 2024 [provinces]\n")
        // No HTML template in the folder: the built-in one.
        #expect(templates.renderHTML(AnnualReportFixtures.report()).hasPrefix("<!DOCTYPE html>"))
    }

    @Test func aBrokenTemplateIsAnError() throws {
        let directory = try Fixtures.temporaryDirectory()
        try Data("{{#open}} never closed".utf8).write(to: directory.appendingPathComponent("report.html.mustache"))
        #expect(throws: ReportTemplates.TemplateError.self) { try ReportTemplates(directory: directory) }
    }
}
