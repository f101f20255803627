import Foundation
import SIPASCore
import SIPASTestSupport
import Testing

/// `--by agency` and the report's agency table end to end (issue 27, point 3), on the fixture
/// Tests/Fixtures/agency/land-2024.csv whose ranks R computed (agencies.csv).
struct AnalyzeCommandAgenciesTests {
    typealias CLI = CommandLineTests
    static let data = Fixtures.url("agency/land-2024.csv")

    static func reference() throws -> [[String: String]] {
        let text = try String(contentsOf: Fixtures.url("agency/agencies.csv"), encoding: .utf8)
        let records = try CSVReader().records(text, file: "agencies.csv")
        return records.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(records[0].fields, $0.fields)) }
    }

    @Test func analyzeByAgencyPrintsTheRanking() throws {
        let run = try CLI.sipas(["analyze", Self.data.path, "--by", "agency", "--lang", "en"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Agencies ranked within their province"))
        let lines = run.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        for row in try Self.reference() {
            let code = row["agency_code"]!
            let line = try #require(lines.first { $0.contains(" \(code) ") }, "\(code) not printed")
            if let rank = row["rank"], !rank.isEmpty {
                let text = "\(rank)/\(row["ranked"]!)" + (row["tied"] == "TRUE" ? " ≈" : "")
                #expect(line.hasSuffix(text), "\(line)")
            } else {
                #expect(line.hasSuffix("not enough answers (n < 30)"), "\(line)")
            }
        }
    }

    @Test func theReportHasTheAgencyTable() throws {
        let out = try Fixtures.temporaryDirectory()
        let run = try CLI.sipas(["report", Self.data.path, "--out", out.path, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("report.json")))
                as? [String: Any])
        let tables = try #require(object["tables"] as? [[String: Any]])
        let agencies = try #require(tables.first { $0["id"] as? String == "agencies" })
        let rows = try #require(agencies["rows"] as? [[String: Any]])
        let reference = try Self.reference()
        #expect(rows.count == reference.count)
        for row in reference where !(row["rank"] ?? "").isEmpty {
            let entry = try #require(rows.first { $0["agency_code"] as? String == row["agency_code"] })
            #expect(
                entry["rank"] as? String == "\(row["rank"]!)/\(row["ranked"]!)" + (row["tied"] == "TRUE" ? " ≈" : ""))
            #expect(abs((entry["share"] as? Double ?? .nan) - Double(row["estimate"]!)! * 100) < 1e-8)
        }
        // The land instrument has LAND_overall: the driver table has one row per element.
        let drivers = try #require(tables.first { $0["id"] as? String == "drivers" })
        #expect((drivers["rows"] as? [Any])?.count == 5)
    }
}
