import SIPASCore
import Testing

@testable import SIPASInstruments
@testable import SIPASStats

/// Where a plan is judged: its own unit, across the 1 July 2025 reorganisation.
struct TargetScopeTests {
    static let instrument: Instrument = { try! BuiltinInstruments.named("sipas-2023")! }()
    static let variable = TargetScope.breakdownPrefix + "province_code"

    static func result(_ codes: [String]) -> AnalysisResult {
        let overall = Indicator(id: "overall", level: .overall, label: LocalizedText(vi: "Chung"), components: [])
        let estimate = Estimate(
            value: 0.8, standardError: 0.01, degreesOfFreedom: 50, ciLow: 0.78, ciHigh: 0.82, ciMethod: .logit, n: 300,
            nExcluded: 0)
        return AnalysisResult(
            instrumentId: "t",
            design: DesignSummary(
                records: 0, weightSum: 0, strata: 0, psus: 0, degreesOfFreedom: 0, lonelyStrata: [], lonelyPSU: "fail"),
            nationalMethod: .pooled, confidenceLevel: 0.95,
            results: codes.map {
                IndicatorResult(
                    group: Group(variable: variable, values: [$0]), indicator: overall, statistic: .share,
                    estimate: estimate)
            })
    }

    static func plan(
        _ code: String, _ name: String, coding: ProvinceCoding? = nil, level: String = "province", year: Int = 2025
    ) -> TargetPlan {
        TargetPlan(
            id: "p", plan: LocalizedText(vi: "p"), level: level, unit: .init(code: code, name: name, coding: coding),
            year: year, targets: [])
    }

    @Test func aProvincePlanIsJudgedOnItsProvinceOnly() throws {
        let plan = try #require(try BuiltinTargets.named("bac-giang-2021-2030"))
        let breakdown = try #require(TargetScope.breakdown(for: plan, instrument: Self.instrument))
        #expect(breakdown.name == Self.variable && breakdown.recode == nil)
        let scope = TargetScope.resolve(
            plan, instrument: Self.instrument, result: Self.result(["01", "24", "27"]), dataYear: 2024)
        #expect(scope.group == Group(variable: Self.variable, values: ["24"]))
        #expect(scope.unit.en == "Bắc Giang (code 24)")
        #expect(scope.note.en == "Judged on Bắc Giang (code 24) only, not on the whole sample.")
    }

    @Test func aPreMergerPlanOnDataFrom2025IsJudgedOnTheNewProvince() throws {
        let plan = try #require(try BuiltinTargets.named("bac-giang-2025"))
        let scope = TargetScope.resolve(
            plan, instrument: Self.instrument, result: Self.result(["01", "24"]), dataYear: 2025)
        #expect(scope.group?.values == ["24"])
        #expect(scope.unit.en == "Bắc Ninh (new), which includes former Bắc Giang")
        #expect(scope.unit.vi == "Bắc Ninh (mới), bao gồm Bắc Giang cũ")
        #expect(
            scope.note.en
                == "2025 data use the 34 provinces in force from 1 July 2025: the plan of Bắc Giang (old code 24) is judged on Bắc Ninh (new), which includes former Bắc Giang, code 24."
        )
        // Old Bắc Ninh (27) is now part of code 24 too; Hưng Yên 33 now includes Thái Bình.
        #expect(
            TargetScope.resolve(
                Self.plan("27", "Bắc Ninh", coding: .old), instrument: Self.instrument, result: Self.result(["24"]),
                dataYear: 2025
            ).group?.values == ["24"])
        let hungYen = TargetScope.resolve(
            try #require(try BuiltinTargets.named("hung-yen-2023")), instrument: Self.instrument,
            result: Self.result(["33"]), dataYear: 2026)
        #expect(hungYen.unit.en == "Hưng Yên (new), which also includes former Thái Bình")
        #expect(hungYen.unit.vi == "Hưng Yên (mới), bao gồm cả Thái Bình cũ")
    }

    @Test func aPostMergerPlanOnEarlierDataPoolsTheOldProvinces() throws {
        let plan = Self.plan("24", "Bắc Ninh")
        #expect(plan.unitCoding == .new)
        let breakdown = try #require(TargetScope.breakdown(for: plan, instrument: Self.instrument))
        #expect(breakdown.recode?["27"] == "24" && breakdown.recode?["24"] == "24")
        let scope = TargetScope.resolve(plan, instrument: Self.instrument, result: Self.result(["24"]), dataYear: 2024)
        #expect(scope.group?.values == ["24"])
        #expect(scope.unit.en == "Bắc Ninh (new): former Bắc Giang (24) and Bắc Ninh (27) pooled")
        #expect(
            scope.note.en
                == "2024 data use the 63 provinces before 1 July 2025: Bắc Ninh (new, code 24) is estimated from former Bắc Giang (24) and Bắc Ninh (27), pooled with survey weights."
        )
    }

    @Test func theRegroupingOfANewCodedPlanLeavesNewCodesAlone() {
        // Every new code is the old code of the province holding the seat, so the map is the identity on them.
        let map = ProvinceCatalog.official.newCodeOfOldCode
        for province in ProvinceCatalog.official.provincesFrom2025 { #expect(map[province.code] == province.code) }
    }

    @Test func unitsTheDataDoNotHoldAreNotMeasured() throws {
        let absent = TargetScope.resolve(
            try #require(try BuiltinTargets.named("bac-giang-2025")), instrument: Self.instrument,
            result: Self.result(["01"]), dataYear: 2024)
        #expect(absent.group == nil)
        #expect(
            absent.note.en
                == "The data hold no responses of Bắc Giang (code 24): the targets are not measured here (never the national figure)."
        )
        let district = TargetScope.resolve(
            try #require(try BuiltinTargets.named("luc-ngan-2024")), instrument: Self.instrument,
            result: Self.result(["24"]), dataYear: 2024)
        #expect(district.group == nil)
        #expect(
            district.note.en
                == "The data have no district column to select Lục Ngạn: the targets are not measured here (never the national figure)."
        )
        #expect(
            TargetScope.breakdown(
                for: try #require(try BuiltinTargets.named("hung-thang-2025")), instrument: Self.instrument) == nil)
    }

    @Test func anUnknownYearIsSaid() throws {
        let scope = TargetScope.resolve(
            try #require(try BuiltinTargets.named("bac-giang-2025")), instrument: Self.instrument,
            result: Self.result(["24"]), dataYear: nil)
        #expect(scope.group?.values == ["24"])
        #expect(
            scope.note.en?.hasSuffix(
                "The data's year is unknown (no year column): the data are taken to use the plan's province coding and every target is judged as due."
            ) == true)
    }
}
