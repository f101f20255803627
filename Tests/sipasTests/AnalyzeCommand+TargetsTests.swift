import Foundation
import SIPASTestSupport
import Testing

/// `--targets` end to end: verdicts that respect the data's year and the plan's unit (issue 27, point 1).
struct AnalyzeCommandTargetsTests {
    typealias CLI = CommandLineTests
    static let data = Fixtures.repositoryRoot.appendingPathComponent("SampleData")

    static func json(_ arguments: [String]) throws -> [String: Any] {
        let run = try CLI.sipas(arguments + ["--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    }

    /// The `--by province_code` estimate (percent) of one province, indicator and share.
    static func provinceEstimate(_ file: String, code: String, indicator: String) throws -> Double {
        let object = try json(["analyze", data.appendingPathComponent(file).path, "--by", "province_code"])
        let records = try #require(object["records"] as? [[String: Any]])
        let row = try #require(
            records.first {
                $0["group_variable"] as? String == "province_code" && $0["group_value"] as? String == code
                    && $0["indicator"] as? String == indicator && $0["statistic"] as? String == "share"
            })
        return try #require(row["estimate"] as? Double)
    }

    @Test func bacGiang2030TargetsAreNotYetDueOn2024DataAndJudgedOnProvince24() throws {
        let object = try Self.json([
            "analyze", Self.data.appendingPathComponent("2024.csv").path, "--targets", "bac-giang-2021-2030", "--lang",
            "en",
        ])
        let targets = try #require(object["targets"] as? [[String: Any]])
        let sipas = targets.filter { $0["family"] as? String == "sipas" }
        #expect(sipas.count == 3)
        for target in sipas {
            #expect(target["status"] as? String == "not_yet_due")
            #expect(target["point_status"] == nil)
            #expect(target["data_year"] as? Int == 2024)
            #expect(target["yearly_change_needed"] is Double)
        }
        #expect(!targets.contains { $0["status"] as? String == "not_met" })
        // The 2030 SIPAS index: gap and change per year from province 24's own estimate.
        let index = try #require(sipas.first { $0["indicator"] as? String == "overall" })
        #expect(index["due_year"] as? Int == 2030)
        let estimate = try #require((index["estimate"] as? [String: Any])?["estimate"] as? Double)
        let own = try Self.provinceEstimate("2024.csv", code: "24", indicator: "overall")
        #expect(abs(estimate - own) < 1e-9)
        #expect(abs((index["gap"] as! Double) - (own - 95)) < 1e-9)
        #expect(abs((index["yearly_change_needed"] as! Double) - max(0, 95 - own) / 6) < 1e-9)
        let scope = try #require(object["target_scope"] as? [String: Any])
        #expect(scope["group_value"] as? String == "24")
        #expect(scope["unit"] as? String == "Bắc Giang (code 24)")
        // The unit's breakdown is not a table of the output.
        let records = try #require(object["records"] as? [[String: Any]])
        #expect(!records.contains { ($0["group_variable"] as? String)?.hasPrefix("target-unit:") == true })
        #expect(
            records.count
                == (try Self.json(["analyze", Self.data.appendingPathComponent("2024.csv").path])["records"] as? [Any])?
                .count)
    }

    @Test func theTableSaysNotYetDueAndNamesTheUnit() throws {
        let run = try CLI.sipas([
            "analyze", Self.data.appendingPathComponent("2024.csv").path, "--targets", "bac-giang-2021-2030", "--lang",
            "en",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Targets: Bắc Giang province goals 2021–2030 — Bắc Giang (code 24)"))
        #expect(run.stdout.contains("not yet due"))
        #expect(!run.stdout.contains("not met"))
        #expect(run.stdout.contains("Judged on Bắc Giang (code 24) only, not on the whole sample."))
    }

    @Test func on2025DataTheBacGiangPlanIsJudgedOnTheNewBacNinh() throws {
        let file = Self.data.appendingPathComponent("2025.csv").path
        let en = try CLI.sipas(["analyze", file, "--targets", "bac-giang-2025", "--lang", "en"])
        #expect(en.status == 0, "\(en.stderr)")
        #expect(en.stdout.contains("Bắc Ninh (new), which includes former Bắc Giang"))
        let vi = try CLI.sipas(["analyze", file, "--targets", "bac-giang-2025"])
        #expect(vi.stdout.contains("Bắc Ninh (mới), bao gồm Bắc Giang cũ"))
        let object = try Self.json(["analyze", file, "--targets", "bac-giang-2025"])
        let targets = try #require(object["targets"] as? [[String: Any]])
        let services = targets.filter { $0["indicator"] as? String == "area:services" }
        #expect(services.count == 3)
        let own = try Self.provinceEstimate("2025.csv", code: "24", indicator: "area:services")
        for target in services {
            // Due in 2025, the data's year: judged, by the interval and by the point estimate.
            #expect(["met", "not_met", "not_distinguishable"].contains(target["status"] as? String))
            let threshold = try #require(target["threshold"] as? Double)
            #expect(target["point_status"] as? String == (own >= threshold ? "met" : "not_met"))
            let estimate = try #require((target["estimate"] as? [String: Any])?["estimate"] as? Double)
            #expect(abs(estimate - own) < 1e-9)
        }
    }

    @Test func aRelativeTargetIsJudgedByCompareOnTheChange() throws {
        let directory = try Fixtures.temporaryDirectory()
        let plan = directory.appendingPathComponent("relative.yaml")
        try """
        id: relative
        plan: {vi: "Hưng Yên cao hơn năm trước", en: "Hưng Yên higher than the year before"}
        level: province
        unit: {code: "33", name: "Hưng Yên", coding: old}
        year: 2024
        targets:
          - {family: sipas, indicator: overall, higher_than: 2023, label: {vi: "Cao hơn năm 2023", en: "Higher than 2023"}}
        """.write(to: plan, atomically: true, encoding: .utf8)
        let object = try Self.json([
            "compare", Self.data.appendingPathComponent("2023.csv").path,
            Self.data.appendingPathComponent("2024.csv").path,
            "--targets", plan.path,
        ])
        let target = try #require((object["targets"] as? [[String: Any]])?.first)
        let records = try #require(object["records"] as? [[String: Any]])
        let row = try #require(
            records.first {
                $0["group_variable"] as? String == "province_code" && $0["group_value"] as? String == "33"
                    && $0["indicator"] as? String == "overall" && $0["statistic"] as? String == "share"
            })
        let change = try #require(target["change"] as? Double)
        #expect(abs(change - (row["change"] as! Double)) < 1e-9)
        #expect(abs((target["change_ci_low"] as! Double) - (row["change_ci_low"] as! Double)) < 1e-9)
        let low = row["change_ci_low"] as! Double
        let high = row["change_ci_high"] as! Double
        let expected = low > 0 ? "met" : high <= 0 ? "not_met" : "not_distinguishable"
        #expect(target["status"] as? String == expected)
        // analyze alone cannot judge it.
        let alone = try Self.json([
            "analyze", Self.data.appendingPathComponent("2024.csv").path, "--targets", plan.path,
        ])
        #expect((alone["targets"] as? [[String: Any]])?.first?["status"] as? String == "not_measured")
    }
}
