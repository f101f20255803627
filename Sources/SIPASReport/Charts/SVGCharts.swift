import Foundation
import SIPASCore

/// Inline SVG charts for the HTML report, drawn from ``ReportCharts`` (no script, no network).
/// Every label is XML-escaped; numbers in labels follow the report's language.
public struct SVGCharts: Sendable {
    public var charts: ReportCharts
    public var language: Language

    public init(_ charts: ReportCharts, language: Language) {
        self.charts = charts
        self.language = language
    }

    var numbers: NumberStyle { .human(language) }
    func f(_ v: Double) -> String { String(format: "%.1f", v) }

    /// Scale bounds covering values, CIs and the target, widened to whole multiples of 5.
    func bounds(_ values: [Double]) -> (Double, Double) {
        let low = (values.min() ?? 0)
        let high = (values.max() ?? 100)
        let lo = max(0, (low / 5).rounded(.down) * 5)
        let hi = min(100, (high / 5).rounded(.up) * 5)
        return hi > lo ? (lo, hi) : (max(0, lo - 5), min(100, hi + 5))
    }

    /// Provinces from highest to lowest: a dot at the index, a whisker for the 95 % CI, and the
    /// target as a dashed vertical line.
    public func provinces() -> String {
        let points = charts.provinces
        guard !points.isEmpty else { return "" }
        let rowHeight = 13.0
        let left = 150.0
        let right = 60.0
        let top = 30.0
        let width = 680.0
        let height = top + Double(points.count) * rowHeight + 30
        let (lo, hi) = bounds(
            points.flatMap { [$0.value, $0.low ?? $0.value, $0.high ?? $0.value] } + [charts.target].compactMap { $0 })
        let plot = width - left - right
        func x(_ v: Double) -> Double { left + (v - lo) / (hi - lo) * plot }
        var svg =
            #"<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="chart-provinces" role="img" viewBox="0 0 \#(f(width)) \#(f(height))" width="100%">"#
        svg += "<title>\(CellSafety.xml(charts.axisTitle))</title>"
        svg += axis(lo: lo, hi: hi, x: x, top: top - 8, bottom: height - 24)
        for (i, p) in points.enumerated() {
            let y = top + Double(i) * rowHeight + rowHeight / 2
            svg +=
                #"<text x="\#(f(left - 6))" y="\#(f(y + 4))" text-anchor="end" class="label">\#(CellSafety.xml(p.label))</text>"#
            if let low = p.low, let high = p.high {
                svg += #"<line class="whisker" x1="\#(f(x(low)))" x2="\#(f(x(high)))" y1="\#(f(y))" y2="\#(f(y))"/>"#
            }
            svg +=
                #"<circle class="dot" cx="\#(f(x(p.value)))" cy="\#(f(y))" r="3.5"><title>\#(CellSafety.xml(p.label)): \#(numbers.format(p.value, digits: 2))</title></circle>"#
            svg +=
                #"<text x="\#(f(width - right + 6))" y="\#(f(y + 4))" class="value">\#(numbers.format(p.value, digits: 1))</text>"#
        }
        if let target = charts.target {
            svg +=
                #"<line class="target" x1="\#(f(x(target)))" x2="\#(f(x(target)))" y1="\#(f(top - 8))" y2="\#(f(height - 24))"/>"#
            svg +=
                #"<text class="target-label" text-anchor="end" x="\#(f(x(target) - 4))" y="\#(f(top - 12))">\#(CellSafety.xml(charts.targetLabel ?? "")) \#(numbers.format(target, digits: 0)) %</text>"#
        }
        return svg + "</svg>"
    }

