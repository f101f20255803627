import Foundation
import SIPASTestSupport
import Testing

/// `sipas instrument export` end to end: the XLSForm through pyxform (with ODK Validate), the entry
/// workbook through openpyxl and back through the importer, the paper form.
struct InstrumentExportCommandTests {
    typealias CLI = CommandLineTests

    static let builtins = [
        "sipas-2023", "sipas-2017", "health-inpatient", "health-outpatient", "education", "land-construction",
    ]
    /// A survey year of each built-in, for `sipas sample`.
    static let years = [
        "sipas-2023": 2024, "sipas-2017": 2019, "health-inpatient": 2024, "health-outpatient": 2024,
        "education": 2024, "land-construction": 2024,
    ]

    @Test(arguments: builtins)
    func theXLSFormConvertsWithPyxformAndImportsBack(_ id: String) throws {
        let directory = try Fixtures.temporaryDirectory()
        let export = try CLI.sipas(
            ["instrument", "export", id, "--format", "xlsform", "--output", "form.xlsx"], in: directory)
        #expect(export.status == 0, "\(export.stderr)")
        guard let python = ExternalProgram.python(with: "pyxform") else { return }
        // --json reports {"code": 100, "message": "Ok!", "warnings": []} (on standard error); without
        // --skip_validate ODK Validate runs too.
        let convert = try ExternalProgram.run(
            python, ["-m", "pyxform.xls2xform", "--json", "form.xlsx", "form.xml"], in: directory, timeout: 300)
        let said = convert.stdout + convert.stderr
        #expect(
            convert.status == 0 && said.contains("{\"code\": 100, \"message\": \"Ok!\", \"warnings\": []}"), "\(said)")
        let xml = (try? String(contentsOf: directory.appendingPathComponent("form.xml"), encoding: .utf8)) ?? ""
        #expect(xml.contains("<h:title>") && xml.contains("Vietnamese (vi)") && xml.contains("English (en)"))
        let back = try CLI.sipas(["instrument", "import", "form.xlsx", "--output", "form.yaml"], in: directory)
        #expect(back.status == 0, "\(back.stderr)")
    }

    /// For the workbook in argv[1]: each sheet's name, frozen cell and state, and the data sheet's
    /// validations with their list ranges resolved to the codes they hold.
    static let validationDump = """
        import json, re, sys, openpyxl
        wb = openpyxl.load_workbook(sys.argv[1])
        def resolve(formula):
            m = re.fullmatch(r"'?([^'!]+)'?!\\$([A-Z]+)\\$(\\d+):\\$([A-Z]+)\\$(\\d+)", formula or "")
            if not m: return None
            ws = wb[m.group(1)]
            return [str(ws[f"{m.group(2)}{r}"].value) for r in range(int(m.group(3)), int(m.group(5)) + 1)]
        data = wb.worksheets[0]
        out = {"sheets": [[ws.title, ws.freeze_panes, ws.protection.sheet] for ws in wb.worksheets],
               "header": [c.value for c in data[1]], "validations": []}
        for dv in data.data_validations.dataValidation:
            out["validations"].append({"type": dv.type, "sqref": str(dv.sqref), "operator": dv.operator, "formula1": dv.formula1,
                                       "formula2": dv.formula2, "codes": resolve(dv.formula1), "prompt": dv.prompt})
        print(json.dumps(out, ensure_ascii=False))
        """

    struct Dump: Decodable {
        struct Validation: Decodable {
            var type: String?
            var sqref: String
            var formula1: String?
            var formula2: String?
            var codes: [String]?
        }
        var sheets: [[JSONValue]]
        var header: [String]
        var validations: [Validation]
    }

    enum JSONValue: Decodable, Equatable {
        case string(String)
        case bool(Bool)
        case null
        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if c.decodeNil() {
                self = .null
            } else if let b = try? c.decode(Bool.self) {
                self = .bool(b)
            } else {
                self = .string(try c.decode(String.self))
            }
        }
    }

    /// The drop-down entries of sat5, the scale of every built-in (as each YAML labels it).
    static let sat5 = [
        "1 – Rất không hài lòng", "2 – Không hài lòng", "3 – Bình thường", "4 – Hài lòng", "5 – Rất hài lòng",
        "8 – Không áp dụng", "9 – Không biết / không trả lời",
    ]

    @Test(arguments: builtins)
    func theEntryWorkbookReadByOpenpyxlHasEveryRuleWithTheInstrumentsCodes(_ id: String) throws {
        let directory = try Fixtures.temporaryDirectory()
        let export = try CLI.sipas(
            ["instrument", "export", id, "--format", "entry-xlsx", "--output", "entry.xlsx"], in: directory)
        #expect(export.status == 0, "\(export.stderr)")
        let show = try CLI.sipas(["instrument", "show", id, "--lang", "en"])
        guard let python = ExternalProgram.python(with: "openpyxl") else { return }
        let run = try ExternalProgram.run(python, ["-c", Self.validationDump, "entry.xlsx"], in: directory)
        #expect(run.status == 0, "\(run.stderr)")
        let dump = try JSONDecoder().decode(Dump.self, from: Data(run.stdout.utf8))
        #expect(
            dump.sheets == [
                [.string("Phiếu"), .string("B2"), .bool(true)], [.string("Mã số"), .string("A2"), .bool(true)],
                [.string("Hướng dẫn"), .null, .bool(false)],
            ])
        #expect(dump.header.suffix(2) == ["keyer_id", "entry_date"])
        #expect(dump.validations.count == dump.header.count)
        // Every scored item (select_one sat5 in every built-in) has the drop-down of the sat5
        // "code – label" entries, and every other choice column its list's entries.
        let items = show.stdout.split(separator: "\n").filter { $0.contains("[select_one sat5") }.map {
            String($0.split(separator: " ")[0])
        }
        #expect(!items.isEmpty)
        for item in items {
            let column = try #require(dump.header.firstIndex(of: item))
            let letter = XLSXWriter.letters(column)
            let v = try #require(dump.validations.first { $0.sqref == "\(letter)2:\(letter)5001" }, "\(item)")
            #expect(v.type == "list" && v.codes == Self.sat5, "\(item)")
        }
        let lists = dump.validations.filter { $0.type == "list" && $0.formula1?.contains("$E$") == true }
        #expect(lists.count >= items.count)
        for v in lists {
            #expect(
                v.codes?.allSatisfy { $0.range(of: #"^[A-Za-z0-9_]+ – \S.*$"#, options: .regularExpression) != nil }
                    == true, "\(v.sqref)")
        }
        let age = try #require(dump.header.firstIndex(of: "age"))
        let ageRule = dump.validations.first {
            $0.sqref == "\(XLSXWriter.letters(age))2:\(XLSXWriter.letters(age))5001"
        }
        #expect(ageRule?.type == "whole" && ageRule?.formula1 != nil && ageRule?.formula2 != nil)
    }

    /// The content validations of the ODS file argv[1] (LibreOffice's conversion), as JSON: the
    /// input-message title (the column's name) → the condition.
    static let odsValidations = """
        import html, json, re, sys, zipfile
        x = zipfile.ZipFile(sys.argv[1]).read("content.xml").decode()
        out = {}
        for v in re.findall(r"<table:content-validation .*?</table:content-validation>", x):
            title = re.search(r'<table:help-message table:title="([^"]*)"', v)
            condition = re.search(r'table:condition="([^"]*)"', v)
            if title: out[html.unescape(title.group(1))] = html.unescape(condition.group(1)) if condition else ""
        print(json.dumps(out, ensure_ascii=False))
        """

    @Test(
        .enabled(
            if: ExternalProgram.exists("soffice"),
            "LibreOffice is not installed (soffice): scripts/install-deps installs Debian's libreoffice-calc-nogui"),
        arguments: ["sipas-2023", "education"])
    func libreOfficeReadsEveryValidationOfTheEntryWorkbook(_ id: String) throws {
        let directory = try Fixtures.temporaryDirectory()
        #expect(
            try CLI.sipas(
                ["instrument", "export", id, "--format", "entry-xlsx", "--output", "entry.xlsx"], in: directory
            ).status == 0)
        let soffice = try #require(ExternalProgram.find("soffice"))
        let convert = try ExternalProgram.run(
            soffice,
            [
                "-env:UserInstallation=\(directory.appendingPathComponent("profile").absoluteString)", "--headless",
                "--convert-to", "ods", "--outdir", directory.path, directory.appendingPathComponent("entry.xlsx").path,
            ], timeout: 240)
        #expect(convert.status == 0, "soffice: \(convert.stdout)\(convert.stderr)")
        guard let python = ExternalProgram.python(with: "openpyxl") else { return }
        let ods = try ExternalProgram.run(
            python, ["-c", Self.odsValidations, directory.appendingPathComponent("entry.ods").path])
        let conditions = try #require(
            try JSONSerialization.jsonObject(with: Data(ods.stdout.utf8)) as? [String: String], "\(ods.stderr)")
        let dump = try JSONDecoder().decode(
            Dump.self,
            from: Data(
                try ExternalProgram.run(python, ["-c", Self.validationDump, "entry.xlsx"], in: directory).stdout.utf8))
        // Every column's rule survives, lists pointing at the same rows of the codes sheet.
        #expect(Set(conditions.keys) == Set(dump.header))
        var lists = 0
        for (column, name) in dump.header.enumerated() {
            let letter = XLSXWriter.letters(column)
            guard let rule = dump.validations.first(where: { $0.sqref == "\(letter)2:\(letter)5001" }),
                let condition = conditions[name]
            else { continue }
            switch rule.type {
            case "list":
                let range = try #require(rule.formula1).replacingOccurrences(of: "!", with: ".").replacingOccurrences(
                    of: ":$", with: ":.$")
                #expect(condition == "of:cell-content-is-in-list([$\(range)])", "\(name)")
                lists += 1
            case "whole" where rule.formula2 != nil:
                #expect(
                    condition
                        == "of:cell-content-is-whole-number() and cell-content-is-between(\(rule.formula1!),\(rule.formula2!))",
                    "\(name)")
            default:
                break
            }
        }
        #expect(conditions["year"] == "of:cell-content-is-whole-number() and cell-content-is-between(2015,2035)")
        #expect(lists >= 19, "\(lists) lists compared")
    }

    /// Fills the workbook argv[1] with the rows of the CSV argv[2] (numbers as numbers except in
    /// text or with a leading zero), keyer k1 and an entry date, and saves it as argv[3]; argv[4], when
    /// given, is a JSON list of [row, column, value] changes applied to both and also written to
    /// the CSV argv[5].
    static let fill = """
        import csv, datetime, json, re, sys, openpyxl
        wb = openpyxl.load_workbook(sys.argv[1]); ws = wb.worksheets[0]
        header = [c.value for c in ws[1]]
        rows = list(csv.reader(open(sys.argv[2], encoding="utf-8")))
        changes = json.loads(sys.argv[4]) if len(sys.argv) > 4 else []
        for r, column, value in changes: rows[r][rows[0].index(column)] = value
        for i, row in enumerate(rows[1:], start=2):
            for name, value in zip(rows[0], row):
                if name not in header or value == "": continue
                cell = ws.cell(row=i, column=header.index(name) + 1)
                if re.fullmatch(r"-?[0-9]+", value) and not value.startswith("0"): cell.value = int(value)
                elif re.fullmatch(r"-?[0-9]+\\.[0-9]+", value): cell.value = float(value)
                else: cell.value = value
            ws.cell(row=i, column=header.index("keyer_id") + 1).value = "k1"
            ws.cell(row=i, column=header.index("entry_date") + 1).value = datetime.date(2025, 1, 15)
        wb.save(sys.argv[3])
        if len(sys.argv) > 5:
            with open(sys.argv[5], "w", encoding="utf-8", newline="") as f: csv.writer(f).writerows(rows)
        """

    @Test(arguments: ["sipas-2023", "health-inpatient", "education"])
    func aFilledEntryWorkbookImportsWithTheImportersReasons(_ id: String) throws {
        let directory = try Fixtures.temporaryDirectory()
        let year = String(Self.years[id]!)
        #expect(
            try CLI.sipas(
                ["instrument", "export", id, "--format", "entry-xlsx", "--output", "entry.xlsx"], in: directory
            ).status == 0)
        let sample = try CLI.sipas(
            ["sample", "--instrument", id, "--year", year, "--rows", "40", "--seed", "7", "--output", "sample.csv"],
            in: directory)
        #expect(sample.status == 0, "\(sample.stderr)")
        guard let python = ExternalProgram.python(with: "openpyxl") else { return }
        let filled = try ExternalProgram.run(
            python, ["-c", Self.fill, "entry.xlsx", "sample.csv", "filled.xlsx"], in: directory)
        #expect(filled.status == 0, "\(filled.stderr)")
        let valid = try CLI.sipas(["validate", "filled.xlsx", "--instrument", id, "--lang", "en"], in: directory)
        #expect(
            valid.status == 0 && valid.stdout.contains("40 rows read: 40 valid, 0 invalid"),
            "\(valid.stdout) \(valid.stderr)")
        #expect(valid.stdout.contains("metadata columns: keyer_id, entry_date"))

        // The same wrong answers keyed into the workbook and written to a CSV get the same reasons.
        let item = id == "sipas-2023" ? "POL_econ_quality" : id == "education" ? "G1_1" : "A1"
        let changes =
            "[[1, \"\(item)\", \"7\"], [2, \"age\", \"150\"], [3, \"form_id\", \"\"], [4, \"weight\", \"-1\"]]"
        let wrong = try ExternalProgram.run(
            python, ["-c", Self.fill, "entry.xlsx", "sample.csv", "wrong.xlsx", changes, "wrong.csv"], in: directory)
        #expect(wrong.status == 0, "\(wrong.stderr)")
        let fromWorkbook = try CLI.sipas(["validate", "wrong.xlsx", "--instrument", id, "--lang", "en"], in: directory)
        let fromCSV = try CLI.sipas(["validate", "wrong.csv", "--instrument", id, "--lang", "en"], in: directory)
        #expect(fromWorkbook.status == 65 && fromCSV.status == 65)
        func counts(_ text: String) -> String {
            guard let start = text.range(of: "  by rule:\n"),
                let end = text.range(of: "\n  wrong.", range: start.upperBound..<text.endIndex)
            else { return text }
            return String(text[start.lowerBound..<end.lowerBound])
        }
        #expect(fromWorkbook.stdout.contains("40 rows read: 36 valid, 4 invalid"), "\(fromWorkbook.stdout)")
        #expect(counts(fromWorkbook.stdout) == counts(fromCSV.stdout))
        #expect(counts(fromWorkbook.stdout).contains("    \(item): 1\n"))
    }

    /// Replaces, in the filled workbook argv[1], every answer of a drop-down column by its
    /// "code – label" entry as the keyer would pick it (on odd rows with " - " instead of the en
    /// dash), saves it as argv[2] and prints the number of cells replaced.
    static let pick = """
        import re, sys, openpyxl
        wb = openpyxl.load_workbook(sys.argv[1]); ws = wb.worksheets[0]
        picked = 0
        for dv in ws.data_validations.dataValidation:
            m = re.fullmatch(r"'?([^'!]+)'?!\\$E\\$(\\d+):\\$E\\$(\\d+)", dv.formula1 or "")
            if dv.type != "list" or not m: continue
            entries = [wb[m.group(1)][f"E{r}"].value for r in range(int(m.group(2)), int(m.group(3)) + 1)]
            by_code = {e.split(" – ", 1)[0]: e for e in entries}
            column = openpyxl.utils.column_index_from_string(re.match(r"[A-Z]+", str(dv.sqref)).group(0))
            for row in range(2, ws.max_row + 1):
                cell = ws.cell(row=row, column=column)
                code = None if cell.value is None else str(cell.value)
                if code in by_code:
                    cell.value = by_code[code] if row % 2 == 0 else by_code[code].replace(" – ", " - ", 1)
                    picked += 1
        wb.save(sys.argv[2])
        print(picked)
        """

    /// A workbook whose choices were picked from the drop-downs ("4 – Hài lòng") imports with no
    /// rejection, every conversion counted, and gives the same analysis as one keyed with codes.
    @Test(arguments: ["sipas-2023", "education"])
    func answersPickedFromTheDropDownsAreReadAsTheirCodes(_ id: String) throws {
        let directory = try Fixtures.temporaryDirectory()
        let codes = directory.appendingPathComponent("codes")
        let picks = directory.appendingPathComponent("picks")
        for folder in [codes, picks] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        #expect(
            try CLI.sipas(
                ["instrument", "export", id, "--format", "entry-xlsx", "--output", "entry.xlsx"], in: directory
            ).status == 0)
        let sample = try CLI.sipas(
            [
                "sample", "--instrument", id, "--year", String(Self.years[id]!), "--rows", "60", "--seed", "11",
                "--output", "sample.csv",
            ], in: directory)
        #expect(sample.status == 0, "\(sample.stderr)")
        guard let python = ExternalProgram.python(with: "openpyxl") else { return }
        let filled = try ExternalProgram.run(
            python, ["-c", Self.fill, "entry.xlsx", "sample.csv", "codes/keyed.xlsx"], in: directory)
        #expect(filled.status == 0, "\(filled.stderr)")
        let pick = try ExternalProgram.run(
            python, ["-c", Self.pick, "codes/keyed.xlsx", "picks/keyed.xlsx"], in: directory)
        let picked = try #require(Int(pick.stdout.trimmingCharacters(in: .whitespacesAndNewlines)), "\(pick.stderr)")
        #expect(picked > 60 * 5)

        let valid = try CLI.sipas(["validate", "keyed.xlsx", "--instrument", id, "--lang", "en"], in: picks)
        #expect(
            valid.status == 0 && valid.stdout.contains("60 rows read: 60 valid, 0 invalid"),
            "\(valid.stdout) \(valid.stderr)")
        #expect(valid.stdout.contains("code – label → code: \(picked)"), "\(valid.stdout)")
        let analyze = [
            "analyze", "keyed.xlsx", "--instrument", id, "--format", "json", "--items", "--lonely-psu", "adjust",
        ]
        let fromCodes = try CLI.sipas(analyze, in: codes)
        let fromPicks = try CLI.sipas(analyze, in: picks)
        #expect(fromCodes.status == 0 && fromPicks.status == 0, "\(fromCodes.stderr) \(fromPicks.stderr)")
        #expect(fromPicks.stdout == fromCodes.stdout)
        #expect(
            fromPicks.stdout.contains("\"accepted\" : 60,") && fromPicks.stdout.contains("\"rejected\" : 0,")
                && fromPicks.stdout.contains("\"estimate\" : "))
    }

    /// Chromium prints the paper form on A4 (595 × 842 pt), over several pages, with the DejaVu
    /// fonts that cover Vietnamese embedded (research/collection-formats.md §5).
    @Test func chromiumPrintsThePaperFormOnA4WithEmbeddedFonts() throws {
        let directory = try Fixtures.temporaryDirectory()
        #expect(
            try CLI.sipas(
                ["instrument", "export", "sipas-2023", "--format", "html", "--output", "q.html"], in: directory
            ).status == 0)
        guard let chromium = ExternalProgram.find("chromium") else { return }
        let pdf = directory.appendingPathComponent("q.pdf")
        let run = try ExternalProgram.run(
            chromium,
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--user-data-dir=\(directory.appendingPathComponent("profile").path)", "--no-pdf-header-footer",
                "--print-to-pdf=\(pdf.path)", directory.appendingPathComponent("q.html").absoluteString,
            ], timeout: 120)
        #expect(run.status == 0, "\(run.stderr)")
        let bytes = String(decoding: (try? Data(contentsOf: pdf)) ?? Data(), as: UTF8.self)
        let boxes = Set(bytes.components(separatedBy: "/MediaBox [").dropFirst().map { $0.prefix { $0 != "]" } })
        #expect(boxes == ["0 0 594.95996 841.91998"])
        #expect(bytes.components(separatedBy: "/Type /Page\n").count - 1 >= 5)
        let fonts = Set(
            bytes.components(separatedBy: "/BaseFont /").dropFirst().map {
                String($0.prefix { $0 != "\n" && $0 != "/" && $0 != " " && $0 != ">" }.split(separator: "+").last ?? "")
            })
        #expect(fonts == ["DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique"], "\(fonts)")
        #expect(bytes.contains("/FontFile2"))
    }

    @Test func thePaperFormGoesToStandardOutputAndWorkbooksNeedAFile() throws {
        let html = try CLI.sipas(["instrument", "export", "education", "--format", "html"])
        #expect(
            html.status == 0 && html.stdout.hasPrefix("<!DOCTYPE html>")
                && html.stdout.contains("Hướng dẫn cho điều tra viên"))
        let noFile = try CLI.sipas(["instrument", "export", "education", "--format", "entry-xlsx"])
        #expect(noFile.status == 64 && noFile.stderr.contains("--format entry-xlsx cần --output TỆP"))
        let unknown = try CLI.sipas([
            "instrument", "export", "no-such", "--format", "xlsform", "--output", "/tmp/x.xlsx",
        ])
        #expect(unknown.status == 66)
        let unwritable = try CLI.sipas([
            "instrument", "export", "education", "--format", "entry-xlsx", "--output", "/no-such-dir/e.xlsx", "--lang",
            "en",
        ])
        #expect(
            unwritable.status == 1 && unwritable.stderr.hasPrefix("error: cannot write /no-such-dir/e.xlsx: "),
            "\(unwritable.stderr)")
    }
}
