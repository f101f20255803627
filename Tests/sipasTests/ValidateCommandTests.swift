import Foundation
import SIPASTestSupport
import Testing

/// `sipas validate` (a dry run) and the import policy of `sipas analyze` (`--strict`, ids across files).
struct ValidateCommandTests {
    typealias CLI = CommandLineTests

    @Test func validateReportsPerRuleAndColumnAndWritesNothing() throws {
        var lines = try AnalyzeCommandTests.sampleLines(40)
        var fields = lines[5].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        fields[19] = "7"  // POL_econ_participation answered 7 on a 1–5 scale
        lines[5] = fields.joined(separator: ",")
        let (directory, path) = try AnalyzeCommandTests.write(lines, name: "bad.csv")
        let run = try CLI.sipas(["validate", path, "--lang", "en"], in: directory)
        #expect(run.status == 65, "\(run.stderr)")
        #expect(run.stdout.contains("bad.csv: 40 rows read: 39 valid, 1 invalid"), "\(run.stdout)")
        #expect(run.stdout.contains("by rule:\n    out of range: 1"))
        #expect(run.stdout.contains("by column:\n    POL_econ_participation: 1"), "\(run.stdout)")
        #expect(run.stdout.contains("bad.csv, row 6, column POL_econ_participation (T): '7' is not a code of list"))
        let written = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(written == ["bad.csv"], "validate wrote \(written)")
    }

    @Test func validateOfCleanFilesExits0() throws {
        let (directory, path) = try AnalyzeCommandTests.write(try AnalyzeCommandTests.sampleLines(30), name: "ok.csv")
        let run = try CLI.sipas(["validate", path, "--lang", "en"], in: directory)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("ok.csv: 30 rows read: 30 valid, 0 invalid"))
    }

    @Test func strictAcceptsNothingWhenARowIsInvalid() throws {
        var lines = try AnalyzeCommandTests.sampleLines(40)
        lines[3] = lines[3].replacingOccurrences(of: ",2024,", with: ",2024x,")
        let (directory, path) = try AnalyzeCommandTests.write(lines, name: "strict.csv")
        let run = try CLI.sipas(["analyze", path, "--strict", "--lang", "en", "--format", "json"], in: directory)
        #expect(run.status == 65)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("strict.csv: 40 rows read: 39 accepted, 1 rejected"), "\(run.stderr)")
        #expect(run.stderr.contains("--strict: 1 of 40 rows are invalid, so no row is accepted and no result is computed"))
    }

    @Test func aRespondentIdRepeatedInASecondFileIsRejectedNamingTheFirst() throws {
        let lines = try AnalyzeCommandTests.sampleLines(30)
        let (directory, first) = try AnalyzeCommandTests.write(lines, name: "a.csv")
        let second = directory.appendingPathComponent("b.csv").path
        try ([lines[0], lines[7]].joined(separator: "\n") + "\n").write(toFile: second, atomically: true, encoding: .utf8)
        let id = String(lines[7].prefix { $0 != "," })
        let run = try CLI.sipas(["validate", first, second, "--lang", "en"], in: directory)
        #expect(run.status == 65)
        #expect(run.stdout.contains("b.csv, row 2, column form_id (A): respondent id '\(id)' repeats a.csv, row 8"), "\(run.stdout)")
    }
}

extension ValidateCommandTests {
    @Test func noProgressLineWhenStandardErrorIsNotATerminal() throws {
        let (directory, path) = try AnalyzeCommandTests.write(try AnalyzeCommandTests.sampleLines(30), name: "quiet.csv")
        let run = try CLI.sipas(["validate", path], in: directory)
        #expect(!run.stderr.contains("\r") && !run.stderr.contains("\u{1B}["), "\(run.stderr)")
    }
}
