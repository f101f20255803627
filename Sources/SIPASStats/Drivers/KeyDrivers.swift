import CGSL
import SIPASCore
import SIPASInstruments

/// Key drivers: which element moves the overall index most ("giải pháp" of the annual report).
///
/// For each respondent, y = 1 when their answer to the outcome question is satisfied, 0 when it is
/// another valid code (the instrument's `drivers.outcome`, else its only `overall` question: a
/// question asked for itself, never the overall index, which is built from the predictors' own items),
/// and xₑ = their mean score on each element's content items. The weighted least
/// squares fit y = β₀ + Σ βₑ·xₑ (GSL `gsl_multifit_wlinear`) gives each element's effect: points of
/// satisfaction per point of element score. Standard errors are design-based (the sandwich
/// (X′WX)⁻¹ V̂(Σ wᵢ xᵢ eᵢ) (X′WX)⁻¹ with the stratified between-PSU variance), as R `svyglm` on the
/// same design. Respondents missing the outcome or any element score are left out (listwise), and counted.
public struct KeyDrivers: Hashable, Sendable, Codable {
    /// The outcome question's name and label.
    public var outcome: String
    public var outcomeLabel: LocalizedText
    public struct Driver: Hashable, Sendable, Codable {
        public var element: String
        public var label: LocalizedText
        public var coefficient: Double
        public var standardError: Double
        public var pValue: Double?
        /// Mean element score (1–5), weighted.
        public var meanScore: Double
        /// coefficient × (5 − mean score): the gain in overall satisfaction if the element reached the
        /// top of the scale; the report ranks what to improve first by it.
        public var potential: Double
    }

    public var drivers: [Driver]
    public var intercept: Double
    public var respondentsUsed: Int
    public var respondentsLeftOut: Int
    public var degreesOfFreedom: Int
}

/// Why an instrument's key drivers cannot be computed, in the report's words.
public struct KeyDriversUnavailable: Error, Hashable, Sendable {
    public var reason: LocalizedText
    public init(reason: LocalizedText) { self.reason = reason }
}

extension KeyDrivers {
    /// The outcome: `drivers.outcome` when the instrument names one, else its only scored question of
    /// role `overall`. - Throws: ``KeyDriversUnavailable`` when there is none (or several to choose from).
    public static func outcome(of instrument: Instrument) throws(KeyDriversUnavailable) -> Question {
        if let name = instrument.drivers?.outcome,
            let question = instrument.scoredQuestions.first(where: { $0.name == name })
        {
            return question
        }
        let overall = instrument.scoredQuestions.filter { instrument.role(of: $0) == .overall }
        if overall.count == 1 { return overall[0] }
        let circular = LocalizedText(
            vi: "lấy chỉ số chung làm biến phụ thuộc là hồi quy chỉ số theo chính các câu hỏi tạo nên nó",
            en: "the overall index as the outcome would regress the index on the very items it is built from")
        if overall.isEmpty {
            throw KeyDriversUnavailable(
                reason: LocalizedText(
                    vi:
                        "Không tính được: bộ công cụ \(instrument.id) không có câu hỏi hài lòng chung riêng (vai trò overall) và không chỉ định drivers.outcome; \(circular.vi).",
                    en:
                        "Cannot be computed: instrument \(instrument.id) has no dedicated overall satisfaction question (role overall) and names none under drivers.outcome; \(circular.en!)."
                ))
        }
        let names = overall.map(\.name).joined(separator: ", ")
        throw KeyDriversUnavailable(
            reason: LocalizedText(
                vi:
                    "Không tính được: bộ công cụ \(instrument.id) có \(overall.count) câu hỏi hài lòng chung (\(names)); chỉ định một câu bằng drivers.outcome.",
                en:
                    "Cannot be computed: instrument \(instrument.id) has \(overall.count) overall questions (\(names)); name one under drivers.outcome."
            ))
    }
}

/// Collects, record by record, what ``KeyDrivers`` needs (one row per respondent, so memory grows
/// with the number of rows: O(rows × elements)).
public struct KeyDriverCollector: Sendable {
    let elements: [(name: String, label: LocalizedText, items: [Int])]
    /// Index of the outcome question among the record's scored answers.
    let outcome: Int
    let outcomeQuestion: Question
    let satisfied: [Set<Int>]
    let excluded: [Set<Int>]
    var rows: [(psu: PSUKey, weight: Double, y: Double, x: [Double])] = []
    var leftOut = 0
    var psusByStratum: [String: Set<String>] = [:]

    /// - Throws: ``KeyDriversUnavailable`` when the instrument has no outcome question.
    public init(plan: AnalysisPlan, instrument: Instrument) throws(KeyDriversUnavailable) {
        let scored = instrument.scoredQuestions
        let question = try KeyDrivers.outcome(of: instrument)
        outcomeQuestion = question
        outcome = scored.firstIndex { $0.name == question.name }!
        elements = instrument.elementsWithAreas.map { area, element in
            (
                element.name, element.label,
                scored.indices.filter {
                    scored[$0].area == area.name && scored[$0].element == element.name
                        && instrument.role(of: scored[$0]) == .item
                }
            )
        }
        satisfied = plan.satisfiedCodes
        excluded = plan.excludedCodes
    }

