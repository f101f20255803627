import ArgumentParser
import Foundation
import SIPASCore
import SIPASStats

/// How `design weights` calibrates: R survey's postStratify, rake, or calibrate(calfun = "linear").
enum DesignCalibration: String, ExpressibleByArgument, CaseIterable {
    case postStratify = "post-stratify"
    case rake, linear
}

/// `sipas design weights`: from the selection and the returns, the weight column of the responses.
struct DesignWeightsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "weights",
        abstract: "Weights after field work: base weights, non-response within cells, calibration, trimming.",
        discussion: """
            Base weight: the selection's design_weight (or 1/inclusion_probability). A selected unit \
            whose id is in the responses answered; within each cell of --cells (columns of the \
            selection) respondents carry the weight of the non-respondents (f = Σ sampled / Σ \
            respondents). --margins files (a header naming variables of the responses and ending \
            with `population`) calibrate: one file post-stratifies, several rake (as R survey's \
            postStratify and rake); --calibration linear is survey's calibrate (GREG, unbounded). --trim-upper/--trim-lower clip weights and spread the excess \
            equally over the others (R survey's trimWeights; --trim-strict repeats). Kish's design \
            effect due to weighting is printed after each step. Reserves (role reserve, or \
            reserve_rank above 0) count only when they answered. --store DB --batch NAME then writes \
            the weights into the batch of a SQLite store that holds these responses, matched by the \
            instrument's respondent id: the batch is replaced by a copy with the new weights, whose \
            file is the --output file (name and SHA-256 in `sipas store batches`), so that `sipas \
            analyze --store` uses them.

            Examples:
              sipas design weights --sample sample.csv --responses answers.csv --id form_id --cells province_code --margins households-by-province.csv --trim-upper 3000 --output weighted.csv
              sipas design weights --sample households.csv --responses survey.csv --id unit_id --cells province_code --output weighted.csv --store sipas.db --batch survey.csv
            """
    )

    @Option(help: "The selection CSV (from `design draw`: design_weight or inclusion_probability).") var sample: String
    @Option(help: "The responses CSV (one row per respondent).") var responses: String
    @Option(help: "Id column shared by both files.") var id: String
    @Option(help: "Non-response adjustment cells: columns of the selection, comma-separated.") var cells: String?
    @Option(help: "Population margins CSV (repeat for raking).") var margins: [String] = []
    @Option(help: "post-stratify, rake or linear (default: post-stratify for one margin, rake for several).")
    var calibration: DesignCalibration?
    @Option(name: .customLong("max-iterations"), help: "Raking: most sweeps.") var maxIterations: Int = 100
    @Option(help: "Raking: stop when no cell moves by more than this share of its total in a sweep.") var tolerance:
        Double = 1e-13
    @Option(name: .customLong("trim-upper"), help: "Upper cap of the weights.") var trimUpper: Double?
    @Option(name: .customLong("trim-lower"), help: "Lower bound of the weights.") var trimLower: Double?
    @Flag(name: .customLong("trim-strict"), help: "Repeat trimming until no weight is outside the bounds.")
    var trimStrict = false
    @Option(name: .customLong("weight-column"), help: "Name of the weight column written.") var weightColumn: String =
        "weight"
    @Option(name: [.short, .long], help: "Output CSV: the responses with the weight column.") var output: String
    @Option(help: "Also write the weights into this SQLite store (with --batch).") var store: String?
    @Option(help: "With --store: the batch holding these responses (name as in `sipas store batches`).") var batch:
        String?
    @Option(help: "Language of messages: vi or en.") var lang: Language = .vi

    func run() async throws {
        try DesignIO.run(lang) {
            guard (store == nil) == (batch == nil) else {
                throw DesignError(.usage, .storeWithBatch)
            }
            let selection = try DesignIO.readTable(sample)
            let answers = try DesignIO.readTable(responses)
            var calibrationSpec: CalibrationSpec?
            if !margins.isEmpty {
                let parsed = try margins.map { path -> PopulationMargin in
                    let url = URL(fileURLWithPath: path)
                    guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                        throw DesignError(.missingInput, .cannotRead(path))
                    }
                    do { return try PopulationMargin.parse(csv: text, file: url.lastPathComponent) } catch let error
                        as StatsError
                    {
                        throw DesignError(.data, .stats(error))
                    } catch let error as CSVReader.ReadError {
                        throw DesignError(.data, .csv(error))
                    }
                }
                let method: CalibrationSpec.Method =
                    calibration == .postStratify
                    ? .postStratify : calibration == .rake ? .rake : (parsed.count == 1 ? .postStratify : .rake)
                calibrationSpec = CalibrationSpec(
                    method: method, margins: parsed,
                    maxIterations: maxIterations, tolerance: tolerance)
            }
            let spec = WeightsSpec(
                id: id,
                cells: cells.map { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } }
                    ?? [],
                calibration: calibrationSpec, trimUpper: trimUpper, trimLower: trimLower, strictTrim: trimStrict,
                weightColumn: weightColumn,
                linear: calibration == .linear)
            let result = try WeightsRun.run(sample: selection, responses: answers, spec: spec)
            try DesignIO.write(DesignIO.csv(result.header, result.rows), to: output)
            let rate = DesignIO.human(Double(result.respondents) / Double(result.sampled) * 100, 1, lang)
            Console.message(
                CLIMessage.weightsSummary(
                    output: output, respondents: result.respondents, sampled: result.sampled, rate: rate,
                    cells: result.cells.count
                ).text(lang))
            if let iterations = result.iterations, let converged = result.converged, calibrationSpec?.method == .rake,
                calibration != .linear
            {
                Console.message(CLIMessage.rakingSweeps(iterations, converged: converged).text(lang))
            }
            for step in result.steps {
                Console.message(
                    "  "
                        + CLIMessage.weightStepSummary(
                            step: CLIMessage.weightStep(step.name).text(lang),
                            total: DesignIO.human(step.total, 1, lang),
                            kish: DesignIO.human(step.kish, 4, lang),
                            effectiveN: DesignIO.human(step.effectiveN, 1, lang)
                        ).text(lang))
            }
            if let store, let batch { try writeIntoStore(result, store: store, batch: batch) }
        }
    }
}
