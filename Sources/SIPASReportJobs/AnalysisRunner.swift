import Foundation
import SIPASCore
import SIPASImport
import SIPASInstruments
import SIPASStats
import SIPASStore

/// Options shared by the jobs that analyse response files or a store's responses.
public struct AnalysisSettings {
    public var instrument: String?
    public var breakdowns: [String]?
    public var lonelyPSU: LonelyPSU?
    public var estimation: EstimationOptions
    public var rejects: String?
    public var language: Language
    /// Regroup the province breakdown into the 34 provinces in force from 1 July 2025.
    public var regroupProvinces = false
    /// A user's crosswalk for another column (e.g. communes): column name and old → new codes.
    public var crosswalk: (column: String, map: [String: String])?
    /// Encoding and sheet of the response files.
    public var source = SourceOptions()
    /// Accept nothing when any row is invalid.
    public var strict = false
    /// No progress line on the terminal.
    public var quiet = false
    /// Population margins to calibrate the weights to (`--calibrate`).
    public var calibration: CalibrationSpec?
    /// A target plan whose unit the analysis also estimates, in a breakdown left out of the tables.
    public var targetPlan: TargetPlan?
    /// Also fit the key-driver regression (`sipas report`).
    public var keyDrivers = false
    /// Keep the accepted records (`sipas report` writes them for SPSS).
    public var keepRecords = false
    /// Threads of the fast path and of the estimates (`--threads`); results do not depend on it.
    public var threads = ProcessInfo.processInfo.activeProcessorCount {
        didSet { estimation.threads = threads }
    }
    /// Read every row with the full importer (`SIPAS_SLOW_PATH=1`): for tests comparing the paths.
    public var slowPath = ProcessInfo.processInfo.environment["SIPAS_SLOW_PATH"] == "1"
    /// Where messages, import summaries and progress go (nowhere by default).
    public var observer = AnalysisObserver.silent

    public init(
        instrument: String?, breakdowns: [String]?, lonelyPSU: LonelyPSU?, estimation: EstimationOptions,
        rejects: String?,
        language: Language, regroupProvinces: Bool = false, crosswalk: (column: String, map: [String: String])? = nil,
        source: SourceOptions = SourceOptions(), strict: Bool = false, quiet: Bool = false, keyDrivers: Bool = false,
        keepRecords: Bool = false
    ) {
        self.instrument = instrument
        self.breakdowns = breakdowns
        self.lonelyPSU = lonelyPSU
        self.estimation = estimation
        self.rejects = rejects
        self.language = language
        self.regroupProvinces = regroupProvinces
        self.crosswalk = crosswalk
        self.source = source
        self.strict = strict
        self.quiet = quiet
        self.keyDrivers = keyDrivers
        self.keepRecords = keepRecords
    }
}

/// One analysed sample: the instrument, the estimates and the row accounting.
public struct AnalysisRun {
    public var instrument: Instrument
    public var result: AnalysisResult
    public var year: Int?
    public var rowsRead = 0
    public var accepted = 0
    public var rejected = 0
    /// Key drivers, when asked for and estimable.
    public var drivers: KeyDrivers?
    /// Why the key drivers asked for could not be computed.
    public var driversUnavailable: LocalizedText?
    /// The accepted records, when asked for.
    public var records: [ResponseRecord] = []
    /// The store's batches the responses came from (empty for files), in load order.
    public var batches: [BatchInfo] = []
    /// The store read, as shown in messages (a path, or a URL without its password); nil for files.
    public var storeLocation: String?
    /// The records were summed on a PostgreSQL server: no records, hence no key drivers.
    public var aggregatedOnServer = false
    /// Synthetic rows among the rows read (the `data_source` column): outputs show the marker.
    public var provenance = DataProvenance()
}

