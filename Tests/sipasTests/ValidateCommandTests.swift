import Foundation
import SIPASTestSupport
import Testing

/// `sipas validate` (a dry run) and the import policy of `sipas analyze` (`--strict`, ids across files).
struct ValidateCommandTests {
    typealias CLI = CommandLineTests

    @Test func validateReportsPerRuleAndColumnAndWritesNothing() throws {
        var lines = try AnalyzeCommandTests.sampleLines(40)
        var fields = lines[5].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        // POL_econ_participation answered 7 on a 1–5 scale (row 6 has no quoted field, so commas split it).
        let column = try #require(lines[0].split(separator: ",").firstIndex(of: "POL_econ_participation"))
        fields[column] = "7"
        lines[5] = fields.joined(separator: ",")
        let (directory, path) = try AnalyzeCommandTests.write(lines, name: "bad.csv")
        let run = try CLI.sipas(["validate", path, "--lang", "en"], in: directory)
        #expect(run.status == 65, "\(run.stderr)")
        #expect(run.stdout.contains("bad.csv: 40 rows read: 39 valid, 1 invalid"), "\(run.stdout)")
        #expect(run.stdout.contains("by rule:\n    out of range: 1"))
        #expect(run.stdout.contains("by column:\n    POL_econ_participation: 1"), "\(run.stdout)")
        #expect(run.stdout.contains("bad.csv, row 6, column POL_econ_participation (V): '7' is not a code of list"))
        let written = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(written == ["bad.csv"], "validate wrote \(written)")
    }

    @Test func validateOfCleanFilesExits0() throws {
        let (directory, path) = try AnalyzeCommandTests.write(try AnalyzeCommandTests.sampleLines(30), name: "ok.csv")
        let run = try CLI.sipas(["validate", path, "--lang", "en"], in: directory)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("ok.csv: 30 rows read: 30 valid, 0 invalid"))
    }

    /// A workbook whose sheet claims to inflate past the standard 1 GiB per part (a crafted header,
    /// so the test needs no gigabyte): refused before anything is inflated, exit 65.
    @Test func aWorkbookOverTheSizeLimitIsRefused() throws {
        let directory = try Fixtures.temporaryDirectory()
        let url = directory.appendingPathComponent("bomb.xlsx")
        try XLSXWriter.write(
            [("Phiếu", XLSXWriter.rows(fromCSV: try AnalyzeCommandTests.sampleLines(3).joined(separator: "\n")))],
            to: url)
        try XLSXWriterPatch.declare(size: 0xF000_0000, for: "xl/worksheets/sheet1.xml", in: url)
        let run = try CLI.sipas(["validate", "bomb.xlsx", "--lang", "en"], in: directory)
        #expect(run.status == 65)
        #expect(
            run.stderr.contains(
                "bomb.xlsx: the part xl/worksheets/sheet1.xml of the Excel workbook inflates to more than 1073741824 bytes (a zip bomb?): reading stopped"
            ), "\(run.stderr)")
        let vi = try CLI.sipas(["analyze", "bomb.xlsx"], in: directory)
        #expect(
            vi.status == 65
                && vi.stderr.contains("phần xl/worksheets/sheet1.xml của tệp Excel giải nén ra hơn 1073741824 byte"),
            "\(vi.stderr)")
    }

    @Test func strictAcceptsNothingWhenARowIsInvalid() throws {
        var lines = try AnalyzeCommandTests.sampleLines(40)
        lines[3] = lines[3].replacingOccurrences(of: ",2024,", with: ",2024x,")
        let (directory, path) = try AnalyzeCommandTests.write(lines, name: "strict.csv")
        let run = try CLI.sipas(["analyze", path, "--strict", "--lang", "en", "--format", "json"], in: directory)
        #expect(run.status == 65)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("strict.csv: 40 rows read: 39 accepted, 1 rejected"), "\(run.stderr)")
        #expect(
            run.stderr.contains("--strict: 1 of 40 rows are invalid, so no row is accepted and no result is computed"))
    }

    @Test func aRespondentIdRepeatedInASecondFileIsRejectedNamingTheFirst() throws {
        let lines = try AnalyzeCommandTests.sampleLines(30)
        let (directory, first) = try AnalyzeCommandTests.write(lines, name: "a.csv")
        let second = directory.appendingPathComponent("b.csv").path
        try ([lines[0], lines[7]].joined(separator: "\n") + "\n").write(
            toFile: second, atomically: true, encoding: .utf8)
        let id = String(lines[7].prefix { $0 != "," })
        let run = try CLI.sipas(["validate", first, second, "--lang", "en"], in: directory)
        #expect(run.status == 65)
        #expect(
            run.stdout.contains("b.csv, row 2, column form_id (A): respondent id '\(id)' repeats a.csv, row 8"),
            "\(run.stdout)")
    }
}

extension ValidateCommandTests {
    @Test func noProgressLineWhenStandardErrorIsNotATerminal() throws {
        let (directory, path) = try AnalyzeCommandTests.write(
            try AnalyzeCommandTests.sampleLines(30), name: "quiet.csv")
        let run = try CLI.sipas(["validate", path], in: directory)
        #expect(!run.stderr.contains("\r") && !run.stderr.contains("\u{1B}["), "\(run.stderr)")
    }

    @Test func doubleEntryListsEveryDifferenceAndExits65() throws {
        let directory = try Fixtures.temporaryDirectory()
        let header = "form_id,province_code,commune_code,weight,s1,s2,s3,s4,keyer_id\n"
        try (header + "A1,01,c1,1,4,5,3,9,lan\nA2,01,c1,1,4,4,4,4,lan\n").write(
            to: directory.appendingPathComponent("first.csv"), atomically: true, encoding: .utf8)
        try (header + "A1,01,c1,1,4,5,3,9,minh\nA2,01,c1,1,4,4,5,4,minh\n").write(
            to: directory.appendingPathComponent("second.csv"), atomically: true, encoding: .utf8)
        let mini = Fixtures.url("import/mini-instrument.yaml").path
        let run = try CLI.sipas(
            ["validate", "first.csv", "--second-entry", "second.csv", "--instrument", mini, "--lang", "en"],
            in: directory)
        #expect(run.status == 65, "\(run.stderr)")
        #expect(
            run.stdout.contains("first.csv: 2 rows read: 2 valid, 0 invalid")
                && run.stdout.contains("second.csv: 2 rows read: 2 valid, 0 invalid"))
        #expect(
            run.stdout.contains(
                "Double entry: first.csv and second.csv: 2 forms, 16 fields compared; 1 differ (6.2 %)\n"))
        #expect(run.stdout.contains("    form A2, column s3: '4' | '5' (rows 3 | 3; keyers lan | minh)\n"))
        #expect(
            run.stdout.contains(
                "    lan (first.csv): 15/16 fields agree, 93.8 %\n    minh (second.csv): 15/16 fields agree, 93.8 %\n"))
        let same = try CLI.sipas(
            ["validate", "first.csv", "--second-entry", "first.csv", "--instrument", mini], in: directory)
        #expect(same.status == 0 && same.stdout.contains("so 2 phiếu, 16 ô; khác nhau 0 ô (0,0 %)"), "\(same.stdout)")
        let two = try CLI.sipas(["validate", "first.csv", "second.csv", "--second-entry", "second.csv"], in: directory)
        #expect(two.status == 64)
        let missing = try CLI.sipas(
            ["validate", "first.csv", "--second-entry", "none.csv", "--instrument", mini], in: directory)
        #expect(missing.status == 66)
    }
}