    public mutating func add(_ record: ResponseRecord) {
        psusByStratum[record.stratum, default: []].insert(record.cluster)
        func code(_ j: Int) -> Int? {
            if case .code(let c) = record.answers[j], !excluded[j].contains(c) { return c }
            return nil
        }
        var x: [Double] = []
        for element in elements {
            let codes = element.items.compactMap(code)
            guard !codes.isEmpty else {
                leftOut += 1
                return
            }
            x.append(Double(codes.reduce(0, +)) / Double(codes.count))
        }
        guard let answer = code(outcome) else {
            leftOut += 1
            return
        }
        let y: Double = satisfied[outcome].contains(answer) ? 1 : 0
        rows.append((PSUKey(stratum: record.stratum, cluster: record.cluster), record.weight, y, x))
    }

    /// Fits the model. - Throws: ``StatsError`` when there are fewer respondents than parameters or GSL fails.
    public func fit() throws -> KeyDrivers {
        let n = rows.count
        let p = elements.count + 1
        guard n > p else { throw StatsError.invalid(.tooFewRespondents(respondents: n, parameters: p)) }
        GSL.prepare()
        guard let predictors = gsl_matrix_alloc(n, p), let w = gsl_vector_alloc(n), let y = gsl_vector_alloc(n),
            let c = gsl_vector_alloc(p), let cov = gsl_matrix_alloc(p, p), let work = gsl_multifit_linear_alloc(n, p)
        else {
            throw StatsError.invalid(.regressionAllocation)
        }
        defer {
            gsl_matrix_free(predictors)
            gsl_vector_free(w)
            gsl_vector_free(y)
            gsl_vector_free(c)
            gsl_matrix_free(cov)
            gsl_multifit_linear_free(work)
        }
        for (i, row) in rows.enumerated() {
            gsl_matrix_set(predictors, i, 0, 1)
            for (e, value) in row.x.enumerated() { gsl_matrix_set(predictors, i, e + 1, value) }
            gsl_vector_set(w, i, row.weight)
            gsl_vector_set(y, i, row.y)
        }
        var chisq = 0.0
        guard gsl_multifit_wlinear(predictors, w, y, c, cov, &chisq, work) == GSL_SUCCESS else {
            throw StatsError.numerical(function: "gsl_multifit_wlinear", arguments: [Double(n), Double(p)])
        }
        let beta = (0..<p).map { gsl_vector_get(c, $0) }
        // Bread: (X'WX)⁻¹; GSL's cov is exactly that for the weighted fit.
        var bread = DenseMatrix(rows: p, columns: p)
        for i in 0..<p { for j in 0..<p { bread[i, j] = gsl_matrix_get(cov, i, j) } }
        // Meat: per-PSU totals of wᵢ xᵢ eᵢ, stratified with-replacement covariance.
        var scores: [PSUKey: [Double]] = [:]
        var weightTotal = 0.0
        var scoreTotals = Array(repeating: 0.0, count: elements.count)
        for row in rows {
            let fitted = beta[0] + zip(beta.dropFirst(), row.x).reduce(0) { $0 + $1.0 * $1.1 }
            let residual = row.y - fitted
            var s = scores[row.psu] ?? Array(repeating: 0, count: p)
            s[0] += row.weight * residual
            for (e, value) in row.x.enumerated() { s[e + 1] += row.weight * value * residual }
            scores[row.psu] = s
            weightTotal += row.weight
            for (e, value) in row.x.enumerated() { scoreTotals[e] += row.weight * value }
        }
        var meat = DenseMatrix(rows: p, columns: p)
        let byStratum = Dictionary(grouping: scores.keys, by: \.stratum)
        for stratum in byStratum.keys.sorted() {
            let nh = Double(psusByStratum[stratum]?.count ?? 0)
            guard nh > 1 else { continue }
            let members = byStratum[stratum]!.sorted { $0.cluster < $1.cluster }.map { scores[$0]! }
            let mean = (0..<p).map { k in members.reduce(0) { $0 + $1[k] } / nh }
            for a in 0..<p {
                for b in 0..<p {
                    var s = members.reduce(0) { $0 + ($1[a] - mean[a]) * ($1[b] - mean[b]) }
                    s += (nh - Double(members.count)) * mean[a] * mean[b]
                    meat[a, b] += nh / (nh - 1) * s
                }
            }
        }
        let variance = bread * meat * bread
        let psus = Set(rows.map(\.psu))
        let df = psus.count - Set(psus.map(\.stratum)).count
        let drivers = try elements.enumerated().map { e, element -> KeyDrivers.Driver in
            let se = max(variance[e + 1, e + 1], 0).squareRoot()
            let p = df > 0 && se > 0 ? 2 * (try Distribution.tUpperTail(abs(beta[e + 1]) / se, df: Double(df))) : nil
            let mean = scoreTotals[e] / weightTotal
            return KeyDrivers.Driver(
                element: element.name, label: element.label, coefficient: beta[e + 1], standardError: se,
                pValue: p, meanScore: mean, potential: beta[e + 1] * (5 - mean))
        }
        return KeyDrivers(
            outcome: outcomeQuestion.name, outcomeLabel: outcomeQuestion.label, drivers: drivers, intercept: beta[0],
            respondentsUsed: n, respondentsLeftOut: leftOut, degreesOfFreedom: df)
    }
}
