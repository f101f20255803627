import Foundation
import SIPASCore
import SIPASStats

extension AnalysisReport {
    /// One machine-readable record per group × indicator × statistic. Shares are in percent.
    public struct Record: Codable, Hashable, Sendable {
        public var groupVariable: String
        public var groupValue: String
        public var groupLabel: String
        public var indicator: String
        public var level: String
        public var indicatorLabel: String
        public var statistic: String
        public var unit: String
        public var estimate: Double?
        public var standardError: Double?
        public var ciLow: Double?
        public var ciHigh: Double?
        public var ciMethod: String?
        public var df: Int?
        public var n: Int
        public var nExcluded: Int
        public var note: String?

        enum CodingKeys: String, CodingKey {
            case groupVariable = "group_variable"
            case groupValue = "group_value"
            case groupLabel = "group_label"
            case indicator, level
            case indicatorLabel = "indicator_label"
            case statistic, unit, estimate
            case standardError = "se"
            case ciLow = "ci_low"
            case ciHigh = "ci_high"
            case ciMethod = "ci_method"
            case df, n
            case nExcluded = "n_excluded"
            case note
        }
    }

    /// The records, in result order.
    public var records: [Record] {
        result.results.map { row in
            let scale = row.statistic == .share ? 100.0 : 1.0
            let e = row.estimate
            return Record(
                groupVariable: row.group.variable, groupValue: row.group.values.joined(separator: "*"),
                groupLabel: labeler.label(of: row.group), indicator: row.indicator.id,
                level: row.indicator.level.rawValue,
                indicatorLabel: labeler.label(of: row.indicator), statistic: row.statistic.rawValue,
                unit: row.statistic == .share ? "percent" : "score",
                estimate: e.map { $0.value * scale }, standardError: e.map { $0.standardError * scale },
                ciLow: e?.ciLow.map { $0 * scale }, ciHigh: e?.ciHigh.map { $0 * scale },
                ciMethod: e?.ciMethod.rawValue, df: e?.degreesOfFreedom, n: e?.n ?? 0, nExcluded: e?.nExcluded ?? 0,
                note: row.note
            )
        }
    }

    func csvText() -> String {
        let writer = CSVWriter()
        var out = writer.line([
            "group_variable", "group_value", "group_label", "indicator", "level", "indicator_label",
            "statistic", "unit", "estimate", "se", "ci_low", "ci_high", "ci_method", "df", "n",
            "n_excluded", "note", DataProvenance.column,
        ])
        func number(_ value: Double?) -> String { value.map { String(format: "%.10g", $0) } ?? "" }
        for r in records {
            out += writer.line([
                r.groupVariable, r.groupValue, r.groupLabel, r.indicator, r.level, r.indicatorLabel,
                r.statistic, r.unit, number(r.estimate), number(r.standardError), number(r.ciLow),
                number(r.ciHigh), r.ciMethod ?? "", r.df.map(String.init) ?? "", String(r.n),
                String(r.nExcluded), r.note ?? "", provenance.value,
            ])
        }
        return out
    }

    struct Document: Encodable {
        var sipasVersion: String
        var instrument: String
        var methodVersion: String
        var sources: [String]
        var rowsRead: Int
        var accepted: Int
        var rejected: Int
        var design: MachineRecords.DesignRecord
        var nationalMethod: String
        var confidenceLevel: Double
        var language: String
        var records: [Record]
        var targetPlan: String?
        var targetScope: MachineRecords.ScopeRecord?
        var targets: [MachineRecords.TargetRecord]?
        var calibration: CalibrationSummary?
        var dataSource: String
        var dataSourceNote: String?

        enum CodingKeys: String, CodingKey {
            case sipasVersion = "sipas_version"
            case instrument
            case methodVersion = "method_version"
            case sources
            case rowsRead = "rows_read"
            case accepted, rejected, design, calibration
            case nationalMethod = "national_method"
            case confidenceLevel = "confidence_level"
            case language, records
            case targetPlan = "target_plan"
            case targetScope = "target_scope"
            case targets
            case dataSource = "data_source"
            case dataSourceNote = "data_source_note"
        }
    }

    func jsonText() throws -> String {
        let document = Document(
            sipasVersion: SIPASVersion.string, instrument: result.instrumentId,
            methodVersion: labeler.instrument.methodVersion, sources: sources, rowsRead: rowsRead,
            accepted: accepted, rejected: rejected, design: .init(result.design),
            nationalMethod: result.nationalMethod.text,
            confidenceLevel: result.confidenceLevel, language: labeler.language.rawValue, records: records,
            targetPlan: targets?.plan.id, targetScope: targets.map { .init($0.scope, language: labeler.language) },
            targets: targets?.assessments.map { .init($0, language: labeler.language) },
            calibration: result.calibration,
            dataSource: provenance.value, dataSourceNote: provenance.banner(labeler.language)
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
    }
}
