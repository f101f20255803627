import SIPASCore

@testable import SIPASReport

/// A small hand-built report for the renderer tests: two tables (one in the annex), a suppressed
/// cell, a missing cell, and data strings that try to inject HTML, Markdown and spreadsheet formulas.
enum AnnualReportFixtures {
    static let script = "<script>alert('x')</script>"
    static let formula = "=HYPERLINK(\"http://example.invalid\",\"bấm\")"

    static func report(language: Language = .vi) -> AnnualReport {
        var report = AnnualReport(
            title: "Báo cáo chỉ số hài lòng năm 2024", subtitle: "Khảo sát thử", language: language,
            year: "2024", previousYear: "2023", minimumN: 30, highlights: ["Chỉ số chung: 84,12 %."])
        report.tables = [
            ReportTable(
                id: "provinces", title: "Theo tỉnh", sheetName: "Theo tỉnh", note: "Xếp hạng",
                columns: [
                    ReportColumn("rank", "Xếp hạng", .integer), ReportColumn("province", "Tỉnh, thành phố", .text),
                    ReportColumn("share", "Tỷ lệ hài lòng (%)", .percent), ReportColumn("change", "Thay đổi", .change),
                ],
                rows: [
                    [.number(1), .text("Hà Nội"), .number(84.5), .number(1.25)],
                    [.number(2), .text(script), .number(80.125), .number(-2.5)],
                    [.missing, .text(formula), .suppressed, .missing],
                    [.number(3), .text("-5 | *x* [link](http://a)"), .number(70), .number(0)],
                ]),
            ReportTable(
                id: "methodology", title: "Phụ lục: phương pháp", sheetName: "PL Phương pháp", section: .annex,
                columns: [ReportColumn("item", "Mục", .text), ReportColumn("value", "Nội dung", .text)],
                rows: [[.text("SHA-256"), .text("abc")], [.text("@cmd"), .text("+1")]]),
        ]
        report.charts.provinces = [
            .init(label: "Hà Nội", value: 84.5, low: 80, high: 88),
            .init(label: script, value: 80.1, low: 75, high: 85),
        ]
        report.charts.target = 90
        report.charts.targetLabel = "Mục tiêu"
        report.charts.elements = [.init(label: "Tiếp cận", value: 86, low: 85, high: 87, previous: 84)]
        report.charts.slopes = [
            .init(label: "Hà Nội", before: 83.27, after: 84.5), .init(label: script, before: 82, after: 80.1),
        ]
        report.charts.axisTitle = "Tỷ lệ hài lòng (%)"
        return report
    }
}
