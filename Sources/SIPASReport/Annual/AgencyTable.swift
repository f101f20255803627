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
            ReportColumn("province", t("Tỉnh, thành phố", "Province"), .text),
            ReportColumn("agency", t("Cơ quan, đơn vị", "Agency"), .text),
            ReportColumn("agency_code", t("Mã", "Code"), .text),
            ReportColumn("share", t("Chỉ số chung (%)", "Overall index (%)"), .percent),
            ReportColumn("ci_low", t("KTC 95% dưới", "95% CI low"), .percent),
            ReportColumn("ci_high", t("KTC 95% trên", "95% CI high"), .percent),
            ReportColumn("n", "n", .integer),
            ReportColumn("rank", t("Xếp hạng trong tỉnh", "Rank in province"), .text),
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
            id: "agencies", title: t("Xếp hạng cơ quan, đơn vị trong tỉnh", "Agencies ranked within their province"),
            sheetName: t("Cơ quan, đơn vị", "Agencies"),
            note: AnalysisReport.agencyRule(minimumN: minimumN, language: input.language), columns: columns, rows: rows)
    }
}
