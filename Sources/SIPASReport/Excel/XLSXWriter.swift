import Foundation

/// Writes the report's tables as an Excel workbook (`.xlsx`, Office Open XML SpreadsheetML).
///
/// No package available to sipas writes xlsx (the Swift packages here only read it), so the few
/// XML parts are written by hand and zipped with ZIPFoundation: one sheet per table, a bold
/// header row frozen in place, numbers stored as numbers with a number format by column kind
/// (`0.00`, `+0.00;-0.00;0.00`, `0`, `0.0000`), text as inline strings (Vietnamese kept as UTF-8),
/// every text cell neutralised against formulas (``CellSafety/spreadsheet(_:)``) and XML-escaped.
/// Suppressed cells hold the text "n<30"; missing cells are left empty. Columns marked
/// ``ReportColumn/machineOnly`` (internal ids) are left out.
///
/// Synthetic data: row 1 of every sheet holds the banner ("Dữ liệu mô phỏng — không phải kết quả
/// chính thức"), the column headings move to row 2, and the page header prints it too.
/// Every sheet prints on A4 landscape, fit to one page wide, its heading rows repeated on every
/// page (`_xlnm.Print_Titles`), the report title and page number in the footer.
public enum XLSXWriter {
    public static func write(_ report: AnnualReport, to url: URL) throws {
        let names = sheetNames(report.tables.map(\.sheetName))
        let headingRows = report.banner == nil ? 1 : 2
        var parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes(sheets: report.tables.count)),
            ("_rels/.rels", rootRelationships),
            ("xl/workbook.xml", workbook(names, printTitleRows: headingRows)),
            ("xl/_rels/workbook.xml.rels", workbookRelationships(sheets: report.tables.count)),
            ("xl/styles.xml", styles),
        ]
        for (i, table) in report.tables.enumerated() {
            parts.append(
                (
                    "xl/worksheets/sheet\(i + 1).xml",
                    sheet(table, minimumN: report.minimumN, banner: report.banner, title: report.title)
                ))
        }
        try archive(parts, to: url)
    }

    /// Every part carries the same date (1 January 2000, UTC), so the same report gives the same bytes.
    static let fixedDate = Date(timeIntervalSince1970: 946_684_800)

    /// Excel's rules for sheet names: at most 31 characters, none of `[]:*?/\`, unique (case-insensitive).
    static func sheetNames(_ wanted: [String]) -> [String] {
        var used = Set<String>()
        return wanted.map { name in
            var clean = String(name.map { "[]:*?/\\".contains($0) ? " " : $0 }.prefix(31)).trimmingCharacters(
                in: .whitespaces)
            if clean.isEmpty { clean = "Sheet" }
            var candidate = clean
            var k = 2
            while used.contains(candidate.lowercased()) {
                let suffix = " (\(k))"
                candidate = String(clean.prefix(31 - suffix.count)) + suffix
                k += 1
            }
            used.insert(candidate.lowercased())
            return candidate
        }
    }

    /// "A", "B", … "Z", "AA" for a 0-based column.
    static func columnLetter(_ index: Int) -> String {
        var n = index + 1
        var letters = ""
        while n > 0 {
            let r = (n - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + r))) + letters
            n = (n - 1) / 26
        }
        return letters
    }

    /// Style index (cellXfs) for a column kind; 1 is the bold header.
    static func style(_ kind: ReportColumn.Kind) -> Int {
        switch kind {
        case .text: return 0
        case .percent, .score: return 2
        case .change: return 3
        case .integer: return 4
        case .probability: return 5
        }
    }

    static func sheet(_ table: ReportTable, minimumN: Int, banner: String? = nil, title: String = "") -> String {
        let table = table.humanColumns
        let top = banner == nil ? 1 : 2
        let first = top + 1
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        xml += #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
        xml += #"<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>"#
        xml +=
            #"<sheetViews><sheetView workbookViewId="0"><pane ySplit="\#(top)" topLeftCell="A\#(first)" activePane="bottomLeft" state="frozen"/>"#
        xml += #"<selection pane="bottomLeft" activeCell="A\#(first)" sqref="A\#(first)"/></sheetView></sheetViews>"#
        xml += "<cols>"
        for (i, column) in table.columns.enumerated() {
            let longest =
                table.rows.map { row -> Int in
                    if case .text(let text) = row[i] { return text.count }
                    return 10
                }.max() ?? 10
            let width = min(max(Double(max(longest, min(column.title.count, 24))) * 1.1 + 2, 8), 60)
            xml += #"<col min="\#(i + 1)" max="\#(i + 1)" width="\#(String(format: "%.1f", width))" customWidth="1"/>"#
        }
        xml += "</cols><sheetData>"
        if let banner { xml += #"<row r="1">"# + inlineString(ref: "A1", text: banner, style: 1) + "</row>" }
        xml += #"<row r="\#(top)">"#
        for (i, column) in table.columns.enumerated() {
            xml += inlineString(ref: "\(columnLetter(i))\(top)", text: column.title, style: 1)
        }
        xml += "</row>"
        for (r, row) in table.rows.enumerated() {
            let rowNumber = r + first
            xml += #"<row r="\#(rowNumber)">"#
            for (i, value) in row.enumerated() {
                let ref = "\(columnLetter(i))\(rowNumber)"
                switch value {
                case .number(let number):
                    xml +=
                        #"<c r="\#(ref)" s="\#(style(table.columns[i].kind))"><v>\#(ReportValue.machineNumber(number))</v></c>"#
                case .text(let text):
                    if !text.isEmpty { xml += inlineString(ref: ref, text: CellSafety.spreadsheet(text), style: 0) }
                case .suppressed:
                    xml += inlineString(ref: ref, text: "n<\(minimumN)", style: 0)
                case .missing:
                    break
                }
            }
            xml += "</row>"
        }
        xml += "</sheetData>" + printSetup(header: banner, footer: title) + "</worksheet>"
        return xml
    }

    /// A4 (paperSize 9) landscape, one page wide and as many tall as needed; `header` printed at the
    /// top centre of every page, `footer` at the bottom left with "page/pages" at the right.
    static func printSetup(header: String?, footer: String) -> String {
        // Header and footer texts are format strings: "&" starts a code, so a literal "&" is "&&".
        func literal(_ text: String) -> String { CellSafety.xml(text.replacingOccurrences(of: "&", with: "&&")) }
        var xml = #"<printOptions horizontalCentered="1"/>"#
        xml += #"<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>"#
        xml += #"<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>"#
        xml += "<headerFooter>"
        if let header { xml += "<oddHeader>&amp;C&amp;B\(literal(header))</oddHeader>" }
        xml += "<oddFooter>&amp;L\(literal(footer))&amp;R&amp;P/&amp;N</oddFooter></headerFooter>"
        return xml
    }

    static func inlineString(ref: String, text: String, style: Int) -> String {
        #"<c r="\#(ref)" t="inlineStr" s="\#(style)"><is><t xml:space="preserve">\#(CellSafety.xml(text))</t></is></c>"#
    }

    static func contentTypes(sheets: Int) -> String {
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        xml += #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        xml += #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        xml += #"<Default Extension="xml" ContentType="application/xml"/>"#
        xml +=
            #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
        xml +=
            #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
        for i in 1...max(sheets, 1) {
            xml +=
                #"<Override PartName="/xl/worksheets/sheet\#(i).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        }
        return xml + "</Types>"
    }

    static let rootRelationships =
        #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>"#
        + "</Relationships>"

    /// The workbook part; sheets whose index is in `hidden` are hidden (`state="hidden"`). With
    /// `printTitleRows`, rows 1 to that row of every sheet are repeated on each printed page.
    static func workbook(_ names: [String], hidden: Set<Int> = [], printTitleRows: Int = 0) -> String {
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        xml +=
            #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>"#
        for (i, name) in names.enumerated() {
            let state = hidden.contains(i) ? #" state="hidden""# : ""
            xml += #"<sheet name="\#(CellSafety.xml(name))" sheetId="\#(i + 1)"\#(state) r:id="rId\#(i + 1)"/>"#
        }
        xml += "</sheets>"
        if printTitleRows > 0 {
            xml += "<definedNames>"
            for (i, name) in names.enumerated() {
                let quoted = "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
                xml +=
                    #"<definedName name="_xlnm.Print_Titles" localSheetId="\#(i)">"#
                    + CellSafety.xml("\(quoted)!$1:$\(printTitleRows)") + "</definedName>"
            }
            xml += "</definedNames>"
        }
        return xml + "</workbook>"
    }

    static func workbookRelationships(sheets: Int) -> String {
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        xml += #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        for i in 1...max(sheets, 1) {
            xml +=
                #"<Relationship Id="rId\#(i)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet\#(i).xml"/>"#
        }
        xml +=
            #"<Relationship Id="rId\#(sheets + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#
        return xml + "</Relationships>"
    }

    /// Fonts: 0 regular, 1 bold. Number formats 164–166 are custom. cellXfs: 0 text, 1 bold header,
    /// 2 `0.00`, 3 `+0.00;-0.00;0.00`, 4 `0`, 5 `0.0000`.
    static let styles =
        #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        + #"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
        + #"<numFmts count="3"><numFmt numFmtId="164" formatCode="0.00"/><numFmt numFmtId="165" formatCode="+0.00;-0.00;0.00"/><numFmt numFmtId="166" formatCode="0.0000"/></numFmts>"#
        + #"<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>"#
        + #"<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"#
        + #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
        + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
        + #"<cellXfs count="6"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
        + #"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>"#
        + #"<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
        + #"<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
        + #"<xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
        + #"<xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>"#
        + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
        + "</styleSheet>"
}
