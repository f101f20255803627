import Foundation
import SIPASTestSupport
import Testing

/// `sipas report` end to end: the sample report in every format, read back by the programs
/// officials and analysts use (Chromium for the HTML, openpyxl for the workbook, PSPP for the
/// syntax), and a hostile data file whose text must stay inert.
///
/// These tests need Debian's `chromium`, `python3-openpyxl` and `pspp` (`scripts/install-deps`);
/// when one is missing the test fails and says which.
struct ReportCommandTests {
    typealias CLI = CommandLineTests
    static let data = Fixtures.repositoryRoot.appendingPathComponent("SampleData")
    static let hostile = Fixtures.url("report")

    /// The sample report, written once per test run (importing two years takes most of the time).
    static let sample: Result<(URL, CLI.Run), any Error> = Result {
        let out = try Fixtures.temporaryDirectory().appendingPathComponent("2024")
        let run = try CLI.sipas([
            "report", data.appendingPathComponent("2024.csv").path, "--previous",
            data.appendingPathComponent("2023.csv").path,
            "--targets", "bac-giang-2021-2030", "--out", out.path,
        ])
        return (out, run)
    }

    static func sampleReport() throws -> URL {
        let (out, run) = try sample.get()
        #expect(run.status == 0, "\(run.stderr)")
        return out
    }

    static let hostileReport: Result<(URL, CLI.Run), any Error> = Result {
        let out = try Fixtures.temporaryDirectory().appendingPathComponent("hostile")
        let run = try CLI.sipas([
            "report", hostile.appendingPathComponent("hostile.csv").path, "--instrument",
            hostile.appendingPathComponent("hostile.yaml").path, "--out", out.path, "--min-n", "5",
        ])
        return (out, run)
    }

