import SIPASCore
import SIPASInstruments
import SIPASStats

extension AnnualReportBuilder {
    // MARK: - Targets and key drivers

    func targetTable() -> ReportTable? {
        guard let targets = input.targets else { return nil }
        let columns = [
            ReportColumn("target", text(.target), .text),
            ReportColumn("threshold", text(.thresholdYear), .text),
            ReportColumn("unit", text(.unit), .text),
            ReportColumn("estimate", text(.estimatePercent), .percent),
            ReportColumn("ci_low", text(.ciLow), .percent),
            ReportColumn("ci_high", text(.ciHigh), .percent),
            ReportColumn("gap", text(.gapPoints), .change),
            ReportColumn("needed_per_year", text(.neededPerYearPoints), .score),
            ReportColumn("status", text(.statusCI), .text),
            ReportColumn("point_status", text(.pointEstimate), .text),
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
        let rule = text(.targetRule)
        return ReportTable(
            id: "targets",
            title: text(.targetsTitle(plan: targets.plan.plan.text(input.language))),
            sheetName: text(.targetsSheet),
            note: ([rule] + targets.notes(input.language)).joined(separator: " "),
            columns: columns, rows: rows)
    }

    func driverTable() -> ReportTable? {
        let columns = [
            ReportColumn("priority", text(.priority), .integer),
            ReportColumn("element", text(.element), .text),
            ReportColumn("effect", text(.effect), .score),
            ReportColumn("se", text(.se), .score), ReportColumn("p_value", "p", .probability),
            ReportColumn("mean", text(.mean), .score),
            ReportColumn("potential", text(.potential), .score),
        ]
        let title = text(.driversTitle)
        guard let drivers = input.drivers else {
            // Asked for but not computable: the table stays, saying why, with no rows.
            return input.driversUnavailable.map { reason in
                ReportTable(
                    id: "drivers", title: title, sheetName: text(.driversSheet),
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
            id: "drivers", title: title, sheetName: text(.driversSheet),
            note: text(
                .driversNote(
                    outcome: outcome, used: drivers.respondentsUsed, leftOut: drivers.respondentsLeftOut)),
            columns: columns, rows: rows)
    }

    // MARK: - Data-quality annex

    func qualityTables(_ current: [Key: IndicatorResult]) -> [ReportTable] {
        var tables: [ReportTable] = []
        let files = ReportTable(
            id: "quality_files", title: text(.filesTitle),
            sheetName: text(.filesSheet),
            section: .annex,
            columns: [
                ReportColumn("file", text(.file), .text), ReportColumn("year", text(.year), .text),
                ReportColumn("rows_read", text(.rows), .integer),
                ReportColumn("accepted", text(.rowsAccepted), .integer),
                ReportColumn("rejected", text(.rowsRejected), .integer),
                ReportColumn("rejected_percent", text(.rejectedShare), .percent),
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
                    .text(small ? text(.belowMinimum) : ""),
                ]
            }
            tables.append(
                ReportTable(
                    id: "quality_provinces",
                    title: text(.respondentsTitle),
                    sheetName: text(.respondentsSheet), section: .annex,
                    note: text(.minimumPerCell(minimumN: input.minimumN)),
                    columns: [
                        ReportColumn("code", text(.code), .text),
                        ReportColumn("province", text(.province), .text),
                        ReportColumn("n", "n", .integer), ReportColumn("flag", text(.warning), .text),
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
                id: "quality_items", title: text(.itemsTitle),
                sheetName: text(.itemsSheet), section: .annex,
                note: text(.itemsNote),
                columns: [
                    ReportColumn("item", text(.item), .text),
                    ReportColumn("label", text(.itemLabel), .text),
                    ReportColumn("n_valid", text(.valid), .integer),
                    ReportColumn("n_excluded", text(.excluded), .integer),
                    ReportColumn("n_blank", text(.blank), .integer),
                    ReportColumn("nonresponse", text(.nonResponse), .percent),
                ],
                rows: items))

        let small = input.result.results.filter { row in
            row.statistic == .share && !row.group.isAll && row.indicator.level != .item
                && (row.estimate?.n ?? 0) < input.minimumN && row.estimate != nil
        }
        tables.append(
            ReportTable(
                id: "quality_small_cells",
                title: text(.smallCellsTitle),
                sheetName: text(.smallCellsSheet), section: .annex,
                note: small.isEmpty
                    ? text(.noSmallCells(minimumN: input.minimumN)) : text(.smallCellsSuppressed),
                columns: [
                    ReportColumn("breakdown", text(.breakdown), .text),
                    ReportColumn("group", text(.group), .text),
                    ReportColumn("indicator", text(.indicator), .text), ReportColumn("n", "n", .integer),
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
        case .pooled: nationalMethodText = text(.pooledEstimate)
        case .meanOfUnits(let attribute):
            nationalMethodText = text(.meanOfUnitsMethod(attribute: attribute))
        }
        var rows: [(String, String)] = [
            (text(.instrument), "\(instrument.id): \(instrument.title.text(input.language))"),
            (text(.methodVersion), instrument.methodVersion),
            (
                text(.design),
                text(
                    .designValue(
                        records: d.records, strata: d.strata, psus: d.psus, df: d.degreesOfFreedom,
                        weight: instrument.design.weight ?? "–", strataColumn: instrument.design.strata ?? "–",
                        cluster: instrument.design.cluster ?? "–"))
            ),
            (
                text(.lonelyPSUs),
                d.lonelyPSU + (d.lonelyStrata.isEmpty ? "" : " (\(d.lonelyStrata.joined(separator: ", ")))")
            ),
            (text(.nationalMethod), nationalMethodText),
            (
                text(.confidenceInterval),
                text(.confidenceValue(level: Int((input.result.confidenceLevel * 100).rounded())))
            ),
            (text(.minimumNPerCell), String(input.minimumN)),
        ]
        if let store = input.store {
            let batches = input.files.compactMap { f in f.batch.map { "\($0) (\(f.name), \(f.year))" } }
            rows.append(
                (
                    text(.surveyStore),
                    text(.storeValue(store: store, batches: batches.joined(separator: ", ")))
                ))
        }
        for file in input.files {
            rows.append((text(.sha256(file: file.name)), file.sha256))
        }
        if let comparison = input.comparison {
            rows.append(
                (
                    text(.yearsCompared),
                    comparison.years.joined(separator: " → ") + " ("
                        + comparison.methodVersions.joined(separator: " → ") + ")"
                ))
            rows.append(
                (
                    text(.testOfChange),
                    text(.testOfChangeValue(adjustment: comparison.adjustment.rawValue))
                ))
        }
        rows.append((text(.sipasVersion), SIPASVersion.string))
        return ReportTable(
            id: "methodology", title: text(.methodologyTitle),
            sheetName: text(.methodologySheet),
            section: .annex,
            columns: [
                ReportColumn("item", text(.methodologyItem), .text),
                ReportColumn("value", text(.methodologyValue), .text),
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
            var line = text(.overallHighlight(value: numbers.format(e.value * 100, digits: 2)))
            if let low = e.ciLow, let high = e.ciHigh {
                line += text(
                    .ciHighlight(low: numbers.format(low * 100, digits: 2), high: numbers.format(high * 100, digits: 2))
                )
            }
            if let change = compared[key]?.latestChange, let previousLabel {
                let points = change.estimate * 100
                let shown = numbers.format(abs(points), digits: 2)
                line += text(
                    points >= 0
                        ? .risenSince(points: shown, year: previousLabel)
                        : .fallenSince(points: shown, year: previousLabel))
            }
            lines.append(line + ".")
        }
        if let provinces, let share = provinces.columns.firstIndex(where: { $0.id == "share" }) {
            let ranked = provinces.rows.filter { $0[0].number != nil }
            if let top = ranked.first, let bottom = ranked.last, case .text(let topName) = top[2],
                case .text(let bottomName) = bottom[2]
            {
                lines.append(
                    text(
                        .highestAndLowest(
                            highest: topName, highestShare: numbers.format(top[share].number, digits: 2),
                            lowest: bottomName, lowestShare: numbers.format(bottom[share].number, digits: 2))))
            }
        }
        if let m = input.comparison?.movements.first(where: { $0.variable == input.provinceColumn }) {
            lines.append(text(.provinceMovements(m)))
        }
        if let first = input.drivers?.drivers.max(by: { $0.potential < $1.potential }) {
            lines.append(text(.improveFirst(element: first.label.text(input.language))))
        }
        return lines
    }

    func charts(_ current: [Key: IndicatorResult], _ compared: [Key: YearComparison.Row], provinces: ReportTable?)
        -> ReportCharts
    {
        var charts = ReportCharts()
        charts.axisTitle = text(.share)
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