/// Imports files, accumulates and estimates: the pipeline `analyze`, `compare`, `report` and the
/// web's office pages share.
public enum AnalysisRunner {
    public static func run(_ paths: [String], _ settings: AnalysisSettings) throws -> AnalysisRun {
        let urls = try paths.map { path -> URL in
            guard FileManager.default.fileExists(atPath: path) else { throw JobError.inputMissing(path) }
            return URL(fileURLWithPath: path)
        }
        PhaseTrace.mark("analysis started")
        let instrument = try chooseInstrument(
            settings.instrument, for: urls[0], source: settings.source, language: settings.language,
            observer: settings.observer)
        PhaseTrace.mark("instrument chosen: \(instrument.id)")
        let plan = try makePlan(instrument, settings)
        PhaseTrace.mark("plan made")
        let design = instrument.design
        let fast =
            !settings.slowPath && !settings.keyDrivers && !settings.keepRecords
            && FastAccumulator.supports(
                plan,
                design: SurveyDesignColumns(
                    hasFPC: design.fpc != nil, hasSecondStage: design.ssu != nil,
                    hasReplicates: design.replicateWeights != nil))
        let sink = fast ? FastAccumulator(plan: plan, threads: settings.threads) : nil
        var accumulator = SurveyAccumulator(plan: plan)
        var (collector, driversUnavailable) = KeyDriverCollector.asked(
            settings.keyDrivers, plan: plan, instrument: instrument)
        var records: [ResponseRecord] = []
        var rowsRead = 0
        var accepted = 0
        var rejected = 0
        var provenance = DataProvenance()
        var respondents = CSVImporter.RespondentRegistry()
        for url in urls {
            let rejectsURL = URL(
                fileURLWithPath: settings.rejects ?? (url.deletingPathExtension().lastPathComponent + ".rejects.csv"))
            var options = ImportOptions(rejectsURL: rejectsURL, language: settings.language)
            options.source = settings.source
            let importer = try CSVImporter(instrument: instrument, options: options)
            // Respondent ids are checked across all the files of one sample.
            importer.knownRespondents = respondents
            respondents = .init()  // one owner, so the table is not copied when the importer adds to it
            let progress = settings.quiet ? nil : settings.observer.progress(url.lastPathComponent)
            importer.onProgress = progress?.update
            let summary =
                try sink.map { try importer.runFast(file: url, threads: settings.threads, sink: $0) }
                ?? importer.run(file: url) { record in
                    try accumulator.add(record)
                    collector?.add(record)
                    if settings.keepRecords { records.append(record) }
                }
            PhaseTrace.mark("file imported: \(url.lastPathComponent)")
            progress?.finish()
            respondents = importer.knownRespondents
            rowsRead += summary.rowsRead
            accepted += summary.accepted
            rejected += summary.rejected
            provenance = provenance.adding(summary.provenance)
            settings.observer.imported(summary, rejectsURL, settings.language)
        }
        if let sink { accumulator = sink.finish() }
        PhaseTrace.mark("sums complete")
        if settings.strict && rejected > 0 { throw JobError.strictRejected(rejected: rejected, rowsRead: rowsRead) }
        let result = try SurveyEstimator.estimate(accumulator, options: settings.estimation)
        PhaseTrace.mark("estimates made")
        let drivers = collector?.fitted(unavailable: &driversUnavailable)
        return AnalysisRun(
            instrument: instrument, result: result, year: accumulator.surveyYear,
            rowsRead: rowsRead, accepted: accepted, rejected: rejected,
            drivers: drivers, driversUnavailable: driversUnavailable, records: records, provenance: provenance)
    }

    /// The analysis plan of a run: breakdowns, merger or crosswalk regrouping, calibration.
    public static func makePlan(_ instrument: Instrument, _ settings: AnalysisSettings) throws -> AnalysisPlan {
        var plan = try AnalysisPlan(
            instrument: instrument, breakdowns: AgencyRanking.resolving(settings.breakdowns, for: instrument),
            lonelyPSU: settings.lonelyPSU)
        if settings.regroupProvinces {
            for question in instrument.questions
            where question.lookup == "province" && plan.layout.attributeIndex(question.name) != nil {
                try plan.regroup(question.name, using: ProvinceCatalog.official.newCodeOfOldCode)
            }
        }
        if let crosswalk = settings.crosswalk { try plan.regroup(crosswalk.column, using: crosswalk.map) }
        if let target = settings.targetPlan, let breakdown = TargetScope.breakdown(for: target, instrument: instrument)
        {
            plan.breakdowns.append(breakdown)
        }
        if let calibration = settings.calibration { try plan.calibrate(calibration) }
        return plan
    }

    public static func chooseInstrument(
        _ name: String?, for url: URL, source: SourceOptions = .init(), language: Language,
        observer: AnalysisObserver = .silent
    ) throws -> Instrument {
        if let name { return try InstrumentResolver.resolve(name) }
        let header = try InstrumentDetector.readHeader(of: url, options: source)
        let (chosen, score) = try InstrumentDetector.detectBuiltin(header: header, file: url.lastPathComponent)
        let percent = Int((score * 100).rounded())
        observer.message(
            JobMessage.instrumentDetected(file: url.lastPathComponent, instrument: chosen.id, percent: percent).text(
                language))
        return chosen
    }
}

extension KeyDriverCollector {
    /// The collector when key drivers are asked for, or why they cannot be computed.
    public static func asked(_ asked: Bool, plan: AnalysisPlan, instrument: Instrument) -> (
        KeyDriverCollector?, LocalizedText?
    ) {
        guard asked else { return (nil, nil) }
        do throws(KeyDriversUnavailable) {
            return (try KeyDriverCollector(plan: plan, instrument: instrument), nil)
        } catch { return (nil, error.reason) }
    }

    /// The fit, or nil with the reason it failed written to `unavailable`.
    public func fitted(unavailable: inout LocalizedText?) -> KeyDrivers? {
        do { return try fit() } catch {
            unavailable = LocalizedText(vi: "Không tính được: \(error)", en: "Cannot be computed: \(error)")
            return nil
        }
    }
}
