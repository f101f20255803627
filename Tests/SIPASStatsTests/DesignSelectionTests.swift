import SIPASTestSupport
import Testing

@testable import SIPASStats

/// Inclusion probabilities and selections against R `sampling` 2.9 on apipop (enrolment as size),
/// and on the synthetic frame of SampleData, with R's own uniforms (Tests/Fixtures/r-sampling/reference.R).
struct DesignSelectionTests {
    @Test func inclusionProbabilitiesMatchR() throws {
        let frame = try DesignFixtures.frame()
        let reference = try DesignFixtures.table("inclusion.csv")
        let enroll = try frame.numbers("enroll")
        #expect(try frame.strings("cds") == reference.strings("cds"))
        let pik = InclusionProbabilities.compute(sizes: enroll, n: 200)
        #expect(DesignFixtures.maxError(pik, try reference.numbers("pik")) < 1e-15)
        var big = enroll
        big[9] = 400_000
        big[19] = 150_000
        let certain = InclusionProbabilities.compute(sizes: big, n: 60)
        #expect(certain[9] == 1 && certain[19] == 1)
        #expect(DesignFixtures.maxError(certain, try reference.numbers("pik_certainty")) < 1e-15)
        #expect(abs(InclusionProbabilities.sum(certain) - 60) < 1e-10)
    }

    @Test func certaintyUnitsCascade() {
        // Capping units 5 and 6 pushes unit 4 over 1: research/sampling-methods.md §3.1.
        let pik = InclusionProbabilities.compute(sizes: [5, 10, 20, 40, 300, 625], n: 4)
        #expect(DesignFixtures.maxError(pik, [1.0 / 7, 2.0 / 7, 4.0 / 7, 1, 1, 1]) < 1e-15)
        #expect(InclusionProbabilities.compute(sizes: [0, 2, 2], n: 1) == [0, 0.5, 0.5])
    }

    @Test func systematicMatchesR() throws {
        let frame = try DesignFixtures.frame()
        let reference = try DesignFixtures.table("inclusion.csv")
        let enroll = try frame.numbers("enroll")
        let u = try DesignFixtures.uniforms("u_systematic")[0]
        let s = UnequalProbabilitySampling.systematic(InclusionProbabilities.compute(sizes: enroll, n: 200), start: u)
        #expect(s == (try reference.numbers("systematic")))
        #expect(s.filter { $0 == 1 }.count == 200)
        var big = enroll
        big[9] = 400_000
        big[19] = 150_000
        let uc = try DesignFixtures.uniforms("u_certainty")[0]
        let sc = UnequalProbabilitySampling.systematic(InclusionProbabilities.compute(sizes: big, n: 60), start: uc)
        #expect(sc == (try reference.numbers("systematic_certainty")))
        #expect(sc[9] == 1 && sc[19] == 1)
    }

