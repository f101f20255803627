import SIPASCore
import SIPASInstruments
import SIPASStats

/// Output formats of `sipas analyze`.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// A readable table for the terminal.
    case table
    /// Markdown tables.
    case md
    /// One CSV row per group × indicator × statistic (UTF-8, dot decimals).
    case csv
    /// One JSON record per group × indicator × statistic.
    case json
}

/// The results of one analysis, with what is needed to present them.
public struct AnalysisReport: Sendable {
    public var result: AnalysisResult
    public var labeler: ResultLabeler
    /// Input file names, as given.
    public var sources: [String]
    public var rowsRead: Int
    public var accepted: Int
    public var rejected: Int
    /// Show item rows in the human formats (machine formats always hold every row).
    public var includeItems: Bool
    /// Target attainment, when a plan was given.
    public var targets: TargetTable?
    /// Whether the rows are synthetic: every format shows the marker (``DataProvenance``).
    public var provenance = DataProvenance()

    public init(
        result: AnalysisResult, labeler: ResultLabeler, sources: [String],
        rowsRead: Int, accepted: Int, rejected: Int, includeItems: Bool = false
    ) {
        self.result = result
        self.labeler = labeler
        self.sources = sources
        self.rowsRead = rowsRead
        self.accepted = accepted
        self.rejected = rejected
        self.includeItems = includeItems
    }

    /// The report as text in `format`.
    public func render(_ format: ReportFormat) throws -> String {
        switch format {
        case .table: return humanText(markdown: false)
        case .md: return humanText(markdown: true)
        case .csv: return csvText()
        case .json: return try jsonText()
        }
    }

    /// Results of one group, keyed by indicator id and statistic.
    func rows(of group: Group) -> [String: [Statistic: IndicatorResult]] {
        var rows: [String: [Statistic: IndicatorResult]] = [:]
        for row in result.results where row.group == group {
            rows[row.indicator.id, default: [:]][row.statistic] = row
        }
        return rows
    }

    /// Groups per breakdown variable (the whole sample first), levels in the order of the column's
    /// choice list (then by value).
    var groupsByVariable: [(variable: String, groups: [Group])] {
        var order: [String] = []
        var groups: [String: Set<Group>] = [:]
        for row in result.results {
            if groups[row.group.variable] == nil { order.append(row.group.variable) }
            groups[row.group.variable, default: []].insert(row.group)
        }
        return order.map { variable in
            (
                variable,
                groups[variable]!.sorted { a, b in
                    let x = labeler.sortKey(of: a)
                    let y = labeler.sortKey(of: b)
                    return x.lexicographicallyPrecedes(y) { ($0.0, $0.1) < ($1.0, $1.1) }
                }
            )
        }
    }

    /// Indicators in plan order.
    var indicators: [Indicator] {
        var seen = Set<String>()
        return result.results.map(\.indicator).filter { seen.insert($0.id).inserted }
    }
}
