import SIPASCore

/// Identifies a domain (subpopulation): the whole sample, or one level of a breakdown.
public struct DomainKey: Hashable, Sendable, Codable, Comparable {
    /// Which set of domains a key belongs to; keys order by scope (in case order), then values.
    public enum Scope: Hashable, Sendable, Codable, Comparable {
        /// The whole sample.
        case all
        /// One unit (e.g. one province) of the instrument's rollup unit, the domains that
        /// ``NationalMethod/meanOfUnits(attribute:)`` averages; not a breakdown of the output.
        case unit
        /// A level of the breakdown at this position in ``AnalysisPlan/breakdowns``.
        case breakdown(Int)
    }

    public var scope: Scope
    /// The attribute values of the level: one per attribute of the breakdown, the unit's code for
    /// ``Scope/unit``, none for ``Scope/all``.
    public var values: [String]

    public init(scope: Scope, values: [String]) {
        self.scope = scope
        self.values = values
    }

    /// A level of the breakdown at `breakdown` in ``AnalysisPlan/breakdowns``.
    public init(breakdown: Int, values: [String]) {
        self.init(scope: .breakdown(breakdown), values: values)
    }

    /// Position in ``AnalysisPlan/breakdowns``; nil for the whole sample and for units.
    public var breakdown: Int? {
        if case .breakdown(let index) = scope { return index }
        return nil
    }

    public static let all = DomainKey(scope: .all, values: [])

    public static func < (a: DomainKey, b: DomainKey) -> Bool {
        a.scope != b.scope ? a.scope < b.scope : a.values.lexicographicallyPrecedes(b.values)
    }
}

/// A primary sampling unit: a cluster within its stratum.
public struct PSUKey: Hashable, Sendable, Codable {
    public var stratum: String
    public var cluster: String
}

/// A second-stage unit (e.g. a household or school within a sampled commune or district).
public struct SSUKey: Hashable, Sendable, Codable {
    public var psu: PSUKey
    public var unit: String
}

/// A PSU (unit nil) or SSU within a calibration cell (the record's values of the calibration
/// variables, joined by U+001F).
struct CellKey: Hashable, Sendable {
    var psu: PSUKey
    var unit: String?
    var cell: String
}

/// A record's second-stage sampling unit and, optionally, the number of such units in its PSU's
/// population (or the second-stage sampling fraction when ≤ 1), as R `svydesign(id = ~psu + ssu,
/// fpc = ~fpc1 + fpc2)`.
public struct SecondStageUnit: Hashable, Sendable {
    public var unit: String
    public var populationUnits: Double?

    public init(unit: String, populationUnits: Double? = nil) {
        self.unit = unit
        self.populationUnits = populationUnits
    }
}

/// Sufficient statistics of one domain, per primary sampling unit.
///
/// Each per-PSU vector is laid out by ``ItemSlot``: its slots per item, then the count of the
/// domain's rows in the PSU and their weight sum.
struct DomainTotals: Sendable {
    var perPSU: [PSUKey: [Double]] = [:]
    /// The same sums per second-stage unit, for two-stage designs.
    var perSSU: [SSUKey: [Double]] = [:]
    /// With calibration: the sums per PSU (or SSU) × calibration cell, and the unweighted sums of the
    /// record vectors per cell.
    var perUnitCell: [CellKey: [Double]] = [:]
    var unweightedByCell: [String: [Double]] = [:]
    var rows = 0
    var weightSum = 0.0
}
