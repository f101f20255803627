import SIPASCore
import SIPASInstruments
import SIPASStats

extension AnnualReportBuilder {
    // MARK: - Targets and key drivers

    func targetTable() -> ReportTable? {
        guard let targets = input.targets else { return nil }
        let columns = [
            ReportColumn("target", t("Mục tiêu", "Target"), .text),
            ReportColumn("threshold", t("Ngưỡng (năm)", "Threshold (year)"), .text),
            ReportColumn("unit", t("Đơn vị", "Unit"), .text),
            ReportColumn("estimate", t("Ước lượng (%)", "Estimate (%)"), .percent),
            ReportColumn("ci_low", t("KTC 95% dưới", "95% CI low"), .percent),
            ReportColumn("ci_high", t("KTC 95% trên", "95% CI high"), .percent),
            ReportColumn("gap", t("Chênh lệch (điểm %)", "Gap (points)"), .change),
            ReportColumn("needed_per_year", t("Cần tăng/năm (điểm %)", "Needed per year (points)"), .score),
            ReportColumn("status", t("Đánh giá (KTC)", "Status (CI)"), .text),
            ReportColumn("point_status", t("Theo giá trị điểm", "Point estimate"), .text),
        ]
        let unit = targets.scope.group == nil ? "–" : targets.scope.unit.text(input.language)
        let rows = targets.assessments.map { a -> [ReportValue] in
            let interval = a.change.map { ($0.ciLow, $0.ciHigh) } ?? (a.estimate?.ciLow, a.estimate?.ciHigh)
            return [
                .text(a.target.label.text(input.language)), .text(TargetTable.thresholdText(a, input.language)),
                .text(unit),
                .of(a.estimate.map { $0.value * 100 }), .of(interval.0.map { $0 * 100 }),
                .of(interval.1.map { $0 * 100 }),
                .of(a.gap), .of(a.yearlyChangeNeeded), .text(TargetTable.statusText(a.status, input.language)),
                .text(a.pointStatus.map { TargetTable.statusText($0, input.language) } ?? "–"),
            ]
        }
        let rule = t(
            "Đạt: cận dưới KTC 95% đạt ngưỡng; Không đạt: cận trên dưới ngưỡng; còn lại: chưa phân định. Mục tiêu so với năm trước: KTC của mức thay đổi.",
            "Met: the 95% CI's lower limit reaches the threshold; not met: its upper limit is below; otherwise not distinguishable. Targets relative to an earlier year: the CI of the change."
        )
        return ReportTable(
            id: "targets",
            title: t("Mức độ đạt mục tiêu: ", "Target attainment: ") + targets.plan.plan.text(input.language),
            sheetName: t("Mục tiêu", "Targets"),
            note: ([rule] + targets.notes(input.language)).joined(separator: " "),
            columns: columns, rows: rows)
    }

    func driverTable() -> ReportTable? {
        let columns = [
            ReportColumn("priority", t("Ưu tiên", "Priority"), .integer),
            ReportColumn("element", t("Yếu tố", "Element"), .text),
            ReportColumn("effect", t("Tác động (điểm % / 1 điểm)", "Effect (points per score point)"), .score),
            ReportColumn("se", t("Sai số chuẩn", "SE"), .score), ReportColumn("p_value", "p", .probability),
            ReportColumn("mean", t("Điểm TB", "Mean score"), .score),
            ReportColumn("potential", t("Dư địa cải thiện (điểm %)", "Improvement potential (points)"), .score),
        ]
        let title = t("Yếu tố tác động: cần cải thiện trước", "Key drivers: what to improve first")
        guard let drivers = input.drivers else {
            // Asked for but not computable: the table stays, saying why, with no rows.
            return input.driversUnavailable.map { reason in
                ReportTable(
                    id: "drivers", title: title, sheetName: t("Yếu tố tác động", "Key drivers"),
                    note: reason.text(input.language), columns: columns, rows: [])
            }
        }
        let ordered = drivers.drivers.sorted { $0.potential > $1.potential }
        let rows = ordered.enumerated().map { i, d -> [ReportValue] in
            [
                .number(Double(i + 1)), .text(d.label.text(input.language)), .of(d.coefficient * 100),
                .of(d.standardError * 100),
                .of(d.pValue), .of(d.meanScore), .of(d.potential * 100),
            ]
        }
        let outcome = "“\(drivers.outcomeLabel.text(input.language))”"
        return ReportTable(
            id: "drivers", title: title, sheetName: t("Yếu tố tác động", "Key drivers"),
            note: t(
                "Hồi quy có trọng số tỷ lệ hài lòng với câu hỏi \(outcome) theo điểm các yếu tố (sai số theo thiết kế mẫu); biến phụ thuộc là câu hỏi riêng, không phải chỉ số chung tạo từ chính các câu hỏi của yếu tố. \(drivers.respondentsUsed) người, \(drivers.respondentsLeftOut) thiếu câu trả lời hoặc điểm yếu tố. Dư địa = tác động × (5 − điểm TB).",
                "Weighted regression of satisfaction with the question \(outcome) on element scores (design-based SEs); the outcome is a question of its own, not the overall index built from the elements' own items. \(drivers.respondentsUsed) respondents, \(drivers.respondentsLeftOut) left out for a missing answer or element score. Potential = effect × (5 − mean score)."
            ),
            columns: columns, rows: rows)
    }

