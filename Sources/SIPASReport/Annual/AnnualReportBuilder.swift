import SIPASCore
import SIPASInstruments
import SIPASStats

/// Builds the ``AnnualReport`` tables from the estimates: national summary, provinces (index, CI,
/// rank, change), elements and criteria, every other breakdown (sector …), top 5 / bottom 5; the
/// annexes are in `AnnualReportBuilder+Annexes.swift`.
///
/// Cells resting on fewer than `minimumN` answers are suppressed (``ReportValue/suppressed``) and
/// the row says why; columns marked identifying in the instrument are never used as breakdowns.
public struct AnnualReportBuilder: Sendable {
    public var input: AnnualReportInput
    let labeler: ResultLabeler

    public init(_ input: AnnualReportInput) {
        self.input = input
        self.labeler = ResultLabeler(instrument: input.instrument, language: input.language, year: input.year)
    }

    var vi: Bool { input.language == .vi }
    func t(_ vi: String, _ en: String) -> String { self.vi ? vi : en }

    struct Key: Hashable {
        var group: Group
        var indicator: String
        var statistic: Statistic
    }

    /// This year's results by group × indicator × statistic.
    var current: [Key: IndicatorResult] {
        Dictionary(
            input.result.results.map {
                (Key(group: $0.group, indicator: $0.indicator.id, statistic: $0.statistic), $0)
            },
            uniquingKeysWith: { a, _ in a })
    }

    /// Comparison rows by key, when a previous year was given.
    var compared: [Key: YearComparison.Row] {
        guard let comparison = input.comparison else { return [:] }
        return Dictionary(
            comparison.rows.map { (Key(group: $0.group, indicator: $0.indicator.id, statistic: $0.statistic), $0) },
            uniquingKeysWith: { a, _ in a })
    }

    var yearLabel: String { input.year.map(String.init) ?? input.result.instrumentId }
    var previousLabel: String? { input.comparison.map { $0.years[0] } }

    /// The report's title; for SIPAS the index's official name, as the Ministry of Home Affairs publishes it.
    var title: String {
        guard input.instrument.family == "sipas" else {
            return t("Báo cáo chỉ số hài lòng năm \(yearLabel)", "Satisfaction index report \(yearLabel)")
        }
        return t(
            "Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước (SIPAS) năm \(yearLabel)",
            "Satisfaction Index of Public Administrative Services (SIPAS) \(yearLabel)")
    }

    /// The sheet name of a breakdown table: "Theo " and the column's label when that fits Excel's
    /// 31 characters, else a short name chosen for the column, else whole words up to 31 characters.
    func sheetName(variable: String, label: String) -> String {
        let full = t("Theo ", "By ") + label
        if full.count <= 31 { return full }
        let chosen: [String: (String, String)] = [
            "sector": ("Theo lĩnh vực TTHC", "By procedure domain"),
            "agency_level": ("Theo cấp cơ quan", "By agency level"),
            "agency": ("Theo cơ quan, đơn vị", "By agency"), "agency_code": ("Theo cơ quan, đơn vị", "By agency"),
        ]
        if let short = chosen[variable] { return t(short.0, short.1) }
        var words: [Substring] = []
        for word in full.split(separator: " ") {
            guard (words + [word]).joined(separator: " ").count <= 31 else { break }
            words.append(word)
        }
        return words.isEmpty ? String(full.prefix(31)) : words.joined(separator: " ")
    }

    public func build() -> AnnualReport {
        let current = self.current
        let compared = self.compared
        var report = AnnualReport(
            title: title,
            subtitle: input.instrument.title.text(input.language), language: input.language, year: yearLabel,
            previousYear: previousLabel, minimumN: input.minimumN
        )
        report.provenance = input.provenance
        report.tables.append(summaryTable(current, compared))
        if let provinces = provinceTable(current, compared) {
            report.tables.append(provinces)
            report.tables.append(topBottomTable(provinces))
        }
        report.tables.append(elementTable(current, compared))
        report.tables += breakdownTables(current, compared)
        if let agencies = agencyTable() { report.tables.append(agencies) }
        if let targets = targetTable() { report.tables.append(targets) }
        if let drivers = driverTable() { report.tables.append(drivers) }
        if let perception = perceptionTable() { report.tables.append(perception) }
        report.tables += qualityTables(current)
        report.tables.append(methodologyTable())
        report.highlights = highlights(current, compared, provinces: report.table("provinces"))
        report.charts = charts(current, compared, provinces: report.table("provinces"))
        return report
    }

