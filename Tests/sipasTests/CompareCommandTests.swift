import Foundation
import SIPASTestSupport
import Testing

/// `sipas compare` and `--targets` end to end on the shipped samples.
struct CompareCommandTests {
    typealias CLI = CommandLineTests
    static let data = Fixtures.repositoryRoot.appendingPathComponent("SampleData")

    @Test func twoYearsGiveEstimatesChangesAndRanksPerProvince() throws {
        let run = try CLI.sipas([
            "compare", Self.data.appendingPathComponent("2023.csv").path,
            Self.data.appendingPathComponent("2024.csv").path, "--format", "json",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["years"] as? [String] == ["2023", "2024"])
        #expect(object["method_break"] as? Bool == false)
        #expect((object["regrouped"] as? [String])?.isEmpty == true)
        let records = try #require(object["records"] as? [[String: Any]])
        let provinces = records.filter {
            $0["group_variable"] as? String == "province_code" && $0["indicator"] as? String == "overall"
                && $0["statistic"] as? String == "share"
        }
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
        let run = try CLI.sipas([
            "compare", Self.data.appendingPathComponent("2024.csv").path,
            Self.data.appendingPathComponent("2025.csv").path, "--by", "province_code", "--lang", "en",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Regrouped into the units in force from 1 July 2025"))
        #expect(run.stdout.contains("Bắc Ninh (24) ← Bắc Giang (24) + Bắc Ninh (27)"))
        #expect(run.stdout.contains("Overall index by Province"))
        // 34 provinces, each with both years.
        let csv = try CLI.sipas([
            "compare", Self.data.appendingPathComponent("2024.csv").path,
            Self.data.appendingPathComponent("2025.csv").path, "--by", "province_code", "--format", "csv",
        ])
        let rows = csv.stdout.split(separator: "\n").filter {
            $0.hasPrefix("province_code,") && $0.contains(",overall,share,")
        }
        #expect(rows.count == 34)
    }

    @Test func differentMethodsAreMarkedInEveryFormat() throws {
        let directory = try Fixtures.temporaryDirectory()
        let old = directory.appendingPathComponent("2021.csv").path
        let sample = try CLI.sipas([
            "sample", "--instrument", "sipas-2017", "--year", "2021", "--rows", "400", "--seed", "5", "--output", old,
        ])
        #expect(sample.status == 0, "\(sample.stderr)")
        let json = try CLI.sipas([
            "compare", old, Self.data.appendingPathComponent("2023.csv").path, "--format", "json",
        ])
        #expect(json.status == 0, "\(json.stderr)")
        #expect(json.stdout.contains("\"method_break\" : true"))
        let table = try CLI.sipas(["compare", old, Self.data.appendingPathComponent("2023.csv").path, "--lang", "en"])
        #expect(table.stdout.contains("Method break: 2640/QĐ-BNV 2017–2021 → 1001/QĐ-BNV 2023–2026"))
        let csv = try CLI.sipas(["compare", old, Self.data.appendingPathComponent("2023.csv").path, "--format", "csv"])
        // method_break, then the marker: 2023.csv is synthetic and so is the sample file.
        #expect(csv.stdout.split(separator: "\n").dropFirst().allSatisfy { $0.hasSuffix(",true,synthetic") })
    }

    @Test func acrossTheMergerThe2024NationalFigureIsGivenBothWays() throws {
        let files = [
            Self.data.appendingPathComponent("2024.csv").path, Self.data.appendingPathComponent("2025.csv").path,
        ]
        let run = try CLI.sipas(["compare"] + files + ["--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let baseline = try #require((object["national_baselines"] as? [[String: Any]])?.first)
        #expect(baseline["year"] as? String == "2024" && baseline["regrouped_units"] as? Int == 34)
        #expect(
            baseline["published_note"] as? String == "mean of 63 units"
                && baseline["change_uses"] as? String == "published")
        let records = try #require(object["records"] as? [[String: Any]])
        let national = try #require(
            records.first {
                $0["group_variable"] as? String == "all" && $0["indicator"] as? String == "overall"
                    && $0["statistic"] as? String == "share"
            })
        let published = try #require((baseline["published"] as? [String: Any])?["estimate"] as? Double)
        // The change is from the published figure.
        let before = try #require((national["estimates"] as? [Double])?.first)
        #expect(abs(published - before) < 1e-9)
        let after = try #require((national["estimates"] as? [Double])?.last)
        #expect(abs((national["change"] as! Double) - (after - before)) < 1e-9)
        // The regrouped figure is the mean of the 34 regrouped provinces' 2024 values.
        let provinces = records.filter {
            $0["group_variable"] as? String == "province_code" && $0["indicator"] as? String == "overall"
                && $0["statistic"] as? String == "share"
        }
        #expect(provinces.count == 34)
        let mean = provinces.compactMap { ($0["estimates"] as? [Any])?.first as? Double }.reduce(0, +) / 34
        let regrouped = try #require((baseline["regrouped"] as? [String: Any])?["estimate"] as? Double)
        #expect(abs(regrouped - mean) < 1e-9)
        let table = try CLI.sipas(["compare"] + files + ["--lang", "en"])
        #expect(table.stdout.contains("as published (mean of 63 provinces)"))
        #expect(
            table.stdout.contains(
                "regrouped into the 34 new units (mean of 34 units). The change uses the published figure."))
        #expect(table.stdout.contains("the old provinces' responses pooled with their survey weights"))
    }

    @Test func targetsAreMarkedFromTheConfidenceInterval() throws {
        let plan = Fixtures.repositoryRoot.appendingPathComponent("Instruments/targets/bac-giang-2025.yaml").path
        let run = try CLI.sipas([
            "analyze", Self.data.appendingPathComponent("2024.csv").path, "--by", "province_code",
            "--targets", plan, "--format", "json",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let targets = try #require(object["targets"] as? [[String: Any]])
        #expect(targets.count == 7)
        let statuses = Set(targets.compactMap { $0["status"] as? String })
        #expect(statuses.isSubset(of: ["met", "not_met", "not_distinguishable", "not_yet_due", "not_measured"]))
        let procedures = targets.filter { ($0["family"] as? String) == "sipas" }
        #expect(procedures.count == 3)
        for target in procedures {
            // 2025 targets on 2024 data.
            #expect(target["status"] as? String == "not_yet_due")
            #expect(target["gap"] is Double)
        }
    }
}