    // MARK: - Data-quality annex

    func qualityTables(_ current: [Key: IndicatorResult]) -> [ReportTable] {
        var tables: [ReportTable] = []
        let files = ReportTable(
            id: "quality_files", title: t("Phụ lục: số phiếu nhận và loại", "Annex: rows accepted and rejected"),
            sheetName: t("PL Tệp dữ liệu", "Annex files"),
            section: .annex,
            columns: [
                ReportColumn("file", t("Tệp", "File"), .text), ReportColumn("year", t("Năm", "Year"), .text),
                ReportColumn("rows_read", t("Số dòng đọc", "Rows read"), .integer),
                ReportColumn("accepted", t("Nhận", "Accepted"), .integer),
                ReportColumn("rejected", t("Loại", "Rejected"), .integer),
                ReportColumn("rejected_percent", t("Tỷ lệ loại (%)", "Rejected (%)"), .percent),
            ],
            rows: input.files.map { f in
                [
                    .text(f.name), .text(f.year), .number(Double(f.rowsRead)), .number(Double(f.accepted)),
                    .number(Double(f.rejected)),
                    .of(f.rowsRead > 0 ? Double(f.rejected) / Double(f.rowsRead) * 100 : nil),
                ]
            })
        tables.append(files)

        if let column = input.provinceColumn {
            let rows = groups(of: column).map { group -> [ReportValue] in
                let e = current[Key(group: group, indicator: "overall", statistic: .share)]?.estimate
                let small = (e?.n ?? 0) < input.minimumN
                return [
                    .text(group.values.joined()), .text(labeler.label(of: group)), .of(e?.n),
                    .text(small ? t("Dưới mức tối thiểu", "Below the minimum") : ""),
                ]
            }
            tables.append(
                ReportTable(
                    id: "quality_provinces",
                    title: t("Phụ lục: số người trả lời theo tỉnh", "Annex: respondents per province"),
                    sheetName: t("PL Cỡ mẫu tỉnh", "Annex n per province"), section: .annex,
                    note: t(
                        "Tối thiểu \(input.minimumN) người trả lời mỗi ô.",
                        "Minimum \(input.minimumN) respondents per cell."),
                    columns: [
                        ReportColumn("code", t("Mã", "Code"), .text),
                        ReportColumn("province", t("Tỉnh, thành phố", "Province"), .text),
                        ReportColumn("n", "n", .integer), ReportColumn("flag", t("Cảnh báo", "Warning"), .text),
                    ],
                    rows: rows))
        }

        let records = input.result.design.records
        let items = orderedIndicators.filter { $0.level == .item }.map { indicator -> [ReportValue] in
            let e = current[Key(group: .all, indicator: indicator.id, statistic: .share)]?.estimate
            let valid = e?.n ?? 0
            let excluded = e?.nExcluded ?? 0
            let blank = max(records - valid - excluded, 0)
            return [
                .text(String(indicator.id.dropFirst("item:".count))), .text(labeler.label(of: indicator)),
                .number(Double(valid)),
                .number(Double(excluded)), .number(Double(blank)),
                .of(records > 0 ? Double(excluded + blank) / Double(records) * 100 : nil),
            ]
        }
        tables.append(
            ReportTable(
                id: "quality_items", title: t("Phụ lục: tỷ lệ không trả lời theo câu hỏi", "Annex: item non-response"),
                sheetName: t("PL Không trả lời", "Annex non-response"), section: .annex,
                note: t(
                    "Không biết/KAD: mã loại khỏi mẫu số; để trống: không trả lời hoặc bỏ qua theo điều kiện.",
                    "Don't know/NA: codes left out of the denominator; blank: no answer or skipped by a condition."),
                columns: [
                    ReportColumn("item", t("Câu hỏi", "Item"), .text),
                    ReportColumn("label", t("Nội dung", "Label"), .text),
                    ReportColumn("n_valid", t("Hợp lệ", "Valid"), .integer),
                    ReportColumn("n_excluded", t("Không biết/KAD", "Don't know/NA"), .integer),
                    ReportColumn("n_blank", t("Để trống", "Blank"), .integer),
                    ReportColumn("nonresponse", t("Không trả lời (%)", "Non-response (%)"), .percent),
                ],
                rows: items))

        let small = input.result.results.filter { row in
            row.statistic == .share && !row.group.isAll && row.indicator.level != .item
                && (row.estimate?.n ?? 0) < input.minimumN && row.estimate != nil
        }
        tables.append(
            ReportTable(
                id: "quality_small_cells",
                title: t("Phụ lục: ô dưới cỡ mẫu tối thiểu", "Annex: cells below the minimum n"),
                sheetName: t("PL Ô cỡ mẫu nhỏ", "Annex small cells"), section: .annex,
                note: small.isEmpty
                    ? t(
                        "Không có ô nào dưới \(input.minimumN) người trả lời.",
                        "No cell rests on fewer than \(input.minimumN) respondents.")
                    : t("Các ô này không được công bố trong báo cáo.", "These cells are suppressed in the report."),
                columns: [
                    ReportColumn("breakdown", t("Phân tổ", "Breakdown"), .text),
                    ReportColumn("group", t("Nhóm", "Group"), .text),
                    ReportColumn("indicator", t("Chỉ số", "Indicator"), .text), ReportColumn("n", "n", .integer),
                ],
                rows: small.map {
                    [
                        .text(labeler.label(ofVariable: $0.group.variable)), .text(labeler.label(of: $0.group)),
                        .text(labeler.label(of: $0.indicator)), .of($0.estimate?.n),
                    ]
                }))
        if let progress = progressTable() { tables.append(progress) }
        return tables
    }

