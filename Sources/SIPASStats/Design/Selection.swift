/// Selection of units from a frame: strata in order of first appearance (R `sampling::strata`),
/// within each stratum PPS (systematic or Tillé, ``UnequalProbabilitySampling``; maximum entropy,
/// ``MaximumEntropySampling``) or simple random sampling without replacement, then optionally
/// households within each selected cluster.
///
/// Random numbers come from ``UniformStream``: GSL's seeded Mersenne Twister in sipas, or a stream
/// read from R in the reference tests. Systematic PPS takes one uniform per stratum, Tillé N′ − n per
/// stratum, maximum entropy one per non-certainty unit up to the last one chosen, SRS one per unit
/// of the stratum (the n smallest of N uniform keys, an exact SRS).
public enum SelectionMethod: String, Sendable, Hashable, Codable, CaseIterable {
    case ppsSystematic = "pps-systematic"
    case ppsTille = "pps-tille"
    case ppsMaxEntropy = "pps-maxentropy"
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
    /// 0 for a selected unit; 1, 2 … for reserve units, in the order they replace selected ones.
    public var reserveRank = 0
}

public struct StratumSelection: Sendable, Hashable {
    public var stratum: String
    public var frameUnits: Int
    public var sampleSize: Int
    public var certaintyUnits: Int
    public var reserveUnits = 0
}

public enum Selection {
    /// Most units in a stratum drawn by Tillé's method (N − n steps of O(N) each).
    public static let tilleLimit = 20_000

    /// Draws `sizes[h]` units in each stratum (strata in order of first appearance in `strata`).
    /// `measures` are the sizes for PPS (nil for SRS). Selected units are returned in stratum order,
    /// then frame order, each stratum's reserve units after its selected ones by rank.
    ///
    /// Reserve units (`reserves` per stratum) are a second-phase simple random sample of the units not
    /// selected (of positive size for PPS) within the stratum, in random order: rank 1 replaces the
    /// first selected unit that cannot be surveyed, then rank 2 … They are drawn after every stratum's
    /// selection, one uniform key per candidate, so asking for reserves leaves the selection unchanged.
    /// Each keeps the π it had in the first phase (its weight if it were selected), which a
    /// substitution only approximates.
    /// - Throws: ``DesignError`` when a stratum has fewer drawable units than its sample size.
    public static func draw(
        strata: [String], measures: [Double]?, sizes: [String: Int], method: SelectionMethod,
        start: Double? = nil, reserves: Int = 0,
        uniforms: inout some UniformStream
    ) throws -> (units: [SelectedUnit], strata: [StratumSelection]) {
        var units: [SelectedUnit] = []
        var summary: [StratumSelection] = []
        var candidates: [(stratum: String, rows: [Int], pik: [Double])] = []
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
            case .ppsSystematic, .ppsTille, .ppsMaxEntropy:
                let a = rows.map { measures![$0] }
                let positive = a.filter { $0 > 0 }.count
                guard n <= positive else { throw tooFew(group.key, n, positive) }
                if method == .ppsTille, rows.count > tilleLimit {
                    throw DesignError.usage(.tilleTooLarge(stratum: group.key, units: rows.count, limit: tilleLimit))
                }
                pik = n == 0 ? a.map { _ in 0 } : InclusionProbabilities.compute(sizes: a, n: Double(n))
                if n == 0 {
                    chosen = pik.map { _ in false }
                } else if method == .ppsSystematic {
                    let u = start ?? uniforms.next()
                    chosen = UnequalProbabilitySampling.systematic(pik, start: u).map { $0 > 0.5 }
                } else if method == .ppsTille {
                    chosen = UnequalProbabilitySampling.tille(pik, next: { uniforms.next() }).map { $0 > 0.5 }
                } else {
                    chosen = try MaximumEntropySampling.draw(pik, next: { uniforms.next() }).map { $0 > 0.5 }
                }
            }
            var certain = 0
            for (i, row) in rows.enumerated() where chosen[i] {
                let sure = pik[i] >= 1 - UnequalProbabilitySampling.epsilon
                if sure { certain += 1 }
                units.append(SelectedUnit(row: row, stratum: group.key, probability: pik[i], certainty: sure))
            }
            summary.append(
                StratumSelection(stratum: group.key, frameUnits: rows.count, sampleSize: n, certaintyUnits: certain))
            let pool = rows.indices.filter { !chosen[$0] && pik[$0] > 0 }
            candidates.append((group.key, pool.map { rows[$0] }, pool.map { pik[$0] }))
        }
        guard reserves > 0 else { return (units, summary) }
        var reserveUnits: [String: [SelectedUnit]] = [:]
        for (h, pool) in candidates.enumerated() {
            let keys = pool.rows.map { _ in uniforms.next() }
            let order = keys.indices.sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : $0 < $1 }.prefix(reserves)
            reserveUnits[pool.stratum] = order.enumerated().map { rank, i in
                SelectedUnit(
                    row: pool.rows[i], stratum: pool.stratum, probability: pool.pik[i], certainty: false,
                    reserveRank: rank + 1)
            }
            summary[h].reserveUnits = order.count
        }
        var merged: [SelectedUnit] = []
        for stratum in summary.map(\.stratum) {
            merged += units.filter { $0.stratum == stratum } + (reserveUnits[stratum] ?? [])
        }
        return (merged, summary)
    }

    static func tooFew(_ stratum: String, _ n: Int, _ available: Int) -> DesignError {
        DesignError.usage(.tooFewUnits(stratum: stratum, wanted: n, available: available))
    }
}