    // MARK: - Shared columns

    func estimateColumns(previous: Bool) -> [ReportColumn] {
        var columns = [
            ReportColumn("share", t("Tỷ lệ hài lòng (%)", "Satisfied (%)"), .percent),
            ReportColumn("ci_low", t("KTC 95% dưới", "95% CI low"), .percent),
            ReportColumn("ci_high", t("KTC 95% trên", "95% CI high"), .percent),
            ReportColumn("n", "n", .integer),
        ]
        if previous, let previousLabel {
            columns.append(ReportColumn("previous", t("Năm \(previousLabel) (%)", "\(previousLabel) (%)"), .percent))
            columns.append(ReportColumn("change", t("Thay đổi (điểm %)", "Change (points)"), .change))
        }
        return columns
    }

    /// Share, CI, n (and previous, change) cells, suppressed below the minimum n.
    func estimateCells(_ estimate: Estimate?, _ row: YearComparison.Row?, previous: Bool) -> [ReportValue] {
        let small = (estimate?.n ?? 0) < input.minimumN && estimate != nil
        func hidden(_ value: Double?) -> ReportValue { small ? .suppressed : .of(value) }
        var cells: [ReportValue] = [
            hidden(estimate.map { $0.value * 100 }), hidden(estimate?.ciLow.map { $0 * 100 }),
            hidden(estimate?.ciHigh.map { $0 * 100 }), .of(estimate?.n),
        ]
        if previous, previousLabel != nil {
            let before = row?.estimates.first ?? nil
            let tooSmallBefore = (before?.n ?? Int.max) < input.minimumN
            cells.append(tooSmallBefore ? .suppressed : .of(before.map { $0.value * 100 }))
            cells.append(small || tooSmallBefore ? .suppressed : .of(row?.latestChange.map { $0.estimate * 100 }))
        }
        return cells
    }

    func smallNote(_ estimate: Estimate?) -> ReportValue {
        guard let n = estimate?.n, n < input.minimumN else { return .text("") }
        return .text(t("n = \(n) < \(input.minimumN): không công bố", "n = \(n) < \(input.minimumN): suppressed"))
    }

    // MARK: - Body tables

    func summaryTable(_ current: [Key: IndicatorResult], _ compared: [Key: YearComparison.Row]) -> ReportTable {
        var columns = [
            ReportColumn("indicator", t("Chỉ số", "Indicator"), .text), ReportColumn("level", t("Cấp", "Level"), .text),
        ]
        columns += estimateColumns(previous: true)
        columns.append(ReportColumn("mean", t("Điểm TB", "Mean score"), .score))
        let indicators = orderedIndicators.filter { $0.level == .overall || $0.level == .area }
        let rows = indicators.map { indicator -> [ReportValue] in
            let key = Key(group: .all, indicator: indicator.id, statistic: .share)
            let mean = current[Key(group: .all, indicator: indicator.id, statistic: .mean)]?.estimate
            return [.text(labeler.label(of: indicator)), .text(labeler.levelLabel(of: indicator))]
                + estimateCells(current[key]?.estimate, compared[key], previous: true) + [.of(mean?.value)]
        }
        let method =
            input.result.nationalMethod == .pooled
            ? t("gộp có trọng số", "pooled, design-weighted")
            : t("trung bình cộng các tỉnh", "unweighted mean of provinces")
        return ReportTable(
            id: "summary", title: t("Kết quả chung", "National summary"), sheetName: t("Tổng hợp", "Summary"),
            note: t("Cả nước: ", "National: ") + method + ".", columns: columns, rows: rows)
    }

    var orderedIndicators: [Indicator] {
        var seen = Set<String>()
        return input.result.results.map(\.indicator).filter { seen.insert($0.id).inserted }
    }

