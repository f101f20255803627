import SIPASCore
import SIPASStats

extension ComparisonReport {
    /// The sentences stating each earlier year's national figure both ways, which one the change
    /// uses, and how a regrouped province's earlier value is formed.
    func baselineLines() -> [String] {
        guard !baselines.isEmpty else { return [] }
        let vi = labeler.language == .vi
        let numbers = NumberStyle.human(labeler.language)
        func percent(_ e: Estimate) -> String {
            let ci = e.ciLow.flatMap { low in e.ciHigh.map { numbers.format(low * 100, digits: 2) + "–" + numbers.format($0 * 100, digits: 2) } } ?? "–"
            return numbers.format(e.value * 100, digits: 2) + " % (" + (vi ? "KTC 95% " : "95% CI ") + ci + ")"
        }
        var lines = baselines.map { b -> String in
            let units = b.publishedNote.flatMap { note in note.split(separator: " ").compactMap { Int($0) }.first }
            let published = units.map { vi ? "trung bình \($0) tỉnh" : "mean of \($0) provinces" } ?? (b.publishedNote ?? "")
            return vi
                ? "Cả nước năm \(b.year): \(percent(b.published)) như đã công bố (\(published)); \(percent(b.regrouped)) khi gộp theo \(b.regroupedUnits) đơn vị mới (trung bình \(b.regroupedUnits) đơn vị). Mức thay đổi dùng số như đã công bố."
                : "National \(b.year): \(percent(b.published)) as published (\(published)); \(percent(b.regrouped)) regrouped into the \(b.regroupedUnits) new units (mean of \(b.regroupedUnits) units). The change uses the published figure."
        }
        lines.append(vi
            ? "Giá trị năm trước của tỉnh gộp: phiếu của các tỉnh cũ gộp lại theo trọng số khảo sát (một ước lượng miền; các tỉnh cũ vẫn là tầng), không phải trung bình chỉ số của các tỉnh cũ."
            : "Earlier values of a regrouped province: the old provinces' responses pooled with their survey weights (one domain estimate; the old provinces stay strata), not the mean of the old provinces' indices.")
        return lines
    }
}
