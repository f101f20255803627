import Foundation
import SIPASCore
import SIPASInstruments
import SIPASTestSupport
import Testing

@testable import sipas

/// The command line's catalog: every case in both languages, keys unique.
struct CLIMessageTests {
    static let messages: [CLIMessage] = [
        .errorPrefix, .importSummary(file: "a.csv", rowsRead: 10, accepted: 9, rejected: 1), .moreRows(3),
        .encodingDetected(encoding: "cp1258", percent: 90, evidence: "ơ ư"), .encodingLabel, .metadataColumnsKept,
        .normalisedLabel,
        .unusedColumnsLabel, .validationSummary(file: "a.csv", rowsRead: 10, valid: 9, invalid: 1), .validateEncoding,
        .byRule, .byColumn,
        .wholeRow, .moreProblems(4), .validateNormalised, .validateMetadataColumns, .validateUnusedColumns,
        .secondEntryNeedsOneFile,
        .instrumentProblems(file: "x.yaml", count: 2), .family, .method, .years, .officialSources, .reconstructed,
        .scales, .satisfied,
        .excludedFromDenominator, .design, .rollup, .defaultBreakdowns, .area, .element, .overallItems, .attributes,
        .otherQuestions,
        .idColumn, .familyColumn, .methodColumn, .yearsColumn, .titleColumn,
        .instrumentSummary(questions: 98, scored: 58, areas: 2, elements: 14, choiceLists: 8),
        .formatNeedsOutput(format: "entry-xlsx"),
        .noFolder("/x"), .keyDriversPrefix, .wroteFiles(count: 3, directory: "out", seconds: "1.2"), .storeRequired,
        .roleTeamNeedsTeam,
        .teamNeedsRoleTeam, .accountNameLength, .postgresTeamRole(team: "T"), .accountExists("an"),
        .accountAdded(name: "an", role: "team", team: "t1"), .accountColumns, .accountDisabled, .accountActive,
        .noAccount("an"),
        .accountDisabledNow("an"), .stratum, .population, .standardDeviation, .exactAllocation, .sampleSize,
        .marginPoints, .groupColumn,
        .planned, .received, .acceptedColumn, .ratePercent, .behind, .srsSize, .afterFPC, .completes, .forms, .total,
        .allocationNote(rule: "neyman", n: 100, minimum: 2),
        .progressNote(levels: "province › commune", late: 3, threshold: "80"),
        .marginWithForms(n: 400, margin: "4,9", confidence: "95"),
        .sizeNote(z: "1,96", margin: "5", share: "50", deff: "2", responseRate: "0,8"),
        .drawSummary(
            output: "s.csv", units: 10, frameRows: 100, strata: 2, certainty: 1, reserves: 2, rows: 12, method: "srs",
            seed: 7),
        .zeroSizeUnits(2), .weightsSummary(output: "w.csv", respondents: 90, sampled: 100, rate: "90", cells: 4),
        .rakingSweeps(5, converged: true),
        .weightStep("base"), .weightStep("nonresponse"), .weightStep("calibrated"), .weightStep("trimmed"),
        .weightStepSummary(step: "base", total: "100", kish: "1.2", effectiveN: "80"),
        .batchColumns, .inForce, .teamLabel, .fileLabel, .instrumentLabel, .loadedLabel, .statusLabel, .replacedBy(2),
        .replacedByBatch(2), .batchHeading(id: 1, name: "t1-2024"),
        .batchCounts(rowsRead: 10, accepted: 9, rejected: 1),
        .rejectedRow(row: 3, reasons: "q1: 9"), .storeReady(location: "postgres://h/db"),
        .teamProvinces(team: "t1", provinces: ["01", "79"]), .analystRole("an"), .webServerRole("web"),
        .writingToStore(file: "a.csv", store: "s.db"),
        .alreadyLoaded(file: "a.csv", sha256: "0123456789abcdef", batch: "t1", id: 1, loadedAt: "2025-01-01"),
        .batchLoaded(
            file: "a.csv", batch: "t1", id: 2, team: "t1", accepted: 9, rejected: 1, seconds: "1.0", rowsPerSecond: 10),
        .replacesBatch(id: 1, file: "a.csv", loadedAt: "2025-01-01"), .duplicateIDs(2),
        .duplicateID(id: "r1", row: 2, otherBatch: "t0", otherRow: 5), .moreDuplicateIDs(3),
        .reweighted(store: "s.db", batch: "t1", id: 2, newID: 3, file: "w.csv", responses: 9),
        .sampleSummary(
            output: "s.csv", rows: 100, provinces: 2, clusters: 10, seed: 7, index: "80.00", target: "80.00",
            source: "2024", share: "75.00"),
    ]

    @Test func everyMessageHasDistinctNFCTextInBothLanguagesAndAUniqueKey() {
        // `weightStep` cases share a key; "× deff" reads the same in both languages.
        let keyed = Self.messages.filter { if case .weightStep = $0 { return false } else { return true } }
        #expect(
            MessageCatalogCheck.problems(keyed + [.afterDesignEffect], sameInBothLanguages: ["cli.afterDesignEffect"])
                == [])
        for step in ["base", "nonresponse", "calibrated", "trimmed"] {
            #expect(CLIMessage.weightStep(step).text(.vi) != CLIMessage.weightStep(step).text(.en))
        }
    }

    /// An instrument error on standard error is in the language of `--lang`, and exits 65.
    @Test func instrumentErrorsRenderInTheChosenLanguage() {
        let error = InstrumentError(file: "x.yaml", line: 3, .check(.noAreas))
        #expect(
            ErrorReporter.message(for: error, language: .vi)
                == "Lỗi: x.yaml:3: không khai báo lĩnh vực nào: không có gì để tổng hợp")
        #expect(
            ErrorReporter.message(for: error, language: .en)
                == "error: x.yaml:3: no areas are declared: nothing to roll up")
        #expect(ErrorReporter.exitCode(for: error) == ExitStatus.dataError)
    }

    @Test func englishPluralsFollowTheCount() {
        #expect(CLIMessage.instrumentProblems(file: "x.yaml", count: 1).text(.en) == "x.yaml: 1 problem")
        #expect(CLIMessage.instrumentProblems(file: "x.yaml", count: 2).text(.en) == "x.yaml: 2 problems")
        #expect(CLIMessage.moreRows(3).key == "cli.moreRows")
    }
}
