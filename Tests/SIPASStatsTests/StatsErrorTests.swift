import SIPASCore
import SIPASTestSupport
import Testing

@testable import SIPASStats

struct StatsErrorTests {
    /// One value of every argument case.
    static let arguments: [StatsError.Argument] = [
        .quantileProbability(distribution: "t", p: 1.5), .betaQuantile(p: 2, a: 1, b: -1), .matrixAllocation(size: 3),
        .regressionAllocation, .tooFewRespondents(respondents: 3, parameters: 5), .tooFewGroups, .noReplicateWeights,
        .bootstrapReplicates(1), .calibratedReplicates, .noCalibration,
        .levelNotInPopulation(variables: ["sex"], level: ["2"]),
        .levelWithoutRespondents(variables: ["sex", "age"], level: ["1", "3"], population: 500),
        .postStratificationMargins(count: 2), .nonFiniteCalibrationFactor, .marginHeader(file: "m.csv", row: 1),
        .marginFieldCount(file: "m.csv", row: 3, header: ["stype", "population"], found: 1),
        .marginPopulation(file: "m.csv", row: 4, column: 2, value: "x"),
        .marginLevelRepeated(file: "m.csv", row: 3, level: ["E"], firstRow: 2), .sampleRows(0),
        .communesPerProvince(-1),
        .sampleInstrument(expected: "a", actual: "b"),
        .instrumentYear(instrument: "sipas-2021", range: "2021–", year: 2019),
        .sampleLevel(1.2), .noScoredQuestions(instrument: "x"), .cannotCreate(path: "/nowhere/x.csv"),
        .replicateWeightCount(location: location, count: 3, expected: 4),
        .fpcNotPositive(location: location, fpc: -1),
        .fpcDiffers(location: location, fpc: 40, earlier: 50, stratum: "7"),
        .secondStageFPCNotPositive(location: location, fpc: 0),
        .secondStageFPCDiffers(location: location, fpc: 12, earlier: 10, psu: "c3"),
        .cellSums(stratum: "7", cluster: "c3", sums: 10, items: 4),
        .cellFPCDiffers(fpc: 40, earlier: 50, stratum: "7"),
    ]

    static let location = SourceLocation(file: "a.csv", row: 3)

    /// One value of every case; `invalid` once per argument case.
    static let errors: [StatsError] =
        [
            .numerical(function: "gsl_cdf_tdist_Pinv", arguments: [0.5, 3]), .noDegreesOfFreedom,
            .lonelyPSU(strata: ["7"]),
            .emptyDomain("the table"), .invalidWeight("a.csv, row 3: -1.0"),
            .calibrationDidNotConverge(margins: ["race"], sweeps: 50, gap: 0.5),
        ] + arguments.map(StatsError.invalid)

    @Test func everyMessageHasDistinctNFCTextInBothLanguagesAndAUniqueKey() {
        #expect(MessageCatalogCheck.problems(Self.errors) == [])
    }

    @Test func theCheckFindsASharedKeyAndAnUntranslatedText() {
        #expect(MessageCatalogCheck.problems([FaultyMessage.first, .second]).count == 3)
        #expect(MessageCatalogCheck.problems([FaultyMessage.first], sameInBothLanguages: ["faulty"]).isEmpty)
    }

    @Test func englishIsTheDescription() {
        for error in Self.errors { #expect(error.description == error.text(.en)) }
        #expect(
            StatsError.invalid(.quantileProbability(distribution: "normal", p: 1.5)).description
                == "normal quantile needs 0 < p < 1, got 1.5")
        #expect(
            StatsError.invalid(.marginFieldCount(file: "m.csv", row: 3, header: ["stype", "population"], found: 1))
                .description
                == "m.csv, row 3: expected 2 fields (stype,population), found 1")
        #expect(
            StatsError.invalid(.fpcDiffers(location: Self.location, fpc: 40, earlier: 50, stratum: "7")).description
                == "a.csv, row 3: finite population correction 40.0 differs from 50.0 given earlier for stratum 7")
        #expect(
            StatsError.invalid(.cellSums(stratum: "7", cluster: "c3", sums: 10, items: 4)).description
                == "cell 7/c3: 10 sums for 4 items")
        #expect(
            StatsError.invalid(
                .levelWithoutRespondents(variables: ["sex", "age"], level: ["1", "3"], population: 500)
            ).text(.vi)
                == "hiệu chỉnh: sex×age = 1×3 có tổng thể 500.0 nhưng không có người trả lời")
    }

    @Test func theAccumulatorThrowsTypedArguments() throws {
        var accumulator = SurveyAccumulator(plan: try AnalysisPlan(instrument: oneItemInstrument()))
        try accumulator.add(
            record(stratum: "s", cluster: "1", weight: 1, codes: [3], row: 2), secondStage: nil,
            replicateWeights: [1, 2])
        var next = record(stratum: "s", cluster: "2", weight: 1, codes: [4], row: 3)
        #expect(throws: StatsError.invalid(.replicateWeightCount(location: next.location, count: 3, expected: 2))) {
            try accumulator.add(next, secondStage: nil, replicateWeights: [1, 2, 3])
        }
        next.populationPSUs = 0
        #expect(throws: StatsError.invalid(.fpcNotPositive(location: next.location, fpc: 0))) {
            try accumulator.add(next, secondStage: nil)
        }
    }

    @Test func argumentsThrownByTheParserCarryTheirValues() {
        #expect(throws: StatsError.invalid(.marginHeader(file: "m.csv", row: 1))) {
            try PopulationMargin.parse(csv: "stype,count\nE,1\n", file: "m.csv")
        }
        #expect(throws: StatsError.invalid(.quantileProbability(distribution: "normal", p: 1.5))) {
            try Distribution.normalQuantile(1.5)
        }
    }
}

/// A catalog whose two cases share a key and read the same in both languages, for the check itself.
private enum FaultyMessage: LocalizedMessage {
    case first, second
    var key: String { "faulty" }
    func text(_ language: Language) -> String { self == .first ? "x" : "y" }
}

/// The plan errors' catalog: every case in both languages.
struct PlanErrorTests {
    @Test func everyErrorHasDistinctNFCTextInBothLanguagesAndAUniqueKey() {
        let errors: [PlanError] = [
            .unknownBreakdown("x", available: ["sex", "age"]), .missingUnit(nil),
            .emptyElement(area: "a", element: "e", role: "item"),
            .noAreas, .overallItem(found: 0),
        ]
        #expect(MessageCatalogCheck.problems(errors) == [])
        #expect(
            PlanError.overallItem(found: 0).description
                == "rollup.overall is overall_item but 0 questions have role overall (need exactly 1)")
    }
}
