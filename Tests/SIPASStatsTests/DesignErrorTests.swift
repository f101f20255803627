import SIPASCore
import SIPASTestSupport
import Testing

@testable import SIPASStats

/// The design errors' catalog: every case in both languages, keys unique, English as before.
struct DesignErrorTests {
    /// One value of every value rule.
    static let rules: [DesignMessage.ValueRule] = [
        .notNumber, .notNumberAtLeast(0), .notSize, .notHouseholds, .notWholeNumber, .appearsTwice, .repeatsID(row: 3),
        .deviationDiffers(stratum: "a", deviation: 2, row: 2), .notPositiveWeight, .notProbability, .weightBelowOne,
        .notInSelection(file: "s.csv"), .answeredTwice,
    ]

    /// One value of every message; `badValue` once per rule.
    static let messages: [DesignMessage] =
        [
            .confidence(1), .expectedShare(1), .designEffect(0), .populationSize(1), .margin(0), .responseRate(2),
            .sampleSizeBelowOne(0.5), .sampleExceedsPopulation(n: 2001, population: 2000), .sampleSizeNotPositive(0),
            .noStrata, .minimumTooLarge(strata: 2, minimum: 30, total: 60, n: 50),
            .allocationExceedsPopulation(n: 500, population: 400), .neymanNeedsDeviations, .zeroDeviations,
            .tilleTooLarge(stratum: "a", units: 20001, limit: 20000),
            .tooFewUnits(stratum: "a", wanted: 2, available: 1),
            .maximumEntropyCells(units: 10, n: 3, limit: 20), .maximumEntropyDiverged, .methodNeedsSize(method: "pps"),
            .startNeedsOneStratum, .startRange(1), .allocationMissingStratum("b"), .sampleSizeNeeded,
            .cellWithoutRespondents(cell: "a", sampled: 3), .postStratificationMargins(2),
            .trimmingBounds(lower: 1, upper: 3, mean: 4), .singularCalibration, .noResponses(file: "r.csv"),
            .stats(.invalid(.levelNotInPopulation(variables: ["sex"], level: ["3"]))), .noFile("/x.csv"),
            .unreadable(file: "x.csv", detail: "denied"), .cannotRead("m.csv"),
            .csv(.unterminatedQuote(file: "x.csv", row: 2, column: 3)), .emptyFile("x.csv"), .frameWithoutRows("f.csv"),
            .fieldCount(file: "x.csv", row: 3, fields: 2, header: 3), .notUTF8(file: "x.csv", row: 2, column: "name"),
            .missingColumn(file: "x.csv", column: "n", header: ["a", "b"]),
            .idTwice(file: "r.csv", column: "id", id: "7"), .minimumNegative(-1), .listedWithPerCluster, .drawCounts,
            .neymanNeedsAllocationFile, .storeOrResponses, .marginNeeded, .optionNeedsNumber(option: "--n", text: "x"),
            .storeWithBatch, .noStore("s.db"), .noRespondentID(instrument: "sipas-2023"),
        ]
        + rules.map { .badValue(file: "f.csv", row: 2, column: "size", value: "-1", rule: $0) }

    @Test func everyMessageHasDistinctNFCTextInBothLanguagesAndAUniqueKey() {
        #expect(MessageCatalogCheck.problems(Self.messages) == [])
        #expect(MessageCatalogCheck.problems(Self.rules) == [])
    }

    @Test func textsAreTheSameAsBefore() {
        #expect(
            DesignError.badValue(file: "f.csv", row: 4, column: "size", value: "-1", rule: .notNumberAtLeast(0))
                .description == "f.csv, row 4, column size: '-1' is not a number ≥ 0")
        #expect(
            DesignError.badValue(file: "f.csv", row: 4, column: "size", value: "x", rule: .notNumber).message(.vi)
                == "f.csv, dòng 4, cột size: 'x' không phải số")
        #expect(
            DesignError.missingColumn(file: "f.csv", column: "n", header: ["a", "b"]).message(.vi)
                == "f.csv: không có cột 'n' (các cột: a, b)")
        #expect(
            DesignError(.data, .stats(.invalid(.levelNotInPopulation(variables: ["sex"], level: ["3"])))).description
                == "calibration: sex = 3 is in the sample but not in the population margin")
        #expect(DesignError.usage(.sampleExceedsPopulation(n: 2001, population: 2000)).category == .usage)
    }
}
