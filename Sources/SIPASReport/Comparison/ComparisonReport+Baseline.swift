import SIPASCore
import SIPASStats

extension ComparisonReport {
    /// The sentences stating each earlier year's national figure both ways, which one the change
    /// uses, and how a regrouped province's earlier value is formed.
    func baselineLines() -> [String] {
        guard !baselines.isEmpty else { return [] }
        let language = labeler.language
        let numbers = NumberStyle.human(language)
        func percent(_ e: Estimate) -> String {
            let ci =
                e.ciLow.flatMap { low in
                    e.ciHigh.map { numbers.format(low * 100, digits: 2) + "–" + numbers.format($0 * 100, digits: 2) }
                } ?? "–"
            return numbers.format(e.value * 100, digits: 2) + " % (" + ReportMessage.ciPrefix.text(language) + ci + ")"
        }
        var lines = baselines.map { b -> String in
            let units = b.publishedNote.flatMap { note in note.split(separator: " ").compactMap { Int($0) }.first }
            let published = units.map { ReportMessage.meanOfProvinces($0).text(language) } ?? (b.publishedNote ?? "")
            return ReportMessage.nationalBaseline(
                year: b.year, published: percent(b.published), publishedNote: published,
                regrouped: percent(b.regrouped), units: b.regroupedUnits
            ).text(language)
        }
        lines.append(ReportMessage.regroupedBaselineNote.text(language))
        return lines
    }
}
