import Foundation
import SIPASTestSupport
import Testing

/// `--lang`, `--quiet` and `--format text|json` on `validate`, `import`, `store batches|show` and
/// `instrument check`: the JSON carries the text's numbers, `--quiet` keeps a clean run silent.
struct OutputFlagsTests {
    typealias CLI = CommandLineTests

    /// 40 rows of SampleData/2024.csv, two of them invalid (a 7 on a 1–5 scale, a blank year).
    static func invalidFile() throws -> (URL, String) {
        var lines = try AnalyzeCommandTests.sampleLines(40)
        let header = lines[0].split(separator: ",").map(String.init)
        let scale = try #require(header.firstIndex(of: "POL_econ_participation"))
        var fields = lines[5].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        fields[scale] = "7"
        lines[5] = fields.joined(separator: ",")
        lines[3] = lines[3].replacingOccurrences(of: ",2024,", with: ",2024x,")
        return try AnalyzeCommandTests.write(lines, name: "bad.csv")
    }

    static func object(_ run: CommandLineTests.Run) throws -> [String: Any] {
        try #require(
            try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any],
            "\(run.stdout)\(run.stderr)")
    }

    /// "name: count" lines of the text report under `heading`, in order.
    static func counts(_ text: String, under heading: String) -> [(String, Int)] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(of: heading) else { return [] }
        return lines[(start + 1)...].prefix { $0.hasPrefix("    ") }.map { line in
            let parts = line.trimmingCharacters(in: .whitespaces).split(
                separator: ":", omittingEmptySubsequences: false)
            return (
                parts.dropLast().joined(separator: ":"), Int(parts.last!.trimmingCharacters(in: .whitespaces)) ?? -1
            )
        }
    }

    /// The JSON of `validate` carries the text's numbers: rows, rules, columns, rejections, encoding.
    func expectSameNumbers(_ path: String, in directory: URL, status: Int32) throws {
        let text = try CLI.sipas(["validate", path, "--lang", "en"], in: directory)
        let json = try CLI.sipas(["validate", path, "--lang", "en", "--format", "json"], in: directory)
        #expect(text.status == status && json.status == status, "\(text.stderr)\(json.stderr)")
        let object = try Self.object(json)
        #expect(object["command"] as? String == "validate" && object["language"] as? String == "en")
        #expect(object["exit_status"] as? Int == Int(status))
        let file = try #require((object["files"] as? [[String: Any]])?.first)
        let name = URL(fileURLWithPath: path).lastPathComponent
        let (read, accepted, rejected) = (
            file["rows_read"] as? Int ?? -1, file["accepted"] as? Int ?? -1, file["rejected"] as? Int ?? -1
        )
        #expect(
            text.stdout.hasPrefix("\(name): \(read) rows read: \(accepted) valid, \(rejected) invalid\n"),
            "\(text.stdout)")
        #expect(read == accepted + rejected)
        let totals = try #require(object["totals"] as? [String: Any])
        #expect(totals["rows_read"] as? Int == read && totals["rejected"] as? Int == rejected)
        let byRule = (file["rejections_by_rule"] as? [[String: Any]] ?? []).map {
            ($0["rule"] as? String ?? "", $0["count"] as? Int ?? -1)
        }
        let byColumn = (file["rejections_by_column"] as? [[String: Any]] ?? []).map {
            (($0["column"] as? String).map { $0.isEmpty ? "(whole row)" : $0 } ?? "", $0["count"] as? Int ?? -1)
        }
        #expect(byRule.map(\.0) == Self.counts(text.stdout, under: "  by rule:").map(\.0))
        #expect(byRule.map(\.1) == Self.counts(text.stdout, under: "  by rule:").map(\.1))
        #expect(byColumn.map(\.0) == Self.counts(text.stdout, under: "  by column:").map(\.0))
        #expect(byColumn.map(\.1) == Self.counts(text.stdout, under: "  by column:").map(\.1))
        for rejection in file["first_rejections"] as? [[String: Any]] ?? [] {
            let row = rejection["row"] as? Int ?? -1
            let column = rejection["column"] as? String ?? ""
            let letter = rejection["column_letter"] as? String ?? ""
            let reason = rejection["reason"] as? String ?? ""
            #expect(
                text.stdout.contains("  \(name), row \(row), column \(column) (\(letter)): \(reason)\n"), "\(rejection)"
            )
            #expect(rejection["file"] as? String == name && rejection["rule"] is String && rejection["value"] is String)
        }
        let encoding = try #require(file["encoding"] as? [String: Any])
        #expect(text.stdout.contains("  encoding: \(encoding["name"] as? String ?? "?")"))
        for change in file["normalisations"] as? [[String: Any]] ?? [] {
            #expect(text.stdout.contains("\(change["change"] as? String ?? "?"): \(change["count"] as? Int ?? -1)"))
        }
    }

    @Test func validateJSONHasTheTextsNumbersForAFileWithInvalidRows() throws {
        let (directory, path) = try Self.invalidFile()
        try expectSameNumbers(path, in: directory, status: 65)
        let object = try Self.object(try CLI.sipas(["validate", path, "--format", "json"], in: directory))
        let file = try #require((object["files"] as? [[String: Any]])?.first)
        #expect(file["rejected"] as? Int == 2)
        let rules = file["rejections_by_rule"] as? [[String: Any]] ?? []
        // Vietnamese by default: the catalog's name beside the stable key.
        #expect(
            rules.contains {
                $0["rule"] as? String == "out of range" && $0["name"] as? String == "ngoài các mã của thang"
            }, "\(rules)")
        let first = try #require(
            (file["first_rejections"] as? [[String: Any]])?.first {
                $0["column"] as? String == "POL_econ_participation"
            })
        #expect(
            first["row"] as? Int == 6 && first["value"] as? String == "7" && first["rule"] as? String == "out of range")
    }

    @Test func validateJSONHasTheTextsNumbersForSampleData() throws {
        for year in ["2023", "2024"] {
            let path = Fixtures.repositoryRoot.appendingPathComponent("SampleData/\(year).csv").path
            try expectSameNumbers(path, in: Fixtures.repositoryRoot, status: 0)
        }
    }

    @Test func quietPrintsNothingForACleanRunAndStillReportsProblems() throws {
        let (directory, clean) = try AnalyzeCommandTests.write(try AnalyzeCommandTests.sampleLines(30), name: "ok.csv")
        let quiet = try CLI.sipas(["validate", clean, "--quiet"], in: directory)
        #expect(quiet.status == 0 && quiet.stdout.isEmpty && quiet.stderr.isEmpty, "\(quiet.stdout)\(quiet.stderr)")
        let (badDirectory, bad) = try Self.invalidFile()
        let problems = try CLI.sipas(["validate", bad, "--quiet", "--lang", "en"], in: badDirectory)
        #expect(problems.status == 65)
        #expect(problems.stdout.contains("bad.csv: 40 rows read: 38 valid, 2 invalid"), "\(problems.stdout)")
        let missing = try CLI.sipas(
            ["validate", "none.csv", "--quiet", "--format", "json", "--lang", "en"], in: directory)
        #expect(
            missing.status == 66 && missing.stdout.isEmpty && missing.stderr.contains("none.csv"), "\(missing.stderr)")
        let check = try CLI.sipas(["instrument", "check", "sipas-2023", "--quiet"])
        #expect(check.status == 0 && check.stdout.isEmpty && check.stderr.isEmpty, "\(check.stdout)\(check.stderr)")
    }

    @Test func langChoosesTheLanguage() throws {
        let (directory, path) = try Self.invalidFile()
        let vi = try CLI.sipas(["validate", path], in: directory)
        let en = try CLI.sipas(["validate", path, "--lang", "en"], in: directory)
        #expect(vi.stdout.contains("bad.csv: đọc 40 dòng: hợp lệ 38, không hợp lệ 2"), "\(vi.stdout)")
        #expect(
            en.stdout.contains("bad.csv: 40 rows read: 38 valid, 2 invalid") && !en.stdout.contains("dòng"),
            "\(en.stdout)")
        let json = try Self.object(
            try CLI.sipas(["validate", path, "--lang", "en", "--format", "json"], in: directory))
        let rules = ((json["files"] as? [[String: Any]])?.first?["rejections_by_rule"] as? [[String: Any]]) ?? []
        #expect(!rules.isEmpty && rules.allSatisfy { $0["name"] as? String == $0["rule"] as? String }, "\(rules)")
        // instrument check: Vietnamese by default, like every command; English lines with --lang en.
        let check = try CLI.sipas(["instrument", "check", "sipas-2023", "--lang", "en"])
        #expect(check.stdout.hasPrefix("OK: ") && check.stdout.contains(" questions, "), "\(check.stdout)")
        let checkVI = try CLI.sipas(["instrument", "check", "sipas-2023"])
        #expect(checkVI.stdout.hasPrefix("OK: ") && checkVI.stdout.contains(" câu hỏi, "), "\(checkVI.stdout)")
    }

    @Test func instrumentCheckJSONListsProblemsWithLines() throws {
        let ok = try Self.object(try CLI.sipas(["instrument", "check", "sipas-2023", "--format", "json"]))
        let counts = try #require(ok["instrument"] as? [String: Any])
        let text = try CLI.sipas(["instrument", "check", "sipas-2023", "--lang", "en"])
        #expect(ok["ok"] as? Bool == true && (ok["problems"] as? [Any])?.isEmpty == true)
        #expect(
            text.stdout.hasPrefix(
                "OK: \(counts["questions"] as? Int ?? -1) questions, \(counts["scored"] as? Int ?? -1) scored"),
            "\(text.stdout)")
        let directory = try Fixtures.temporaryDirectory()
        let yaml = directory.appendingPathComponent("broken.yaml")
        try "id: broken\ntitle: x\nquestions:\n  - name: q1\n    type: nosuchtype\n".write(
            to: yaml, atomically: true, encoding: .utf8)
        // The JSON's messages are English: with --lang en, standard error says the same.
        let run = try CLI.sipas(["instrument", "check", yaml.path, "--format", "json", "--quiet", "--lang", "en"])
        #expect(run.status == 65)
        let object = try Self.object(run)
        let problems = try #require(object["problems"] as? [[String: Any]])
        #expect(object["ok"] as? Bool == false && !problems.isEmpty)
        // Problems are errors: on standard error too, even with --quiet.
        for problem in problems { #expect(run.stderr.contains(problem["message"] as? String ?? "?")) }
        #expect(problems.contains { $0["line"] is Int }, "\(problems)")
    }

    @Test func importAndStoreJSONCarryTheBatchesNumbers() throws {
        let (directory, path) = try Self.invalidFile()
        let store = directory.appendingPathComponent("sipas.db").path
        let load = try CLI.sipas(
            ["import", path, "--store", store, "--team", "hn", "--format", "json", "--accept-rejects"], in: directory)
        #expect(load.status == 0, "\(load.stderr)")
        #expect(load.stderr.isEmpty, "\(load.stderr)")
        let object = try Self.object(load)
        let file = try #require((object["files"] as? [[String: Any]])?.first)
        let batch = try #require(file["batch"] as? [String: Any])
        #expect(
            file["outcome"] as? String == "loaded" && batch["rows_read"] as? Int == 40 && batch["rejected"] as? Int == 2
        )
        let summary = try #require(file["summary"] as? [String: Any])
        #expect(summary["accepted"] as? Int == batch["accepted"] as? Int && summary["rejected"] as? Int == 2)
        let listed = try Self.object(
            try CLI.sipas(["store", "batches", "--store", store, "--format", "json"], in: directory))
        let first = try #require((listed["batches"] as? [[String: Any]])?.first)
        #expect(
            first["team"] as? String == "hn" && first["status"] as? String == "in_force"
                && first["sha256"] as? String == batch["sha256"] as? String)
        let text = try CLI.sipas(["store", "batches", "--store", store, "--lang", "en"], in: directory)
        #expect(text.stdout.contains("\t40\t38\t2\t"), "\(text.stdout)")
        let shown = try Self.object(
            try CLI.sipas(["store", "show", "1", "--store", store, "--format", "json", "--lang", "en"], in: directory))
        let rejections = try #require(shown["rejections"] as? [[String: Any]])
        #expect(rejections.map { $0["row"] as? Int ?? -1 }.sorted() == [4, 6], "\(rejections)")
        let again = try CLI.sipas(["import", path, "--store", store, "--quiet"], in: directory)
        #expect(again.status == 0 && again.stdout.isEmpty && again.stderr.isEmpty, "\(again.stderr)")
        let quietLoad = try CLI.sipas(
            [
                "import", try ImportCommandTests.part("clean.csv", rows: 41...60, in: directory), "--store", store,
                "--quiet",
            ], in: directory)
        #expect(quietLoad.status == 0 && quietLoad.stdout.isEmpty && quietLoad.stderr.isEmpty, "\(quietLoad.stderr)")
        let missing = try CLI.sipas(
            ["store", "show", "nothing", "--store", store, "--format", "json", "--lang", "en"], in: directory)
        #expect(missing.status == 66 && missing.stdout.isEmpty && !missing.stderr.isEmpty)
    }
}
