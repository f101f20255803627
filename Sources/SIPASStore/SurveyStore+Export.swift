import Foundation
import SIPASCore

extension SurveyStore {
    /// Writes the selected responses as CSV, one line at a time: `_batch`, `_file`, `_row`, the
    /// weight, stratum and cluster, then the attributes and the items of `layout` (a "don't know"
    /// code as its code).
    /// - Complexity: O(rows), streamed.
    public func exportCSV(_ selection: SelectionSummary, year: Int?, layout: RecordLayout,
                          write: (String) throws -> Void) throws {
        let writer = CSVWriter()
        try write(writer.line(["_batch", "_file", "_row", "_weight", "_stratum", "_cluster"] + layout.attributeNames + layout.items))
        let names = Dictionary(uniqueKeysWithValues: selection.batches.map { ($0.fileName, $0.name) })
        try forEachRecord(in: selection, year: year, layout: layout) { record in
            let answers = record.answers.map { answer -> String in
                switch answer {
                case .blank: return ""
                case .code(let code), .excluded(let code): return String(code)
                }
            }
            let file = record.location.file
            let fields = [names[file] ?? "", file, String(record.location.row ?? 0), String(record.weight), record.stratum, record.cluster]
            try write(writer.line(fields + record.attributes + answers))
        }
    }
}
