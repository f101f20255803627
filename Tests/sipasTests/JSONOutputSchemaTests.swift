import Foundation
import SIPASTestSupport
import Testing

/// One JSON style (issue 27, point 10): every JSON document sipas writes validates against
/// docs/sipas-output.schema.json (JSON Schema 2020-12, checked by Debian's python3-jsonschema), and
/// every key at every depth is snake_case.
struct JSONOutputSchemaTests {
    typealias CLI = CommandLineTests
    static let data = Fixtures.repositoryRoot.appendingPathComponent("SampleData")
    static let schema = Fixtures.repositoryRoot.appendingPathComponent("docs/sipas-output.schema.json")

    /// Validates `name=path` pairs against the schema's `$defs/name`; prints one line per problem.
    static let validator = """
        import json, re, sys
        import jsonschema
        schema = json.load(open(sys.argv[1], encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
        checked = 0
        for pair in sys.argv[2:]:
            name, path = pair.split("=", 1)
            document = json.load(open(path, encoding="utf-8"))
            validator = jsonschema.Draft202012Validator({"$defs": schema["$defs"], "$ref": "#/$defs/" + name})
            for error in sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))[:5]:
                print(f"{name}: {list(error.absolute_path)}: {error.message[:200]}")
            def walk(value, where):
                if isinstance(value, dict):
                    for key, inner in value.items():
                        if not re.fullmatch(r"_?[a-z][a-z0-9_]*", key):
                            print(f"{name}: {where}: key {key!r} is not snake_case")
                        walk(inner, where + "/" + key)
                elif isinstance(value, list):
                    for i, inner in enumerate(value):
                        walk(inner, where + "/" + str(i))
            walk(document, "")
            checked += 1
        print(f"checked {checked}", file=sys.stderr)
        """

    /// Runs sipas with `arguments`, its JSON written to `folder/name.json`.
    static func write(_ arguments: [String], _ file: URL) throws {
        let run = try CLI.sipas(arguments)
        #expect(run.status == 0, "\(arguments): \(run.stderr)")
        try Data(run.stdout.utf8).write(to: file)
    }

    @Test func everyJSONOutputValidatesAgainstTheSchema() throws {
        guard let python = ExternalProgram.python(with: "jsonschema") else { return }
        let folder = try Fixtures.temporaryDirectory()
        let y2023 = Self.data.appendingPathComponent("2023.csv").path
        let y2024 = Self.data.appendingPathComponent("2024.csv").path
        let frame = Self.data.appendingPathComponent("frame-2025.csv").path
        var documents: [(String, URL)] = []
        func add(_ kind: String, _ name: String, _ arguments: [String]) throws {
            let file = folder.appendingPathComponent("\(name).json")
            try Self.write(arguments, file)
            documents.append((kind, file))
        }
        try add("analyze", "analyze", ["analyze", y2024, "--by", "sector", "--format", "json"])
        try add(
            "analyze", "analyze-targets",
            ["analyze", y2024, "--targets", "bac-giang-2021-2030", "--format", "json", "--lang", "en"])
        try add(
            "compare", "compare", ["compare", y2023, y2024, "--targets", "bac-giang-2021-2030", "--format", "json"])
        try add(
            "design", "size",
            ["design", "size", "--margin", "3", "--share", "85", "--population", "500000", "--format", "json"])
        try add(
            "design", "allocate",
            [
                "design", "allocate", "--frame", frame, "--strata", "province_code", "--population", "households",
                "--n", "3400", "--format", "json",
            ])
        documents.append(("report", try ReportCommandTests.sampleReport().appendingPathComponent("report.json")))
        let run = try ExternalProgram.run(
            python, ["-c", Self.validator, Self.schema.path] + documents.map { "\($0.0)=\($0.1.path)" })
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.isEmpty, "\(run.stdout)")
        #expect(run.stderr.contains("checked \(documents.count)"), "\(run.stderr)")
    }

    /// The JSON of `--format json` on validate, import, store batches|show and instrument check,
    /// clean and with invalid rows, validates against the schema.
    @Test func outputFlagsJSONValidatesAgainstTheSchema() throws {
        guard let python = ExternalProgram.python(with: "jsonschema") else { return }
        let (folder, bad) = try OutputFlagsTests.invalidFile()
        let store = folder.appendingPathComponent("sipas.db").path
        let broken = folder.appendingPathComponent("broken.yaml")
        try "id: broken\ntitle: x\nquestions:\n  - name: q1\n    type: nosuchtype\n".write(
            to: broken, atomically: true, encoding: .utf8)
        let runs: [(String, [String], Int32)] = [
            ("validate", ["validate", bad, "--format", "json"], 65),
            (
                "validate",
                ["validate", Self.data.appendingPathComponent("2024.csv").path, "--format", "json", "--lang", "en"], 0
            ),
            ("import", ["import", bad, "--store", store, "--team", "hn", "--format", "json"], 65),
            ("import", ["import", bad, "--store", store, "--format", "json"], 0),
            ("store_batches", ["store", "batches", "--store", store, "--format", "json"], 0),
            ("store_show", ["store", "show", "1", "--store", store, "--format", "json"], 0),
            ("instrument_check", ["instrument", "check", "sipas-2023", "--format", "json"], 0),
            ("instrument_check", ["instrument", "check", broken.path, "--format", "json"], 65),
        ]
        var documents: [(String, URL)] = []
        for (index, (kind, arguments, status)) in runs.enumerated() {
            let run = try CLI.sipas(arguments, in: folder)
            #expect(run.status == status, "\(arguments): \(run.stderr)")
            let file = folder.appendingPathComponent("\(index)-\(kind).json")
            try Data(run.stdout.utf8).write(to: file)
            documents.append((kind, file))
        }
        let run = try ExternalProgram.run(
            python, ["-c", Self.validator, Self.schema.path] + documents.map { "\($0.0)=\($0.1.path)" })
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.isEmpty, "\(run.stdout)")
        #expect(run.stderr.contains("checked \(documents.count)"), "\(run.stderr)")
    }

    @Test func targetRecordsUsePercentAndSnakeCase() throws {
        let run = try CLI.sipas([
            "analyze", Self.data.appendingPathComponent("2024.csv").path, "--targets", "bac-giang-2021-2030",
            "--format", "json", "--lang", "en",
        ])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let target = try #require(
            (object["targets"] as? [[String: Any]])?.first {
                $0["family"] as? String == "sipas" && $0["indicator"] as? String == "overall"
            })
        let estimate = try #require(target["estimate"] as? [String: Any])
        let value = try #require(estimate["estimate"] as? Double)
        let high = try #require(estimate["ci_high"] as? Double)
        // Percent, like the result records: the province's index is in the 70–100 range, not 0.7–1.
        #expect(value > 50 && value < 100 && high > value)
        #expect(estimate["standardError"] == nil && estimate["se"] is Double)
        #expect(target["threshold"] as? Double == 95 && target["comparison"] as? String == "at_least")
        let design = try #require(object["design"] as? [String: Any])
        #expect(design["df"] is Int && design["degreesOfFreedom"] == nil)
    }
}
