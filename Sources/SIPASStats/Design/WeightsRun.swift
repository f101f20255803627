/// `sipas design weights` as one computation: the selection and the returns in, the response
/// file with its weight column out, with the steps' summary.
///
/// Base weight d = the selection's `design_weight` (or 1/`inclusion_probability`); every selected
/// unit whose id is in the responses is a respondent (reserves, a `role` of `reserve` or a
/// `reserve_rank` above 0, count only when they answered); non-response adjustment within `cells`
/// (columns of the selection); then calibration of the respondents' weights to the margins
/// (columns of the responses), then trimming. Kish's deff_w is reported after each step.
public struct WeightsSpec: Sendable, Hashable {
    public var id: String
    public var cells: [String]
    public var calibration: CalibrationSpec?
    public var trimUpper: Double?
    public var trimLower: Double?
    public var strictTrim: Bool
    public var weightColumn: String
    /// Calibrate to the margins linearly (GREG) instead of by `calibration.method`.
    public var linear: Bool

    public init(
        id: String, cells: [String] = [], calibration: CalibrationSpec? = nil, trimUpper: Double? = nil,
        trimLower: Double? = nil,
        strictTrim: Bool = false, weightColumn: String = "weight", linear: Bool = false
    ) {
        self.linear = linear
        self.id = id
        self.cells = cells
        self.calibration = calibration
        self.trimUpper = trimUpper
        self.trimLower = trimLower
        self.strictTrim = strictTrim
        self.weightColumn = weightColumn
    }
}

public struct WeightsOutput: Sendable, Hashable {
    public struct Step: Sendable, Hashable {
        /// `base`, `nonresponse`, `calibrated`, `trimmed`.
        public var name: String
        public var total: Double
        public var kish: Double
        public var effectiveN: Double
    }

    public var header: [String]
    public var rows: [[String]]
    public var sampled: Int
    public var respondents: Int
    public var cells: [Weighting.CellAdjustment]
    public var steps: [Step]
    public var iterations: Int?
    public var converged: Bool?
}

public enum WeightsRun {
    public static func run(sample: FrameTable, responses: FrameTable, spec: WeightsSpec) throws -> WeightsOutput {
        let sampleIds = try sample.strings(spec.id)
        let responseIds = try responses.strings(spec.id)
        let base: [Double]
        if sample.header.contains("design_weight") {
            base = try sample.numbers(
                "design_weight", minimum: 0, rule: .notPositiveWeight)
        } else {
            base = try sample.numbers(
                "inclusion_probability", minimum: 0, rule: .notProbability
            ).map { 1 / $0 }
        }
        if let bad = base.firstIndex(where: { !($0.isFinite && $0 >= 1 - 1e-12) }) {
            throw DesignError.badValue(
                file: sample.file, row: sample.rowNumbers[bad],
                column: sample.header.contains("design_weight") ? "design_weight" : "inclusion_probability",
                value: sample.rows[bad][
                    sample.header.firstIndex(of: "design_weight") ?? sample.header.firstIndex(
                        of: "inclusion_probability")!],
                rule: .weightBelowOne)
        }
        let position = try sample.uniqueIndex(spec.id)
        var responded = [Bool](repeating: false, count: sampleIds.count)
        var samplePosition: [Int] = []
        for (r, id) in responseIds.enumerated() {
            guard let i = position[id] else {
                throw DesignError.badValue(
                    file: responses.file, row: responses.rowNumbers[r], column: spec.id, value: id,
                    rule: .notInSelection(file: sample.file))
            }
            guard !responded[i] else {
                throw DesignError.badValue(
                    file: responses.file, row: responses.rowNumbers[r], column: spec.id, value: id,
                    rule: .answeredTwice)
            }
            responded[i] = true
            samplePosition.append(i)
        }
        guard !samplePosition.isEmpty else {
            throw DesignError(.data, .noResponses(file: responses.file))
        }
        var steps = [step("base", samplePosition.map { base[$0] })]
        let cellColumns = try spec.cells.map { try sample.strings($0) }
        let cellKeys = sampleIds.indices.map { i in
            cellColumns.isEmpty ? "all" : cellColumns.map { $0[i] }.joined(separator: " × ")
        }
        let reserveRows = SampleDraw.reserveRows(sample)
        let reserve = reserveRows.contains(true) ? reserveRows : nil
        let adjusted = try Weighting.nonresponse(base: base, responded: responded, cells: cellKeys, reserve: reserve)
        var w = samplePosition.map { adjusted.weights[$0] }
        steps.append(step("nonresponse", w))
        var iterations: Int?
        var converged: Bool?
        if let calibration = spec.calibration {
            let values = try calibration.margins.map { margin in
                let columns = try margin.variables.map { try responses.strings($0) }
                return responses.rows.indices.map { r in columns.map { $0[r] } }
            }
            if spec.linear {
                w = try Weighting.linearCalibration(weights: w, values: values, margins: calibration.margins)
            } else {
                let result = try Weighting.calibrate(weights: w, values: values, spec: calibration)
                w = result.weights
                iterations = result.iterations
                converged = result.converged
            }
            steps.append(step("calibrated", w))
        }
        if spec.trimUpper != nil || spec.trimLower != nil {
            w = try Weighting.trim(
                w, upper: spec.trimUpper ?? .infinity, lower: spec.trimLower ?? -.infinity, strict: spec.strictTrim)
            steps.append(step("trimmed", w))
        }
        var header = responses.header
        var rows = responses.rows
        if let existing = header.firstIndex(of: spec.weightColumn) {
            for r in rows.indices { rows[r][existing] = SampleDraw.number(w[r]) }
        } else {
            header.append(spec.weightColumn)
            for r in rows.indices { rows[r].append(SampleDraw.number(w[r])) }
        }
        return WeightsOutput(
            header: header, rows: rows, sampled: adjusted.cells.map(\.sampled).reduce(0, +),
            respondents: samplePosition.count,
            cells: adjusted.cells, steps: steps, iterations: iterations, converged: converged)
    }

    static func step(_ name: String, _ w: [Double]) -> WeightsOutput.Step {
        let k = Weighting.kish(w)
        return WeightsOutput.Step(
            name: name, total: InclusionProbabilities.sum(w), kish: k.deff, effectiveN: k.effectiveN)
    }
}