    // MARK: - Methodology annex

    func methodologyTable() -> ReportTable {
        let d = input.result.design
        let instrument = input.instrument
        let nationalMethodText: String
        switch input.result.nationalMethod {
        case .pooled: nationalMethodText = t("ước lượng gộp có trọng số", "pooled, design-weighted")
        case .meanOfUnits(let attribute):
            nationalMethodText =
                t("trung bình cộng (không trọng số) các đơn vị ", "unweighted mean of the units ") + "(" + attribute
                + ")"
        }
        var rows: [(String, String)] = [
            (t("Bộ công cụ", "Instrument"), "\(instrument.id): \(instrument.title.text(input.language))"),
            (t("Phiên bản phương pháp", "Method version"), instrument.methodVersion),
            (
                t("Thiết kế mẫu", "Design"),
                t(
                    "\(d.records) phiếu, \(d.strata) tầng, \(d.psus) đơn vị mẫu cấp 1, \(d.degreesOfFreedom) bậc tự do; trọng số \(instrument.design.weight ?? "–"), tầng \(instrument.design.strata ?? "–"), cụm \(instrument.design.cluster ?? "–")",
                    "\(d.records) records, \(d.strata) strata, \(d.psus) PSUs, \(d.degreesOfFreedom) degrees of freedom; weight \(instrument.design.weight ?? "–"), strata \(instrument.design.strata ?? "–"), clusters \(instrument.design.cluster ?? "–")"
                )
            ),
            (
                t("Đơn vị mẫu cấp 1 duy nhất trong tầng", "Lonely PSUs"),
                d.lonelyPSU + (d.lonelyStrata.isEmpty ? "" : " (\(d.lonelyStrata.joined(separator: ", ")))")
            ),
            (t("Cách tính toàn bộ mẫu", "Whole-sample method"), nationalMethodText),
            (
                t("Khoảng tin cậy", "Confidence interval"),
                t(
                    "\(Int((input.result.confidenceLevel * 100).rounded())) %, tỷ lệ: logit với t(bậc tự do thiết kế); điểm TB: t; sai số chuẩn tuyến tính hoá Taylor",
                    "\(Int((input.result.confidenceLevel * 100).rounded())) %, shares: logit with t(design df); means: t; Taylor-linearised standard errors"
                )
            ),
            (t("Cỡ mẫu tối thiểu mỗi ô", "Minimum n per cell"), String(input.minimumN)),
        ]
        if let store = input.store {
            let batches = input.files.compactMap { f in f.batch.map { "\($0) (\(f.name), \(f.year))" } }
            rows.append(
                (
                    t("Kho dữ liệu khảo sát", "Survey store"),
                    store + t("; các lô: ", "; batches: ") + batches.joined(separator: ", ")
                ))
        }
        for file in input.files {
            rows.append((t("SHA-256 của tệp ", "SHA-256 of ") + file.name, file.sha256))
        }
        if let comparison = input.comparison {
            rows.append(
                (
                    t("So sánh năm", "Years compared"),
                    comparison.years.joined(separator: " → ") + " ("
                        + comparison.methodVersions.joined(separator: " → ") + ")"
                ))
            rows.append(
                (
                    t("Kiểm định thay đổi", "Test of change"),
                    t("t mẫu độc lập, hiệu chỉnh p: ", "independent samples t, p adjusted: ")
                        + comparison.adjustment.rawValue
                ))
        }
        rows.append((t("Phiên bản sipas", "sipas version"), SIPASVersion.string))
        return ReportTable(
            id: "methodology", title: t("Phụ lục: phương pháp", "Annex: methodology"),
            sheetName: t("PL Phương pháp", "Annex methodology"),
            section: .annex,
            columns: [
                ReportColumn("item", t("Mục", "Item"), .text), ReportColumn("value", t("Nội dung", "Value"), .text),
            ],
            rows: rows.map { [.text($0.0), .text($0.1)] })
    }

