/// `sipas design draw` as one computation: frame in, selected rows out (frame columns, then
/// inclusion_probability and design_weight; with a second stage also unit_id (cluster id, "-",
/// household number), household, role,
/// reserve_order, stage1_probability and stage2_probability before them; with reserve clusters
/// also reserve_rank, 0 for selected clusters, 1, 2 … for the reserves of their stratum).
public struct DrawSpec: Sendable, Hashable {
    public var id: String
    /// Size measure for PPS (nil for SRS).
    public var size: String?
    public var strata: String?
    /// Total sample size, shared by `rule`; or fixed sizes per stratum (an allocation file).
    public var n: Int?
    public var rule: AllocationRule
    public var fixedSizes: [String: Int]?
    public var minimum: Int
    public var method: SelectionMethod
    /// Start of systematic PPS (one stratum only); nil draws it from the seed.
    public var start: Double?
    public var seed: UInt
    /// Second stage: the listed-units column, units per cluster, reserves, and how they are drawn.
    public var listed: String?
    public var perCluster: Int?
    public var reserves: Int
    public var within: HouseholdSelection.Method
    /// Reserve clusters per stratum (``Selection/draw(strata:measures:sizes:method:start:reserves:uniforms:)``).
    public var reserveClusters: Int

    public init(
        id: String, size: String?, strata: String?, n: Int?, rule: AllocationRule = .proportional,
        fixedSizes: [String: Int]? = nil,
        minimum: Int = 0, method: SelectionMethod, start: Double? = nil, seed: UInt, listed: String? = nil,
        perCluster: Int? = nil,
        reserves: Int = 0, within: HouseholdSelection.Method = .systematic, reserveClusters: Int = 0
    ) {
        self.id = id
        self.size = size
        self.strata = strata
        self.n = n
        self.rule = rule
        self.fixedSizes = fixedSizes
        self.minimum = minimum
        self.method = method
        self.start = start
        self.seed = seed
        self.listed = listed
        self.perCluster = perCluster
        self.reserves = reserves
        self.within = within
        self.reserveClusters = reserveClusters
    }
}

public struct DrawOutput: Sendable, Hashable {
    public var header: [String]
    /// Output rows and each row's stratum (for one Excel sheet per stratum).
    public var rows: [[String]]
    public var strataOfRows: [String]
    public var strata: [StratumSelection]
    public var certaintyUnits: Int
    public var reserveUnits: Int
    /// Zero sizes, which can never be drawn (warned, not an error).
    public var zeroSizes: Int
}

public enum SampleDraw {
    public static func run(frame: FrameTable, spec: DrawSpec) throws -> DrawOutput {
        let ids = try frame.strings(spec.id)
        _ = try frame.uniqueIndex(spec.id)
        if spec.method != .srs, spec.size == nil {
            throw DesignError.usage(.methodNeedsSize(method: spec.method.rawValue))
        }
        let measures = try spec.size.map {
            try frame.numbers($0, minimum: 0, rule: .notSize)
        }
        let strata = try spec.strata.map { try frame.strings($0) } ?? ids.map { _ in "all" }
        let sizes = try stratumSizes(frame: frame, spec: spec, strata: strata, measures: measures)
        if spec.start != nil, sizes.count > 1 || spec.method != .ppsSystematic {
            throw DesignError.usage(.startNeedsOneStratum)
        }
        if let start = spec.start, !(start >= 0 && start < 1) {
            throw DesignError.usage(.startRange(start))
        }
        var uniforms = GSLUniforms(seed: spec.seed)
        let drawn = try Selection.draw(
            strata: strata, measures: measures, sizes: sizes, method: spec.method, start: spec.start,
            reserves: spec.reserveClusters, uniforms: &uniforms)
        var header = frame.header
        let listed = try spec.listed.map { try frame.numbers($0, minimum: 0) }
        if let listed, let column = spec.listed,
            let bad = listed.indices.first(where: { listed[$0] != listed[$0].rounded() || listed[$0] > 1_000_000 })
        {
            throw DesignError.badValue(
                file: frame.file, row: frame.rowNumbers[bad], column: column,
                value: frame.rows[bad][try frame.column(column)],
                rule: .notHouseholds)
        }
        if spec.reserveClusters > 0 { header.append("reserve_rank") }
        if spec.perCluster != nil {
            header += ["unit_id", "household", "role", "reserve_order", "stage1_probability", "stage2_probability"]
        }
        header += ["inclusion_probability", "design_weight"]
        // Households of the selected clusters first, then of the reserve clusters, so that reserve
        // clusters leave the selected clusters' households unchanged.
        var unitRows = [[[String]]](repeating: [], count: drawn.units.count)
        let order =
            drawn.units.indices.filter { drawn.units[$0].reserveRank == 0 }
            + drawn.units.indices.filter { drawn.units[$0].reserveRank > 0 }
        for index in order {
            let unit = drawn.units[index]
            let base = frame.rows[unit.row] + (spec.reserveClusters > 0 ? [String(unit.reserveRank)] : [])
            if let k = spec.perCluster, let listed {
                let households = HouseholdSelection.draw(
                    listed: Int(listed[unit.row]), main: k, reserves: spec.reserves, method: spec.within,
                    uniforms: &uniforms)
                unitRows[index] = households.map { h in
                    let pi = unit.probability * h.probability
                    return base + [
                        ids[unit.row] + "-" + String(h.number), String(h.number),
                        h.reserveOrder == 0 ? "main" : "reserve", String(h.reserveOrder),
                        number(unit.probability), number(h.probability), number(pi), number(1 / pi),
                    ]
                }
            } else {
                unitRows[index] = [base + [number(unit.probability), number(1 / unit.probability)]]
            }
        }
        let rows = unitRows.flatMap { $0 }
        let rowStrata = drawn.units.indices.flatMap { i in unitRows[i].map { _ in drawn.units[i].stratum } }
        return DrawOutput(
            header: header, rows: rows, strataOfRows: rowStrata, strata: drawn.strata,
            certaintyUnits: drawn.units.filter(\.certainty).count,
            reserveUnits: drawn.units.filter { $0.reserveRank > 0 }.count,
            zeroSizes: measures?.filter { $0 == 0 }.count ?? 0)
    }

