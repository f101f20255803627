import SIPASCore

/// Internal consistency of one element: Cronbach's alpha over its content items.
public struct ElementReliability: Hashable, Sendable, Codable {
    /// The element indicator's id (`element:access`) and its items, in layout order.
    public var id: String
    public var items: [String]
    /// Respondents with a valid answer on every item of the element (listwise).
    public var respondents: Int
    /// α = k/(k−1)·(1 − Σ s²_j / s²_total), unweighted (Cronbach 1951); nil when undefined (see `note`).
    public var alpha: Double?
    /// Feldt's interval for α at the requested level (Feldt, Woodruff & Salih 1987).
    public var ciLow: Double?
    public var ciHigh: Double?
    /// α from design-weighted variances and covariances (R `cov.wt`).
    public var weightedAlpha: Double?
    public var note: String?
}

/// How often an item was left without a valid answer.
public struct ItemNonResponse: Hashable, Sendable, Codable {
    public var item: String
    public var records: Int
    /// Blank cells (or questions skipped) and "don't know / not applicable" answers.
    public var blank: Int
    public var excluded: Int
    /// Shares of all records; the weighted one uses the design weights.
    public var blankRate: Double
    public var excludedRate: Double
    public var nonResponseRate: Double
    public var weightedNonResponseRate: Double
}

public struct InstrumentQuality: Hashable, Sendable, Codable {
    public var confidenceLevel: Double
    public var elements: [ElementReliability]
    public var items: [ItemNonResponse]
}

/// Accumulates what instrument quality needs, in one mergeable pass: per element the sums and
/// cross-products of its items over complete respondents (unweighted and weighted), per item the
/// blank and excluded counts and weights.
public struct InstrumentQualityAccumulator: Sendable {
    public let plan: AnalysisPlan
    let elements: [(id: String, items: [Int])]
    /// Per element: n, Σw, then Σx_j, Σw·x_j (k each), Σx_j·x_l, Σw·x_j·x_l (k² each).
    var moments: [[Double]]
    /// Per item: blank count, excluded count, blank weight, excluded weight.
    var missing: [[Double]]
    public private(set) var records = 0
    var weightSum = 0.0

    public init(plan: AnalysisPlan) {
        self.plan = plan
        elements = plan.indicators.filter { $0.level == .element }.map { ($0.id, $0.components.map(\.item).sorted()) }
        moments = elements.map { element in
            let k = element.items.count
            return [Double](repeating: 0, count: 2 + 2 * k + 2 * k * k)
        }
        missing = Array(repeating: [0, 0, 0, 0], count: plan.layout.items.count)
    }

    /// - Throws: ``StatsError/invalidWeight(_:)`` for a weight that is not a positive number.
    public mutating func add(_ record: ResponseRecord) throws {
        guard record.weight.isFinite, record.weight > 0 else {
            throw StatsError.invalidWeight("\(record.location): \(record.weight)")
        }
        let w = record.weight
        records += 1
        weightSum += w
        var codes = [Double?](repeating: nil, count: record.answers.count)
        for (j, answer) in record.answers.enumerated() {
            switch answer {
            case .blank:
                missing[j][0] += 1
                missing[j][2] += w
            case .excluded:
                missing[j][1] += 1
                missing[j][3] += w
            case .code(let code):
                if plan.excludedCodes[j].contains(code) {
                    missing[j][1] += 1
                    missing[j][3] += w
                } else {
                    codes[j] = Double(code)
                }
            }
        }
        for (e, element) in elements.enumerated() {
            let x = element.items.compactMap { codes[$0] }
            guard x.count == element.items.count else { continue }
            let k = x.count
            moments[e][0] += 1
            moments[e][1] += w
            for j in 0..<k {
                moments[e][2 + j] += x[j]
                moments[e][2 + k + j] += w * x[j]
                for l in 0..<k {
                    moments[e][2 + 2 * k + j * k + l] += x[j] * x[l]
                    moments[e][2 + 2 * k + k * k + j * k + l] += w * x[j] * x[l]
                }
            }
        }
    }

    public mutating func merge(_ other: InstrumentQualityAccumulator) {
        records += other.records
        weightSum += other.weightSum
        for e in moments.indices { for i in moments[e].indices { moments[e][i] += other.moments[e][i] } }
        for j in missing.indices { for i in missing[j].indices { missing[j][i] += other.missing[j][i] } }
    }

    /// - Throws: ``StatsError`` when GSL cannot compute an F quantile.
    public func report(level: Double = 0.95) throws -> InstrumentQuality {
        var reliability: [ElementReliability] = []
        for (e, element) in elements.enumerated() {
            let m = moments[e]
            let k = element.items.count
            let n = m[0]
            var result = ElementReliability(
                id: element.id, items: element.items.map { plan.layout.items[$0] },
                respondents: Int(n), alpha: nil, ciLow: nil, ciHigh: nil, weightedAlpha: nil, note: nil)
            defer { reliability.append(result) }
            guard k >= 2 else {
                result.note = "one item: alpha needs at least two"
                continue
            }
            guard n >= 2 else {
                result.note = "fewer than 2 complete respondents"
                continue
            }
            // Centred cross-products; the common divisor (n − 1, or cov.wt's) cancels in alpha.
            func alpha(total: Double, sums: Int, products: Int) -> Double? {
                var diagonal = 0.0
                var all = 0.0
                for j in 0..<k {
                    for l in 0..<k {
                        let c = m[products + j * k + l] - m[sums + j] * m[sums + l] / total
                        all += c
                        if j == l { diagonal += c }
                    }
                }
                guard all > 0 else { return nil }
                return Double(k) / Double(k - 1) * (1 - diagonal / all)
            }
            guard let a = alpha(total: n, sums: 2, products: 2 + 2 * k) else {
                result.note = "every complete respondent gave the same total score: alpha undefined"
                continue
            }
            result.alpha = a
            result.weightedAlpha = alpha(total: m[1], sums: 2 + k, products: 2 + 2 * k + k * k)
            let df1 = n - 1
            let df2 = (n - 1) * Double(k - 1)
            let tail = (1 - level) / 2
            result.ciLow = 1 - (1 - a) * (try Distribution.fQuantile(1 - tail, df1: df1, df2: df2))
            result.ciHigh = 1 - (1 - a) * (try Distribution.fQuantile(tail, df1: df1, df2: df2))
        }
        let count = Double(records)
        let items = plan.layout.items.enumerated().map { j, name in
            let c = missing[j]
            return ItemNonResponse(
                item: name, records: records, blank: Int(c[0]), excluded: Int(c[1]),
                blankRate: count > 0 ? c[0] / count : 0, excludedRate: count > 0 ? c[1] / count : 0,
                nonResponseRate: count > 0 ? (c[0] + c[1]) / count : 0,
                weightedNonResponseRate: weightSum > 0 ? (c[2] + c[3]) / weightSum : 0)
        }
        return InstrumentQuality(confidenceLevel: level, elements: reliability, items: items)
    }
}
