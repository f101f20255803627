import Foundation

/// The formats `sipas report` writes.
public enum AnnualReportFormat: String, Sendable, CaseIterable {
    /// `report.md`, from the Markdown template.
    case md
    /// `report.html`: one self-contained page (inline CSS and SVG, no script, no network).
    case html
    /// `report.xlsx`: one sheet per table.
    case xlsx
    /// `csv/<table>.csv`: one file per table.
    case csv
    /// `report.json`: every table.
    case json
    /// `responses.csv` + `responses.sps`: the accepted responses and the SPSS/PSPP syntax reading them.
    case sps
    /// `report.docx`: the report's tables as a Word document (A4 landscape).
    case docx
}

/// Writes an ``AnnualReport`` in the chosen formats into a folder and returns the files written.
public struct ReportWriter: Sendable {
    public var templates: ReportTemplates
    /// Start CSV files with a UTF-8 byte order mark (for Excel).
    public var bom: Bool

    public init(templates: ReportTemplates, bom: Bool = false) {
        self.templates = templates
        self.bom = bom
    }

    public func write(_ report: AnnualReport, formats: [AnnualReportFormat], spss: SPSSExport?, to directory: URL)
        throws -> [URL]
    {
        let files = FileManager.default
        try files.createDirectory(at: directory, withIntermediateDirectories: true)
        var written: [URL] = []
        func save(_ text: String, _ name: String) throws {
            let url = directory.appendingPathComponent(name)
            try Data(text.utf8).write(to: url)
            written.append(url)
        }
        for format in formats {
            switch format {
            case .md: try save(templates.renderMarkdown(report), "report.md")
            case .html: try save(templates.renderHTML(report), "report.html")
            case .json: try save(try ReportJSON.text(report), "report.json")
            case .xlsx:
                let url = directory.appendingPathComponent("report.xlsx")
                try XLSXWriter.write(report, to: url)
                written.append(url)
            case .csv:
                try files.createDirectory(
                    at: directory.appendingPathComponent("csv"), withIntermediateDirectories: true)
                for table in report.tables {
                    try save(ReportCSV.text(table, bom: bom, provenance: report.provenance), "csv/\(table.id).csv")
                }
            case .docx:
                let url = directory.appendingPathComponent("report.docx")
                try DOCXWriter.write(report, to: url)
                written.append(url)
            case .sps:
                guard let spss else { continue }
                try save((bom ? "\u{FEFF}" : "") + spss.csv(), "responses.csv")
                try save(spss.syntax(dataFile: "responses.csv", title: report.title), "responses.sps")
            }
        }
        return written
    }
}