    /// Sizes per stratum: from the allocation file, or `n` allocated by the rule over N_h (Σ size, or
    /// the number of units for SRS) with at most the units of positive size in each stratum.
    static func stratumSizes(frame: FrameTable, spec: DrawSpec, strata: [String], measures: [Double]?) throws
        -> [String: Int]
    {
        let groups = FrameTable.groups(strata)
        if let fixed = spec.fixedSizes {
            if let missing = groups.first(where: { fixed[$0.key] == nil }) {
                throw DesignError(.data, .allocationMissingStratum(missing.key))
            }
            return fixed
        }
        guard let n = spec.n else {
            throw DesignError.usage(.sampleSizeNeeded)
        }
        let populations = groups.map { g in
            measures.map { m in InclusionProbabilities.sum(g.rows.map { m[$0] }) } ?? Double(g.rows.count)
        }
        let capacities = groups.map { g in
            Double(measures.map { m in g.rows.filter { m[$0] > 0 }.count } ?? g.rows.count)
        }
        let allocation = try Allocation.allocate(
            n: n, rule: spec.rule, strata: groups.map(\.key), populations: populations,
            sds: nil, minimum: spec.minimum, capacities: capacities)
        return Dictionary(uniqueKeysWithValues: allocation.map { ($0.stratum, $0.forms) })
    }

    /// Sizes per stratum from an allocation table (`sipas design allocate`'s CSV): the stratum in
    /// column `stratum` and its size in `forms`.
    public static func fixedSizes(_ table: FrameTable) throws -> [String: Int] {
        let names = try table.strings("stratum")
        let forms = try table.numbers(
            "forms", minimum: 0, rule: .notWholeNumber)
        var result: [String: Int] = [:]
        for (i, name) in names.enumerated() {
            guard forms[i] == forms[i].rounded() else {
                throw DesignError.badValue(
                    file: table.file, row: table.rowNumbers[i], column: "forms",
                    value: table.rows[i][try table.column("forms")],
                    rule: .notWholeNumber)
            }
            guard result[name] == nil else {
                throw DesignError.badValue(
                    file: table.file, row: table.rowNumbers[i], column: "stratum", value: name,
                    rule: .appearsTwice)
            }
            result[name] = Int(forms[i])
        }
        return result
    }

    /// Which rows of a selection are reserves: a household whose `role` is `reserve`, or any row of a
    /// reserve cluster (`reserve_rank` other than 0).
    public static func reserveRows(_ table: FrameTable) -> [Bool] {
        let role = table.header.firstIndex(of: "role")
        let rank = table.header.firstIndex(of: "reserve_rank")
        return table.rows.map { row in
            role.map { row[$0] == "reserve" } == true || rank.map { !["", "0"].contains(row[$0]) } == true
        }
    }

    /// Shortest text that reads back as the same Double (Swift's description).
    public static func number(_ x: Double) -> String { x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : "\(x)" }
}
