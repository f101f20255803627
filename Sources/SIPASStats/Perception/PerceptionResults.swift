import SIPASCore
import SIPASInstruments

/// Perception results ("kết quả nhận định"): for each question of role `perception` (harassment,
/// interest in a policy group, filing channel, what to improve), the weighted share of each answer
/// among the respondents who answered the question, with its design-based CI.
///
/// The share of answer c is the ratio p = Σ wᵢ·1[xᵢ = c] / Σ wᵢ over respondents who answered
/// (for a `select_multiple`, 1[c among the chosen]); its linearised influence total in PSU k is
/// z_k = Σ_{i∈k} wᵢ·(1[xᵢ = c] − p)·1[answered]/Σ wᵢ, and its variance is the same stratified
/// between-PSU variance as the indices' (``Linearization``), over the full design. This is R's
/// `svyciprop(~I(x == c), design, na.rm = TRUE, method = "xlogit")`: blank answers are left out of
/// the denominator, df is the full design's (PSUs − strata), and the CI is the logit interval with
/// t(df) (an exact Clopper–Pearson interval on the answers at 0 % and 100 %).
public struct PerceptionResults: Hashable, Sendable, Codable {
    public struct Answer: Hashable, Sendable, Codable {
        public var code: String
        public var label: LocalizedText
        /// Share of answering respondents (0–1), weighted.
        public var share: Double
        public var standardError: Double
        public var ciLow: Double?
        public var ciHigh: Double?
        /// Respondents giving (or, for `select_multiple`, choosing) this answer, unweighted.
        public var n: Int
    }

    public struct Question: Hashable, Sendable, Codable {
        public var name: String
        public var label: LocalizedText
        /// True for a `select_multiple`: the shares do not add up to 100 %.
        public var multiple: Bool
        /// Respondents who answered, unweighted.
        public var answered: Int
        public var answers: [Answer]
    }

    public var questions: [Question]
    public var degreesOfFreedom: Int
    public var level: Double
}

/// Collects, record by record, the per-PSU weighted counts behind ``PerceptionResults``.
/// Memory is O(PSUs × answers), independent of the number of rows.
public struct PerceptionCollector: Sendable {
    struct Tracked: Sendable {
        var question: SIPASInstruments.Question
        var attribute: Int
        var choices: [Choice]
        var multiple: Bool
        /// Per PSU (and per second-stage unit): [answered weight, weight choosing choice 0, 1 …].
        var psuSums: [PSUKey: [Double]] = [:]
        var ssuSums: [SSUKey: [Double]] = [:]
        var answered = 0
        var counts: [Int]
    }

    var tracked: [Tracked]
    /// The design (PSUs per stratum, fpc, second stage) as the indices see it.
    var design: SurveyAccumulator
    let level: Double

    /// - Throws: ``PlanError`` when the instrument's design cannot be planned.
    public init(instrument: Instrument, lonelyPSU: LonelyPSU? = nil, level: Double = 0.95) throws {
        let plan = try AnalysisPlan(instrument: instrument, breakdowns: [], lonelyPSU: lonelyPSU)
        design = SurveyAccumulator(plan: plan)
        self.level = level
        tracked = instrument.perceptionQuestions.compactMap { question in
            guard let list = question.type.listName, let attribute = plan.layout.attributeIndex(question.name) else {
                return nil
            }
            let choices = instrument.choices[list] ?? []
            let multiple: Bool
            if case .selectMultiple = question.type { multiple = true } else { multiple = false }
            return Tracked(
                question: question, attribute: attribute, choices: choices, multiple: multiple,
                counts: Array(repeating: 0, count: choices.count))
        }
    }

    /// True when the instrument has perception questions to report.
    public var isEmpty: Bool { tracked.isEmpty }