    // MARK: - Highlights and charts

    func highlights(_ current: [Key: IndicatorResult], _ compared: [Key: YearComparison.Row], provinces: ReportTable?)
        -> [String]
    {
        let numbers = NumberStyle.human(input.language)
        var lines: [String] = []
        let key = Key(group: .all, indicator: "overall", statistic: .share)
        if let e = current[key]?.estimate {
            var line =
                t("Chỉ số hài lòng chung: ", "Overall satisfaction index: ") + numbers.format(e.value * 100, digits: 2)
                + " %"
            if let low = e.ciLow, let high = e.ciHigh {
                line +=
                    t(" (KTC 95%: ", " (95% CI: ") + numbers.format(low * 100, digits: 2) + "–"
                    + numbers.format(high * 100, digits: 2) + ")"
            }
            if let change = compared[key]?.latestChange, let previousLabel {
                let points = change.estimate * 100
                line +=
                    t(points >= 0 ? ", tăng " : ", giảm ", points >= 0 ? ", up " : ", down ")
                    + numbers.format(abs(points), digits: 2)
                    + t(" điểm % so với năm \(previousLabel)", " points on \(previousLabel)")
            }
            lines.append(line + ".")
        }
        if let provinces, let share = provinces.columns.firstIndex(where: { $0.id == "share" }) {
            let ranked = provinces.rows.filter { $0[0].number != nil }
            if let top = ranked.first, let bottom = ranked.last, case .text(let topName) = top[2],
                case .text(let bottomName) = bottom[2]
            {
                lines.append(
                    t("Cao nhất: ", "Highest: ") + "\(topName) (\(numbers.format(top[share].number, digits: 2)) %); "
                        + t("thấp nhất: ", "lowest: ")
                        + "\(bottomName) (\(numbers.format(bottom[share].number, digits: 2)) %).")
            }
        }
        if let m = input.comparison?.movements.first(where: { $0.variable == input.provinceColumn }) {
            lines.append(
                t(
                    "\(m.up) tỉnh tăng, \(m.down) tỉnh giảm (có ý nghĩa thống kê: \(m.significantlyUp) tăng, \(m.significantlyDown) giảm).",
                    "\(m.up) provinces up, \(m.down) down (significant: \(m.significantlyUp) up, \(m.significantlyDown) down)."
                ))
        }
        if let first = input.drivers?.drivers.max(by: { $0.potential < $1.potential }) {
            lines.append(t("Cần cải thiện trước: ", "Improve first: ") + first.label.text(input.language) + ".")
        }
        return lines
    }

    func charts(_ current: [Key: IndicatorResult], _ compared: [Key: YearComparison.Row], provinces: ReportTable?)
        -> ReportCharts
    {
        var charts = ReportCharts()
        charts.axisTitle = t("Tỷ lệ hài lòng (%)", "Satisfied (%)")
        if let provinces {
            let col = { (id: String) in provinces.columns.firstIndex { $0.id == id } }
            for row in provinces.rows where row[0].number != nil {
                guard case .text(let name) = row[2], let value = row[col("share")!].number else { continue }
                charts.provinces.append(
                    .init(label: name, value: value, low: row[col("ci_low")!].number, high: row[col("ci_high")!].number)
                )
                if let p = col("previous"), let before = row[p].number {
                    charts.slopes.append(.init(label: name, before: before, after: value))
                }
            }
        }
        if let target = input.targets?.assessments.first(where: {
            $0.target.indicator == "overall" && $0.status != .notMeasured
        }) {
            charts.target = target.target.threshold
            charts.targetLabel = target.target.label.text(input.language)
        }
        for indicator in orderedIndicators where indicator.level == .element {
            let key = Key(group: .all, indicator: indicator.id, statistic: .share)
            guard let e = current[key]?.estimate, e.n >= input.minimumN else { continue }
            let before = compared[key]?.estimates.first ?? nil
            charts.elements.append(
                .init(
                    label: labeler.label(of: indicator), value: e.value * 100, low: e.ciLow.map { $0 * 100 },
                    high: e.ciHigh.map { $0 * 100 }, previous: before.map { $0.value * 100 }))
        }
        return charts
    }
}
