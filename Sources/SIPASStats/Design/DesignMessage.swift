import SIPASCore

/// Why a sample design step could not be done, with the values that show it: the catalog of
/// ``DesignError``, whose texts are in ``text(_:)``.
public enum DesignMessage: Sendable, Hashable {
    // Sample size and margin of error.
    /// A confidence level (a share) outside (0, 1).
    case confidence(Double)
    /// An expected share outside (0, 1).
    case expectedShare(Double)
    /// A design effect that is not a positive number.
    case designEffect(Double)
    /// A population size below 2.
    case populationSize(Double)
    /// A margin (a share) outside (0, 1).
    case margin(Double)
    /// A response rate outside (0, 1].
    case responseRate(Double)
    /// A sample size below 1 for a margin of error.
    case sampleSizeBelowOne(Double)
    /// A sample size larger than the population, for a margin of error.
    case sampleExceedsPopulation(n: Double, population: Double)
    // Allocation and selection.
    /// A sample size to allocate that is not positive.
    case sampleSizeNotPositive(Int)
    /// A frame without strata.
    case noStrata
    /// `strata` × `minimum` = `total` forms, more than the sample size `n`.
    case minimumTooLarge(strata: Int, minimum: Int, total: Int, n: Int)
    /// A sample size larger than the capacity of the frame.
    case allocationExceedsPopulation(n: Int, population: Int)
    /// Neyman allocation without a standard deviation column.
    case neymanNeedsDeviations
    /// Neyman allocation where every standard deviation is 0.
    case zeroDeviations
    /// A stratum too large for Tillé's method.
    case tilleTooLarge(stratum: String, units: Int, limit: Int)
    /// A stratum with fewer units of positive size than its sample size.
    case tooFewUnits(stratum: String, wanted: Int, available: Int)
    /// Maximum-entropy sampling with more cells than `limit`.
    case maximumEntropyCells(units: Int, n: Int, limit: Int)
    /// Maximum-entropy sampling whose working probabilities did not converge.
    case maximumEntropyDiverged
    /// A PPS method without a size column.
    case methodNeedsSize(method: String)
    /// `--start` with another method than pps-systematic, or several strata.
    case startNeedsOneStratum
    /// `--start` outside [0, 1).
    case startRange(Double)
    /// An allocation file without a row for a stratum of the frame.
    case allocationMissingStratum(String)
    /// Neither a sample size nor an allocation file.
    case sampleSizeNeeded
    // Weights.
    /// A non-response cell with `sampled` units and no respondent.
    case cellWithoutRespondents(cell: String, sampled: Int)
    /// Post-stratification given `count` margin files instead of one.
    case postStratificationMargins(Int)
    /// Trimming bounds that do not contain the mean weight.
    case trimmingBounds(lower: Double, upper: Double, mean: Double)
    /// Linear calibration whose matrix is singular.
    case singularCalibration
    /// A responses file without rows.
    case noResponses(file: String)
    /// A calibration or margins problem found by the estimation code.
    case stats(StatsError)
    // Files and tables.
    /// An input file that does not exist.
    case noFile(String)
    /// A file that exists but cannot be read; `detail` is the system's reason.
    case unreadable(file: String, detail: String)
    /// A margins file that cannot be read as UTF-8 text.
    case cannotRead(String)
    /// A CSV that does not parse.
    case csv(CSVReader.ReadError)
    /// A file without a header.
    case emptyFile(String)
    /// A frame without rows.
    case frameWithoutRows(String)
    /// A row with `fields` fields under a header of `header` columns.
    case fieldCount(file: String, row: Int, fields: Int, header: Int)
    /// A field that is not UTF-8.
    case notUTF8(file: String, row: Int, column: String)
    /// A column the step needs that is not in the header.
    case missingColumn(file: String, column: String, header: [String])
    /// A value at a file's row and column that breaks `rule`.
    case badValue(file: String, row: Int, column: String, value: String, rule: ValueRule)
    /// An id given twice in the weights written into a store.
    case idTwice(file: String, column: String, id: String)
    // Options of the `design` commands.
    /// A negative `--minimum`.
    case minimumNegative(Int)
    /// `--listed` without `--per-cluster`, or the reverse.
    case listedWithPerCluster
    /// A negative count among `--per-cluster`, `--reserves`, `--reserve-clusters` and `--minimum`.
    case drawCounts
    /// `--allocation neyman` for a draw, which has no standard deviations.
    case neymanNeedsAllocationFile
    /// Both or neither of `--store` and `--responses`.
    case storeOrResponses
    /// Neither `--margin` nor `--n`.
    case marginNeeded
    /// An option that needs a number, given `text`, without `--frame`.
    case optionNeedsNumber(option: String, text: String)
    /// `--store` without `--batch`, or the reverse.
    case storeWithBatch
    /// A store that does not exist.
    case noStore(String)
    /// An instrument without `respondent_id`, whose weights cannot be matched to stored responses.
    case noRespondentID(instrument: String)

