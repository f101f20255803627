import Foundation
import SIPASTestSupport
import Testing

/// `sipas validate` reads UTF-8 CSV rows on the fast path, as `analyze` does; its report (counts,
/// every rejection with its reason, normalisations, encoding) and exit status are, byte for byte, the
/// full importer's (`SIPAS_SLOW_PATH=1`): on every file of the fault corpus and on generated files
/// with 1 % and 30 % invalid rows of many kinds.
@Suite(.serialized)
struct ValidateCommandFastPathTests {
    static func validate(_ file: URL, slow: Bool) throws -> ExternalProgram.Run {
        let path = slow ? ["SIPAS_SLOW_PATH=1"] : ["-u", "SIPAS_SLOW_PATH"]
        return try ExternalProgram.run(
            URL(fileURLWithPath: "/usr/bin/env"),
            path + [CommandLineTests.binary.path, "validate", file.path, "--show", "100000", "--lang", "en"])
    }

    static func expectSame(_ file: URL) throws -> ExternalProgram.Run {
        let slow = try validate(file, slow: true)
        let fast = try validate(file, slow: false)
        #expect(fast.status == slow.status, "\(file.lastPathComponent)")
        #expect(fast.stdout == slow.stdout, "\(file.lastPathComponent): report differs")
        #expect(fast.stderr == slow.stderr, "\(file.lastPathComponent): messages differ")
        return slow
    }

    @Test func faultCorpusReportsAreTheFullImportersOnes() throws {
        let corpus = Fixtures.url("import-faults")
        let files = try FileManager.default.contentsOfDirectory(at: corpus, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "csv" }.sorted { $0.path < $1.path }
        #expect(files.count >= 30)
        var invalid = 0
        for file in files where try Self.expectSame(file).status == 65 { invalid += 1 }
        #expect(invalid >= files.count / 2)
    }

    /// Every `period`-th row changed in one of fourteen ways: broken (codes, weights, ids, quotes,
    /// blanks, skip rules, extra fields, a "code – label" entry with another code's label) or
    /// valid but not canonical (the entry workbook's "4 – Hài lòng", read as 4 and counted).
    static func faulty(rows: Int, period: Int, in directory: URL) throws -> URL {
        let clean = try FastPathTests.sample(rows: rows, seed: 19, in: directory)
        var lines = try String(contentsOf: clean, encoding: .utf8).split(separator: "\n").map(String.init)
        let header = lines[0].split(separator: ",").map(String.init)
        func column(_ name: String) -> Int { header.firstIndex(of: name)! }
        let firstId = lines[1].split(separator: ",")[column("form_id")]
        for i in stride(from: 1, to: lines.count, by: period) {
            var f = lines[i].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            switch (i / period) % 14 {
            case 0: f[column("LAND_A1")] = "7"
            case 1: f[column("weight")] = "0"
            case 2: f[column("weight")] = "abc"
            case 3: f[column("form_id")] = String(firstId)
            case 4: f[column("commune_code")] = ""
            case 5: f[column("province_code")] = "99"
            case 6: f[column("LAND_B1")] = "4.5"
            case 7: f[column("age")] = "17"
            case 8: f[column("sector")] = "khac"
            case 9:
                f[column("province_name")] = "\"Hà Nội, \"\"x\"\"\""
                f[column("LAND_A2")] = "0"
            case 10: f.append("")
            case 11:
                f[column("LAND_A1")] = "4 – Hài lòng"
                f[column("LAND_B1")] = "9 - Không biết / không trả lời"
            case 12: f[column("LAND_A2")] = "4 – Rất hài lòng"
            default:
                f[column("channel")] = "truc_tuyen"
                f[column("LAND_visits")] = "3"
            }
            lines[i] = f.joined(separator: ",")
        }
        let file = directory.appendingPathComponent("faulty-\(period).csv")
        try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test(arguments: [100, 3])
    func generatedFilesWithInvalidRows(_ period: Int) throws {
        let directory = try Fixtures.temporaryDirectory()
        let slow = try Self.expectSame(try Self.faulty(rows: 4000, period: period, in: directory))
        #expect(slow.status == 65)
        let invalid = slow.stdout.split(separator: "\n").first.flatMap { line in
            line.split(separator: ",").last?.split(separator: " ").first.flatMap { Int($0) }
        }
        #expect((invalid ?? 0) >= 4000 / period / 2, "\(slow.stdout.prefix(200))")
    }
}
