import SIPASCore
import SIPASTestSupport
import Testing

@testable import SIPASReport
@testable import SIPASStats

/// The reports' catalog: every case in both languages, keys unique.
struct ReportMessageTests {
    static let messages: [ReportMessage] = [
        .national, .group, .indicator, .share, .mean, .ci, .se, .n, .excluded, .level,
        .overall, .area, .element, .item, .byGroup, .items, .design, .records, .strata, .psus, .df,
        .rows, .accepted, .rejected, .noEstimate, .instrument, .file, .nationalMethod, .pooled, .meanOfUnits,
        .contentArea, .policyGroup, .targetsHeading, .target, .thresholdYear, .estimate, .gap, .neededPerYear,
        .statusCI, .pointEstimate,
        .targetStatus(.met), .targetStatus(.notMet), .targetStatus(.notDistinguishable), .targetStatus(.notYetDue),
        .targetStatus(.notMeasured),
        .higherThan(year: 2022), .notYetDueNote, .severalFiguresNote,
        .rank(5, of: 63), .movedUp(2), .movedDown(1), .sameRank, .changeSignificant, .changeNotSignificant,
        .agenciesTitle, .province, .agency, .code, .overallIndex, .rankInProvince, .notEnoughAnswers(minimumN: 30),
        .agencyRule(minimumN: 30),
        .ciPrefix, .meanOfProvinces(63),
        .nationalBaseline(
            year: "2024", published: "80 %", publishedNote: "mean of 63 provinces", regrouped: "81 %", units: 34),
        .regroupedBaselineNote, .provincesChartTitle, .elementsChartTitle, .changeSince(year: "2023"),
        .tableInWorkbook(rows: 900, id: "agencies"),
        .files, .methodBreak, .notDirectlyComparable, .regroupedInto, .changeLegend, .change, .nationalShare,
        .rankColumn, .overallIndexBy,
        .movements(
            YearComparison.Movement(
                variable: "province_code", up: 3, down: 2, unchanged: 1, significantlyUp: 1, significantlyDown: 0,
                rankUp: 2, rankDown: 2, rankSame: 2)),
        .generalInformation, .otherQuestions, .methodPrefix, .formId, .page, .instructionsTitle,
        .instructionReadAloud, .instructionRequired, .instructionDigits, .instructionDontKnow, .askOnlyIf,
        .severalAnswers, .questionNumber(12),
    ]

    @Test func everyMessageHasDistinctNFCTextInBothLanguagesAndAUniqueKey() {
        #expect(MessageCatalogCheck.problems(Self.messages, sameInBothLanguages: ["report.n"]) == [])
    }

    @Test func keysNameTheCaseWithoutItsValues() {
        #expect(ReportMessage.rank(5, of: 63).key == "report.rank")
        #expect(ReportMessage.national.key == "report.national")
        #expect(ReportMessage.targetStatus(.notMet).key == "report.targetStatus.not_met")
    }

    @Test func aStandingReadsAsTheOfficialReportsWriteIt() {
        #expect(
            StandingText.make(rank: 5, of: 63, previousRank: 7, significant: true, language: .vi)
                == "Xếp thứ 5/63, tăng 2 bậc; thay đổi có ý nghĩa thống kê")
        #expect(
            StandingText.make(rank: 5, of: 63, previousRank: 5, significant: false, language: .en)
                == "5 of 63, same rank; the change is not significant")
    }
}