    /// Adds one accepted record. - Throws: ``StatsError`` for an invalid weight or fpc, as the indices do.
    public mutating func add(_ record: ResponseRecord) throws {
        try design.add(record)
        let psu = PSUKey(stratum: record.stratum, cluster: record.cluster)
        let ssu = record.secondaryCluster.map { SSUKey(psu: psu, unit: $0) }
        for t in tracked.indices {
            let value = record.attributes[tracked[t].attribute]
            guard !value.isEmpty else { continue }
            let chosen: [Int]
            if tracked[t].multiple {
                let tokens = Set(value.split(separator: " ").map(String.init))
                chosen = tracked[t].choices.indices.filter { tokens.contains(tracked[t].choices[$0].name) }
            } else {
                chosen = tracked[t].choices.firstIndex { $0.name == value }.map { [$0] } ?? []
            }
            tracked[t].answered += 1
            let width = tracked[t].choices.count + 1
            var sums = tracked[t].psuSums[psu] ?? Array(repeating: 0, count: width)
            sums[0] += record.weight
            for c in chosen {
                sums[c + 1] += record.weight
                tracked[t].counts[c] += 1
            }
            tracked[t].psuSums[psu] = sums
            if let ssu {
                var unit = tracked[t].ssuSums[ssu] ?? Array(repeating: 0, count: width)
                unit[0] += record.weight
                for c in chosen { unit[c + 1] += record.weight }
                tracked[t].ssuSums[ssu] = unit
            }
        }
    }

    /// The shares, SEs and CIs. - Throws: ``StatsError`` for a lonely PSU under `lonely_psu: fail`,
    /// or when a quantile cannot be computed.
    public func estimate() throws -> PerceptionResults {
        let psuCount = design.psuCountByStratum
        let df = psuCount.values.reduce(0, +) - psuCount.count
        let fractions = design.samplingFractionByStratum
        let secondStage = design.secondStage
        let questions = try tracked.map { t -> PerceptionResults.Question in
            let psus = t.psuSums.keys.sorted { ($0.stratum, $0.cluster) < ($1.stratum, $1.cluster) }
            let ssus = t.ssuSums.keys.sorted {
                ($0.psu.stratum, $0.psu.cluster, $0.unit) < ($1.psu.stratum, $1.psu.cluster, $1.unit)
            }
            let total = psus.reduce(0) { $0 + t.psuSums[$1]![0] }
            let answers = try t.choices.indices.map { c -> PerceptionResults.Answer in
                let chosen = psus.reduce(0) { $0 + t.psuSums[$1]![c + 1] }
                let share = total > 0 ? chosen / total : 0
                func influence(_ sums: [Double]) -> Double { (sums[c + 1] - share * sums[0]) / total }
                let linear = Linearized(
                    value: share, psus: psus, z: psus.map { influence(t.psuSums[$0]!) },
                    ssus: ssus, ssuZ: ssus.map { influence(t.ssuSums[$0]!) })
                let variance =
                    total > 0
                    ? try Linearization.variance(
                        of: linear, psuCount: psuCount, fractions: fractions,
                        lonely: design.plan.lonelyPSU, secondStage: secondStage)
                    : 0
                let se = max(variance, 0).squareRoot()
                let ci =
                    total > 0
                    ? try ConfidenceInterval.share(
                        p: share, se: se, n: t.answered, df: df, level: level, method: .logit)
                    : (low: nil, high: nil, method: CIMethod.logit)
                return .init(
                    code: t.choices[c].name, label: t.choices[c].label, share: share, standardError: se,
                    ciLow: ci.low, ciHigh: ci.high, n: t.counts[c])
            }
            return .init(
                name: t.question.name, label: t.question.label, multiple: t.multiple, answered: t.answered,
                answers: answers)
        }
        return PerceptionResults(questions: questions, degreesOfFreedom: df, level: level)
    }
}

extension PerceptionResults {
    /// The perception results of `records`, or nil when the instrument has no perception question.
    /// - Throws: ``StatsError`` as ``PerceptionCollector`` does.
    public static func estimate(_ records: [ResponseRecord], instrument: Instrument, lonelyPSU: LonelyPSU? = nil) throws
        -> PerceptionResults?
    {
        var collector = try PerceptionCollector(instrument: instrument, lonelyPSU: lonelyPSU)
        guard !collector.isEmpty else { return nil }
        for record in records { try collector.add(record) }
        return try collector.estimate()
    }

    /// Why a report read from a PostgreSQL store, which sums on the server, has no perception results.
    public static let summedOnServer = LocalizedText(
        vi: "Không tính được: dữ liệu được tổng hợp trên máy chủ PostgreSQL, không đọc từng phiếu.",
        en: "Cannot be computed: the responses were summed on the PostgreSQL server, not read one by one.")
}