    /// Element profile: a bar per element with its CI, and last year's value as a tick.
    public func elements() -> String {
        let points = charts.elements
        guard !points.isEmpty else { return "" }
        let rowHeight = 22.0
        let left = 300.0
        let right = 60.0
        let top = 30.0
        let width = 680.0
        let height = top + Double(points.count) * rowHeight + 30
        let (lo, hi) = bounds(
            points.flatMap { [$0.value, $0.low ?? $0.value, $0.high ?? $0.value, $0.previous ?? $0.value] })
        let plot = width - left - right
        func x(_ v: Double) -> Double { left + (v - lo) / (hi - lo) * plot }
        var svg =
            #"<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="chart-elements" role="img" viewBox="0 0 \#(f(width)) \#(f(height))" width="100%">"#
        svg += "<title>\(CellSafety.xml(charts.axisTitle))</title>"
        svg += axis(lo: lo, hi: hi, x: x, top: top - 8, bottom: height - 24)
        for (i, p) in points.enumerated() {
            let y = top + Double(i) * rowHeight
            svg +=
                #"<text x="\#(f(left - 6))" y="\#(f(y + 14))" text-anchor="end" class="label">\#(CellSafety.xml(p.label))</text>"#
            svg +=
                #"<rect class="bar" x="\#(f(left))" y="\#(f(y + 3))" width="\#(f(max(x(p.value) - left, 0)))" height="\#(f(rowHeight - 6))"/>"#
            if let low = p.low, let high = p.high {
                svg +=
                    #"<line class="whisker" x1="\#(f(x(low)))" x2="\#(f(x(high)))" y1="\#(f(y + rowHeight / 2))" y2="\#(f(y + rowHeight / 2))"/>"#
            }
            if let previous = p.previous {
                svg +=
                    #"<line class="previous" x1="\#(f(x(previous)))" x2="\#(f(x(previous)))" y1="\#(f(y + 1))" y2="\#(f(y + rowHeight - 1))"/>"#
            }
            svg +=
                #"<text x="\#(f(width - right + 6))" y="\#(f(y + 14))" class="value">\#(numbers.format(p.value, digits: 1))</text>"#
        }
        return svg + "</svg>"
    }

    /// Slope chart: each province's index last year (left) and this year (right); rising lines in
    /// one colour, falling in another.
    public func slopes(before: String, after: String) -> String {
        let lines = charts.slopes
        guard !lines.isEmpty else { return "" }
        let width = 680.0
        let height = 440.0
        let top = 40.0
        let bottom = 30.0
        let leftX = 200.0
        let rightX = 480.0
        let (lo, hi) = bounds(lines.flatMap { [$0.before, $0.after] })
        func y(_ v: Double) -> Double { top + (hi - v) / (hi - lo) * (height - top - bottom) }
        var svg =
            #"<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="chart-slopes" role="img" viewBox="0 0 \#(f(width)) \#(f(height))" width="100%">"#
        svg += "<title>\(CellSafety.xml(charts.axisTitle))</title>"
        svg +=
            #"<text x="\#(f(leftX))" y="20" text-anchor="middle" class="axis-title">\#(CellSafety.xml(before))</text>"#
        svg +=
            #"<text x="\#(f(rightX))" y="20" text-anchor="middle" class="axis-title">\#(CellSafety.xml(after))</text>"#
        for tick in stride(from: lo, through: hi, by: 5) {
            svg += #"<line class="grid" x1="\#(f(leftX))" x2="\#(f(rightX))" y1="\#(f(y(tick)))" y2="\#(f(y(tick)))"/>"#
            svg +=
                #"<text x="\#(f(leftX - 8))" y="\#(f(y(tick) + 4))" text-anchor="end" class="tick">\#(numbers.format(tick, digits: 0))</text>"#
        }
        for line in lines {
            let kind = line.after >= line.before ? "up" : "down"
            svg +=
                #"<line class="slope \#(kind)" x1="\#(f(leftX))" x2="\#(f(rightX))" y1="\#(f(y(line.before)))" y2="\#(f(y(line.after)))"><title>\#(CellSafety.xml(line.label)): \#(numbers.format(line.before, digits: 2)) → \#(numbers.format(line.after, digits: 2))</title></line>"#
        }
        // Name the three highest and three lowest this year, pushed apart so that labels do not overlap.
        let byValue = lines.sorted { $0.after > $1.after }
        let named = byValue.count > 6 ? Array(byValue.prefix(3) + byValue.suffix(3)) : byValue
        var lastY = -Double.infinity
        for line in named {
            let labelY = max(y(line.after) + 4, lastY + 11)
            lastY = labelY
            svg +=
                #"<text x="\#(f(rightX + 6))" y="\#(f(labelY))" class="label">\#(CellSafety.xml(line.label)) \#(numbers.format(line.after, digits: 1))</text>"#
        }
        return svg + "</svg>"
    }

    func axis(lo: Double, hi: Double, x: (Double) -> Double, top: Double, bottom: Double) -> String {
        var svg = ""
        for tick in stride(from: lo, through: hi, by: 5) {
            svg += #"<line class="grid" x1="\#(f(x(tick)))" x2="\#(f(x(tick)))" y1="\#(f(top))" y2="\#(f(bottom))"/>"#
            svg +=
                #"<text x="\#(f(x(tick)))" y="\#(f(bottom + 14))" text-anchor="middle" class="tick">\#(numbers.format(tick, digits: 0))</text>"#
        }
        return svg
    }
}
