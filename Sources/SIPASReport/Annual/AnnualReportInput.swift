import SIPASCore
import SIPASInstruments
import SIPASStats

/// What the annual report is built from: this year's estimates, optionally last year's (as a
/// ``YearComparison`` of the two), targets, key drivers and the import accounting.
public struct AnnualReportInput: Sendable {
    /// One input file, for the data-quality and methodology annexes.
    public struct SourceFile: Sendable, Hashable {
        public var name: String
        /// The survey year (or file name) the file stands for.
        public var year: String
        public var sha256: String
        public var rowsRead: Int
        public var accepted: Int
        public var rejected: Int
        /// The survey-store batch the file was loaded as, when the report reads a store.
        public var batch: String?
        public init(
            name: String, year: String, sha256: String, rowsRead: Int, accepted: Int, rejected: Int,
            batch: String? = nil
        ) {
            self.name = name
            self.batch = batch
            self.year = year
            self.sha256 = sha256
            self.rowsRead = rowsRead
            self.accepted = accepted
            self.rejected = rejected
        }
    }

    public var instrument: Instrument
    public var result: AnalysisResult
    public var year: Int?
    /// Last year against this year (two years, oldest first), when `--previous` was given.
    public var comparison: YearComparison?
    /// Provinces regrouped across the 1 July 2025 merger ("Bắc Ninh (24) ← …").
    public var regrouped: [String]
    public var targets: TargetTable?
    public var drivers: KeyDrivers?
    /// Why the key drivers could not be computed (the driver table then says so instead of its rows).
    public var driversUnavailable: LocalizedText?
    /// This year's file(s) first, then the previous year's.
    public var files: [SourceFile]
    public var language: Language
    /// Cells resting on fewer answers are suppressed (default 30).
    public var minimumN: Int
    /// The survey store the responses were read from (a path, or a URL without its password);
    /// nil when they were read from files.
    public var store: String?
    /// The perception questions' answer shares (questions of role `perception`), when computed.
    public var perception: PerceptionResults?
    /// Why the perception results could not be computed (the table then says so instead of its rows).
    public var perceptionUnavailable: LocalizedText?
    /// Field work against the plan (`sipas report --sample`), for the data-quality annex.
    public var progress: FieldworkAnnex?
    /// Synthetic rows among the rows read, this year and the previous one (``DataProvenance``).
    public var provenance = DataProvenance()

    public init(
        instrument: Instrument, result: AnalysisResult, year: Int?, comparison: YearComparison? = nil,
        regrouped: [String] = [], targets: TargetTable? = nil, drivers: KeyDrivers? = nil,
        files: [SourceFile] = [], language: Language = .vi, minimumN: Int = 30
    ) {
        self.instrument = instrument
        self.result = result
        self.year = year
        self.comparison = comparison
        self.regrouped = regrouped
        self.targets = targets
        self.drivers = drivers
        self.files = files
        self.language = language
        self.minimumN = minimumN
    }

    /// The province column (the question looked up in the province list), when the results break
    /// down by it.
    public var provinceColumn: String? {
        guard let name = instrument.questions.first(where: { $0.lookup == "province" })?.name else { return nil }
        return result.results.contains { $0.group.variable == name } ? name : nil
    }

    /// Columns marked identifying (never shown).
    public var identifyingColumns: Set<String> {
        Set(instrument.questions.filter(\.identifying).map(\.name))
    }
}

/// Forms planned, received and accepted per group (``FieldworkProgress``), for the annex.
public struct FieldworkAnnex: Sendable, Hashable {
    /// The selection file the plan comes from.
    public var sample: String
    public var rows: [ProgressRow]
    /// Response rate (0–1) below which a group is behind.
    public var threshold: Double

    public init(sample: String, rows: [ProgressRow], threshold: Double) {
        self.sample = sample
        self.rows = rows
        self.threshold = threshold
    }
}