    static func json(_ directory: URL) throws -> [String: Any] {
        let data = try Data(contentsOf: directory.appendingPathComponent("report.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func theSampleReportHasEveryFormatAndTable() throws {
        let out = try Self.sampleReport()
        for name in [
            "report.md", "report.html", "report.xlsx", "report.json", "responses.csv", "responses.sps",
            "csv/provinces.csv", "report.docx",
        ] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path), "\(name) missing")
        }
        let object = try Self.json(out)
        let tables = try #require(object["tables"] as? [[String: Any]])
        #expect(
            tables.compactMap { $0["id"] as? String } == [
                "summary", "provinces", "top_bottom", "elements", "by_sector", "by_agency_level", "agencies", "targets",
                "drivers",
                "perception", "quality_files", "quality_provinces", "quality_items", "quality_small_cells",
                "methodology",
            ])
        // sipas-2023 has no dedicated overall question: the driver table stays and says why, with no rows.
        let drivers = try #require(tables.first { $0["id"] as? String == "drivers" })
        #expect((drivers["rows"] as? [Any])?.isEmpty == true)
        #expect(
            (drivers["note"] as? String)?.hasPrefix(
                "Không tính được: bộ công cụ sipas-2023 không có câu hỏi hài lòng chung riêng (vai trò overall)")
                == true)
        // The perception results: each answer of the 11 perception questions (9 × 3 interest levels,
        // 3 harassment answers, 2 for its follow-up), with its question and answer named, not coded.
        let perception = try #require(tables.first { $0["id"] as? String == "perception" }?["rows"] as? [[String: Any]])
        #expect(perception.count == 32)
        #expect(perception.last?["question"] as? String == "Ông/bà có phản ánh việc phiền hà, sách nhiễu không")
        #expect(perception.last?["answer"] as? String == "Không" && perception.last?["answered"] as? Double == 3471)
        let provinces = try #require(tables[1]["rows"] as? [[String: Any]])
        #expect(provinces.count == 63)
        #expect(provinces.allSatisfy { $0["rank_change"] is Double && $0["change"] is Double })
        #expect(provinces.first?["rank"] as? Double == 1)
        let topBottom = try #require(tables[2]["rows"] as? [[String: Any]])
        #expect(topBottom.count == 10)
        let methodology = try #require(tables.last?["rows"] as? [[String: Any]])
        let sha =
            methodology.first { ($0["item"] as? String)?.hasPrefix("SHA-256 của tệp 2024.csv") == true }?["value"]
            as? String
        #expect(sha?.count == 64)
        let md = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(md.contains("Chỉ số hài lòng chung: 84,12 %"))
    }

    @Test func everyFormatOfTheSampleReportSaysTheDataAreSynthetic() throws {
        let out = try Self.sampleReport()
        let banner = "Dữ liệu mô phỏng — không phải kết quả chính thức"
        let md = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(md.contains("> **\(banner)**"))
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("<p class=\"banner\" role=\"note\">\(banner)</p>"))
        let object = try Self.json(out)
        #expect(object["data_source"] as? String == "synthetic" && object["data_source_note"] as? String == banner)
        let csv = try String(contentsOf: out.appendingPathComponent("csv/provinces.csv"), encoding: .utf8).split(
            separator: "\n")
        #expect(csv.first?.hasSuffix(",data_source") == true && csv.count == 64)
        #expect(csv.dropFirst().allSatisfy { $0.hasSuffix(",synthetic") })
        let sps = try String(contentsOf: out.appendingPathComponent("responses.sps"), encoding: .utf8)
        #expect(sps.contains("DOCUMENT \(banner).\n"))
        // The official terms and no internal ids in the human formats.
        #expect(
            md.hasPrefix(
                "# Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước (SIPAS) năm 2024"
            ))
        #expect(md.contains("| Cả nước") || md.contains("Cả nước:"))
        #expect(!md.contains("Toàn bộ mẫu") && !md.contains("area:policy") && !md.contains("item:POL_"))
        #expect(md.contains("| Nội dung |") && md.contains("| Nhóm chính sách |"))
        // "Xếp thứ X/63, tăng Y bậc" with the change's significance, and each element's min–max over provinces.
        let tables = try #require(object["tables"] as? [[String: Any]])
        let provinces = try #require(tables.first { $0["id"] as? String == "provinces" }?["rows"] as? [[String: Any]])
        for row in provinces {
            let rank = try #require(row["rank"] as? Double)
            let before = try #require(row["rank_previous"] as? Double)
            let standing = try #require(row["standing"] as? String)
            let moved = Int(before - rank)
            #expect(
                standing.hasPrefix(
                    "Xếp thứ \(Int(rank))/63, "
                        + (moved > 0 ? "tăng \(moved) bậc" : moved < 0 ? "giảm \(-moved) bậc" : "giữ nguyên thứ hạng")))
            #expect(
                standing.hasSuffix("; thay đổi có ý nghĩa thống kê")
                    || standing.hasSuffix("; thay đổi không có ý nghĩa thống kê"))
        }
        let elements = try #require(tables.first { $0["id"] as? String == "elements" }?["rows"] as? [[String: Any]])
        for row in elements where row["level"] as? String != "Câu hỏi" {
            let low = try #require(row["province_min"] as? Double)
            let high = try #require(row["province_max"] as? Double)
            let share = try #require(row["share"] as? Double)
            #expect(low <= share && share <= high, "\(row["indicator"] ?? "")")
            let lowest = provinces.compactMap { $0["province"] as? String }
            #expect(
                lowest.contains(row["province_min_name"] as? String ?? "")
                    && lowest.contains(row["province_max_name"] as? String ?? ""))
        }
    }

    @Test func chromiumRendersTheChartsAndTables() throws {
        let out = try Self.sampleReport()
        guard let chromium = ExternalProgram.find("chromium") else { return }
        let profile = try Fixtures.temporaryDirectory()
        let run = try ExternalProgram.run(
            chromium,
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile.path)",
                "--dump-dom", out.appendingPathComponent("report.html").absoluteString,
            ])
        #expect(run.status == 0, "\(run.stderr)")
        let dom = run.stdout
        for id in ["chart-provinces", "chart-elements", "chart-slopes"] {
            #expect(dom.contains("id=\"\(id)\""), "\(id) not rendered")
        }
        #expect(dom.components(separatedBy: "<circle class=\"dot\"").count - 1 == 63)
        #expect(dom.components(separatedBy: "<line class=\"slope").count - 1 == 63)
        #expect(dom.contains("<line class=\"target\""))
        #expect(dom.components(separatedBy: "<table>").count - 1 == 15)
        #expect(dom.contains("<td class=\"num\">84,12</td>"))
        #expect(!dom.contains("<script"))
    }

    @Test func theWorkbookHoldsTheJSONNumbers() throws {
        let out = try Self.sampleReport()
        guard let python = ExternalProgram.python(with: "openpyxl") else { return }
        let run = try ExternalProgram.run(
            python, ["-c", ExternalProgram.openpyxlDump, out.appendingPathComponent("report.xlsx").path])
        #expect(run.status == 0, "\(run.stderr)")
        let workbook = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        let tables = try #require(try Self.json(out)["tables"] as? [[String: Any]])
        #expect(workbook.count == tables.count)
        var compared = 0
        for (sheet, table) in zip(workbook, tables) {
            // The sample data are synthetic: row 1 is the banner, the headings are row 2.
            #expect(sheet["freeze"] as? String == "A3")
            let columns = try #require(table["columns"] as? [[String: Any]]).filter { $0["machine_only"] == nil }
            let rows = try #require(table["rows"] as? [[String: Any]])
            var cells = try #require(sheet["rows"] as? [[Any]])
            #expect(cells.first?.first as? String == "Dữ liệu mô phỏng — không phải kết quả chính thức")
            cells.removeFirst()
            #expect(cells.first?.compactMap { $0 as? String } == columns.compactMap { $0["title"] as? String })
            #expect(cells.count == rows.count + 1)
            for (r, row) in rows.enumerated() {
                for (c, column) in columns.enumerated() {
                    guard let id = column["id"] as? String, let number = row[id] as? Double else { continue }
                    let cell = cells[r + 1][c] as? Double
                    #expect(
                        cell == number,
                        "\(table["id"]!) row \(r) \(id): xlsx \(String(describing: cell)) ≠ json \(number)")
                    compared += 1
                }
            }
        }
        #expect(compared > 1000)
        let formats = try #require(workbook[1]["formats"] as? [String])
        #expect(formats.contains("0.00") && formats.contains("+0.00;-0.00;0.00"))
    }

    @Test func psppRunsTheSyntaxOnTheResponses() throws {
        let out = try Self.sampleReport()
        guard let pspp = ExternalProgram.find("pspp") else { return }
        let check = out.appendingPathComponent("check.sps")
        try Data("INSERT FILE='responses.sps'.\nWEIGHT OFF.\nDESCRIPTIVES /VARIABLES=PAS_E1_c1.\n".utf8).write(
            to: check)
        defer { try? FileManager.default.removeItem(at: check) }
        let run = try ExternalProgram.run(pspp, ["check.sps"], in: out)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(!run.stdout.lowercased().contains("error"), "\(run.stdout)")
        #expect(run.stdout.contains("Biển hiệu, chỉ dẫn rõ ràng"))  // the variable label, in Vietnamese
        #expect(run.stdout.contains("12000"))
    }

    @Test func hostileTextIsNeverExecutableAndIdentifyingColumnsNeverWritten() throws {
        let (out, run) = try Self.hostileReport.get()
        #expect(run.status == 0, "\(run.stderr)")
        let files = try #require(
            FileManager.default.enumerator(at: out, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL })
        for file in files where !file.hasDirectoryPath && file.pathExtension != "xlsx" && file.pathExtension != "docx" {
            let text = try String(contentsOf: file, encoding: .utf8)
            #expect(
                !text.contains("Bí Mật") && !text.contains("0912345678") && !text.contains("onerror"),
                "\(file.lastPathComponent)")
        }
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(html.contains("Ủy ban nhân dân phường Hà Đông"))
        let md = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(!md.contains("<script") && md.contains("&lt;script&gt;"))
        let csv = try String(contentsOf: out.appendingPathComponent("csv/by_unit_name.csv"), encoding: .utf8)
        #expect(csv.contains("\"'=HYPERLINK(") && !csv.contains(",\"=HYPERLINK("))
        let responses = try String(contentsOf: out.appendingPathComponent("responses.csv"), encoding: .utf8)
        #expect(responses.hasPrefix("form_id,year,province_code,commune_code,weight,unit_name,s1,s2\n"))
        guard let python = ExternalProgram.python(with: "openpyxl") else { return }
        let dump = try ExternalProgram.run(
            python, ["-c", ExternalProgram.openpyxlDump, out.appendingPathComponent("report.xlsx").path])
        #expect(dump.status == 0, "\(dump.stderr)")
        #expect(dump.stdout.contains("'=HYPERLINK("))
        #expect(!dump.stdout.contains("\"f\""))  // no formula cell anywhere
        #expect(!dump.stdout.contains("Bí Mật") && !dump.stdout.contains("0912345678"))
    }

    @Test func acrossTheMergerLastYearIsRegroupedIntoThe34Provinces() throws {
        // Every 10th row of each sample (all provinces, several communes each) keeps the test fast.
        let out = try Fixtures.temporaryDirectory()
        for year in ["2024", "2025"] {
            let lines = try String(contentsOf: Self.data.appendingPathComponent("\(year).csv"), encoding: .utf8).split(
                separator: "\n")
            let kept = lines.enumerated().filter { $0.offset == 0 || $0.offset % 10 == 9 }.map(\.element)
            try Data((kept.joined(separator: "\n") + "\n").utf8).write(to: out.appendingPathComponent("\(year).csv"))
        }
        let run = try CLI.sipas([
            "report", out.appendingPathComponent("2025.csv").path, "--previous",
            out.appendingPathComponent("2024.csv").path,
            "--out", out.appendingPathComponent("report").path, "--format", "json", "--lang", "en", "--min-n", "5",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let tables = try #require(try Self.json(out.appendingPathComponent("report"))["tables"] as? [[String: Any]])
        let provinces = try #require(tables.first { $0["id"] as? String == "provinces" })
        let rows = try #require(provinces["rows"] as? [[String: Any]])
        #expect(rows.count == 34)
        #expect(rows.allSatisfy { $0["previous"] is Double && $0["rank_previous"] is Double })
        #expect((provinces["note"] as? String)?.contains("Bắc Ninh (24) ← Bắc Giang (24) + Bắc Ninh (27)") == true)
    }

    @Test func englishAndChosenFormats() throws {
        let out = try Fixtures.temporaryDirectory()
        let run = try CLI.sipas([
            "report", Self.hostile.appendingPathComponent("hostile.csv").path, "--instrument",
            Self.hostile.appendingPathComponent("hostile.yaml").path, "--out", out.path, "--lang", "en",
            "--format", "md,csv", "--min-n", "25",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let md = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        // The hostile instrument is of the SIPAS family: the index's official name.
        #expect(md.contains("# Satisfaction Index of Public Administrative Services (SIPAS) 2024"))
        #expect(md.contains("n&lt;25"))  // "n<25": 20 respondents per unit, suppressed
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("report.html").path))
        let bad = try CLI.sipas(["report", "x.csv", "--format", "pdf"])
        #expect(bad.status == 64)
    }
}
