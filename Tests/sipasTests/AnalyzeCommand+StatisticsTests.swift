import Foundation
import SIPASTestSupport
import Testing

/// `sipas analyze` with the statistics options: the bootstrap (seeded, so repeatable) and calibration
/// to population margins given as CSV files.
struct AnalyzeCommandStatisticsTests {
    typealias CLI = CommandLineTests

    static func overallSE(_ csv: String) -> String? {
        let lines = csv.split(separator: "\n").map(String.init)
        guard let header = lines.first?.split(separator: ",").map(String.init), let se = header.firstIndex(of: "se") else { return nil }
        return lines.dropFirst().first { $0.hasPrefix("all,,") }.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)[se] }
    }

    @Test func bootstrapIsRepeatableForASeed() throws {
        let arguments = ["analyze", CLI.sample2024, "--format", "csv", "--variance", "bootstrap", "--replicates", "20", "--seed", "7"]
        let first = try CLI.sipas(arguments), again = try CLI.sipas(arguments)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == again.stdout)
        let linear = try CLI.sipas(["analyze", CLI.sample2024, "--format", "csv"])
        #expect(Self.overallSE(first.stdout) != nil && Self.overallSE(first.stdout) != Self.overallSE(linear.stdout))
    }

    @Test func calibratesToAMarginsFile() throws {
        let directory = try Fixtures.temporaryDirectory()
        let margins = directory.appendingPathComponent("sex.csv")
        try "sex,population\n1,50000000\n2,51000000\n".write(to: margins, atomically: true, encoding: .utf8)
        let run = try CLI.sipas(["analyze", CLI.sample2024, "--format", "csv", "--calibrate", margins.path], in: directory)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(Self.overallSE(run.stdout) != nil)
        let partial = directory.appendingPathComponent("partial.csv")
        try "sex,population\n1,50000000\n".write(to: partial, atomically: true, encoding: .utf8)
        let failed = try CLI.sipas(["analyze", CLI.sample2024, "--calibrate", partial.path], in: directory)
        #expect(failed.status != 0)
        #expect(failed.stderr.contains("not in the population margin"), "\(failed.stderr)")
    }

    @Test func calibrationMethodNeedsMargins() throws {
        let run = try CLI.sipas(["analyze", CLI.sample2024, "--calibration", "rake"])
        #expect(run.status == 64, "\(run.stderr)")
    }
}
