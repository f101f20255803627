import SIPASCore
import SIPASStats
import TextTable

extension AnalysisReport {
    /// The agency breakdown of the instrument (`--by agency`), when the results hold it.
    var agencyVariable: String? {
        AgencyRanking.breakdown(for: labeler.instrument).flatMap { name in
            result.results.contains { $0.group.variable == name } ? name : nil
        }
    }

    /// Agencies ranked within their province on the overall index (``AgencyRanking``), as a
    /// terminal or Markdown table, with the rule for ties and small agencies under it.
    func agencyText(markdown: Bool) -> String {
        guard let variable = agencyVariable else { return "" }
        let language = labeler.language
        let numbers = NumberStyle.human(language)
        let ranking = AgencyRanking(result: result, variable: variable, minimumN: labeler.instrument.minimumN)
        func title(_ message: ReportMessage) -> String { message.text(language) }
        func cell(_ text: String) -> String { markdown ? text.replacingOccurrences(of: "|", with: "\\|") : text }
        let table = TextTable<AgencyRanking.Entry> { e in
            // An agency below the minimum is not ranked and its figures are not shown.
            let share = e.rank == nil ? nil : e.estimate
            let ci = share.flatMap { s in s.ciLow.flatMap { low in s.ciHigh.map { (low, $0) } } }
            return [
                Column(
                    title: title(.province), value: cell(labeler.label(value: e.provinceCode, column: "province_code"))),
                Column(title: title(.agency), value: cell(e.agencyName.isEmpty ? e.agencyCode : e.agencyName)),
                Column(title: title(.code), value: cell(e.agencyCode)),
                Column(
                    title: title(.overallIndex), value: numbers.format(share.map { $0.value * 100 }, digits: 2),
                    align: .right),
                Column(
                    title: title(.ci),
                    value: ci.map {
                        numbers.format($0.0 * 100, digits: 2) + "–" + numbers.format($0.1 * 100, digits: 2)
                    } ?? "–", align: .right),
                Column(title: title(.n), value: String(e.n), align: .right),
                Column(
                    title: title(.rankInProvince),
                    value: Self.rankText(e, minimumN: ranking.minimumN, language: language)),
            ]
        }
        let heading = title(.agenciesTitle)
        var out = markdown ? "## \(heading)\n\n" : "\(heading)\n\(String(repeating: "=", count: heading.count))\n"
        out += (table.string(for: ranking.entries, style: markdown ? Style.pipe : Style.simple) ?? "") + "\n"
        out += Self.agencyRule(minimumN: ranking.minimumN, language: language) + "\n\n"
        return out
    }

    /// "2/5", "2/5 ≈" when the CI overlaps a neighbour's, or "not enough answers" below the minimum.
    static func rankText(_ e: AgencyRanking.Entry, minimumN: Int, language: Language) -> String {
        guard let rank = e.rank else {
            return ReportMessage.notEnoughAnswers(minimumN: minimumN).text(language)
        }
        return "\(rank)/\(e.ranked)" + (e.tied ? " ≈" : "")
    }

    static func agencyRule(minimumN: Int, language: Language) -> String {
        ReportMessage.agencyRule(minimumN: minimumN).text(language)
    }
}
