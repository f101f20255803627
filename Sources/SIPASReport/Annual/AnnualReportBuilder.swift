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

    /// A text of the annual report, in the report's language.
    func text(_ message: AnnualMessage) -> String { message.text(input.language) }
    /// A label the analysis reports share, in the report's language.
    func text(_ message: ReportMessage) -> String { message.text(input.language) }

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
        guard input.instrument.family == "sipas" else { return text(.reportTitle(year: yearLabel)) }
        return text(.sipasTitle(year: yearLabel))
    }

    /// The sheet name of a breakdown table: "Theo " and the column's label when that fits Excel's
    /// 31 characters, else a short name chosen for the column, else whole words up to 31 characters.
    func sheetName(variable: String, label: String) -> String {
        let full = text(.byGroup) + " " + label
        if full.count <= 31 { return full }
        let chosen: [String: AnnualMessage] = [
            "sector": .byProcedureDomain, "agency_level": .byAgencyLevel, "agency": .byAgency, "agency_code": .byAgency,
        ]
        if let short = chosen[variable] { return text(short) }
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
            ReportColumn("share", text(.share), .percent),
            ReportColumn("ci_low", text(.ciLow), .percent),
            ReportColumn("ci_high", text(.ciHigh), .percent),
            ReportColumn("n", "n", .integer),
        ]
        if previous, let previousLabel {
            columns.append(ReportColumn("previous", text(.previousYear(previousLabel)), .percent))
            columns.append(ReportColumn("change", text(.changePoints), .change))
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
        return .text(text(.suppressed(n: n, minimumN: input.minimumN)))
    }

    // MARK: - Body tables

    func summaryTable(_ current: [Key: IndicatorResult], _ compared: [Key: YearComparison.Row]) -> ReportTable {
        var columns = [
            ReportColumn("indicator", text(.indicator), .text), ReportColumn("level", text(.level), .text),
        ]
        columns += estimateColumns(previous: true)
        columns.append(ReportColumn("mean", text(.mean), .score))
        let indicators = orderedIndicators.filter { $0.level == .overall || $0.level == .area }
        let rows = indicators.map { indicator -> [ReportValue] in
            let key = Key(group: .all, indicator: indicator.id, statistic: .share)
            let mean = current[Key(group: .all, indicator: indicator.id, statistic: .mean)]?.estimate
            return [.text(labeler.label(of: indicator)), .text(labeler.levelLabel(of: indicator))]
                + estimateCells(current[key]?.estimate, compared[key], previous: true) + [.of(mean?.value)]
        }
        let method =
            input.result.nationalMethod == .pooled
            ? text(.pooled)
            : text(.meanOfProvincesMethod)
        return ReportTable(
            id: "summary", title: text(.summaryTitle), sheetName: text(.summarySheet),
            note: text(.national) + ": " + method + ".", columns: columns, rows: rows)
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
            ReportColumn("rank", text(.rankColumn), .integer), ReportColumn("code", text(.code), .text),
            ReportColumn("province", text(.province), .text),
        ]
        columns += estimateColumns(previous: true)
        if previousLabel != nil {
            columns.append(
                ReportColumn("rank_previous", text(.previousRank(year: previousLabel!)), .integer))
            columns.append(ReportColumn("rank_change", text(.placesGained), .integer))
        }
        columns.append(ReportColumn("standing", text(.standing), .text))
        columns.append(ReportColumn("note", text(.note), .text))
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
        var note = text(.provinceRankRule)
        if !input.regrouped.isEmpty {
            note += " " + text(.previousYearRegrouped) + input.regrouped.joined(separator: "; ") + "."
        }
        if input.comparison?.methodBreak == true {
            note += " " + text(.methodBreakNote)
        }
        return ReportTable(
            id: "provinces", title: text(.provincesTitle),
            sheetName: text(.provincesSheet), note: note, columns: columns, rows: rows)
    }

    func topBottomTable(_ provinces: ReportTable) -> ReportTable {
        let ranked = provinces.rows.filter { $0[0].number != nil }
        let index = { (id: String) in provinces.columns.firstIndex { $0.id == id } }
        let share = index("share")!
        let change = index("change")
        let columns =
            [
                ReportColumn("group", text(.group), .text), ReportColumn("rank", text(.rankColumn), .integer),
                ReportColumn("province", text(.province), .text),
                ReportColumn("share", text(.share), .percent),
            ]
            + (change != nil ? [ReportColumn("change", text(.changePoints), .change)] : [])
        func row(_ label: String, _ r: [ReportValue]) -> [ReportValue] {
            [.text(label), r[0], r[2], r[share]] + (change.map { [r[$0]] } ?? [])
        }
        let count = min(5, ranked.count / 2)
        let rows =
            ranked.prefix(count).map { row(text(.top5), $0) }
            + ranked.suffix(count).map { row(text(.bottom5), $0) }
        return ReportTable(
            id: "top_bottom", title: text(.topBottomTitle),
            sheetName: text(.topBottomSheet), columns: columns, rows: rows)
    }

    func elementTable(_ current: [Key: IndicatorResult], _ compared: [Key: YearComparison.Row]) -> ReportTable {
        var columns = [
            ReportColumn("level", text(.level), .text),
            ReportColumn("id", text(.indicatorId), .text, machineOnly: true),
            ReportColumn("indicator", text(.elementCriterion), .text),
        ]
        columns += estimateColumns(previous: true)
        columns += [
            ReportColumn("mean", text(.mean), .score),
            ReportColumn("n_excluded", text(.excluded), .integer),
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
            id: "elements", title: text(.elementsTitle),
            sheetName: text(.elementsSheet), columns: columns, rows: rows)
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
            var columns = [ReportColumn("code", text(.code), .text), ReportColumn("group", name, .text)]
            columns += estimateColumns(previous: true)
            columns.append(ReportColumn("note", text(.note), .text))
            let rows = groups(of: variable).map { group -> [ReportValue] in
                let key = Key(group: group, indicator: "overall", statistic: .share)
                let estimate = current[key]?.estimate
                return [.text(group.values.joined(separator: "*")), .text(labeler.label(of: group))]
                    + estimateCells(estimate, compared[key], previous: true) + [smallNote(estimate)]
            }
            let id = "by_" + variable.map { $0.isLetter || $0.isNumber ? String($0) : "_" }.joined()
            return ReportTable(
                id: id, title: text(.overallIndexBy) + name,
                sheetName: sheetName(variable: variable, label: name), columns: columns, rows: rows)
        }
    }
}
