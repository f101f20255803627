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
            title: text(.fieldWorkTitle),
            sheetName: text(.fieldWorkSheet), section: .annex,
            note: text(.fieldWorkNote(sample: progress.sample, percent: percent, late: late)),
            columns: [
                ReportColumn("level", text(.level), .text), ReportColumn("group", text(.group), .text),
                ReportColumn("planned", text(.planned), .integer),
                ReportColumn("received", text(.received), .integer),
                ReportColumn("accepted", text(.formsAccepted), .integer),
                ReportColumn("response_rate", text(.responseRate), .percent),
                ReportColumn("behind", text(.behindColumn), .text),
            ],
            rows: progress.rows.map { r in
                [
                    .text(r.level), .text(r.keys.joined(separator: " / ")), .number(Double(r.planned)),
                    .number(Double(r.received)),
                    .number(Double(r.accepted)), .of(r.rate.map { $0 * 100 }),
                    .text(r.behind ? text(.behind) : ""),
                ]
            })
    }
}
