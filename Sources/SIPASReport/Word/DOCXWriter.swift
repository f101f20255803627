import Foundation
import SIPASCore

/// Writes the report as a Word document (`.docx`, Office Open XML WordprocessingML): the title, the
/// synthetic-data banner when there is one, the subtitle, the highlights and every table as the
/// Markdown and HTML show them (same cell texts, internal-id columns left out), on A4 landscape.
///
/// Three parts zipped with ZIPFoundation (through ``XLSXWriter/archive(_:to:)``, so every part
/// carries the same fixed date and the same report gives the same bytes): `[Content_Types].xml`,
/// `_rels/.rels` and `word/document.xml`. Formatting is direct (bold, sizes, borders); heading
/// rows repeat on every page (`w:tblHeader`); numbers are right-aligned.
public enum DOCXWriter {
    public static func write(_ report: AnnualReport, to url: URL) throws {
        try XLSXWriter.archive(
            [
                ("[Content_Types].xml", contentTypes),
                ("_rels/.rels", relationships),
                ("word/document.xml", document(report)),
            ], to: url)
    }

    static let contentTypes =
        #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        + #"<Default Extension="xml" ContentType="application/xml"/>"#
        + #"<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>"#
        + "</Types>"

    static let relationships =
        #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>"#
        + "</Relationships>"

    /// One paragraph of one run; `size` in half-points.
    static func paragraph(
        _ text: String, bold: Bool = false, size: Int? = nil, color: String? = nil, right: Bool = false
    ) -> String {
        var properties = ""
        if bold { properties += "<w:b/>" }
        if let color { properties += "<w:color w:val=\"\(color)\"/>" }
        if let size { properties += "<w:sz w:val=\"\(size)\"/><w:szCs w:val=\"\(size)\"/>" }
        let run =
            "<w:r>" + (properties.isEmpty ? "" : "<w:rPr>\(properties)</w:rPr>")
            + "<w:t xml:space=\"preserve\">\(CellSafety.xml(text))</w:t></w:r>"
        return "<w:p>" + (right ? "<w:pPr><w:jc w:val=\"right\"/></w:pPr>" : "") + run + "</w:p>"
    }

    static func table(_ whole: ReportTable, report: AnnualReport) -> String {
        let table = whole.humanColumns
        let border = { (side: String) in "<w:\(side) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"999999\"/>" }
        var xml =
            "<w:tbl><w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblBorders>"
            + ["top", "left", "bottom", "right", "insideH", "insideV"].map(border).joined()
            + "</w:tblBorders></w:tblPr>"
        xml += "<w:tblGrid>" + String(repeating: "<w:gridCol/>", count: table.columns.count) + "</w:tblGrid>"
        xml += "<w:tr><w:trPr><w:tblHeader/></w:trPr>"
        for column in table.columns {
            xml += "<w:tc>" + paragraph(column.title, bold: true, size: 18, right: column.kind.isNumeric) + "</w:tc>"
        }
        xml += "</w:tr>"
        for row in table.rows {
            xml += "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
            for (column, value) in zip(table.columns, row) {
                let text = value.humanText(column.kind, language: report.language, minimumN: report.minimumN)
                xml += "<w:tc>" + paragraph(text, size: 18, right: column.kind.isNumeric) + "</w:tc>"
            }
            xml += "</w:tr>"
        }
        return xml + "</w:tbl>"
    }

    /// Tables longer than this are named in the document, not written out (they are in the workbook and the CSV files).
    static let maxRows = 200

    static func document(_ report: AnnualReport) -> String {
        var body = ""
        if let banner = report.banner { body += paragraph(banner, bold: true, size: 24, color: "B00020") }
        body += paragraph(report.title, bold: true, size: 32)
        body += paragraph(report.subtitle, size: 22, color: "555555")
        for line in report.highlights { body += paragraph("• " + line, size: 22) }
        for table in report.tables {
            body += paragraph(table.title, bold: true, size: 26)
            if let note = table.note { body += paragraph(note, size: 20) }
            guard table.rows.count <= maxRows else {
                // A table of hundreds of rows (the agencies of every province) is read in the
                // workbook; LibreOffice took minutes to lay out such a table in Word.
                body +=
                    paragraph(
                        ReportMessage.tableInWorkbook(rows: table.rows.count, id: table.id).text(report.language),
                        size: 20) + paragraph("")
                continue
            }
            body += self.table(table, report: report) + paragraph("")
        }
        // A4 landscape (297 × 210 mm in twentieths of a point), 2 cm margins.
        body +=
            "<w:sectPr><w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>"
            + "<w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" w:left=\"1134\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/></w:sectPr>"
        return #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
            + #"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"#
            + body + "</w:body></w:document>"
    }
}
