import Testing

@testable import SIPASStats

/// Allocation on apipop's strata (E/H/M), n = 200, against Tests/Fixtures/r-sampling/allocation.csv
/// (reference.R: the bounded loop and largest remainder in R; N_h and S_h(api00) from apipop).
struct DesignAllocationTests {
    static func strata() throws -> (names: [String], n: [Double], sd: [Double]) {
        let t = try DesignFixtures.table("apipop-strata.csv")
        return (try t.strings("stype"), try t.numbers("schools"), try t.numbers("sd_api00"))
    }

    @Test(arguments: AllocationRule.allCases)
    func matchesR(rule: AllocationRule) throws {
        let (names, populations, sds) = try Self.strata()
        let reference = try DesignFixtures.table("allocation.csv")
        let rules = try reference.strings("rule")
        let minima = try reference.numbers("minimum")
        let exact = try reference.numbers("exact")
        let forms = try reference.numbers("forms")
        let moe = try reference.numbers("moe")
        for minimum in [0, 30] {
            let rows = rules.indices.filter { rules[$0] == rule.rawValue && minima[$0] == Double(minimum) }
            #expect(rows.count == 3)
            let result = try Allocation.allocate(
                n: 200, rule: rule, strata: names, populations: populations, sds: sds, minimum: minimum)
            #expect(
                DesignFixtures.maxError(result.map(\.exact), rows.map { exact[$0] }) < 1e-12, "\(rule) min \(minimum)")
            #expect(result.map(\.forms) == rows.map { Int(forms[$0]) }, "\(rule) min \(minimum)")
            #expect(result.map(\.forms).reduce(0, +) == 200)
            let margins = try zip(result, populations).map {
                try SampleSize.marginOfError(n: Double($0.forms), share: 0.5, population: $1)
            }
            #expect(DesignFixtures.maxError(margins, rows.map { moe[$0] }) < 1e-12)
        }
    }

    @Test func researchNoteTable() throws {
        let (names, populations, sds) = try Self.strata()
        #expect(
            try Allocation.allocate(n: 200, rule: .proportional, strata: names, populations: populations, minimum: 30)
                .map(\.forms) == [138, 30, 32])
        #expect(
            try Allocation.allocate(
                n: 200, rule: .neyman, strata: names, populations: populations, sds: sds, minimum: 30
            ).map(\.forms) == [139, 30, 31])
        #expect(
            try Allocation.allocate(n: 200, rule: .equal, strata: names, populations: populations).map(\.forms) == [
                67, 67, 66,
            ])
    }

    @Test func capsAtThePopulationAndSharesTheRest() throws {
        let result = try Allocation.allocate(
            n: 100, rule: .equal, strata: ["a", "b", "c"], populations: [10, 500, 500])
        #expect(result.map(\.forms) == [10, 45, 45])
        #expect(result.map(\.fixed) == [true, false, false])
    }

    @Test func largestRemainderBreaksTiesByStratumOrder() {
        #expect(Allocation.largestRemainder([1.5, 1.5, 1.0], n: 4) == [2, 1, 1])
        #expect(Allocation.largestRemainder([0.2, 0.7, 2.1], n: 3) == [0, 1, 2])
    }

    @Test func rejectsImpossibleMinimaAndMissingSDs() {
        do {
            _ = try Allocation.allocate(
                n: 50, rule: .proportional, strata: ["a", "b"], populations: [100, 100], minimum: 30)
            Issue.record("accepted 2 × 30 > 50")
        } catch let error as DesignError {
            #expect(error.description == "2 strata × minimum 30 = 60 forms, more than the sample size 50")
        } catch { Issue.record("\(error)") }
        #expect(throws: DesignError.self) {
            try Allocation.allocate(n: 50, rule: .neyman, strata: ["a"], populations: [100])
        }
        #expect(throws: DesignError.self) {
            try Allocation.allocate(n: 500, rule: .equal, strata: ["a", "b"], populations: [100, 100])
        }
    }
}