    func groups(of variable: String) -> [Group] {
        var seen = Set<Group>()
        return input.result.results.map(\.group).filter { $0.variable == variable && seen.insert($0).inserted }
            .sorted {
                labeler.sortKey(of: $0).lexicographicallyPrecedes(labeler.sortKey(of: $1)) {
                    ($0.0, $0.1) < ($1.0, $1.1)
                }
            }
    }

    func provinceTable(_ current: [Key: IndicatorResult], _ compared: [Key: YearComparison.Row]) -> ReportTable? {
        guard let column = input.provinceColumn, !input.identifyingColumns.contains(column) else { return nil }
        let all = groups(of: column)
        func overall(_ g: Group) -> Estimate? {
            current[Key(group: g, indicator: "overall", statistic: .share)]?.estimate
        }
        let ranked = all.filter { (overall($0)?.n ?? 0) >= input.minimumN }.sorted {
            (overall($0)?.value ?? 0) > (overall($1)?.value ?? 0)
        }
        let rank = Dictionary(uniqueKeysWithValues: ranked.enumerated().map { ($1, $0 + 1) })
        var columns = [
            ReportColumn("rank", t("Xếp hạng", "Rank"), .integer), ReportColumn("code", t("Mã", "Code"), .text),
            ReportColumn("province", t("Tỉnh, thành phố", "Province"), .text),
        ]
        columns += estimateColumns(previous: true)
        if previousLabel != nil {
            columns.append(
                ReportColumn("rank_previous", t("Hạng năm \(previousLabel!)", "Rank \(previousLabel!)"), .integer))
            columns.append(ReportColumn("rank_change", t("Tăng/giảm bậc", "Places gained"), .integer))
        }
        columns.append(ReportColumn("standing", t("Thứ hạng", "Standing"), .text))
        columns.append(ReportColumn("note", t("Ghi chú", "Note"), .text))
        let ordered = ranked + all.filter { rank[$0] == nil }
        let rows = ordered.map { group -> [ReportValue] in
            let key = Key(group: group, indicator: "overall", statistic: .share)
            var cells: [ReportValue] = [
                .of(rank[group]), .text(group.values.joined(separator: "*")), .text(labeler.label(of: group)),
            ]
            cells += estimateCells(overall(group), compared[key], previous: true)
            if previousLabel != nil {
                let before = compared[key]?.ranks.first ?? nil
                cells.append(.of(before))
                cells.append(.of(rank[group].flatMap { now in before.map { $0 - now } }))
            }
            cells.append(
                standing(
                    rank: rank[group], of: ranked.count, previousRank: compared[key]?.ranks.first ?? nil,
                    row: compared[key]))
            cells.append(smallNote(overall(group)))
            return cells
        }
        var note = t("Xếp hạng theo chỉ số chung; 1 = cao nhất.", "Ranked by the overall index; 1 = highest.")
        if !input.regrouped.isEmpty {
            note +=
                t(
                    " Năm trước được gộp theo đơn vị hành chính mới (từ 01/7/2025): ",
                    " The previous year is regrouped into the units in force from 1 July 2025: ")
                + input.regrouped.joined(separator: "; ") + "."
        }
        if input.comparison?.methodBreak == true {
            note += t(
                " Thay đổi phương pháp giữa hai năm: thay đổi không so sánh được trực tiếp.",
                " Method break between the years: changes are not directly comparable.")
        }
        return ReportTable(
            id: "provinces", title: t("Chỉ số chung theo tỉnh, thành phố", "Overall index by province"),
            sheetName: t("Theo tỉnh", "Provinces"), note: note, columns: columns, rows: rows)
    }

