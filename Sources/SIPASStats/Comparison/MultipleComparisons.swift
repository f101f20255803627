/// Adjusting p-values for many comparisons (R `p.adjust`; GSL has none).
///
/// - Holm (1979): step-down family-wise error control, for a few planned comparisons.
/// - Benjamini–Hochberg (1995): false discovery rate, for screening many locality × sector cells.
/// - Bonferroni: p·m, capped at 1.
public enum PValueAdjustment: String, Hashable, Sendable, Codable, CaseIterable {
    case holm
    case benjaminiHochberg = "BH"
    case bonferroni
    case none

    /// Adjusted p-values in the order of `p`. NaN entries are kept as NaN and not counted in m.
    public func adjust(_ p: [Double]) -> [Double] {
        let present = p.indices.filter { !p[$0].isNaN }
        let m = Double(present.count)
        var adjusted = p
        switch self {
        case .none:
            return p
        case .bonferroni:
            for i in present { adjusted[i] = min(1, p[i] * m) }
        case .holm:
            // Ascending order; running maximum of (m − k)·p₍ₖ₎ (k from 0).
            let order = present.sorted { p[$0] < p[$1] }
            var running = 0.0
            for (k, i) in order.enumerated() {
                running = max(running, min(1, (m - Double(k)) * p[i]))
                adjusted[i] = running
            }
        case .benjaminiHochberg:
            // Descending order; running minimum of m/rank·p₍rank₎.
            let order = present.sorted { p[$0] > p[$1] }
            var running = 1.0
            for (k, i) in order.enumerated() {
                let rank = m - Double(k)
                running = min(running, min(1, m / rank * p[i]))
                adjusted[i] = running
            }
        }
        return adjusted
    }
}
