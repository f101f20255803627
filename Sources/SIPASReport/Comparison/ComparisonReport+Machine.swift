import Foundation
import SIPASCore
import SIPASStats

extension ComparisonReport {
    /// One machine-readable record per group × indicator × statistic. Shares and changes in percent
    /// (points), means in score points.
    public struct Record: Codable, Hashable, Sendable {
        public var groupVariable: String
        public var groupValue: String
        public var groupLabel: String
        public var indicator: String
        public var statistic: String
        public var estimates: [Double?]
        public var standardErrors: [Double?]
        public var change: Double?
        public var changeSE: Double?
        public var changeCILow: Double?
        public var changeCIHigh: Double?
        public var df: Int?
        public var pValue: Double?
        public var pAdjusted: Double?
        public var significant: Bool
        public var ranks: [Int?]
        public var rankChange: Int?
        public var methodBreak: Bool

        enum CodingKeys: String, CodingKey {
            case groupVariable = "group_variable"
            case groupValue = "group_value"
            case groupLabel = "group_label"
            case indicator, statistic
            case estimates
            case standardErrors = "se"
            case change
            case changeSE = "change_se"
            case changeCILow = "change_ci_low"
            case changeCIHigh = "change_ci_high"
            case df
            case pValue = "p_value"
            case pAdjusted = "p_adjusted"
            case significant, ranks
            case rankChange = "rank_change"
            case methodBreak = "method_break"
        }
    }

    public var records: [Record] {
        comparison.rows.map { row in
            let scale = row.statistic == .share ? 100.0 : 1.0
            let d = row.latestChange
            return Record(
                groupVariable: row.group.variable, groupValue: row.group.values.joined(separator: "*"),
                groupLabel: labeler.label(of: row.group),
                indicator: row.indicator.id, statistic: row.statistic.rawValue,
                estimates: row.estimates.map { $0.map { $0.value * scale } },
                standardErrors: row.estimates.map { $0.map { $0.standardError * scale } },
                change: d.map { $0.estimate * scale }, changeSE: d.map { $0.standardError * scale },
                changeCILow: d?.ciLow.map { $0 * scale }, changeCIHigh: d?.ciHigh.map { $0 * scale },
                df: d?.degreesOfFreedom,
                pValue: d?.pValue, pAdjusted: row.adjustedPValue, significant: row.isSignificant(), ranks: row.ranks,
                rankChange: row.rankChange, methodBreak: comparison.methodBreak
            )
        }
    }

    func csv() -> String {
        let writer = CSVWriter()
        let years = comparison.years
        var out = writer.line(
            ["group_variable", "group_value", "group_label", "indicator", "statistic"]
                + years.map { "estimate_\($0)" } + years.map { "se_\($0)" }
                + [
                    "change", "change_se", "change_ci_low", "change_ci_high", "df", "p_value", "p_adjusted",
                    "significant",
                ]
                + years.map { "rank_\($0)" } + ["rank_change", "method_break", DataProvenance.column])
        func n(_ v: Double?) -> String { v.map { String(format: "%.10g", $0) } ?? "" }
        for r in records {
            out += writer.line(
                [r.groupVariable, r.groupValue, r.groupLabel, r.indicator, r.statistic] + r.estimates.map(n)
                    + r.standardErrors.map(n)
                    + [
                        n(r.change), n(r.changeSE), n(r.changeCILow), n(r.changeCIHigh), r.df.map(String.init) ?? "",
                        n(r.pValue), n(r.pAdjusted), String(r.significant),
                    ]
                    + r.ranks.map { $0.map(String.init) ?? "" } + [
                        r.rankChange.map(String.init) ?? "", String(r.methodBreak), provenance.value,
                    ])
        }
        return out
    }

    struct Document: Encodable {
        var sipasVersion: String
        var years: [String]
        var sources: [String]
        var methodVersions: [String]
        var methodBreak: Bool
        var regrouped: [String]
        var adjustment: String
        var movements: [MachineRecords.MovementRecord]
        var records: [Record]
        var nationalBaselines: [MachineRecords.BaselineRecord]
        var targetPlan: String?
        var targetScope: MachineRecords.ScopeRecord?
        var targets: [MachineRecords.TargetRecord]?
        var dataSource: String
        var dataSourceNote: String?

        enum CodingKeys: String, CodingKey {
            case sipasVersion = "sipas_version"
            case years, sources
            case methodVersions = "method_versions"
            case methodBreak = "method_break"
            case regrouped, adjustment, movements, records
            case nationalBaselines = "national_baselines"
            case targetPlan = "target_plan"
            case targetScope = "target_scope"
            case targets
            case dataSource = "data_source"
            case dataSourceNote = "data_source_note"
        }
    }

    func json() throws -> String {
        let document = Document(
            sipasVersion: SIPASVersion.string, years: comparison.years, sources: sources,
            methodVersions: comparison.methodVersions, methodBreak: comparison.methodBreak, regrouped: regrouped,
            adjustment: comparison.adjustment.rawValue, movements: comparison.movements.map { .init($0) },
            records: records,
            nationalBaselines: baselines.map { .init($0) }, targetPlan: targets?.plan.id,
            targetScope: targets.map { .init($0.scope, language: labeler.language) },
            targets: targets?.assessments.map { .init($0, language: labeler.language) },
            dataSource: provenance.value, dataSourceNote: provenance.banner(labeler.language))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
    }
}
