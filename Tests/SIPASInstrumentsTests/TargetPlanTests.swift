import Foundation
import SIPASTestSupport
import Testing

@testable import SIPASInstruments

struct TargetPlanTests {
    @Test func everyBuiltinPlanLoadsAndIsListed() throws {
        let folder = Fixtures.repositoryRoot.appendingPathComponent("Instruments/targets")
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }
            .sorted()
        #expect(onDisk == BuiltinTargets.files.map(\.name).sorted())
        #expect(try BuiltinTargets.all().count == 5)
    }

    /// Every satisfaction target of the five plans, from shared/reference/plan-targets.md (rows 1–19):
    /// family, indicator, ≥ or > (or "higher than" a year), threshold, year due.
    static let documented: [String: [String]] = [
        "bac-giang-2025": [
            "sipas area:services ≥ 90 2025",  // 1: text §II.1
            "sipas area:services ≥ 95 2025",  // 2: appendix II.4
            "sipas area:services ≥ 90 2025",  // 4: appendix VI.1
            "land overall ≥ 85 2025",  // 3: appendix II.4
            "health overall ≥ 90 2025",  // 5: §V.2.8
            "education overall ≥ 90 2025",  // 6: §V.2.9
            "education item:EDU_expectations > 90 2025",  // 7: §V.2.9, no question yet
        ],
        "hung-thang-2025": [
            "sipas area:services > 90 2025",  // 8: §II.5 "trên"
            "sipas area:services ≥ 90 2025",  // 9: appendix item 13 "tối thiểu"
        ],
        "hung-yen-2023": [
            "sipas overall higher-than 2022 2023",  // 10: §II
            "sipas overall ≥ 90 2023",  // 13: §II.3b, the SIPAS index
            "sipas area:services ≥ 90 2023",  // 11: §II.2c
            "land overall ≥ 85 2023",  // 12: §II.2c
            "health overall ≥ 85 2023",  // 14: §II.3b
            "education overall ≥ 85 2023",  // 14: §II.3b
        ],
        "bac-giang-2021-2030": [
            "sipas area:services ≥ 90 2025",  // 15: Mục tiêu 11
            "land overall ≥ 85 2025",  // 15
            "sipas overall ≥ 95 2030",  // 17: VII Mục tiêu 2
            "sipas area:services ≥ 95 2030",  // 16: Mục tiêu 12
            "land overall ≥ 90 2030",  // 16
        ],
        "luc-ngan-2024": [
            "sipas area:services ≥ 90 2024",  // 18: appendix II Mục tiêu 5
            "land overall ≥ 85 2024",  // 18
            "health overall ≥ 90 2024",  // 19: §3.8
        ],
    ]

    @Test(arguments: ["bac-giang-2025", "hung-thang-2025", "hung-yen-2023", "bac-giang-2021-2030", "luc-ngan-2024"])
    func everyTargetOfThePlanIsInItsFile(id: String) throws {
        let plan = try #require(try BuiltinTargets.named(id))
        let listed = plan.targets.map { t -> String in
            let rule = t.higherThan.map { "higher-than \($0)" } ?? "\(t.isStrict ? ">" : "≥") \(Int(t.threshold))"
            return "\(t.family) \(t.indicator) \(rule) \(plan.dueYear(of: t))"
        }
        #expect(listed == Self.documented[id])
    }

    @Test func provincePlansAreKeyedInTheCodingOfTheirDocument() throws {
        for id in ["bac-giang-2025", "hung-yen-2023", "bac-giang-2021-2030"] {
            #expect(try BuiltinTargets.named(id)?.unitCoding == .old)
        }
        #expect(try BuiltinTargets.named("luc-ngan-2024")?.unitCoding == nil)
    }

    @Test func aRelativeTargetNamesAnEarlierYear() throws {
        let yaml = """
            id: x
            plan: {vi: x}
            level: province
            unit: {code: "33", name: "Hưng Yên"}
            year: 2023
            targets:
              - {family: sipas, indicator: overall, label: {vi: a}, higher_than: 2023}
            """
        let error = try #require(throws: InstrumentError.self) { try TargetPlan.load(yaml: yaml, file: "x.yaml") }
        #expect(
            error == InstrumentError(file: "x.yaml", line: 7, .targetEarlierYear(index: 0, earlier: 2023, due: 2023)))
        #expect(error.description == "x.yaml:7: targets[0]: higher_than 2023 is not a year before the target's 2023")
    }

    @Test func bacGiangKeepsEveryFigureOfItsPlan() throws {
        let plan = try #require(try BuiltinTargets.named("bac-giang-2025"))
        let procedures = plan.targets.filter { $0.family == "sipas" && $0.indicator == "area:services" }
        #expect(procedures.map(\.threshold) == [90, 95, 90])
        #expect(procedures.map(\.part) == ["text", "appendix", "appendix"])
        #expect(plan.targets.first { $0.family == "land" }?.threshold == 85)
    }

    @Test func hungThangIsAStrictTarget() throws {
        let plan = try #require(try BuiltinTargets.named("hung-thang-2025"))
        #expect(plan.level == "commune")
        #expect(plan.targets.map(\.isStrict) == [true, false])
    }

    @Test func aTargetNeedsExactlyOneThresholdWithItsLine() throws {
        let yaml = """
            id: x
            plan: {vi: x}
            level: province
            unit: {name: X}
            year: 2025
            targets:
              - {family: land, indicator: overall, label: {vi: a}, minimum: 85}
              - {family: land, indicator: overall, label: {vi: b}, minimum: 85, above: 90}
            """
        let error = try #require(throws: InstrumentError.self) { try TargetPlan.load(yaml: yaml, file: "x.yaml") }
        #expect(error == InstrumentError(file: "x.yaml", line: 8, .targetBound(index: 1)))
        #expect(error.message == "targets[1]: give exactly one of minimum, above or higher_than")
    }
}
