import Foundation
import ZIPFoundation

/// General worksheets for workbooks other than the report's: the collection instruments (XLSForm,
/// data-entry workbook) are written through the same package parts as the report.
extension XLSXWriter {
    /// One cell: text (an inline string, written as given) or a number, with a style index of the
    /// workbook's style sheet.
    enum Cell: Sendable, Hashable {
        case empty
        case text(String, style: Int = 0)
        case number(String, style: Int = 0)
    }

    /// An Excel data validation (`<dataValidation>`, ECMA-376 CT_DataValidation) on a range.
    ///
    /// Formulas are written without a leading `=`; texts are cut to Excel's limits (prompt 255
    /// characters, error 224, titles 32: MS-OI29500 §2.1.613).
    struct Validation: Sendable, Hashable {
        enum Kind: String, Sendable { case none, whole, decimal, list, date, textLength, custom }
        var kind: Kind
        /// `between`, `greaterThan`, `greaterThanOrEqual`, `lessThan`, `lessThanOrEqual` …; nil for none, list, custom.
        var `operator`: String?
        var formula1: String?
        var formula2: String?
        /// The cells, e.g. `C2:C5001`.
        var range: String
        var promptTitle: String?
        var prompt: String?
        var errorTitle: String?
        var error: String?
        /// `stop` when nil (Excel's default: the value is refused), `warning` or `information`.
        var errorStyle: String? = nil

        var xml: String {
            func cut(_ text: String, _ limit: Int) -> String {
                text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
            }
            var attributes = "type=\"\(kind.rawValue)\""
            if let errorStyle { attributes += " errorStyle=\"\(errorStyle)\"" }
            if let op = `operator` { attributes += " operator=\"\(op)\"" }
            attributes += " allowBlank=\"1\" showInputMessage=\"1\" showErrorMessage=\"1\""
            if let errorTitle { attributes += " errorTitle=\"\(CellSafety.xml(cut(errorTitle, 32)))\"" }
            if let error {
                attributes +=
                    " error=\"\(CellSafety.xml(cut(error, 224)).replacingOccurrences(of: "\n", with: "&#10;"))\""
            }
            if let promptTitle { attributes += " promptTitle=\"\(CellSafety.xml(cut(promptTitle, 32)))\"" }
            if let prompt {
                attributes +=
                    " prompt=\"\(CellSafety.xml(cut(prompt, 255)).replacingOccurrences(of: "\n", with: "&#10;"))\""
            }
            attributes += " sqref=\"\(range)\""
            var body = ""
            if let formula1 { body += "<formula1>\(CellSafety.xml(formula1))</formula1>" }
            if let formula2 { body += "<formula2>\(CellSafety.xml(formula2))</formula2>" }
            return "<dataValidation \(attributes)>\(body)</dataValidation>"
        }
    }

    /// A worksheet: rows of cells from A1, column widths and default styles, frozen panes,
    /// validations, protection (cells whose style is not unlocked cannot be edited) and visibility.
    struct Sheet: Sendable {
        var name: String
        var rows: [[Cell]]
        var widths: [Double] = []
        /// The style of each column's empty cells (`<col style>`): the format a typed value takes.
        var columnStyles: [Int] = []
        var frozenRows = 0
        var frozenColumns = 0
        var validations: [Validation] = []
        var protected = false
        var hidden = false

        init(name: String, rows: [[Cell]]) {
            self.name = name
            self.rows = rows
        }

        /// The worksheet part, its elements in the order CT_Worksheet requires (sheetViews, cols,
        /// sheetData, sheetProtection, dataValidations).
        var xml: String {
            var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
            xml += #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
            if frozenRows > 0 || frozenColumns > 0 {
                let topLeft = "\(XLSXWriter.columnLetter(frozenColumns))\(frozenRows + 1)"
                let pane =
                    frozenRows > 0 && frozenColumns > 0 ? "bottomRight" : frozenRows > 0 ? "bottomLeft" : "topRight"
                var split = ""
                if frozenColumns > 0 { split += " xSplit=\"\(frozenColumns)\"" }
                if frozenRows > 0 { split += " ySplit=\"\(frozenRows)\"" }
                xml +=
                    "<sheetViews><sheetView workbookViewId=\"0\"><pane\(split) topLeftCell=\"\(topLeft)\" activePane=\"\(pane)\" state=\"frozen\"/>"
                xml +=
                    "<selection pane=\"\(pane)\" activeCell=\"\(topLeft)\" sqref=\"\(topLeft)\"/></sheetView></sheetViews>"
            }
            let columns = max(widths.count, columnStyles.count)
            if columns > 0 {
                xml += "<cols>"
                for i in 0..<columns {
                    let width = i < widths.count ? widths[i] : 10
                    let style = i < columnStyles.count ? " style=\"\(columnStyles[i])\"" : ""
                    xml +=
                        "<col min=\"\(i + 1)\" max=\"\(i + 1)\" width=\"\(String(format: "%.1f", width))\"\(style) customWidth=\"1\"/>"
                }
                xml += "</cols>"
            }
            xml += "<sheetData>"
            for (r, row) in rows.enumerated() {
                xml += "<row r=\"\(r + 1)\">"
                for (c, cell) in row.enumerated() {
                    let ref = "\(XLSXWriter.columnLetter(c))\(r + 1)"
                    switch cell {
                    case .empty: break
                    case .text(let text, let style): xml += XLSXWriter.inlineString(ref: ref, text: text, style: style)
                    case .number(let value, let style): xml += "<c r=\"\(ref)\" s=\"\(style)\"><v>\(value)</v></c>"
                    }
                }
                xml += "</row>"
            }
            xml += "</sheetData>"
            if protected { xml += #"<sheetProtection sheet="1" objects="1" scenarios="1"/>"# }
            if !validations.isEmpty {
                xml +=
                    "<dataValidations count=\"\(validations.count)\">" + validations.map(\.xml).joined()
                    + "</dataValidations>"
            }
            return xml + "</worksheet>"
        }
    }

    /// Writes `sheets` with the style sheet `styles` (a `styles.xml` part) to `url`.
    static func write(_ sheets: [Sheet], styles: String, to url: URL) throws {
        let names = sheetNames(sheets.map(\.name))
        var parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes(sheets: sheets.count)),
            ("_rels/.rels", rootRelationships),
            ("xl/workbook.xml", workbook(names, hidden: Set(sheets.indices.filter { sheets[$0].hidden }))),
            ("xl/_rels/workbook.xml.rels", workbookRelationships(sheets: sheets.count)),
            ("xl/styles.xml", styles),
        ]
        for (i, sheet) in sheets.enumerated() { parts.append(("xl/worksheets/sheet\(i + 1).xml", sheet.xml)) }
        try archive(parts, to: url)
    }

    /// Zips the parts into `url` (replacing it), every part dated ``fixedDate``.
    static func archive(_ parts: [(String, String)], to url: URL) throws {
        try? FileManager.default.removeItem(at: url)
        let archive = try Archive(url: url, accessMode: .create)
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: fixedDate,
                compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }
}
