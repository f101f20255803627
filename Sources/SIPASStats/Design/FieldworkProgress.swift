/// Field work against the plan: forms planned (main units of the selection), received (accepted +
/// rejected rows) and accepted, per level of a hierarchy (province, then province × commune …),
/// with the response rate accepted/planned and the groups behind a threshold.
public struct ProgressRow: Sendable, Hashable {
    /// The column of the level (`province_code`, then `commune_code` …) and the group's values
    /// down to it.
    public var level: String
    public var keys: [String]
    public var planned: Int
    public var received: Int
    public var accepted: Int
    /// accepted/planned (nil when nothing was planned).
    public var rate: Double?
    /// rate below the threshold, or forms received for a group not in the plan.
    public var behind: Bool
}

public enum FieldworkProgress {
    /// `planned`, `accepted`, `rejected`: one key vector (values of the `levels` columns) per form.
    /// Groups in order of first appearance in the plan, then unplanned groups; each level's groups
    /// are followed by the groups of the next level below them.
    public static func tabulate(
        levels: [String], planned: [[String]], accepted: [[String]], rejected: [[String]],
        threshold: Double
    ) -> [ProgressRow] {
        var rows: [ProgressRow] = []
        func count(_ keys: [[String]], depth: Int) -> [[String]: Int] {
            var result: [[String]: Int] = [:]
            for key in keys { result[Array(key.prefix(depth)), default: 0] += 1 }
            return result
        }
        func visit(prefix: [String]) {
            let depth = prefix.count + 1
            guard depth <= levels.count else { return }
            let p = count(planned, depth: depth)
            let a = count(accepted, depth: depth)
            let r = count(rejected, depth: depth)
            var order: [[String]] = []
            var seen = Set<[String]>()
            for key in planned + accepted + rejected {
                let group = Array(key.prefix(depth))
                guard Array(group.prefix(prefix.count)) == prefix, !seen.contains(group) else { continue }
                seen.insert(group)
                order.append(group)
            }
            for group in order {
                let n = p[group] ?? 0
                let ok = a[group] ?? 0
                let bad = r[group] ?? 0
                let rate = n > 0 ? Double(ok) / Double(n) : nil
                rows.append(
                    ProgressRow(
                        level: levels[depth - 1], keys: group, planned: n, received: ok + bad, accepted: ok, rate: rate,
                        behind: rate.map { $0 < threshold } ?? true))
                visit(prefix: group)
            }
        }
        visit(prefix: [])
        return rows
    }

    /// Key vectors of a table's rows for `levels` (reserves, ``SampleDraw/reserveRows(_:)``, left out
    /// when `mainOnly`). - Throws: ``DesignError`` for a missing column.
    public static func keys(_ table: FrameTable, levels: [String], mainOnly: Bool = false) throws -> [[String]] {
        let columns = try levels.map { try table.column($0) }
        let reserve = mainOnly ? SampleDraw.reserveRows(table) : table.rows.map { _ in false }
        return table.rows.indices.filter { !reserve[$0] }.map { r in columns.map { table.rows[r][$0] } }
    }

    /// Key vectors of rejected rows given as raw fields under `header` (a store's rejections);
    /// rows too short for a column give an empty value.
    public static func keys(fields: [[String]], header: [String], levels: [String]) -> [[String]] {
        let columns = levels.map { header.firstIndex(of: $0) }
        return fields.map { row in columns.map { c in c.flatMap { $0 < row.count ? row[$0] : nil } ?? "" } }
    }
}
