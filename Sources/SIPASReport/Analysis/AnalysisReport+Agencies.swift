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
        let vi = language == .vi
        func cell(_ text: String) -> String { markdown ? text.replacingOccurrences(of: "|", with: "\\|") : text }
        let table = TextTable<AgencyRanking.Entry> { e in
            // An agency below the minimum is not ranked and its figures are not shown.
            let share = e.rank == nil ? nil : e.estimate
            let ci = share.flatMap { s in s.ciLow.flatMap { low in s.ciHigh.map { (low, $0) } } }
            return [
                Column(title: vi ? "Tỉnh, thành phố" : "Province", value: cell(labeler.label(value: e.provinceCode, column: "province_code"))),
                Column(title: vi ? "Cơ quan, đơn vị" : "Agency", value: cell(e.agencyName.isEmpty ? e.agencyCode : e.agencyName)),
                Column(title: vi ? "Mã" : "Code", value: cell(e.agencyCode)),
                Column(title: vi ? "Chỉ số chung (%)" : "Overall index (%)", value: numbers.format(share.map { $0.value * 100 }, digits: 2), align: .right),
                Column(title: vi ? "KTC 95%" : "95% CI", value: ci.map { numbers.format($0.0 * 100, digits: 2) + "–" + numbers.format($0.1 * 100, digits: 2) } ?? "–", align: .right),
                Column(title: "n", value: String(e.n), align: .right),
                Column(title: vi ? "Xếp hạng trong tỉnh" : "Rank in province", value: Self.rankText(e, minimumN: ranking.minimumN, language: language)),
            ]
        }
        let title = vi ? "Xếp hạng cơ quan, đơn vị trong tỉnh" : "Agencies ranked within their province"
        var out = markdown ? "## \(title)\n\n" : "\(title)\n\(String(repeating: "=", count: title.count))\n"
        out += (table.string(for: ranking.entries, style: markdown ? Style.pipe : Style.simple) ?? "") + "\n"
        out += Self.agencyRule(minimumN: ranking.minimumN, language: language) + "\n\n"
        return out
    }

    /// "2/5", "2/5 ≈" when the CI overlaps a neighbour's, or "not enough answers" below the minimum.
    static func rankText(_ e: AgencyRanking.Entry, minimumN: Int, language: Language) -> String {
        guard let rank = e.rank else {
            return language == .vi ? "không đủ câu trả lời (n < \(minimumN))" : "not enough answers (n < \(minimumN))"
        }
        return "\(rank)/\(e.ranked)" + (e.tied ? " ≈" : "")
    }

    static func agencyRule(minimumN: Int, language: Language) -> String {
        language == .vi
            ? "Xếp theo chỉ số chung, cao nhất là 1. ≈: KTC 95% chồng lên KTC của cơ quan liền trên hoặc liền dưới, số liệu chưa phân định thứ bậc giữa hai cơ quan. Cơ quan dưới \(minimumN) người trả lời không được xếp hạng."
            : "Ranked by the overall index, highest first. ≈: the 95% CI overlaps the CI of the agency just above or below; the data do not order the two. Agencies with fewer than \(minimumN) respondents are not ranked."
    }
}
