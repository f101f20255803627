/// Selection of units from a frame: strata in order of first appearance (R `sampling::strata`),
/// within each stratum PPS (systematic or Tillé, ``UnequalProbabilitySampling``) or simple random
/// sampling without replacement, then optionally households within each selected cluster.
///
/// Random numbers come from ``UniformStream``: GSL's seeded Mersenne Twister in sipas, or a stream
/// read from R in the reference tests. Systematic PPS takes one uniform per stratum, Tillé N′ − n per
/// stratum, SRS one per unit of the stratum (the n smallest of N uniform keys, an exact SRS).
public enum SelectionMethod: String, Sendable, Hashable, Codable, CaseIterable {
    case ppsSystematic = "pps-systematic"
    case ppsTille = "pps-tille"
    case srs
}

/// A source of uniforms on [0, 1).
public protocol UniformStream {
    mutating func next() -> Double
}

/// GSL's seeded generator as a ``UniformStream``.
public struct GSLUniforms: UniformStream {
    let source: RandomSource
    public init(seed: UInt) { source = RandomSource(seed: seed) }
    public mutating func next() -> Double { source.uniform() }
}

/// Given uniforms, in order (reference tests); 0.5 once they run out is never reached by a test.
public struct ListedUniforms: UniformStream {
    var values: [Double]
    var position = 0
    public init(_ values: [Double]) { self.values = values }
    public mutating func next() -> Double {
        defer { position += 1 }
        return position < values.count ? values[position] : 0.5
    }
    public var used: Int { position }
}

public struct SelectedUnit: Sendable, Hashable {
    /// Index of the unit's row in the frame.
    public var row: Int
    public var stratum: String
    /// π of the unit (first stage).
    public var probability: Double
    public var certainty: Bool
}

public struct StratumSelection: Sendable, Hashable {
    public var stratum: String
    public var frameUnits: Int
    public var sampleSize: Int
    public var certaintyUnits: Int
}

public enum Selection {
    /// Most units in a stratum drawn by Tillé's method (N − n steps of O(N) each).
    public static let tilleLimit = 20_000

    /// Draws `sizes[h]` units in each stratum (strata in order of first appearance in `strata`).
    /// `measures` are the sizes for PPS (nil for SRS). Selected units are returned in stratum order,
    /// then frame order.
    /// - Throws: ``DesignError`` when a stratum has fewer drawable units than its sample size.
    public static func draw(strata: [String], measures: [Double]?, sizes: [String: Int], method: SelectionMethod,
                            start: Double? = nil, uniforms: inout some UniformStream) throws -> (units: [SelectedUnit], strata: [StratumSelection]) {
        var units: [SelectedUnit] = [], summary: [StratumSelection] = []
        for group in FrameTable.groups(strata) {
            let n = sizes[group.key] ?? 0
            let rows = group.rows
            var pik: [Double]
            var chosen: [Bool]
            switch method {
            case .srs:
                guard n <= rows.count else { throw tooFew(group.key, n, rows.count) }
                let keys = rows.map { _ in uniforms.next() }
                let order = keys.indices.sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : $0 < $1 }
                chosen = [Bool](repeating: false, count: rows.count)
                for i in order.prefix(n) { chosen[i] = true }
                pik = rows.map { _ in Double(n) / Double(rows.count) }
            case .ppsSystematic, .ppsTille:
                let a = rows.map { measures![$0] }
                let positive = a.filter { $0 > 0 }.count
                guard n <= positive else { throw tooFew(group.key, n, positive) }
                if method == .ppsTille, rows.count > tilleLimit {
                    throw DesignError(.usage, vi: "tầng '\(group.key)' có \(rows.count) đơn vị: phương pháp Tillé tốn O(N²), tối đa \(tilleLimit); dùng pps-systematic",
                                      en: "stratum '\(group.key)' has \(rows.count) units: Tillé's method takes O(N²), at most \(tilleLimit); use pps-systematic")
                }
                pik = n == 0 ? a.map { _ in 0 } : InclusionProbabilities.compute(sizes: a, n: Double(n))
                if n == 0 {
                    chosen = pik.map { _ in false }
                } else if method == .ppsSystematic {
                    let u = start ?? uniforms.next()
                    chosen = UnequalProbabilitySampling.systematic(pik, start: u).map { $0 > 0.5 }
                } else {
                    chosen = UnequalProbabilitySampling.tille(pik, next: { uniforms.next() }).map { $0 > 0.5 }
                }
            }
            var certain = 0
            for (i, row) in rows.enumerated() where chosen[i] {
                let sure = pik[i] >= 1 - UnequalProbabilitySampling.epsilon
                if sure { certain += 1 }
                units.append(SelectedUnit(row: row, stratum: group.key, probability: pik[i], certainty: sure))
            }
            summary.append(StratumSelection(stratum: group.key, frameUnits: rows.count, sampleSize: n, certaintyUnits: certain))
        }
        return (units, summary)
    }

    static func tooFew(_ stratum: String, _ n: Int, _ available: Int) -> DesignError {
        DesignError(.usage, vi: "tầng '\(stratum)': cần \(n) đơn vị nhưng khung mẫu chỉ có \(available) đơn vị có quy mô dương",
                    en: "stratum '\(stratum)': \(n) units wanted but the frame has only \(available) with a positive size")
    }
}
