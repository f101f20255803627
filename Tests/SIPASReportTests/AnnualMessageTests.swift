import SIPASCore
import SIPASTestSupport
import Testing

@testable import SIPASReport
@testable import SIPASStats

/// The annual report's catalog: every case in both languages, keys unique.
struct AnnualMessageTests {
    static let messages: [AnnualMessage] = [
        .reportTitle(year: "2024"), .sipasTitle(year: "2024"), .ciLow, .ciHigh, .changePoints, .note,
        .previousYear("2023"), .suppressed(n: 12, minimumN: 30),
        .summaryTitle, .summarySheet, .meanOfProvincesMethod,
        .provincesTitle, .provincesSheet, .placesGained, .standing, .provinceRankRule, .previousRank(year: "2023"),
        .previousYearRegrouped, .methodBreakNote,
        .topBottomTitle, .topBottomSheet, .top5, .bottom5,
        .indicatorId, .elementCriterion, .elementsTitle, .elementsSheet,
        .lowestProvinceShare, .lowestProvince, .highestProvinceShare, .highestProvince,
        .byProcedureDomain, .byAgencyLevel, .byAgency,
        .targetsSheet, .unit, .estimatePercent, .gapPoints, .neededPerYearPoints, .targetRule,
        .targetsTitle(plan: "Kế hoạch 2025"),
        .driversTitle, .driversSheet, .priority, .effect, .potential,
        .driversNote(outcome: "“Hài lòng chung”", used: 3400, leftOut: 71),
        .agenciesSheet,
        .perceptionTitle, .perceptionSheet, .question, .answer, .answerShare, .respondentsChoosing,
        .respondentsAnswering, .perceptionNote(degreesOfFreedom: 120), .multipleChoiceNote(questions: "“Kênh”"),
        .overallHighlight(value: "84,12"), .ciHighlight(low: "83,50", high: "84,70"),
        .risenSince(points: "1,20", year: "2023"), .fallenSince(points: "0,40", year: "2023"),
        .highestAndLowest(highest: "Bắc Giang", highestShare: "90,10", lowest: "Hà Giang", lowestShare: "75,30"),
        .provinceMovements(
            YearComparison.Movement(
                variable: "province_code", up: 40, down: 23, unchanged: 0, significantlyUp: 12, significantlyDown: 3,
                rankUp: 30, rankDown: 30, rankSame: 3)),
        .improveFirst(element: "Thủ tục hành chính"),
        .filesTitle, .filesSheet, .year, .rowsAccepted, .rowsRejected, .rejectedShare,
        .respondentsTitle, .respondentsSheet, .warning, .belowMinimum, .minimumPerCell(minimumN: 30),
        .itemsTitle, .itemsSheet, .itemsNote, .itemLabel, .valid, .blank, .nonResponse,
        .smallCellsTitle, .smallCellsSheet, .smallCellsSuppressed, .breakdown, .noSmallCells(minimumN: 30),
        .fieldWorkTitle, .fieldWorkSheet, .planned, .received, .formsAccepted, .responseRate, .behindColumn, .behind,
        .fieldWorkNote(sample: "mau-2025.csv", percent: "80", late: 2),
        .methodologyTitle, .methodologySheet, .methodologyItem, .methodologyValue,
        .methodVersion, .lonelyPSUs, .confidenceInterval, .minimumNPerCell, .surveyStore, .yearsCompared,
        .testOfChange, .sipasVersion, .pooledEstimate, .meanOfUnitsMethod(attribute: "province_code"),
        .designValue(
            records: 3500, strata: 63, psus: 630, df: 567, weight: "weight", strataColumn: "province_code",
            cluster: "commune_code"),
        .confidenceValue(level: 95), .storeValue(store: "sipas.db", batches: "2024-a (2024.csv, 2024)"),
        .sha256(file: "2024.csv"), .testOfChangeValue(adjustment: "holm"),
    ]

    @Test func everyMessageHasDistinctNFCTextInBothLanguagesAndAUniqueKey() {
        #expect(MessageCatalogCheck.problems(Self.messages) == [])
    }

    @Test func keysNameTheCaseWithoutItsValues() {
        #expect(AnnualMessage.previousRank(year: "2023").key == "annual.previousRank")
        #expect(AnnualMessage.top5.key == "annual.top5")
        #expect(AnnualMessage.sha256(file: "2024.csv").key == "annual.sha256")
    }

    @Test func theHighlightsReadAsSentences() {
        #expect(
            AnnualMessage.risenSince(points: "1,20", year: "2023").text(.vi) == ", tăng 1,20 điểm % so với năm 2023")
        #expect(AnnualMessage.improveFirst(element: "Access").text(.en) == "Improve first: Access.")
    }
}
