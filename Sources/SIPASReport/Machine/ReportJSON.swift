import Foundation
import SIPASCore

/// The report as JSON: metadata, highlights and every table with its columns and rows (one object
/// per row, keyed by column id). Numbers use a dot; missing cells are `null`; suppressed cells are
/// `null` and listed in the row's `_suppressed`.
public enum ReportJSON {
    public static func text(_ report: AnnualReport) throws -> String {
        var tables: [[String: Any]] = []
        for table in report.tables {
            let rows = table.rows.map { row -> [String: Any] in
                var object: [String: Any] = [:]
                var suppressed: [String] = []
                for (column, value) in zip(table.columns, row) {
                    switch value {
                    case .text(let text): object[column.id] = text
                    case .number(let number): object[column.id] = number
                    case .missing: object[column.id] = NSNull()
                    case .suppressed:
                        object[column.id] = NSNull()
                        suppressed.append(column.id)
                    }
                }
                if !suppressed.isEmpty { object["_suppressed"] = suppressed }
                return object
            }
            var entry: [String: Any] = [
                "id": table.id, "title": table.title, "section": table.section.rawValue,
                "columns": table.columns.map { column -> [String: Any] in
                    var object: [String: Any] = ["id": column.id, "title": column.title, "kind": column.kind.rawValue]
                    if column.machineOnly { object["machine_only"] = true }
                    return object
                },
                "rows": rows,
            ]
            if let note = table.note { entry["note"] = note }
            tables.append(entry)
        }
        let document: [String: Any] = [
            "sipas_version": SIPASVersion.string, "title": report.title, "subtitle": report.subtitle,
            "language": report.language.rawValue, "year": report.year, "previous_year": report.previousYear ?? NSNull(),
            "minimum_n": report.minimumN, "highlights": report.highlights, "tables": tables,
            "data_source": report.provenance.value, "data_source_note": report.banner ?? NSNull(),
        ]
        let data = try JSONSerialization.data(
            withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
