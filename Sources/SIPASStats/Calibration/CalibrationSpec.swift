import Foundation

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
    /// row per combination, e.g. `province_code,sex,population` / `01,1,4120000`.
    /// - Throws: ``StatsError/invalidArgument(_:)`` naming the line of a malformed row.
    public static func parse(csv text: String) throws -> PopulationMargin {
        let lines = text.split(whereSeparator: \.isNewline).map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard let header = lines.first.map({ $0.split(separator: ",", omittingEmptySubsequences: false).map(Self.clean) }),
              header.count >= 2, header.last == "population" else {
            throw StatsError.invalidArgument("margins CSV: the header must name the variables and end with 'population'")
        }
        var totals: [[String]: Double] = [:]
        for (i, line) in lines.dropFirst().enumerated() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(Self.clean)
            guard fields.count == header.count, let count = Double(fields.last!), count.isFinite, count >= 0 else {
                throw StatsError.invalidArgument("margins CSV line \(i + 2): expected \(header.count) fields ending with a population count ≥ 0")
            }
            let key = Array(fields.dropLast())
            guard totals[key] == nil else { throw StatsError.invalidArgument("margins CSV line \(i + 2): \(key) given twice") }
            totals[key] = count
        }
        return PopulationMargin(variables: Array(header.dropLast()), totals: totals)
    }

    private static func clean(_ field: Substring) -> String {
        field.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
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
    /// `sipas design weights` rakes unit weights until no cell total of the crossing of the margin
    /// variables moves by `epsilon` or more in a sweep (R `rake`'s absolute `epsilon`).
    public var epsilon: Double

    public init(method: Method, margins: [PopulationMargin], maxIterations: Int = 100, tolerance: Double = 1e-13,
                epsilon: Double = 1) {
        self.method = method
        self.margins = margins
        self.maxIterations = maxIterations
        self.tolerance = tolerance
        self.epsilon = epsilon
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
            case values, respondents, factor, designWeight = "design_weight", calibratedWeight = "calibrated_weight"
        }
    }

    enum CodingKeys: String, CodingKey {
        case method, variables, cells, iterations, converged
        case largestMarginGap = "largest_margin_gap", calibratedWeightSum = "calibrated_weight_sum"
    }
}
