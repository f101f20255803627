import SIPASCore
import SIPASStats

extension AnnualReportBuilder {
    /// Agencies (cơ quan, đơn vị) ranked within their province (``AgencyRanking``), when the data
    /// name agencies: province, agency, code, overall index with its CI and n, rank "k/m" with "≈" when
    /// the CI overlaps a neighbour's; agencies below the minimum n show "not enough answers" and no figures.
    func agencyTable() -> ReportTable? {
        guard let variable = AgencyRanking.breakdown(for: input.instrument) else { return nil }
        let minimumN = max(input.minimumN, input.instrument.minimumN)
        let ranking = AgencyRanking(result: input.result, variable: variable, minimumN: minimumN)
        guard !ranking.entries.isEmpty else { return nil }
        let columns = [
            ReportColumn("province", text(.province), .text),
            ReportColumn("agency", text(.agency), .text),
            ReportColumn("agency_code", text(.code), .text),
            ReportColumn("share", text(.overallIndex), .percent),
            ReportColumn("ci_low", text(.ciLow), .percent),
            ReportColumn("ci_high", text(.ciHigh), .percent),
            ReportColumn("n", "n", .integer),
            ReportColumn("rank", text(.rankInProvince), .text),
        ]
        let rows = ranking.entries.map { e -> [ReportValue] in
            let shown = e.rank != nil
            func figure(_ value: Double?) -> ReportValue { shown ? .of(value.map { $0 * 100 }) : .suppressed }
            return [
                .text(labeler.label(value: e.provinceCode, column: input.provinceColumn ?? "province_code")),
                .text(e.agencyName.isEmpty ? e.agencyCode : e.agencyName), .text(e.agencyCode),
                figure(e.estimate?.value), figure(e.estimate?.ciLow), figure(e.estimate?.ciHigh), .number(Double(e.n)),
                .text(AnalysisReport.rankText(e, minimumN: minimumN, language: input.language)),
            ]
        }
        return ReportTable(
            id: "agencies", title: text(.agenciesTitle),
            sheetName: text(.agenciesSheet),
            note: AnalysisReport.agencyRule(minimumN: minimumN, language: input.language), columns: columns, rows: rows)
    }
}
