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
    /// quoting, LF, CR LF or lone CR line ends, a row holding only delimiters (or nothing) left out as
    /// the importer leaves it out; nil when the header has no `data_source` column.
    ///
    /// Hand-written: the record reader makes a string of every cell of every row, which took
    /// longer than the whole analysis on the fast path, for one field per row. The loop keeps its
    /// state in locals and notes where the marker field lies instead of copying it.
    static func scanProvenance(_ file: URL, delimiter: UInt8) throws -> DataProvenance? {
        let data = try Data(contentsOf: file, options: .alwaysMapped)
        return data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> DataProvenance? in
            let bytes = raw.bindMemory(to: UInt8.self)
            let n = bytes.count
            let quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
            let synthetic = Array(DataProvenance.syntheticValue.utf8)
            var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            var target = -1, headerDone = false
            var header: [[UInt8]] = [[]]
            var synthetics = 0, rows = 0
            // The current record: its field index, whether a cell is not empty, where the marker
            // field's content lies (and whether it held a doubled quote).
            var index = 0, filled = false, start = -1, end = -1, escaped = false
            while i < n {
                let b = bytes[i]
                if b == quote {
                    // A quoted field: up to the closing quote; "" inside is one quote.
                    let first = i + 1
                    var doubled = false
                    i += 1
                    while i < n {
                        if bytes[i] == quote {
                            if i + 1 < n, bytes[i + 1] == quote { doubled = true; i += 2; continue }
                            break
                        }
                        i += 1
                    }
                    if i > first || doubled { filled = true }
                    if !headerDone {
                        header[header.count - 1] += bytes[first..<min(i, n)]
                    } else if index == target {
                        (start, end, escaped) = (first, min(i, n), doubled)
                    }
                    i += 1
                    continue
                }
                if b == delimiter {
                    index += 1
                    if !headerDone { header.append([]) }
                } else if b == lf || (b == cr && (i + 1 >= n || bytes[i + 1] != lf)) {
                    if !headerDone {
                        let name = Array(DataProvenance.column.utf8)
                        target = header.firstIndex { $0.drop { $0 == 0x20 }.reversed().drop { $0 == 0x20 }.reversed() == name } ?? -1
                        guard target >= 0 else { return nil }
                        headerDone = true
                    } else if filled {
                        rows += 1
                        if Self.equals(bytes, start, end, escaped, synthetic) { synthetics += 1 }
                    }
                    (index, filled, start, end, escaped) = (0, false, -1, -1, false)
                } else if b != cr {
                    filled = true
                    if !headerDone {
                        header[header.count - 1].append(b)
                    } else if index == target {
                        if start < 0 { start = i }
                        end = i + 1
                    }
                }
                i += 1
            }
            guard headerDone else { return nil }
            if filled {
                rows += 1
                if Self.equals(bytes, start, end, escaped, synthetic) { synthetics += 1 }
            }
            return DataProvenance(syntheticRows: synthetics, rows: rows)
        }
    }

    /// Whether `bytes[start..<end]` (a field without doubled quotes) is `value`. A function of its
    /// own, not a closure over the scan's locals, which would keep them in heap boxes.
    @inline(__always)
    private static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ escaped: Bool, _ value: [UInt8]) -> Bool {
        guard start >= 0, !escaped, end - start == value.count else { return false }
        return value.withUnsafeBufferPointer { memcmp(bytes.baseAddress! + start, $0.baseAddress!, value.count) == 0 }
    }
}
