import SIPASStats

extension AnnualReportBuilder {
    /// The data-quality annex's field-work table: per group of the plan (province, then the levels
    /// below it), forms planned, received and accepted, the response rate accepted/planned, and
    /// whether the group is behind (rate below the threshold, or forms from a group not planned).
    func progressTable() -> ReportTable? {
        guard let progress = input.progress, !progress.rows.isEmpty else { return nil }
        let threshold = progress.threshold * 100
        let late = progress.rows.filter(\.behind).count
        let percent = threshold == threshold.rounded() ? String(Int(threshold)) : String(threshold)
        return ReportTable(
            id: "quality_fieldwork",
            title: t("Phụ lục: tiến độ thu phiếu so với kế hoạch", "Annex: field work against the plan"),
            sheetName: t("PL Tiến độ", "Annex field work"), section: .annex,
            note: t(
                "Kế hoạch: các đơn vị chính của mẫu \(progress.sample) (không tính dự phòng); đã nhận = hợp lệ + bị loại; "
                    + "tỷ lệ = hợp lệ / kế hoạch; nhóm chậm (dưới \(percent) %): \(late).",
                "Planned: the main units of the selection \(progress.sample) (reserves left out); received = accepted + rejected; "
                    + "rate = accepted / planned; groups behind (below \(percent) %): \(late)."),
            columns: [
                ReportColumn("level", t("Cấp", "Level"), .text), ReportColumn("group", t("Nhóm", "Group"), .text),
                ReportColumn("planned", t("Kế hoạch", "Planned"), .integer),
                ReportColumn("received", t("Đã nhận", "Received"), .integer),
                ReportColumn("accepted", t("Hợp lệ", "Accepted"), .integer),
                ReportColumn("response_rate", t("Tỷ lệ trả lời (%)", "Response rate (%)"), .percent),
                ReportColumn("behind", t("Chậm", "Behind"), .text),
            ],
            rows: progress.rows.map { r in
                [
                    .text(r.level), .text(r.keys.joined(separator: " / ")), .number(Double(r.planned)),
                    .number(Double(r.received)),
                    .number(Double(r.accepted)), .of(r.rate.map { $0 * 100 }),
                    .text(r.behind ? t("chậm", "behind") : ""),
                ]
            })
    }
}
