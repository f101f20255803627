import Foundation
import SIPASTestSupport
import Testing

/// `sipas compare` and `--targets` end to end on the shipped samples.
struct CompareCommandTests {
    typealias CLI = CommandLineTests
    static let data = Fixtures.repositoryRoot.appendingPathComponent("SampleData")

    @Test func twoYearsGiveEstimatesChangesAndRanksPerProvince() throws {
        let run = try CLI.sipas(["compare", Self.data.appendingPathComponent("2023.csv").path,
                                 Self.data.appendingPathComponent("2024.csv").path, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["years"] as? [String] == ["2023", "2024"])
        #expect(object["method_break"] as? Bool == false)
        #expect((object["regrouped"] as? [String])?.isEmpty == true)
        let records = try #require(object["records"] as? [[String: Any]])
        let provinces = records.filter { $0["group_variable"] as? String == "province_code" && $0["indicator"] as? String == "overall" && $0["statistic"] as? String == "share" }
        #expect(provinces.count == 63)
        for row in provinces {
            #expect((row["estimates"] as? [Any])?.count == 2)
            #expect(row["change"] is Double && row["change_ci_low"] is Double && row["change_ci_high"] is Double)
            #expect(row["rank_change"] is Int)
        }
        let movements = try #require(object["movements"] as? [[String: Any]])
        let byProvince = try #require(movements.first { $0["variable"] as? String == "province_code" })
        #expect((byProvince["up"] as! Int) + (byProvince["down"] as! Int) + (byProvince["unchanged"] as! Int) == 63)
    }

    @Test func acrossTheMergerTheOldProvincesAreRegroupedAndNamed() throws {
        let run = try CLI.sipas(["compare", Self.data.appendingPathComponent("2024.csv").path,
                                 Self.data.appendingPathComponent("2025.csv").path, "--by", "province_code", "--lang", "en"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Regrouped into the units in force from 1 July 2025"))
        #expect(run.stdout.contains("Bắc Ninh (24) ← Bắc Giang (24) + Bắc Ninh (27)"))
        #expect(run.stdout.contains("Overall index by Province"))
        // 34 provinces, each with both years.
        let csv = try CLI.sipas(["compare", Self.data.appendingPathComponent("2024.csv").path,
                                 Self.data.appendingPathComponent("2025.csv").path, "--by", "province_code", "--format", "csv"])
        let rows = csv.stdout.split(separator: "\n").filter { $0.hasPrefix("province_code,") && $0.contains(",overall,share,") }
        #expect(rows.count == 34)
    }

    @Test func differentMethodsAreMarkedInEveryFormat() throws {
        let directory = try Fixtures.temporaryDirectory()
        let old = directory.appendingPathComponent("2021.csv").path
        let sample = try CLI.sipas(["sample", "--instrument", "sipas-2017", "--year", "2021", "--rows", "400", "--seed", "5", "--output", old])
        #expect(sample.status == 0, "\(sample.stderr)")
        let json = try CLI.sipas(["compare", old, Self.data.appendingPathComponent("2023.csv").path, "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        #expect(json.stdout.contains("\"method_break\" : true"))
        let table = try CLI.sipas(["compare", old, Self.data.appendingPathComponent("2023.csv").path, "--lang", "en"])
        #expect(table.stdout.contains("Method break: 2640/QĐ-BNV 2017–2021 → 1001/QĐ-BNV 2023–2026"))
        let csv = try CLI.sipas(["compare", old, Self.data.appendingPathComponent("2023.csv").path, "--format", "csv"])
        #expect(csv.stdout.split(separator: "\n").dropFirst().allSatisfy { $0.hasSuffix(",true") })
    }

    @Test func targetsAreMarkedFromTheConfidenceInterval() throws {
        let plan = Fixtures.repositoryRoot.appendingPathComponent("Instruments/targets/bac-giang-2025.yaml").path
        let run = try CLI.sipas(["analyze", Self.data.appendingPathComponent("2024.csv").path, "--by", "province_code",
                                 "--targets", plan, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let targets = try #require(object["targets"] as? [[String: Any]])
        #expect(targets.count == 5)
        let statuses = Set(targets.compactMap { $0["status"] as? String })
        #expect(statuses.isSubset(of: ["met", "not_met", "not_distinguishable", "not_measured"]))
        let procedures = targets.filter { (($0["target"] as? [String: Any])?["family"] as? String) == "sipas" }
        #expect(procedures.count == 2)
        for target in procedures {
            #expect(["met", "not_met", "not_distinguishable"].contains(target["status"] as? String))
            #expect(target["gap"] is Double)
        }
    }
}