    func topBottomTable(_ provinces: ReportTable) -> ReportTable {
        let ranked = provinces.rows.filter { $0[0].number != nil }
        let index = { (id: String) in provinces.columns.firstIndex { $0.id == id } }
        let share = index("share")!
        let change = index("change")
        let columns =
            [
                ReportColumn("group", t("Nhóm", "Group"), .text), ReportColumn("rank", t("Xếp hạng", "Rank"), .integer),
                ReportColumn("province", t("Tỉnh, thành phố", "Province"), .text),
                ReportColumn("share", t("Tỷ lệ hài lòng (%)", "Satisfied (%)"), .percent),
            ]
            + (change != nil ? [ReportColumn("change", t("Thay đổi (điểm %)", "Change (points)"), .change)] : [])
        func row(_ label: String, _ r: [ReportValue]) -> [ReportValue] {
            [.text(label), r[0], r[2], r[share]] + (change.map { [r[$0]] } ?? [])
        }
        let count = min(5, ranked.count / 2)
        let rows =
            ranked.prefix(count).map { row(t("5 cao nhất", "Top 5"), $0) }
            + ranked.suffix(count).map { row(t("5 thấp nhất", "Bottom 5"), $0) }
        return ReportTable(
            id: "top_bottom", title: t("5 tỉnh cao nhất và 5 tỉnh thấp nhất", "Top 5 and bottom 5 provinces"),
            sheetName: t("Cao nhất, thấp nhất", "Top and bottom"), columns: columns, rows: rows)
    }

    func elementTable(_ current: [Key: IndicatorResult], _ compared: [Key: YearComparison.Row]) -> ReportTable {
        var columns = [
            ReportColumn("level", t("Cấp", "Level"), .text),
            ReportColumn("id", t("Mã", "Id"), .text, machineOnly: true),
            ReportColumn("indicator", t("Yếu tố, tiêu chí", "Element, criterion"), .text),
        ]
        columns += estimateColumns(previous: true)
        columns += [
            ReportColumn("mean", t("Điểm TB", "Mean score"), .score),
            ReportColumn("n_excluded", t("Không biết/KAD", "Don't know/NA"), .integer),
        ]
        columns += rangeColumns
        let rows = orderedIndicators.filter { $0.level != .overall }.map { indicator -> [ReportValue] in
            let key = Key(group: .all, indicator: indicator.id, statistic: .share)
            let estimate = current[key]?.estimate
            let mean = current[Key(group: .all, indicator: indicator.id, statistic: .mean)]?.estimate
            return [.text(labeler.levelLabel(of: indicator)), .text(indicator.id), .text(labeler.label(of: indicator))]
                + estimateCells(estimate, compared[key], previous: true)
                + [(estimate?.n ?? 0) < input.minimumN ? .suppressed : .of(mean?.value), .of(estimate?.nExcluded)]
                + rangeCells(current, indicator: indicator.id)
        }
        return ReportTable(
            id: "elements", title: t("Theo lĩnh vực, yếu tố và tiêu chí", "By area, element and criterion"),
            sheetName: t("Yếu tố, tiêu chí", "Elements"), columns: columns, rows: rows)
    }

    /// One table per breakdown other than the province (sector, agency level …).
    func breakdownTables(_ current: [Key: IndicatorResult], _ compared: [Key: YearComparison.Row]) -> [ReportTable] {
        let variables = input.result.results.map(\.group.variable).reduce(into: [String]()) {
            if !$0.contains($1) { $0.append($1) }
        }
        return variables.filter { variable in
            variable != Group.all.variable && variable != input.provinceColumn
                && variable != AgencyRanking.breakdown(for: input.instrument)
                && !variable.split(separator: "*").contains { input.identifyingColumns.contains(String($0)) }
        }.map { variable in
            let name = labeler.label(ofVariable: variable)
            var columns = [ReportColumn("code", t("Mã", "Code"), .text), ReportColumn("group", name, .text)]
            columns += estimateColumns(previous: true)
            columns.append(ReportColumn("note", t("Ghi chú", "Note"), .text))
            let rows = groups(of: variable).map { group -> [ReportValue] in
                let key = Key(group: group, indicator: "overall", statistic: .share)
                let estimate = current[key]?.estimate
                return [.text(group.values.joined(separator: "*")), .text(labeler.label(of: group))]
                    + estimateCells(estimate, compared[key], previous: true) + [smallNote(estimate)]
            }
            let id = "by_" + variable.map { $0.isLetter || $0.isNumber ? String($0) : "_" }.joined()
            return ReportTable(
                id: id, title: t("Chỉ số chung theo ", "Overall index by ") + name,
                sheetName: sheetName(variable: variable, label: name), columns: columns, rows: rows)
        }
    }
}
