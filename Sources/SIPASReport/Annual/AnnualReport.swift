import SIPASCore

/// The annual report as plain values: its tables and charts, built once (``AnnualReportBuilder``)
/// and rendered by every format (Markdown, HTML, Excel, CSV, JSON).
///
/// Numbers are kept unformatted (shares and changes in percent, means in score points); each
/// format writes them its own way (Vietnamese decimal commas in human formats, dots in machine ones).
public struct AnnualReport: Sendable, Hashable {
    public var title: String
    public var subtitle: String
    public var language: Language
    public var year: String
    public var previousYear: String?
    public var minimumN: Int
    /// Short statements for the summary page ("Chỉ số chung 84,12 %, tăng 1,27 điểm").
    public var highlights: [String]
    public var tables: [ReportTable]
    public var charts: ReportCharts
    /// Synthetic rows among the rows the report rests on: every format shows ``banner``.
    public var provenance = DataProvenance()

    public init(
        title: String, subtitle: String, language: Language, year: String, previousYear: String?, minimumN: Int,
        highlights: [String] = [], tables: [ReportTable] = [], charts: ReportCharts = ReportCharts()
    ) {
        self.title = title
        self.subtitle = subtitle
        self.language = language
        self.year = year
        self.previousYear = previousYear
        self.minimumN = minimumN
        self.highlights = highlights
        self.tables = tables
        self.charts = charts
    }

    public func table(_ id: String) -> ReportTable? { tables.first { $0.id == id } }

    /// "Dữ liệu mô phỏng — không phải kết quả chính thức" when any row is synthetic, else nil.
    public var banner: String? { provenance.banner(language) }
}

/// One table of the report: one Excel sheet, one CSV file, one JSON array.
public struct ReportTable: Sendable, Hashable {
    /// Machine name (`provinces`, `by_sector`), used for file names and JSON.
    public var id: String
    public var title: String
    /// A short title (≤ 31 characters), the Excel sheet name.
    public var sheetName: String
    /// Which part of the report: body or annex.
    public var section: Section
    public var note: String?
    public var columns: [ReportColumn]
    public var rows: [[ReportValue]]

    public enum Section: String, Sendable, Hashable { case body, annex }

    /// The table without its ``ReportColumn/machineOnly`` columns, as the human formats show it.
    public var humanColumns: ReportTable {
        let kept = columns.indices.filter { !columns[$0].machineOnly }
        guard kept.count < columns.count else { return self }
        var table = self
        table.columns = kept.map { columns[$0] }
        table.rows = rows.map { row in kept.map { $0 < row.count ? row[$0] : .missing } }
        return table
    }

    public init(
        id: String, title: String, sheetName: String, section: Section = .body, note: String? = nil,
        columns: [ReportColumn], rows: [[ReportValue]] = []
    ) {
        self.id = id
        self.title = title
        self.sheetName = sheetName
        self.section = section
        self.note = note
        self.columns = columns
        self.rows = rows
    }
}

/// A column: its machine name, its heading in the report's language and the kind of its values.
public struct ReportColumn: Sendable, Hashable {
    public var id: String
    public var title: String
    public var kind: Kind
    /// Internal ids (`area:policy`, `item:POL_…`): in the JSON and CSV, never in the Markdown, HTML
    /// or Excel tables people read.
    public var machineOnly = false

    public enum Kind: String, Sendable, Hashable {
        /// Labels and codes.
        case text
        /// A share in percent, 2 decimals.
        case percent
        /// A change in percentage points, signed, 2 decimals.
        case change
        /// A mean score or regression coefficient, 2 decimals.
        case score
        /// Counts and ranks.
        case integer
        /// p-values, 4 decimals.
        case probability

        /// Decimals shown in human formats.
        public var digits: Int {
            switch self {
            case .text, .integer: return 0
            case .percent, .change, .score: return 2
            case .probability: return 4
            }
        }

        public var isNumeric: Bool { self != .text }
    }

    public init(_ id: String, _ title: String, _ kind: Kind, machineOnly: Bool = false) {
        self.id = id
        self.title = title
        self.kind = kind
        self.machineOnly = machineOnly
    }
}

/// One cell.
public enum ReportValue: Sendable, Hashable {
    case text(String)
    case number(Double)
    /// No estimate (no valid answers, no previous year).
    case missing
    /// Withheld: the cell rests on fewer answers than the minimum n.
    case suppressed

    public var number: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    /// A number, or missing when absent or not finite.
    public static func of(_ value: Double?) -> ReportValue {
        guard let value, value.isFinite else { return .missing }
        return .number(value)
    }

    public static func of(_ value: Int?) -> ReportValue {
        value.map { .number(Double($0)) } ?? .missing
    }
}

/// The data the HTML charts draw.
public struct ReportCharts: Sendable, Hashable {
    /// One point per province: index and CI, sorted from highest.
    public var provinces: [RangePoint] = []
    /// The target threshold drawn across the province chart, when a plan gives one.
    public var target: Double?
    public var targetLabel: String?
    /// Element profile: one bar per element (with CI), and last year's value when known.
    public var elements: [RangePoint] = []
    /// Year-over-year slope chart: each province's index in the two years.
    public var slopes: [Slope] = []
    public var axisTitle = ""

    public init() {}

    public struct RangePoint: Sendable, Hashable {
        public var label: String
        public var value: Double
        public var low: Double?
        public var high: Double?
        public var previous: Double?
        public init(label: String, value: Double, low: Double?, high: Double?, previous: Double? = nil) {
            self.label = label
            self.value = value
            self.low = low
            self.high = high
            self.previous = previous
        }
    }

    public struct Slope: Sendable, Hashable {
        public var label: String
        public var before: Double
        public var after: Double
        public init(label: String, before: Double, after: Double) {
            self.label = label
            self.before = before
            self.after = after
        }
    }
}
