import Foundation
import SIPASCore
import SIPASInstruments
import SIPASStats
import TextTable

/// `sipas compare`: estimates of several years, the change with its CI and p-value, significance
/// after adjustment, ranks and the counts of groups up and down.
public struct ComparisonReport: Sendable {
    public var comparison: YearComparison
    public var labeler: ResultLabeler
    public var sources: [String]
    /// Groups formed by regrouping earlier years' units, e.g. "Bắc Ninh (24) ← Bắc Giang (24), Bắc Ninh (27)".
    public var regrouped: [String]
    public var includeItems: Bool
    /// Target attainment in the latest year, when a plan was given.
    public var targets: TargetTable?
    /// Across 1 July 2025: each earlier year's national figure as published and regrouped.
    public var baselines: [NationalBaseline] = []
    /// Synthetic rows among the rows of every year (``DataProvenance``): every format shows the marker.
    public var provenance = DataProvenance()

    public init(
        comparison: YearComparison, labeler: ResultLabeler, sources: [String], regrouped: [String],
        includeItems: Bool = false
    ) {
        self.comparison = comparison
        self.labeler = labeler
        self.sources = sources
        self.regrouped = regrouped
        self.includeItems = includeItems
    }

    public func render(_ format: ReportFormat) throws -> String {
        switch format {
        case .table: return human(markdown: false)
        case .md: return human(markdown: true)
        case .csv: return csv()
        case .json: return try json()
        }
    }

    private func t(_ message: ReportMessage) -> String { message.text(labeler.language) }
    private var numbers: NumberStyle { .human(labeler.language) }

    /// "+1,28" percentage points (or score points for means).
    private func change(_ d: Difference?, scale: Double) -> String {
        guard let d else { return "–" }
        let text = numbers.format(d.estimate * scale, digits: 2)
        return d.estimate > 0 ? "+" + text : text
    }

    private func interval(_ d: Difference?, scale: Double) -> String {
        guard let d, let low = d.ciLow, let high = d.ciHigh else { return "–" }
        return numbers.format(low * scale, digits: 2) + " … " + numbers.format(high * scale, digits: 2)
    }

    private func mark(_ row: YearComparison.Row) -> String {
        guard let p = row.adjustedPValue else { return "" }
        return p < 0.001 ? "***" : p < 0.01 ? "**" : p < 0.05 ? "*" : ""
    }

    func human(markdown: Bool) -> String {
        let style: TextTableStyle.Type = markdown ? Style.pipe : Style.simple
        func heading(_ text: String) -> String {
            markdown ? "## \(text)\n\n" : "\(text)\n\(String(repeating: "=", count: text.count))\n"
        }
        func cell(_ text: String) -> String { markdown ? text.replacingOccurrences(of: "|", with: "\\|") : text }
        let years = comparison.years
        var out = ""
        let title = "\(labeler.instrument.title.text(labeler.language)) — \(years.joined(separator: " → "))"
        out += markdown ? "# \(title)\n\n" : "\(title)\n\n"
        if let banner = provenance.banner(labeler.language) {
            out += markdown ? "> **\(banner)**\n\n" : "*** \(banner) ***\n\n"
        }
        out += t(.files) + ": " + sources.joined(separator: ", ") + "\n"
        if comparison.methodBreak {
            out +=
                "⚠ " + t(.methodBreak) + ": " + comparison.methodVersions.joined(separator: " → ")
                + t(.notDirectlyComparable) + "\n"
        }
        if !regrouped.isEmpty {
            out +=
                t(.regroupedInto)
                + regrouped.joined(separator: "; ") + "\n"
        }
        for line in baselineLines() { out += line + "\n" }
        out +=
            t(.changeLegend)
            + (comparison.adjustment == .holm
                ? "Holm"
                : comparison.adjustment == .benjaminiHochberg ? "Benjamini–Hochberg" : comparison.adjustment.rawValue)
            + ".\n\n"

        let last = years.count - 1
        let whole = comparison.rows.filter {
            $0.group.isAll && $0.statistic == .share && (includeItems || $0.indicator.level != .item)
        }
        let wholeTable = TextTable<YearComparison.Row> { row in
            var columns = [Column(title: t(.indicator), value: cell(labeler.label(of: row.indicator)))]
            for (y, year) in years.enumerated() {
                columns.append(
                    Column(
                        title: year, value: numbers.format(row.estimates[y].map { $0.value * 100 }, digits: 2),
                        align: .right))
            }
            columns.append(
                Column(title: t(.change), value: change(row.latestChange, scale: 100) + mark(row), align: .right))
            columns.append(Column(title: t(.ci), value: interval(row.latestChange, scale: 100), align: .right))
            columns.append(
                Column(title: "p", value: numbers.format(row.latestChange?.pValue, digits: 4), align: .right))
            return columns
        }
        out += heading(t(.nationalShare))
        out += (wholeTable.string(for: whole, style: style) ?? "") + "\n"

        let variables = comparison.rows.map(\.group.variable).reduce(into: [String]()) {
            if $1 != "all" && !$0.contains($1) { $0.append($1) }
        }
        for variable in variables {
            let rows = comparison.rows.filter {
                $0.group.variable == variable && $0.indicator.level == .overall && $0.statistic == .share
            }
            .sorted {
                labeler.sortKey(of: $0.group).lexicographicallyPrecedes(labeler.sortKey(of: $1.group)) {
                    ($0.0, $0.1) < ($1.0, $1.1)
                }
            }
            let ranked = rows.filter { ($0.ranks.last ?? nil) != nil }.count
            let table = TextTable<YearComparison.Row> { row in
                var columns = [
                    Column(title: labeler.label(ofVariable: variable), value: cell(labeler.label(of: row.group)))
                ]
                for (y, year) in years.enumerated() {
                    columns.append(
                        Column(
                            title: year, value: numbers.format(row.estimates[y].map { $0.value * 100 }, digits: 2),
                            align: .right))
                }
                columns.append(
                    Column(title: t(.change), value: change(row.latestChange, scale: 100) + mark(row), align: .right))
                columns.append(Column(title: t(.ci), value: interval(row.latestChange, scale: 100), align: .right))
                let standing =
                    (row.ranks.last ?? nil).map { rank in
                        StandingText.make(
                            rank: rank, of: ranked,
                            previousRank: row.ranks.count > 1 ? row.ranks[row.ranks.count - 2] : nil,
                            significant: row.latestChange == nil ? nil : row.isSignificant(), language: labeler.language
                        )
                    } ?? "–"
                columns.append(Column(title: t(.rankColumn), value: cell(standing)))
                return columns
            }
            out += heading(t(.overallIndexBy) + labeler.label(ofVariable: variable))
            out += (table.string(for: rows, style: style) ?? "") + "\n"
            if let m = comparison.movements.first(where: { $0.variable == variable }) {
                out += t(.movements(m)) + "\n\n"
            }
        }
        _ = last
        if let targets { out += targets.render(labeler: labeler, markdown: markdown) }
        return out
    }
}
