import Testing

@testable import SIPASReport

struct SVGChartsTests {
    let charts = SVGCharts(AnnualReportFixtures.report().charts, language: .vi)

    @Test func provinceChartHasDotsWhiskersAndTarget() {
        let svg = charts.provinces()
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.components(separatedBy: "<circle class=\"dot\"").count == 3)
        #expect(svg.components(separatedBy: "<line class=\"whisker\"").count == 3)
        #expect(svg.contains("<line class=\"target\""))
        #expect(svg.contains("Mục tiêu 90 %"))
        #expect(svg.contains("84,5"))
    }

    @Test func labelsAreEscaped() {
        for svg in [charts.provinces(), charts.slopes(before: "2023", after: "2024")] {
            #expect(!svg.contains("<script>"))
            #expect(svg.contains("&lt;script&gt;"))
        }
    }

    @Test func elementProfileAndSlopes() {
        let elements = charts.elements()
        #expect(elements.contains("<rect class=\"bar\""))
        #expect(elements.contains("<line class=\"previous\""))
        let slopes = charts.slopes(before: "2023", after: "2024")
        #expect(slopes.contains("<line class=\"slope up\""))
        #expect(slopes.contains("<line class=\"slope down\""))
        #expect(slopes.contains(">2023</text>") && slopes.contains(">2024</text>"))
    }

    @Test func noDataNoChart() {
        #expect(SVGCharts(ReportCharts(), language: .en).provinces().isEmpty)
    }
}
