import Foundation
import SIPASCore
import SIPASImport
import SIPASInstruments
import SIPASStats
import SIPASTestSupport
import Testing

@testable import SIPASReport

/// The agency table of the annual report and the ranking in `analyze`'s human formats, on the
/// three-province fixture whose figures R computed (Tests/Fixtures/agency/agencies.csv).
struct AgencyTableTests {
    static func result() throws -> (Instrument, AnalysisResult) {
        let instrument = try #require(try BuiltinInstruments.named("land-construction"))
        let plan = try AnalysisPlan(
            instrument: instrument, breakdowns: AgencyRanking.resolving(["agency"], for: instrument))
        var accumulator = SurveyAccumulator(plan: plan)
        _ = try CSVImporter(instrument: instrument).run(file: Fixtures.url("agency/land-2024.csv")) {
            try accumulator.add($0)
        }
        return (instrument, try SurveyEstimator.estimate(accumulator))
    }

    @Test func reportTableRanksAndWithholdsSmallAgencies() throws {
        let (instrument, result) = try Self.result()
        let report = AnnualReportBuilder(
            AnnualReportInput(instrument: instrument, result: result, year: 2024, minimumN: 30)
        ).build()
        let table = try #require(report.table("agencies"))
        #expect(report.table("by_province_code_agency_code_agency_name") == nil)
        #expect(table.rows.count == 27)
        // Hà Nội's land department: 76.33 % (R: 0.76329959503360223), second of three, CI overlapping.
        let row = try #require(table.rows.first { $0[2] == .text("01-STNMT") })
        #expect(row[0] == .text("Hà Nội") && row[1] == .text("Sở Tài nguyên và Môi trường"))
        #expect(abs((row[3].number ?? 0) - 76.329959503360223) < 1e-8)
        #expect(row[6] == .number(119) && row[7] == .text("2/3 ≈"))
        // A commune office with 17 respondents: no figures, not ranked.
        let small = try #require(table.rows.first { $0[2] == .text("01-X01193") })
        #expect(
            small[3] == .suppressed && small[6] == .number(17) && small[7] == .text("không đủ câu trả lời (n < 30)"))
    }

    @Test func analyzeMarkdownHasTheRankingAndItsRule() throws {
        let (instrument, result) = try Self.result()
        let report = AnalysisReport(
            result: result, labeler: ResultLabeler(instrument: instrument, language: .en, year: 2024),
            sources: ["land-2024.csv"], rowsRead: 952, accepted: 952, rejected: 0)
        let md = try report.render(.md)
        #expect(md.contains("## Agencies ranked within their province"))
        let line = md.split(separator: "\n").first { $0.contains("24-STNMT") }
        #expect(
            line?.contains("Bắc Giang") == true && line?.contains("82.63") == true && line?.contains("1/3 ≈") == true,
            "\(line ?? "")")
        #expect(md.contains("Agencies with fewer than 30 respondents are not ranked."))
        #expect(!md.contains("## By "), "the three-way crossing is shown as the ranking only")
    }
}
