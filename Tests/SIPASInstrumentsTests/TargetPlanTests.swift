import Foundation
import SIPASTestSupport
import Testing
@testable import SIPASInstruments

struct TargetPlanTests {
    @Test func everyBuiltinPlanLoadsAndIsListed() throws {
        let folder = Fixtures.repositoryRoot.appendingPathComponent("Instruments/targets")
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(onDisk == BuiltinTargets.files.map(\.name).sorted())
        #expect(try BuiltinTargets.all().count == 5)
    }

    @Test func bacGiangKeepsBothFiguresOfItsPlan() throws {
        let plan = try #require(try BuiltinTargets.named("bac-giang-2025"))
        let procedures = plan.targets.filter { $0.family == "sipas" && $0.indicator == "area:services" }
        #expect(procedures.map(\.threshold) == [90, 95])
        #expect(procedures.map(\.part) == ["text", "appendix"])
        #expect(plan.targets.first { $0.family == "land" }?.threshold == 85)
    }

    @Test func hungThangIsAStrictTarget() throws {
        let plan = try #require(try BuiltinTargets.named("hung-thang-2025"))
        #expect(plan.level == "commune")
        #expect(plan.targets.first?.isStrict == true)
    }

    @Test func aTargetNeedsExactlyOneThresholdWithItsLine() {
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
        #expect(throws: InstrumentError(file: "x.yaml", line: 8, message: "targets[1]: give exactly one of minimum or above")) {
            try TargetPlan.load(yaml: yaml, file: "x.yaml")
        }
    }
}
