import Foundation
import SIPASTestSupport
import Testing

/// `sipas analyze` with the statistics options: the bootstrap (seeded, so repeatable) and calibration
/// to population margins given as CSV files.
struct AnalyzeCommandStatisticsTests {
    typealias CLI = CommandLineTests

    static func overallSE(_ csv: String) -> String? {
        let lines = csv.split(separator: "\n").map(String.init)
        guard let header = lines.first?.split(separator: ",").map(String.init), let se = header.firstIndex(of: "se")
        else { return nil }
        return lines.dropFirst().first { $0.hasPrefix("all,,") }.map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)[se]
        }
    }

    @Test func bootstrapIsRepeatableForASeed() throws {
        let arguments = [
            "analyze", CLI.sample2024, "--format", "csv", "--variance", "bootstrap", "--replicates", "20", "--seed",
            "7",
        ]
        let first = try CLI.sipas(arguments)
        let again = try CLI.sipas(arguments)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == again.stdout)
        let linear = try CLI.sipas(["analyze", CLI.sample2024, "--format", "csv"])
        #expect(Self.overallSE(first.stdout) != nil && Self.overallSE(first.stdout) != Self.overallSE(linear.stdout))
    }

    @Test func calibratesToAMarginsFile() throws {
        let directory = try Fixtures.temporaryDirectory()
        let margins = directory.appendingPathComponent("sex.csv")
        try "sex,population\n1,50000000\n2,51000000\n".write(to: margins, atomically: true, encoding: .utf8)
        let run = try CLI.sipas(
            ["analyze", CLI.sample2024, "--format", "csv", "--calibrate", margins.path], in: directory)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(Self.overallSE(run.stdout) != nil)
        let partial = directory.appendingPathComponent("partial.csv")
        try "sex,population\n1,50000000\n".write(to: partial, atomically: true, encoding: .utf8)
        let failed = try CLI.sipas(["analyze", CLI.sample2024, "--calibrate", partial.path], in: directory)
        #expect(failed.status != 0)
        #expect(
            failed.stderr.contains("hiệu chỉnh: sex = 2 có trong mẫu nhưng không có trong tổng thể"), "\(failed.stderr)"
        )
    }

    @Test func calibrationMethodNeedsMargins() throws {
        let run = try CLI.sipas(["analyze", CLI.sample2024, "--calibration", "rake"])
        #expect(run.status == 64, "\(run.stderr)")
    }

    /// Raking is reported with its sweeps and the largest remaining margin gap, in the table and the JSON.
    @Test func rakingStatesItsSweepsAndGap() throws {
        let directory = Fixtures.url("r-real")
        let arguments = [
            "analyze", "nhanes.csv", "--instrument", "nhanes.yaml", "--calibrate", "margin-race.csv",
            "--calibrate", "margin-sex.csv", "--lang", "en",
        ]
        let table = try CLI.sipas(arguments, in: directory)
        #expect(table.status == 0, "\(table.stderr)")
        let line = try #require(
            table.stdout.split(separator: "\n").first { $0.hasPrefix("Calibration (rake, race, RIAGENDR): ") })
        #expect(line.contains(" sweeps, largest margin gap "), "\(line)")
        let json = try CLI.sipas(arguments + ["--format", "json"], in: directory)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let calibration = try #require(document["calibration"] as? [String: Any])
        #expect(calibration["converged"] as? Bool == true)
        #expect((calibration["iterations"] as? Int).map { $0 > 1 && $0 < 100 } == true)
        #expect((calibration["largest_margin_gap"] as? Double).map { $0 < 1e-13 } == true)
    }

    /// Margins of two populations cannot both be met: exit 65 with the margin named.
    @Test func rakingToInconsistentMarginsFails() throws {
        let directory = try Fixtures.temporaryDirectory()
        let real = Fixtures.url("r-real")
        let doubled = directory.appendingPathComponent("sex-doubled.csv")
        let sex = try String(contentsOf: real.appendingPathComponent("margin-sex.csv"), encoding: .utf8)
        let lines = sex.split(separator: "\n").map(String.init)
        let scaled = lines.dropFirst().map { line -> String in
            let f = line.split(separator: ",").map(String.init)
            return "\(f[0]),\(2 * Int(f[1])!)"
        }
        try ([lines[0]] + scaled).joined(separator: "\n").appending("\n").write(
            to: doubled, atomically: true, encoding: .utf8)
        let run = try CLI.sipas(
            [
                "analyze", real.appendingPathComponent("nhanes.csv").path, "--instrument",
                real.appendingPathComponent("nhanes.yaml").path, "--calibrate",
                real.appendingPathComponent("margin-race.csv").path, "--calibrate", doubled.path,
            ], in: directory)
        #expect(run.status == 65, "\(run.stderr)")
        #expect(run.stderr.contains("phép cào (raking) không hội tụ") && run.stderr.contains("race"), "\(run.stderr)")
    }
}
