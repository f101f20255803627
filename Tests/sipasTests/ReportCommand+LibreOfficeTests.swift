import Foundation
import SIPASTestSupport
import Testing

/// The report's workbook opened by LibreOffice, a second reader beside openpyxl (issue 6: "the
/// Excel workbook is read back … and its numbers equal the JSON's"). Skipped, saying why, only
/// where `soffice` is not installed; `scripts/install-deps` (and so CI) installs it.
extension ReportCommandTests {
    @Test(
        .enabled(
            if: ExternalProgram.exists("soffice"),
            "LibreOffice is not installed (soffice): scripts/install-deps installs Debian's libreoffice-calc-nogui"))
    func libreOfficeReadsTheWorkbookAndItsNumbersEqualTheJSON() throws {
        let out = try Self.sampleReport()
        let soffice = try #require(ExternalProgram.find("soffice"))
        // A profile of its own, so a running LibreOffice or a stale lock cannot block the conversion;
        // every sheet to its own CSV (token 12 = -1), values as stored rather than as shown (token 9).
        let work = try Fixtures.temporaryDirectory()
        let run = try ExternalProgram.run(
            soffice,
            [
                "-env:UserInstallation=\(work.appendingPathComponent("profile").absoluteString)", "--headless",
                "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                "--outdir", work.appendingPathComponent("csv").path, out.appendingPathComponent("report.xlsx").path,
            ], timeout: 240)
        #expect(run.status == 0, "soffice: \(run.status) \(run.stdout)\(run.stderr)")
        // One line "Writing sheet NAME -> PATH" per sheet, in the workbook's order.
        let paths = run.stdout.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("Writing sheet "), let arrow = line.range(of: " -> ") else { return nil }
            return String(line[arrow.upperBound...]).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let tables = try #require(try Self.json(out)["tables"] as? [[String: Any]])
        #expect(paths.count == tables.count, "\(run.stdout)")
        var compared = 0
        for (path, table) in zip(paths, tables) {
            // The sample data are synthetic: row 1 is the banner; internal-id columns are not in the workbook.
            var cells = Self.csvRows(try String(contentsOfFile: path, encoding: .utf8))
            #expect(cells.first?.first == "Dữ liệu mô phỏng — không phải kết quả chính thức")
            cells.removeFirst()
            let columns = try #require(table["columns"] as? [[String: Any]]).filter { $0["machine_only"] == nil }
            let rows = try #require(table["rows"] as? [[String: Any]])
            #expect(cells.first == columns.compactMap { $0["title"] as? String }, "\(table["id"]!)")
            #expect(cells.count == rows.count + 1, "\(table["id"]!)")
            for (r, row) in rows.enumerated() where r + 1 < cells.count {
                for (c, column) in columns.enumerated() {
                    guard let id = column["id"] as? String, let number = row[id] as? Double else { continue }
                    // LibreOffice writes 15 significant digits.
                    let cell = c < cells[r + 1].count ? Double(cells[r + 1][c]) : nil
                    #expect(
                        cell.map { abs($0 - number) <= 1e-12 * max(1, abs(number)) } == true,
                        "\(table["id"]!) row \(r) \(id): LibreOffice \(String(describing: cell)) ≠ json \(number)")
                    compared += 1
                }
            }
        }
        #expect(compared > 1000)
    }

    @Test(
        .enabled(
            if: ExternalProgram.exists("soffice"),
            "LibreOffice is not installed (soffice): scripts/install-deps installs Debian's libreoffice-writer-nogui"))
    func libreOfficeOpensTheWordReport() throws {
        let out = try Self.sampleReport()
        let soffice = try #require(ExternalProgram.find("soffice"))
        let work = try Fixtures.temporaryDirectory()
        let docx = out.appendingPathComponent("report.docx").path
        for format in ["pdf", "txt:Text"] {
            let run = try ExternalProgram.run(
                soffice,
                [
                    "-env:UserInstallation=\(work.appendingPathComponent("profile").absoluteString)", "--headless",
                    "--convert-to", format, "--outdir", work.path, docx,
                ], timeout: 240)
            #expect(run.status == 0, "soffice \(format): \(run.status) \(run.stdout)\(run.stderr)")
        }
        let pdf = try Data(contentsOf: work.appendingPathComponent("report.pdf"))
        #expect(pdf.starts(with: Array("%PDF-".utf8)) && pdf.count > 10_000)
        let text = try String(contentsOf: work.appendingPathComponent("report.txt"), encoding: .utf8)
        #expect(text.contains("Dữ liệu mô phỏng — không phải kết quả chính thức"))
        #expect(
            text.contains(
                "Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước (SIPAS) năm 2024"
            ))
        // Every table is there: the province table's 63 names, and no internal ids.
        let provinces = try #require(try Self.json(out)["tables"] as? [[String: Any]]).first {
            $0["id"] as? String == "provinces"
        }
        for row in try #require(provinces?["rows"] as? [[String: Any]]) {
            #expect(text.contains(row["province"] as? String ?? "?"))
        }
        #expect(!text.contains("area:policy") && !text.contains("item:POL_"))
    }

    /// The fields of a CSV text (quotes doubled inside quoted fields, which may hold line breaks).
    static func csvRows(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var characters = Array(text)[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" { field.append(characters.removeFirst()) } else { quoted = false }
                } else {
                    field.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                row.append(field)
                field = ""
            } else if character == "\n" || character == "\r\n" {
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            } else {
                field.append(character)
            }
        }
        if !field.isEmpty || !row.isEmpty {
            row.append(field)
            rows.append(row)
        }
        return rows
    }
}
