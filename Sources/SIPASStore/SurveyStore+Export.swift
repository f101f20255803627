import Foundation
import SIPASCore

/// The CSV both stores export: `_batch`, `_file`, `_row`, the weight, stratum and cluster, then the
/// attributes and the items of the layout (a "don't know" code as its code).
public struct StoreCSVFormat: Sendable {
    let writer = CSVWriter()
    let names: [String: String]

    /// `selection`'s batches name the records' files.
    public init(_ selection: SelectionSummary) {
        names = Dictionary(selection.batches.map { ($0.fileName, $0.name) }, uniquingKeysWith: { first, _ in first })
    }

    public func header(_ layout: RecordLayout) -> String {
        writer.line(
            ["_batch", "_file", "_row", "_weight", "_stratum", "_cluster"] + layout.attributeNames + layout.items)
    }

    /// One record's line; `batch` overrides the name found from the record's file.
    public func line(_ record: ResponseRecord, batch: String? = nil) -> String {
        let answers = record.answers.map { answer -> String in
            switch answer {
            case .blank: return ""
            case .code(let code), .excluded(let code): return String(code)
            }
        }
        let file = record.location.file
        let fields = [
            batch ?? names[file] ?? "", file, String(record.location.row ?? 0), String(record.weight), record.stratum,
            record.cluster,
        ]
        return writer.line(fields + record.attributes + answers)
    }
}

extension SurveyStore {
    /// Writes the selected responses as CSV (``StoreCSVFormat``), one line at a time.
    /// - Complexity: O(rows), streamed.
    public func exportCSV(
        _ selection: SelectionSummary, year: Int?, layout: RecordLayout,
        write: (String) throws -> Void
    ) throws {
        let format = StoreCSVFormat(selection)
        try write(format.header(layout))
        try forEachRecord(in: selection, year: year, layout: layout) { try write(format.line($0)) }
    }
}