    @Test func systematicKeepsUnitsOutsideEpsilon() {
        // R: UPsystematic(c(1e-7, .9999995, .5, .5, 1)) with u = .8 gives 1e-7 .9999995 0 1 1.
        #expect(
            UnequalProbabilitySampling.systematic([1e-7, 0.9999995, 0.5, 0.5, 1], start: 0.8) == [
                1e-7, 0.9999995, 0, 1, 1,
            ])
        // M = 120,80,300,50,150,100, n = 3, u = 0.2002145 (set.seed(5)) selects units 1, 3, 5.
        let pik = InclusionProbabilities.compute(sizes: [120, 80, 300, 50, 150, 100], n: 3)
        #expect(UnequalProbabilitySampling.systematic(pik, start: 0.2002145) == [1, 0, 1, 0, 1, 0])
    }

    @Test func tilleMatchesR() throws {
        let reference = try DesignFixtures.table("tille-high-schools.csv")
        let pik = try reference.numbers("pik")
        let uniforms = try DesignFixtures.uniforms("u_tille")
        #expect(uniforms.count == pik.count - 12)
        var stream = ListedUniforms(uniforms)
        let s = UnequalProbabilitySampling.tille(pik, next: { stream.next() })
        #expect(stream.used == uniforms.count)
        #expect(s == (try reference.numbers("tille")))
        #expect(s.filter { $0 == 1 }.count == 12)
    }

    @Test func stratifiedSystematicMatchesRStrata() throws {
        let frame = try DesignFixtures.frame()
        let reference = try DesignFixtures.table("strata-systematic.csv")
        var stream = ListedUniforms(try DesignFixtures.uniforms("u_strata"))
        let result = try Selection.draw(
            strata: try frame.strings("stype"), measures: try frame.numbers("enroll"),
            sizes: ["E": 40, "H": 12, "M": 18], method: .ppsSystematic, uniforms: &stream)
        #expect(stream.used == 3)
        let ids = try frame.strings("cds")
        #expect(result.units.map { ids[$0.row] } == (try reference.strings("cds")))
        #expect(result.units.map(\.stratum) == (try reference.strings("stype")))
        #expect(DesignFixtures.maxError(result.units.map(\.probability), try reference.numbers("prob")) < 1e-15)
        #expect(result.strata.map(\.stratum) == ["H", "M", "E"])
    }

    @Test func syntheticFrameMatchesR() throws {
        let frame = try FrameTable.read(Fixtures.repositoryRoot.appendingPathComponent("SampleData/frame-2025.csv"))
        let codes = try frame.strings("commune_code")
        let provinces = try frame.strings("province_code")
        let households = try frame.numbers("households")
        let reference = try DesignFixtures.table("synthetic-strata.csv")
        var stream = ListedUniforms(try DesignFixtures.uniforms("u_synthetic_strata"))
        let sizes = Dictionary(uniqueKeysWithValues: Set(provinces).map { ($0, 4) })
        let result = try Selection.draw(
            strata: provinces, measures: households, sizes: sizes, method: .ppsSystematic, uniforms: &stream)
        #expect(stream.used == 34)
        #expect(result.units.map { codes[$0.row] } == (try reference.strings("commune_code")))
        #expect(DesignFixtures.maxError(result.units.map(\.probability), try reference.numbers("prob")) < 1e-15)

        let tille = try DesignFixtures.table("synthetic-tille.csv")
        let first = provinces.indices.filter { provinces[$0] == provinces[0] }
        let pik = InclusionProbabilities.compute(sizes: first.map { households[$0] }, n: 5)
        #expect(DesignFixtures.maxError(pik, try tille.numbers("pik")) < 1e-15)
        var uniforms = ListedUniforms(try DesignFixtures.uniforms("u_synthetic_tille"))
        #expect(UnequalProbabilitySampling.tille(pik, next: { uniforms.next() }) == (try tille.numbers("tille")))
        #expect(uniforms.used == first.count - 5)
    }

    @Test func srsTakesExactlyNWithEqualProbabilities() throws {
        var stream = GSLUniforms(seed: 9)
        let strata = (0..<50).map { $0 < 20 ? "a" : "b" }
        let result = try Selection.draw(
            strata: strata, measures: nil, sizes: ["a": 5, "b": 3], method: .srs, uniforms: &stream)
        #expect(result.units.filter { $0.stratum == "a" }.count == 5)
        #expect(result.units.filter { $0.stratum == "b" }.count == 3)
        #expect(result.units.allSatisfy { $0.probability == ($0.stratum == "a" ? 0.25 : 0.1) })
        var again = GSLUniforms(seed: 9)
        #expect(
            try Selection.draw(strata: strata, measures: nil, sizes: ["a": 5, "b": 3], method: .srs, uniforms: &again)
                .units == result.units)
    }

    @Test func tooFewUnitsIsAnError() {
        var stream = ListedUniforms([0.5])
        do {
            _ = try Selection.draw(
                strata: ["a", "a"], measures: [1, 0], sizes: ["a": 2], method: .ppsSystematic, uniforms: &stream)
            Issue.record("drew 2 from 1 positive size")
        } catch let error as DesignError {
            #expect(error.description == "stratum 'a': 2 units wanted but the frame has only 1 with a positive size")
        } catch { Issue.record("\(error)") }
    }

    @Test func tilleRefusesHugeStrata() {
        var stream = ListedUniforms([])
        let n = Selection.tilleLimit + 1
        do {
            _ = try Selection.draw(
                strata: Array(repeating: "a", count: n), measures: Array(repeating: 1, count: n), sizes: ["a": 2],
                method: .ppsTille, uniforms: &stream)
            Issue.record("accepted a stratum of \(n) units for Tillé")
        } catch let error as DesignError {
            #expect(
                error.description
                    == "stratum 'a' has 20001 units: Tillé's method takes O(N²), at most 20000; use pps-systematic"
            )
        } catch { Issue.record("\(error)") }
    }

    @Test func householdsWithReserves() {
        var stream = GSLUniforms(seed: 4)
        let drawn = HouseholdSelection.draw(listed: 100, main: 10, reserves: 5, method: .systematic, uniforms: &stream)
        #expect(drawn.count == 15)
        #expect(drawn.filter { $0.reserveOrder == 0 }.count == 10)
        #expect(drawn.filter { $0.reserveOrder > 0 }.map(\.reserveOrder) == [1, 2, 3, 4, 5])
        #expect(
            Set(drawn.map(\.number)).count == 15
                && drawn.allSatisfy { (1...100).contains($0.number) && $0.probability == 0.1 })
        let small = HouseholdSelection.draw(listed: 6, main: 10, reserves: 5, method: .srs, uniforms: &stream)
        #expect(
            small.map(\.number) == [1, 2, 3, 4, 5, 6]
                && small.allSatisfy { $0.probability == 1 && $0.reserveOrder == 0 })
    }

    @Test(arguments: [SelectionMethod.ppsSystematic, .ppsMaxEntropy, .srs])
    func reserveUnitsLeaveTheSelectionUnchanged(method: SelectionMethod) throws {
        let frame = try DesignFixtures.frame()
        let strata = try frame.strings("stype")
        let enroll = try frame.numbers("enroll")
        let sizes = ["E": 40, "H": 12, "M": 18]
        var plain = GSLUniforms(seed: 21)
        var withReserves = GSLUniforms(seed: 21)
        let measures = method == .srs ? nil : enroll
        let main = try Selection.draw(
            strata: strata, measures: measures, sizes: sizes, method: method, uniforms: &plain)
        let all = try Selection.draw(
            strata: strata, measures: measures, sizes: sizes, method: method, reserves: 3, uniforms: &withReserves)
        #expect(all.units.filter { $0.reserveRank == 0 } == main.units)
        #expect(all.strata.map(\.reserveUnits) == [3, 3, 3])
        let chosen = Set(main.units.map(\.row))
        for stratum in ["H", "M", "E"] {
            let reserves = all.units.filter { $0.stratum == stratum && $0.reserveRank > 0 }
            #expect(reserves.map(\.reserveRank) == [1, 2, 3])
            #expect(reserves.allSatisfy { !chosen.contains($0.row) && strata[$0.row] == stratum && !$0.certainty })
            // Each reserve keeps its first-phase π.
            let rows = strata.indices.filter { strata[$0] == stratum }
            let pik =
                method == .srs
                ? rows.map { _ in Double(sizes[stratum]!) / Double(rows.count) }
                : InclusionProbabilities.compute(sizes: rows.map { enroll[$0] }, n: Double(sizes[stratum]!))
            #expect(reserves.allSatisfy { $0.probability == pik[rows.firstIndex(of: $0.row)!] })
            // A stratum's reserves follow its selected units.
            let positions = all.units.indices.filter { all.units[$0].stratum == stratum }
            #expect(
                positions.map { all.units[$0].reserveRank } == Array(repeating: 0, count: sizes[stratum]!) + [1, 2, 3])
        }
    }

    @Test func reserveUnitsAreAtMostTheUnitsLeft() throws {
        var stream = GSLUniforms(seed: 2)
        let result = try Selection.draw(
            strata: ["a", "a", "a", "a"], measures: [1, 2, 0, 3], sizes: ["a": 2], method: .ppsSystematic,
            reserves: 5, uniforms: &stream)
        // One unit of positive size is left; the unit of size 0 is never a reserve.
        #expect(result.units.filter { $0.reserveRank > 0 }.count == 1)
        #expect(!result.units.contains { $0.row == 2 })
    }
}
