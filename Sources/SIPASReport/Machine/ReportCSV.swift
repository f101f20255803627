import Foundation
import SIPASCore

/// CSV of one report table: UTF-8, a header of column ids, numbers with a dot, text cells that
/// could start a spreadsheet formula neutralised (``CellSafety/spreadsheet(_:)``). With `bom`, the
/// text starts with a UTF-8 byte order mark so that Excel opens it as UTF-8.
///
/// The last column, `data_source`, holds `synthetic`, `mixed` or `survey` on every row
/// (``DataProvenance/value``): the marker survives filtering and concatenating rows, and the file
/// stays one header line and plain records.
public enum ReportCSV {
    public static func text(_ table: ReportTable, bom: Bool = false, provenance: DataProvenance = .init()) -> String {
        let writer = CSVWriter()
        var out = bom ? "\u{FEFF}" : ""
        out += writer.line(table.columns.map(\.id) + [DataProvenance.column])
        for row in table.rows {
            out += writer.line(row.map(\.machineText) + [provenance.value])
        }
        return out
    }
}
