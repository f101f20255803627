import Foundation
import SIPASCore

/// Population totals over one or more attributes, e.g. persons by province × sex × age group.
public struct PopulationMargin: Hashable, Sendable, Codable {
    /// Attribute names, as in the instrument.
    public var variables: [String]
    /// Population count per combination of values (one value per variable).
    public var totals: [[String]: Double]

    public init(variables: [String], totals: [[String]: Double]) {
        self.variables = variables
        self.totals = totals
    }

    /// Reads a margins CSV: a header naming the variables and a last column `population`, then one
    /// row per combination, e.g. `province_code,sex,population` / `01,1,4120000` (``CSVReader``;
    /// fields trimmed of spaces). `file` names the file in errors.
    /// - Throws: ``StatsError/invalid(_:)`` naming the file, row and column of a malformed
    ///   row; ``CSVReader/ReadError`` for a quote left open.
    public static func parse(csv text: String, file: String = "margins CSV") throws -> PopulationMargin {
        let records = try CSVReader().records(text, file: file).map { ($0.row, $0.fields.map(Self.clean)) }
        guard let (_, header) = records.first, header.count >= 2, header.last == "population" else {
            let row = records.first?.0 ?? 1
            throw StatsError.invalid(.marginHeader(file: file, row: row))
        }
        var totals: [[String]: Double] = [:]
        var rowOfKey: [[String]: Int] = [:]
        for (row, fields) in records.dropFirst() {
            guard fields.count == header.count else {
                throw StatsError.invalid(.marginFieldCount(file: file, row: row, header: header, found: fields.count))
            }
            guard let count = Double(fields.last!), count.isFinite, count >= 0 else {
                throw StatsError.invalid(
                    .marginPopulation(file: file, row: row, column: header.count, value: fields.last!))
            }
            let key = Array(fields.dropLast())
            if let first = rowOfKey[key] {
                throw StatsError.invalid(.marginLevelRepeated(file: file, row: row, level: key, firstRow: first))
            }
            totals[key] = count
            rowOfKey[key] = row
        }
        return PopulationMargin(variables: Array(header.dropLast()), totals: totals)
    }

    private static func clean(_ field: String) -> String {
        field.trimmingCharacters(in: .whitespaces)
    }
}

/// How design weights are calibrated to population margins.
public struct CalibrationSpec: Hashable, Sendable, Codable {
    public enum Method: String, Hashable, Sendable, Codable, CaseIterable {
        /// One margin (possibly a crossing): weights × N_c / Ŵ_c per cell (R `postStratify`).
        case postStratify = "post-stratify"
        /// Several margins by iterative proportional fitting (R `rake`).
        case rake
    }

    public var method: Method
    public var margins: [PopulationMargin]
    /// Raking sweeps until no cell's factor changes by more than `tolerance` (relative) in a sweep,
    /// which leaves every margin at its population total to rounding; a design that has not converged
    /// after `maxIterations` sweeps is an error (``StatsError/calibrationDidNotConverge(margins:sweeps:gap:)``).
    /// R's `rake` stops at an absolute change of `epsilon = 1` or after `maxit = 10` sweeps by default;
    /// sipas matches it run to convergence (`control = list(maxit = 100, epsilon = 1e-12)`).
    public var maxIterations: Int
    public var tolerance: Double

    public init(method: Method, margins: [PopulationMargin], maxIterations: Int = 100, tolerance: Double = 1e-13) {
        self.method = method
        self.margins = margins
        self.maxIterations = maxIterations
        self.tolerance = tolerance
    }
}

/// The calibrated weights, as reported: one factor per cell (calibrated weight = design weight × factor).
public struct CalibrationSummary: Hashable, Sendable, Codable {
    public var method: CalibrationSpec.Method
    /// The calibration variables, in the order of each cell's values.
    public var variables: [String]
    public var cells: [CalibratedCell]
    /// Sweeps run (1 for post-stratification) and whether the last one changed no cell's factor by more
    /// than the tolerance.
    public var iterations: Int
    public var converged: Bool
    /// The largest relative gap |Σ calibrated weights − N| / N over every level of every margin.
    public var largestMarginGap: Double
    /// Σ of the calibrated weights (the population total of the margins).
    public var calibratedWeightSum: Double

    public struct CalibratedCell: Hashable, Sendable, Codable {
        public var values: [String]
        public var respondents: Int
        public var designWeight: Double
        public var calibratedWeight: Double
        public var factor: Double

        enum CodingKeys: String, CodingKey {
            case values, respondents, factor
            case designWeight = "design_weight"
            case calibratedWeight = "calibrated_weight"
        }
    }

    enum CodingKeys: String, CodingKey {
        case method, variables, cells, iterations, converged
        case largestMarginGap = "largest_margin_gap"
        case calibratedWeightSum = "calibrated_weight_sum"
    }
}
