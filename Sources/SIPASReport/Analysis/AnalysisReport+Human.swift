import SIPASCore
import SIPASStats
import TextTable

extension AnalysisReport {
    /// The terminal table or Markdown: the whole sample by indicator, then one table per breakdown.
    func humanText(markdown: Bool) -> String {
        let language = labeler.language
        let numbers = NumberStyle.human(language)
        let style: TextTableStyle.Type = markdown ? Style.pipe : Style.simple
        func s(_ message: ReportMessage) -> String { message.text(language) }
        func heading(_ text: String) -> String {
            markdown ? "## \(text)\n\n" : "\(text)\n\(String(repeating: "=", count: text.count))\n"
        }
        func cell(_ text: String) -> String { markdown ? text.replacingOccurrences(of: "|", with: "\\|") : text }
        func ci(_ e: Estimate?, scale: Double, digits: Int) -> String {
            guard let e, let low = e.ciLow, let high = e.ciHigh else { return "–" }
            return numbers.format(low * scale, digits: digits) + "–" + numbers.format(high * scale, digits: digits)
        }

        var out = ""
        let title = "\(labeler.instrument.title.text(language)) — \(sources.joined(separator: ", "))"
        out += markdown ? "# \(title)\n\n" : "\(title)\n\n"
        if let banner = provenance.banner(language) {
            out += markdown ? "> **\(banner)**\n\n" : "*** \(banner) ***\n\n"
        }
        let d = result.design
        out +=
            "\(s(.design)): \(d.records) \(s(.records)), \(d.strata) \(s(.strata)), \(d.psus) \(s(.psus)), \(d.degreesOfFreedom) \(s(.df)). "
        out += "\(s(.rows)) \(rowsRead): \(accepted) \(s(.accepted)), \(rejected) \(s(.rejected)).\n"
        let method: String
        switch result.nationalMethod {
        case .pooled: method = s(.pooled)
        case .meanOfUnits(let attribute): method = "\(s(.meanOfUnits)) (\(attribute))"
        }
        // The share intervals' method as the records state it (`--ci`); mean scores always use t.
        let shareMethods = Set(
            result.results.compactMap { $0.estimate?.ciMethod }.filter { $0 != .t && $0 != .clopperPearsonEdge })
        let ciMethods = shareMethods.map(\.rawValue).sorted().joined(separator: ", ")
        out +=
            "\(s(.nationalMethod)): \(method). \(s(.ci)): \(result.design.lonelyPSU == "fail" ? "" : "lonely PSU \(result.design.lonelyPSU); ")t(df)\(ciMethods.isEmpty ? "" : ", " + ciMethods).\n"
        if let c = result.calibration {
            let gap = String(format: "%.1e", c.largestMarginGap)
            out +=
                language == .vi
                ? "Hiệu chỉnh trọng số (\(c.method.rawValue), \(c.variables.joined(separator: ", "))): \(c.iterations) vòng, sai lệch biên lớn nhất \(gap).\n"
                : "Calibration (\(c.method.rawValue), \(c.variables.joined(separator: ", "))): \(c.iterations) sweeps, largest margin gap \(gap).\n"
        }
        out += "\n"

        // Whole sample: every indicator (items only on request).
        let all = rows(of: .all)
        let shown = indicators.filter { includeItems || $0.level != .item }
        let table = TextTable<Indicator> { indicator in
            let share = all[indicator.id]?[.share]?.estimate
            let mean = all[indicator.id]?[.mean]?.estimate
            return [
                Column(title: s(.level), value: labeler.levelLabel(of: indicator)),
                Column(title: s(.indicator), value: cell(labeler.label(of: indicator))),
                Column(title: s(.share), value: numbers.format(share.map { $0.value * 100 }, digits: 2), align: .right),
                Column(title: s(.ci), value: ci(share, scale: 100, digits: 2), align: .right),
                Column(title: s(.mean), value: numbers.format(mean?.value, digits: 2), align: .right),
                Column(title: s(.n), value: share.map { String($0.n) } ?? "0", align: .right),
            ]
        }
        out += heading(s(.national))
        out += (table.string(for: shown, style: style) ?? "") + "\n"

        // One table per breakdown: the overall index and each area, by level.
        let areas = indicators.filter { $0.level == .area }
        let headline = indicators.filter { $0.level == .overall } + (areas.count > 1 ? areas : [])
        for (variable, groups) in groupsByVariable where variable != Group.all.variable && variable != agencyVariable {
            let byGroup = Dictionary(uniqueKeysWithValues: groups.map { ($0, rows(of: $0)) })
            let breakdownTable = TextTable<Group> { group in
                var columns = [
                    Column(title: labeler.label(ofVariable: variable), value: cell(labeler.label(of: group)))
                ]
                for indicator in headline {
                    let share = byGroup[group]?[indicator.id]?[.share]?.estimate
                    let name = labeler.label(of: indicator)
                    columns.append(
                        Column(
                            title: "\(name) (%)", value: numbers.format(share.map { $0.value * 100 }, digits: 2),
                            align: .right))
                    if indicator.level == .overall {
                        columns.append(Column(title: s(.ci), value: ci(share, scale: 100, digits: 2), align: .right))
                    }
                }
                let n = byGroup[group]?["overall"]?[.share]?.estimate?.n ?? 0
                columns.append(Column(title: s(.n), value: String(n), align: .right))
                return columns
            }
            out += heading("\(s(.byGroup)) \(labeler.label(ofVariable: variable))")
            out += (breakdownTable.string(for: groups, style: style) ?? "") + "\n"
        }
        out += agencyText(markdown: markdown)
        if let targets { out += targets.render(labeler: labeler, markdown: markdown) }
        return out
    }
}
