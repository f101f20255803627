import Testing

@testable import SIPASStats

/// Weights on R survey's apistrat (200 schools, pw), every fifth school (by snum) a non-respondent,
/// against Tests/Fixtures/r-sampling/weights.csv: the cell adjustment by stype, `postStratify` on
/// stype, `rake` on stype and sch.wide (maxit 1000, epsilon 1e-13) to apipop's counts, and
/// `trimWeights` (upper 40; upper 40, lower 20, strict), and `calibrate` (raking; linear).
struct DesignWeightingTests {
    struct Case {
        var nonresponse: [Double]
        var stype: [[String]]
        var wide: [[String]]
        var reference: FrameTable
    }

    static func adjusted() throws -> Case {
        let sample = try DesignFixtures.table("apistrat-sample.csv")
        let responded = try sample.numbers("responded").map { $0 == 1 }
        let (weights, cells) = try Weighting.nonresponse(
            base: try sample.numbers("design_weight"), responded: responded,
            cells: try sample.strings("stype"))
        #expect(cells.map(\.cell) == ["E", "M", "H"])
        #expect(cells.map(\.sampled).reduce(0, +) == 200)
        let kept = weights.indices.filter { responded[$0] }
        let reference = try DesignFixtures.table("weights.csv")
        #expect(kept.map { try! sample.strings("cds")[$0] } == (try reference.strings("cds")))
        let stype = try sample.strings("stype")
        let wide = try sample.strings("sch_wide")
        return Case(
            nonresponse: kept.map { weights[$0] }, stype: kept.map { [stype[$0]] }, wide: kept.map { [wide[$0]] },
            reference: reference)
    }

    static func margin(_ file: String) throws -> PopulationMargin {
        let t = try DesignFixtures.table(file)
        return PopulationMargin(
            variables: [t.header[0]],
            totals: Dictionary(uniqueKeysWithValues: zip(t.rows.map { [$0[0]] }, try t.numbers("population"))))
    }

    @Test func nonresponseAdjustmentMatchesR() throws {
        let c = try Self.adjusted()
        #expect(DesignFixtures.maxError(c.nonresponse, try c.reference.numbers("nonresponse")) < 1e-13)
        // apistrat's pw are single-precision values (44.209999084472656): Σpw = 6194.00004.
        #expect(abs(InclusionProbabilities.sum(c.nonresponse) - 6194) < 1e-4)
    }

    @Test func postStratificationMatchesR() throws {
        let c = try Self.adjusted()
        let spec = CalibrationSpec(method: .postStratify, margins: [try Self.margin("margin-stype.csv")])
        let result = try Weighting.calibrate(weights: c.nonresponse, values: [c.stype], spec: spec)
        #expect(DesignFixtures.maxError(result.weights, try c.reference.numbers("poststratified")) < 1e-12)
    }

    @Test func rakingMatchesR() throws {
        let c = try Self.adjusted()
        let spec = CalibrationSpec(
            method: .rake, margins: [try Self.margin("margin-stype.csv"), try Self.margin("margin-sch_wide.csv")],
            maxIterations: 1000, tolerance: 1e-13)
        let result = try Weighting.calibrate(weights: c.nonresponse, values: [c.stype, c.wide], spec: spec)
        #expect(result.converged)
        #expect(DesignFixtures.maxError(result.weights, try c.reference.numbers("raked")) < 1e-10)
    }

    @Test func calibrateMatchesR() throws {
        let c = try Self.adjusted()
        let margins = [try Self.margin("margin-stype.csv"), try Self.margin("margin-sch_wide.csv")]
        let raked = try Weighting.calibrate(
            weights: c.nonresponse, values: [c.stype, c.wide],
            spec: CalibrationSpec(method: .rake, margins: margins, maxIterations: 1000, tolerance: 1e-13))
        #expect(DesignFixtures.maxError(raked.weights, try c.reference.numbers("calibrate_raking")) < 1e-10)
        let linear = try Weighting.linearCalibration(
            weights: c.nonresponse, values: [c.stype, c.wide], margins: margins)
        #expect(DesignFixtures.maxError(linear, try c.reference.numbers("calibrate_linear")) < 1e-10)
        let yes = zip(linear, c.wide).filter { $0.1 == ["Yes"] }.map(\.0)
        #expect(abs(InclusionProbabilities.sum(yes) - 5122) < 1e-8)
    }

    @Test func trimmingMatchesTrimWeights() throws {
        let c = try Self.adjusted()
        let raked = try c.reference.numbers("raked")
        let trimmed = try Weighting.trim(raked, upper: 40)
        #expect(DesignFixtures.maxError(trimmed, try c.reference.numbers("trimmed")) < 1e-12)
        #expect(abs(InclusionProbabilities.sum(trimmed) - InclusionProbabilities.sum(raked)) < 1e-9)
        let strict = try Weighting.trim(raked, upper: 40, lower: 20, strict: true)
        #expect(DesignFixtures.maxError(strict, try c.reference.numbers("trimmed_strict")) < 1e-12)
        #expect(strict.allSatisfy { $0 <= 40 + 1e-12 && $0 >= 20 - 1e-12 })
    }

    @Test func trimmingBelowTheMeanIsRejected() {
        do {
            _ = try Weighting.trim([1, 2, 9], upper: 3, strict: true)
            Issue.record("accepted an upper bound below the mean")
        } catch let error as DesignError {
            #expect(error.description == "the trimming bounds [-inf, 3.0] do not contain the mean weight 4.0")
        } catch { Issue.record("\(error)") }
    }

    @Test func kishDesignEffectMatchesR() throws {
        let kish = try DesignFixtures.table("kish.csv")
        let values = try kish.numbers("kish")
        let sample = try DesignFixtures.table("apistrat-sample.csv")
        let c = try Self.adjusted()
        #expect(abs(Weighting.kish(try sample.numbers("design_weight")).deff - values[0]) < 1e-13)
        #expect(abs(Weighting.kish(c.nonresponse).deff - values[1]) < 1e-13)
        #expect(abs(Weighting.kish(try c.reference.numbers("raked")).deff - values[2]) < 1e-13)
        #expect(abs(Weighting.kish(try c.reference.numbers("trimmed")).deff - values[3]) < 1e-13)
        #expect(abs(Weighting.kish([1, 1, 1, 1]).effectiveN - 4) < 1e-15)
    }

    @Test func aCellWithoutRespondentsIsAnError() {
        #expect(throws: DesignError.self) {
            try Weighting.nonresponse(base: [1, 1, 2], responded: [true, false, false], cells: ["a", "a", "b"])
        }
    }
}
