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
        if !summary.isWorkbook, summary.encoding == .utf8 || summary.encoding == .utf8BOM,
           let counted = try Self.scanProvenance(file, delimiter: summary.delimiter) {
            return counted
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

    /// ``provenance(of:summary:)`` for a UTF-8 CSV file, on its bytes (mapped, one pass): RFC 4180
    /// quoting, LF, CR LF or lone CR line ends, a row holding only delimiters (or nothing) left out as the
    /// importer leaves it out; nil when the header has no `data_source` column.
    ///
    /// Hand-written: the record reader makes a string of every cell of every row, which took
    /// longer than the whole analysis on the fast path, for one field per row.
    static func scanProvenance(_ file: URL, delimiter: UInt8) throws -> DataProvenance? {
        let data = try Data(contentsOf: file, options: .alwaysMapped)
        return data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> DataProvenance? in
            let bytes = raw.bindMemory(to: UInt8.self)
            let quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
            let synthetic = Array(DataProvenance.syntheticValue.utf8)
            var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            var header: [[UInt8]] = [], field: [UInt8] = []
            var target: Int?
            var synthetics = 0, rows = 0
            // Per record: the field index, whether a cell is not empty, the target field's bytes.
            var index = 0, filled = false, value: [UInt8] = []
            var inHeader = true
            func endField() {
                if inHeader { header.append(field); field.removeAll(keepingCapacity: true) }
                index += 1
            }
            func endRecord() {
                if inHeader {
                    header.append(field)
                    let name = Array(DataProvenance.column.utf8)
                    target = header.firstIndex { $0.drop { $0 == 0x20 }.reversed().drop { $0 == 0x20 }.reversed() == name }
                    inHeader = false
                } else if filled {
                    rows += 1
                    if value == synthetic { synthetics += 1 }
                }
                index = 0
                filled = false
                value.removeAll(keepingCapacity: true)
                field.removeAll(keepingCapacity: true)
            }
            let n = bytes.count
            while i < n {
                let b = bytes[i]
                if b == quote {
                    // A quoted field: up to the closing quote; "" inside is one quote.
                    i += 1
                    while i < n {
                        let c = bytes[i]
                        if c == quote {
                            if i + 1 < n, bytes[i + 1] == quote { i += 1 } else { break }
                        }
                        filled = true
                        if inHeader { field.append(c) } else if index == target { value.append(c) }
                        i += 1
                    }
                    i += 1
                    continue
                }
                if b == delimiter {
                    endField()
                } else if b == lf || (b == cr && (i + 1 >= n || bytes[i + 1] != lf)) {
                    endRecord()  // LF, or a lone CR (CR LF ends at its LF)
                } else if b != cr {
                    filled = true
                    if inHeader { field.append(b) } else if index == target { value.append(b) }
                }
                i += 1
            }
            if inHeader || filled || index > 0 { endRecord() }
            guard target != nil else { return nil }
            return DataProvenance(syntheticRows: synthetics, rows: rows)
        }
    }
}
