/// The sufficient statistics kept for each scored item, per domain × primary sampling unit: the
/// one place that knows their order.
///
/// A sums vector holds ``count`` numbers per item, item j's at `count * j` (``index(item:)``), then
/// the number of the domain's rows in the unit (``rowsIndex(items:)``) and their weight sum
/// (``weightIndex(items:)``). The record accumulator, the fast shards, the estimators and the
/// PostgreSQL aggregation (its select list is ``sqlAggregate``) all read and write through it.
public enum ItemSlot: Int, CaseIterable, Sendable {
    /// Σw over valid answers (a code of the scale that is not "don't know").
    case validWeight
    /// Σw over satisfied answers.
    case satisfiedWeight
    /// Σw·code over valid answers.
    case codeWeight
    /// The number of valid answers.
    case validCount
    /// The number of excluded ("don't know") answers.
    case excludedCount
    /// Σw·code² over valid answers (design effects of means).
    case codeSquareWeight

    /// Slots per item.
    public static let count = 6

    /// Where this slot of item `item` is in a sums vector.
    @inlinable
    public func index(item: Int) -> Int { Self.count * item + rawValue }

    /// Where the number of rows is, after the items' slots.
    @inlinable
    public static func rowsIndex(items: Int) -> Int { count * items }

    /// Where the rows' weight sum is.
    @inlinable
    public static func weightIndex(items: Int) -> Int { count * items + 1 }

    /// Whether the slot sums weights (true) or counts answers (false).
    public var isWeighted: Bool {
        switch self {
        case .validWeight, .satisfiedWeight, .codeWeight, .codeSquareWeight: return true
        case .validCount, .excludedCount: return false
        }
    }

    /// The slot as an SQL aggregate over rows with the columns `w` (the weight), `code` (the
    /// answer's code as double precision, NULL when blank), `ok` (satisfied) and `dk` (excluded).
    public var sqlAggregate: String {
        let valid = "code IS NOT NULL AND NOT dk"
        switch self {
        case .validWeight: return "coalesce(sum(w) FILTER (WHERE \(valid)), 0)"
        case .satisfiedWeight: return "coalesce(sum(w) FILTER (WHERE \(valid) AND ok), 0)"
        case .codeWeight: return "coalesce(sum(w * code) FILTER (WHERE \(valid)), 0)"
        case .validCount: return "count(*) FILTER (WHERE \(valid))::double precision"
        case .excludedCount: return "count(*) FILTER (WHERE dk)::double precision"
        case .codeSquareWeight: return "coalesce(sum(w * code * code) FILTER (WHERE \(valid)), 0)"
        }
    }
}
