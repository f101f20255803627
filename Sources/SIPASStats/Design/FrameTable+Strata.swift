/// Stratum totals from a frame: either one row per unit (each row counts 1, or its `population`
/// value) or one row per stratum (its `population`); rows of the same stratum are summed.
public struct StratumTotals: Sendable, Hashable {
    /// Strata in order of first appearance.
    public var names: [String]
    /// N_h: Σ of the population column, or the number of rows.
    public var populations: [Double]
    /// Rows of the frame in each stratum.
    public var rows: [Int]
    /// S_h when an SD column is given (the same value on every row of a stratum).
    public var sds: [Double]?
}

extension FrameTable {
    /// Totals by `strata` (nil: the whole frame is one stratum named "all").
    /// - Throws: ``DesignError`` naming the row of a bad number, or of an SD that differs from the
    ///   stratum's first one.
    public func stratumTotals(strata: String?, population: String?, sd: String?) throws -> StratumTotals {
        let keys = try strata.map { try strings($0) } ?? rows.map { _ in "all" }
        let counts = try population.map { try numbers($0, minimum: 0) } ?? rows.map { _ in 1 }
        let deviations = try sd.map { try numbers($0, minimum: 0) }
        var names: [String] = []
        var populations: [Double] = []
        var members: [Int] = []
        var sds: [Double] = []
        for group in Self.groups(keys) {
            names.append(group.key)
            populations.append(InclusionProbabilities.sum(group.rows.map { counts[$0] }))
            members.append(group.rows.count)
            if let deviations, let sd {
                let first = deviations[group.rows[0]]
                if let other = group.rows.first(where: { deviations[$0] != first }) {
                    throw DesignError.badValue(
                        file: file, row: rowNumbers[other], column: sd, value: rows[other][try column(sd)],
                        rule: .deviationDiffers(stratum: group.key, deviation: first, row: rowNumbers[group.rows[0]]))
                }
                sds.append(first)
            }
        }
        guard !names.isEmpty else {
            throw DesignError(.data, .frameWithoutRows(file))
        }
        return StratumTotals(names: names, populations: populations, rows: members, sds: sd == nil ? nil : sds)
    }
}
