/// Estimates of several survey years side by side: the change between consecutive years with its
/// confidence interval and p-value (independent samples, ``Difference``), p-values adjusted across the
/// groups of each breakdown, ranks and their change, and the counts annual reports give.
public struct YearComparison: Hashable, Sendable, Codable {
    public struct Row: Hashable, Sendable, Codable {
        public var group: Group
        public var indicator: Indicator
        public var statistic: Statistic
        /// One per year, in the order the years were given; nil where the group has no estimate.
        public var estimates: [Estimate?]
        /// Change from each year to the next (count: years − 1).
        public var changes: [Difference?]
        /// The latest change's p-value adjusted across the groups of the same breakdown and indicator.
        public var adjustedPValue: Double?
        /// Rank among the groups of the breakdown each year (1 = highest); nil for the whole sample.
        public var ranks: [Int?]

        /// The latest change.
        public var latestChange: Difference? { changes.last ?? nil }

        /// Places gained between the last two years (positive = moved up).
        public var rankChange: Int? {
            guard ranks.count >= 2, let before = ranks[ranks.count - 2], let after = ranks[ranks.count - 1] else {
                return nil
            }
            return before - after
        }

        /// Significant at `alpha` after adjustment.
        public func isSignificant(alpha: Double = 0.05) -> Bool {
            (adjustedPValue ?? 1) < alpha
        }
    }

    /// How the groups of one breakdown moved on the overall index between the last two years.
    public struct Movement: Hashable, Sendable, Codable {
        public var variable: String
        public var up: Int
        public var down: Int
        public var unchanged: Int
        public var significantlyUp: Int
        public var significantlyDown: Int
        public var rankUp: Int
        public var rankDown: Int
        public var rankSame: Int
    }

    public var years: [String]
    public var methodVersions: [String]
    /// True when the years were measured with different method versions: changes are not comparable.
    public var methodBreak: Bool
    public var adjustment: PValueAdjustment
    public var rows: [Row]
    public var movements: [Movement]

    /// - Parameters:
    ///   - results: one analysis per year, oldest first, from the same breakdowns.
    ///   - years: labels of the years ("2023", "2024").
    ///   - methodVersions: each year's instrument method version.
    public init(
        results: [AnalysisResult], years: [String], methodVersions: [String],
        adjustment: PValueAdjustment = .holm, level: Double = 0.95
    ) throws {
        precondition(results.count == years.count && results.count >= 2, "compare needs two or more years")
        self.years = years
        self.methodVersions = methodVersions
        self.methodBreak = Set(methodVersions).count > 1
        self.adjustment = adjustment

        struct Key: Hashable {
            var group: Group
            var indicator: String
            var statistic: Statistic
        }
        var order: [Key] = []
        var indicators: [String: Indicator] = [:]
        var table: [Key: [Estimate?]] = [:]
        for (y, result) in results.enumerated() {
            for row in result.results {
                let key = Key(group: row.group, indicator: row.indicator.id, statistic: row.statistic)
                if table[key] == nil {
                    order.append(key)
                    table[key] = Array(repeating: nil, count: results.count)
                    indicators[row.indicator.id] = row.indicator
                }
                table[key]![y] = row.estimate
            }
        }
        var rows: [Row] = try order.map { key in
            let estimates = table[key]!
            let changes = try (1..<estimates.count).map { y -> Difference? in
                guard let before = estimates[y - 1], let after = estimates[y] else { return nil }
                return try Difference(from: before, to: after, level: level)
            }
            return Row(
                group: key.group, indicator: indicators[key.indicator]!, statistic: key.statistic,
                estimates: estimates, changes: changes, adjustedPValue: nil, ranks: [])
        }
        // Families: the groups of one breakdown for one indicator and statistic.
        struct Family: Hashable {
            var variable: String
            var indicator: String
            var statistic: Statistic
        }
        let families = Dictionary(grouping: rows.indices) {
            Family(variable: rows[$0].group.variable, indicator: rows[$0].indicator.id, statistic: rows[$0].statistic)
        }
        for members in families.values {
            let adjusted = adjustment.adjust(members.map { rows[$0].latestChange?.pValue ?? .nan })
            for (member, p) in zip(members, adjusted) { rows[member].adjustedPValue = p.isNaN ? nil : p }
            let isWhole = rows[members[0]].group.isAll
            for y in 0..<years.count {
                let ranked = members.filter { rows[$0].estimates[y] != nil }.sorted {
                    rows[$0].estimates[y]!.value > rows[$1].estimates[y]!.value
                }
                for member in members {
                    if rows[member].ranks.count < years.count {
                        rows[member].ranks = Array(repeating: nil, count: years.count)
                    }
                    if !isWhole, let position = ranked.firstIndex(of: member) { rows[member].ranks[y] = position + 1 }
                }
            }
        }
        self.rows = rows
        self.movements = Self.movements(rows)
    }

    /// Counts on the overall share index, per breakdown (changes rounded to 0.01 point count as unchanged).
    static func movements(_ rows: [Row]) -> [Movement] {
        var order: [String] = []
        var byVariable: [String: Movement] = [:]
        for row in rows where row.indicator.level == .overall && row.statistic == .share && !row.group.isAll {
            guard let change = row.latestChange else { continue }
            if byVariable[row.group.variable] == nil {
                order.append(row.group.variable)
                byVariable[row.group.variable] = Movement(
                    variable: row.group.variable, up: 0, down: 0, unchanged: 0,
                    significantlyUp: 0, significantlyDown: 0, rankUp: 0, rankDown: 0, rankSame: 0)
            }
            let points = (change.estimate * 10_000).rounded() / 100
            if points > 0 {
                byVariable[row.group.variable]!.up += 1
            } else if points < 0 {
                byVariable[row.group.variable]!.down += 1
            } else {
                byVariable[row.group.variable]!.unchanged += 1
            }
            if row.isSignificant() {
                if change.estimate > 0 {
                    byVariable[row.group.variable]!.significantlyUp += 1
                } else {
                    byVariable[row.group.variable]!.significantlyDown += 1
                }
            }
            if let moved = row.rankChange {
                if moved > 0 {
                    byVariable[row.group.variable]!.rankUp += 1
                } else if moved < 0 {
                    byVariable[row.group.variable]!.rankDown += 1
                } else {
                    byVariable[row.group.variable]!.rankSame += 1
                }
            }
        }
        return order.map { byVariable[$0]! }
    }
}