    public var key: String {
        switch self {
        case .confidence: return "design.confidence"
        case .expectedShare: return "design.expectedShare"
        case .designEffect: return "design.designEffect"
        case .populationSize: return "design.populationSize"
        case .margin: return "design.margin"
        case .responseRate: return "design.responseRate"
        case .sampleSizeBelowOne: return "design.sampleSizeBelowOne"
        case .sampleExceedsPopulation: return "design.sampleExceedsPopulation"
        case .sampleSizeNotPositive: return "design.sampleSizeNotPositive"
        case .noStrata: return "design.noStrata"
        case .minimumTooLarge: return "design.minimumTooLarge"
        case .allocationExceedsPopulation: return "design.allocationExceedsPopulation"
        case .neymanNeedsDeviations: return "design.neymanNeedsDeviations"
        case .zeroDeviations: return "design.zeroDeviations"
        case .tilleTooLarge: return "design.tilleTooLarge"
        case .tooFewUnits: return "design.tooFewUnits"
        case .maximumEntropyCells: return "design.maximumEntropyCells"
        case .maximumEntropyDiverged: return "design.maximumEntropyDiverged"
        case .methodNeedsSize: return "design.methodNeedsSize"
        case .startNeedsOneStratum: return "design.startNeedsOneStratum"
        case .startRange: return "design.startRange"
        case .allocationMissingStratum: return "design.allocationMissingStratum"
        case .sampleSizeNeeded: return "design.sampleSizeNeeded"
        case .cellWithoutRespondents: return "design.cellWithoutRespondents"
        case .postStratificationMargins: return "design.postStratificationMargins"
        case .trimmingBounds: return "design.trimmingBounds"
        case .singularCalibration: return "design.singularCalibration"
        case .noResponses: return "design.noResponses"
        case .stats(let error): return error.key
        case .noFile: return "design.noFile"
        case .unreadable: return "design.unreadable"
        case .cannotRead: return "design.cannotRead"
        case .csv(let error): return error.key
        case .emptyFile: return "design.emptyFile"
        case .frameWithoutRows: return "design.frameWithoutRows"
        case .fieldCount: return "design.fieldCount"
        case .notUTF8: return "design.notUTF8"
        case .missingColumn: return "design.missingColumn"
        case .badValue(_, _, _, _, let rule): return rule.key
        case .idTwice: return "design.idTwice"
        case .minimumNegative: return "design.minimumNegative"
        case .listedWithPerCluster: return "design.listedWithPerCluster"
        case .drawCounts: return "design.drawCounts"
        case .neymanNeedsAllocationFile: return "design.neymanNeedsAllocationFile"
        case .storeOrResponses: return "design.storeOrResponses"
        case .marginNeeded: return "design.marginNeeded"
        case .optionNeedsNumber: return "design.optionNeedsNumber"
        case .storeWithBatch: return "design.storeWithBatch"
        case .noStore: return "design.noStore"
        case .noRespondentID: return "design.noRespondentID"
        }
    }
}
