import Foundation
import SIPASTestSupport
import Testing

/// `sipas design` end to end: runs the built binary on the R reference fixtures
/// (Tests/Fixtures/r-sampling) and on the synthetic frame (SampleData/frame-2025.csv).
struct DesignCommandTests {
    static func fixture(_ name: String) -> String { Fixtures.url("r-sampling").appendingPathComponent(name).path }
    static let frame2025 = Fixtures.repositoryRoot.appendingPathComponent("SampleData/frame-2025.csv").path

    /// A CSV written by sipas, split naively (the fixtures' fields hold no commas or quotes).
    static func csv(_ path: String) throws -> (header: [String], rows: [[String]]) {
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map {
                String($0).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        return (lines[0], Array(lines.dropFirst()))
    }

    static func column(_ table: (header: [String], rows: [[String]]), _ name: String) -> [String] {
        guard let c = table.header.firstIndex(of: name) else { return [] }
        return table.rows.map { $0[c] }
    }

    @Test func sizeAsJSON() throws {
        let folder = try Fixtures.temporaryDirectory()
        let out = folder.appendingPathComponent("size.json").path
        let run = try SampleCommandTests.sipas([
            "design", "size", "--margin", "3", "--share", "85", "--deff", "2", "--response-rate", "0.95",
            "--population", "500000", "--format", "json", "--output", out,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let records =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as? [[String: Any]]
        #expect(records?.first?["forms"] as? Int == 1144)
        #expect(records?.first?["completes"] as? Int == 1087)
    }

    @Test func sizePerProvinceOfTheSyntheticFrame() throws {
        let folder = try Fixtures.temporaryDirectory()
        let out = folder.appendingPathComponent("size.csv").path
        let run = try SampleCommandTests.sipas([
            "design", "size", "--margin", "5", "--share", "85", "--frame", Self.frame2025, "--strata", "province_code",
            "--population", "households", "--format", "csv", "--output", out,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let table = try Self.csv(out)
        #expect(table.rows.count == 35)
        // Every province has ≥ 10 000 households: the fpc moves 195.9 by less than 4 forms.
        #expect(Self.column(table, "forms").dropLast().allSatisfy { (193...196).contains(Int($0) ?? 0) })
    }

    @Test func badArgumentsExit64WithTheRule() throws {
        let run = try SampleCommandTests.sipas(["design", "size", "--margin", "3", "--share", "0", "--lang", "en"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("error: the expected share must be between 0 and 100 %, got 0.0"))
    }

    @Test func allocateNeymanWithMinimumMatchesR() throws {
        let folder = try Fixtures.temporaryDirectory()
        let out = folder.appendingPathComponent("alloc.csv").path
        let run = try SampleCommandTests.sipas([
            "design", "allocate", "--frame", Self.fixture("apipop-strata.csv"), "--strata", "stype", "--population",
            "schools",
            "--sd", "sd_api00", "--n", "200", "--rule", "neyman", "--minimum", "30", "--format", "csv", "--output", out,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let table = try Self.csv(out)
        #expect(Self.column(table, "stratum") == ["E", "H", "M"])
        #expect(Self.column(table, "forms") == ["139", "30", "31"])
    }

    @Test func drawSystematicWithRsStartReproducesR() throws {
        let folder = try Fixtures.temporaryDirectory()
        let out = folder.appendingPathComponent("sample.csv").path
        // u_systematic of uniforms.csv: set.seed(2024); runif(1).
        let run = try SampleCommandTests.sipas([
            "design", "draw", "--frame", Self.fixture("apipop-frame.csv"), "--id", "cds", "--size", "enroll", "--n",
            "200",
            "--method", "pps-systematic", "--start", "0.83694254048168659", "--output", out, "--lang", "en",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let sample = try Self.csv(out)
        let reference = try Self.csv(Self.fixture("inclusion.csv"))
        let selected = reference.rows.filter { $0[3] == "1" }
        #expect(Self.column(sample, "cds") == selected.map { $0[0] })
        let pik = Self.column(sample, "inclusion_probability").compactMap(Double.init)
        #expect(pik.count == 200)
        #expect(zip(pik, selected.map { Double($0[1])! }).allSatisfy { abs($0 - $1) <= 1e-15 * $1 })
        #expect(
            zip(Self.column(sample, "design_weight").compactMap(Double.init), pik).allSatisfy {
                abs($0 * $1 - 1) < 1e-14
            })
        #expect(sample.header.prefix(6) == ["cds", "stype", "dnum", "cnum", "enroll", "api00"])
    }

    @Test func drawTwoStagesFromTheSyntheticFrameWithExcel() throws {
        let folder = try Fixtures.temporaryDirectory()
        let alloc = folder.appendingPathComponent("alloc.csv").path
        let out = folder.appendingPathComponent("hh.csv").path
        let xlsx = folder.appendingPathComponent("hh.xlsx").path
        let a = try SampleCommandTests.sipas([
            "design", "allocate", "--frame", Self.frame2025, "--strata", "province_code", "--n", "136", "--rule",
            "sqrt",
            "--minimum", "3", "--format", "csv", "--output", alloc,
        ])
        #expect(a.status == 0, "\(a.stderr)")
        let args = [
            "design", "draw", "--frame", Self.frame2025, "--id", "commune_code", "--size", "households", "--strata",
            "province_code",
            "--allocation", alloc, "--method", "pps-tille", "--seed", "7", "--listed", "households", "--per-cluster",
            "20", "--reserves", "5",
            "--output", out, "--excel", xlsx,
        ]
        let run = try SampleCommandTests.sipas(args)
        #expect(run.status == 0, "\(run.stderr)")
        let sample = try Self.csv(out)
        #expect(sample.rows.count == 136 * 25)
        #expect(Self.column(sample, "role").filter { $0 == "main" }.count == 136 * 20)
        #expect(Set(Self.column(sample, "unit_id")).count == 136 * 25)
        #expect(Set(Self.column(sample, "data_source")) == ["synthetic"])
        // One sheet per province, every drawn household on its province's sheet (read back by openpyxl).
        if let python = ExternalProgram.python(with: "openpyxl") {
            let read = try ExternalProgram.run(
                python,
                [
                    "-c",
                    "import openpyxl, sys; wb = openpyxl.load_workbook(sys.argv[1]); "
                        + "print(len(wb.sheetnames), sum(ws.max_row - 1 for ws in wb), wb[wb.sheetnames[0]]['N2'].value > 0)",
                    xlsx,
                ])
            #expect(read.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "34 3400 True", "\(read.stderr)")
        }
        // The same seed gives the same file.
        let again = folder.appendingPathComponent("again.csv").path
        _ = try SampleCommandTests.sipas(args.map { $0 == out ? again : $0 }.filter { $0 != xlsx && $0 != "--excel" })
        #expect(try String(contentsOfFile: again, encoding: .utf8) == String(contentsOfFile: out, encoding: .utf8))
    }

    @Test func drawNamesTheBadRow() throws {
        let folder = try Fixtures.temporaryDirectory()
        let frame = folder.appendingPathComponent("frame.csv")
        try "id,size\na,10\nb,-3\n".write(to: frame, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("s.csv").path
        let run = try SampleCommandTests.sipas([
            "design", "draw", "--frame", frame.path, "--id", "id", "--size", "size", "--n", "1",
            "--method", "pps-systematic", "--output", out, "--lang", "en",
        ])
        #expect(run.status == 65)
        #expect(run.stderr.contains("frame.csv, row 3, column size: '-3' is not a size ≥ 0"))
        let missing = try SampleCommandTests.sipas([
            "design", "draw", "--frame", folder.appendingPathComponent("none.csv").path, "--id", "id",
            "--n", "1", "--method", "srs", "--output", out, "--lang", "en",
        ])
        #expect(missing.status == 66)
    }

    @Test func weightsPostStratifiedMatchR() throws {
        let folder = try Fixtures.temporaryDirectory()
        let out = folder.appendingPathComponent("weighted.csv").path
        let run = try SampleCommandTests.sipas([
            "design", "weights", "--sample", Self.fixture("apistrat-sample.csv"), "--responses",
            Self.fixture("apistrat-responses.csv"),
            "--id", "cds", "--cells", "stype", "--margins", Self.fixture("margin-stype.csv"), "--output", out, "--lang",
            "en",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("161 respondents of 200 sampled units"))
        let weighted = try Self.csv(out)
        let reference = try Self.csv(Self.fixture("weights.csv"))
        #expect(Self.column(weighted, "cds") == Self.column(reference, "cds"))
        let w = Self.column(weighted, "weight").compactMap(Double.init)
        let r = Self.column(reference, "poststratified").compactMap(Double.init)
        #expect(w.count == r.count && zip(w, r).allSatisfy { abs($0 - $1) < 1e-12 * $1 })
    }

    @Test func progressFromAStore() throws {
        let folder = try Fixtures.temporaryDirectory()
        let answers = folder.appendingPathComponent("answers.csv").path
        let store = folder.appendingPathComponent("s.db").path
        #expect(
            try SampleCommandTests.sipas([
                "sample", "--instrument", "sipas-2023", "--year", "2025", "--rows", "120", "--seed", "5", "--output",
                answers,
            ]).status == 0)
        #expect(try SampleCommandTests.sipas(["import", answers, "--store", store]).status == 0)
        // The plan: every answered form, and 5 more forms in the first answer's commune.
        let returned = try Self.csv(answers)
        let pairs = zip(Self.column(returned, "province_code"), Self.column(returned, "commune_code")).map {
            [$0, $1, "main"]
        }
        let plan = folder.appendingPathComponent("plan.csv")
        try
            ((["province_code,commune_code,role"]
            + (pairs + Array(repeating: pairs[0], count: 5)).map { $0.joined(separator: ",") }).joined(separator: "\n")
            + "\n")
            .write(to: plan, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("progress.csv").path
        let run = try SampleCommandTests.sipas([
            "design", "progress", "--sample", plan.path, "--store", store, "--by", "province_code,commune_code",
            "--format", "csv", "--output", out,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let table = try Self.csv(out)
        let behind = table.rows.filter { $0[6] == "1" }
        #expect(behind.map { $0[1] } == [pairs[0][0], pairs[0][0] + " / " + pairs[0][1]])
        let provinces = table.rows.filter { $0[0] == "province_code" }
        #expect(provinces.map { Int($0[2])! }.reduce(0, +) == 125)
        #expect(provinces.map { Int($0[4])! }.reduce(0, +) == 120)
    }

    /// The README's "Sample design" example, run as written (sh -e) in an empty folder with the
    /// shipped SampleData beside it: every command must succeed and write its file.
    @Test func readmeExampleRuns() throws {
        let readme = try String(
            contentsOf: Fixtures.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "## Sample design").dropFirst().first)
        let script = try #require(
            section.components(separatedBy: "```sh\n").dropFirst().first?.components(separatedBy: "```").first)
        let folder = try Fixtures.temporaryDirectory()
        try FileManager.default.createSymbolicLink(
            at: folder.appendingPathComponent("SampleData"),
            withDestinationURL: Fixtures.repositoryRoot.appendingPathComponent("SampleData"))
        let binaries = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Fixtures.repositoryRoot.appendingPathComponent(".build/debug"),
        ]
        let path =
            (binaries.flatMap {
                [$0, $0.deletingLastPathComponent(), $0.deletingLastPathComponent().deletingLastPathComponent()]
            }.map(\.path)
            + [ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]).joined(separator: ":")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-e", "-c", script]
        process.currentDirectoryURL = folder
        process.environment = ["PATH": path, "HOME": folder.path]
        let err = Pipe()
        process.standardError = err
        let stdout = folder.appendingPathComponent("stdout.txt")
        _ = FileManager.default.createFile(atPath: stdout.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: stdout)
        try process.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(message)")
        let weighted = try Self.csv(folder.appendingPathComponent("weighted.csv").path)
        #expect(weighted.header.last == "weight")
        let total = Self.column(weighted, "weight").compactMap(Double.init).reduce(0, +)
        #expect(abs(total - 24_244_115) < 1e-3)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("households.xlsx").path))
        let printed = try String(contentsOf: stdout, encoding: .utf8)
        #expect(printed.contains("2380 phiếu, 34 tầng, 136 đơn vị mẫu cấp 1"), "\(printed)")
    }
}
