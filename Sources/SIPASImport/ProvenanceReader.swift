import Foundation
import SIPASCore

extension CSVImporter {
    /// Counts the rows of `file` by its `data_source` column (``DataProvenance``): every data row
    /// (blank rows left out), whether accepted or rejected. A file without the column gives
    /// `DataProvenance(syntheticRows: 0, rows: rowsRead)` without reading it again.
    ///
    /// The column is metadata (kept aside by ``HeaderMatch``), so the importer's paths do not carry
    /// it; this one sequential pass reads only that field, and only for files that have the column.
    public func provenance(of file: URL, summary: ImportSummary) throws -> DataProvenance {
        guard summary.metadataColumns.contains(DataProvenance.column) else {
            return DataProvenance(syntheticRows: 0, rows: summary.rowsRead)
        }
        let source = try RecordSources.open(file, options.source)
        let decoder = RecordSources.decoder(for: source)
        var counts: [String: Int] = [:]
        var column: Int?
        var synthetic = 0, rows = 0
        try source.forEachRecord { record in
            let cells = try decoder.decode(record, header: nil, counts: &counts).map(\.value)
            guard let at = column else {
                column = cells.firstIndex(of: DataProvenance.column)
                return
            }
            guard !cells.allSatisfy(\.isEmpty) else { return }
            rows += 1
            if at < cells.count, cells[at] == DataProvenance.syntheticValue { synthetic += 1 }
        }
        return DataProvenance(syntheticRows: synthetic, rows: rows)
    }
}
