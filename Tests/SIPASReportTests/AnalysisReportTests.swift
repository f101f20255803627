import Foundation
import SIPASCore
import SIPASInstruments
import SIPASStats
import Testing

@testable import SIPASReport

/// Renders a small, hand-checkable analysis: 2 strata × 2 PSUs, two items in two elements, one
/// breakdown. Item s1: 3 of 4 satisfied; s2: 1 of 4 (equal weights), so the overall index is 50 %.
struct AnalysisReportTests {
    static func makeReport(language: Language = .vi, shareCI: CIMethod = .logit) throws -> AnalysisReport {
        let sat5 = (1...5).map { Choice(name: "\($0)", label: LocalizedText(vi: "mức \($0)")) }
        let instrument = Instrument(
            id: "mini", title: LocalizedText(vi: "Khảo sát thử", en: "Test survey"), family: "test",
            methodVersion: "v1",
            provenance: Provenance(official: [], reconstructed: []),
            choices: [
                "sat5": sat5,
                "sector": [
                    Choice(name: "dat_dai", label: LocalizedText(vi: "Đất đai", en: "Land")),
                    Choice(name: "x|y", label: LocalizedText(vi: "A|B")),
                ],
            ],
            scales: ["sat5": Scale(satisfied: [4, 5], excluded: [9])],
            design: DesignSpec(weight: "weight", strata: "province_code", cluster: "commune_code"),
            areas: [
                Area(
                    name: "services", label: LocalizedText(vi: "Dịch vụ", en: "Services"),
                    elements: [
                        Element(name: "e1", label: LocalizedText(vi: "Tiếp cận", en: "Access")),
                        Element(name: "e2", label: LocalizedText(vi: "Thủ tục", en: "Procedures")),
                    ])
            ],
            rollup: RollupSpec(), breakdowns: ["sector"],
            questions: [
                Question(
                    name: "sector", type: .selectOne(list: "sector"), label: LocalizedText(vi: "Lĩnh vực", en: "Sector")
                ),
                Question(
                    name: "s1", type: .selectOne(list: "sat5"), label: LocalizedText(vi: "Câu 1"), area: "services",
                    element: "e1"),
                Question(
                    name: "s2", type: .selectOne(list: "sat5"), label: LocalizedText(vi: "Câu 2"), area: "services",
                    element: "e2"),
            ]
        )
        let plan = try AnalysisPlan(instrument: instrument)
        var accumulator = SurveyAccumulator(plan: plan)
        let rows: [(String, String, String, Int, Int)] = [
            ("01", "a", "dat_dai", 5, 1), ("01", "b", "dat_dai", 4, 2), ("02", "c", "x|y", 4, 5),
            ("02", "d", "x|y", 2, 3),
        ]
        for (i, (s, c, sector, a, b)) in rows.enumerated() {
            try accumulator.add(
                ResponseRecord(
                    location: SourceLocation(file: "t.csv", row: i + 2), weight: 1, stratum: s, cluster: c,
                    attributes: [sector], answers: [.code(a), .code(b)]
                ))
        }
        var options = EstimationOptions()
        options.shareCI = shareCI
        let result = try SurveyEstimator.estimate(accumulator, options: options)
        return AnalysisReport(
            result: result, labeler: ResultLabeler(instrument: instrument, language: language, year: 2024),
            sources: ["t.csv"], rowsRead: 5, accepted: 4, rejected: 1
        )
    }

    @Test func jsonHasOneRecordPerGroupIndicatorStatistic() throws {
        let report = try Self.makeReport()
        let data = Data(try report.render(.json).utf8)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let records = try #require(object["records"] as? [[String: Any]])
        // 3 groups (all, 2 sectors) × 6 indicators (overall, area, 2 elements, 2 items) × 2 statistics.
        #expect(records.count == 36)
        let overall = try #require(
            records.first {
                $0["group_variable"] as? String == "all" && $0["indicator"] as? String == "overall"
                    && $0["statistic"] as? String == "share"
            })
        #expect(overall["estimate"] as? Double == 50)
        for key in ["group_label", "indicator_label", "se", "ci_low", "ci_high", "n", "df"] {
            #expect(overall[key] != nil, "missing \(key)")
        }
        #expect(object["rows_read"] as? Int == 5)
        #expect(object["rejected"] as? Int == 1)
    }

    @Test func csvUsesDotsAndQuotes() throws {
        let csv = try Self.makeReport().render(.csv)
        let lines = csv.split(separator: "\n")
        #expect(
            lines.first
                == "group_variable,group_value,group_label,indicator,level,indicator_label,statistic,unit,estimate,se,ci_low,ci_high,ci_method,df,n,n_excluded,note,data_source"
        )
        #expect(lines.count == 37)
        #expect(lines.contains { $0.hasPrefix("all,,Cả nước,overall,overall,Chỉ số chung,share,percent,50,") })
        #expect(lines.contains { $0.hasPrefix("sector,dat_dai,Đất đai,item:s1,item,Câu 1,share,percent,100,") })
    }

    @Test func humanFormatsUseVietnameseNumbersAndLabels() throws {
        let table = try Self.makeReport().render(.table)
        #expect(table.contains("Chỉ số chung"))
        #expect(table.contains("50,00"))
        #expect(table.contains("Đất đai"))
        #expect(!table.contains("Câu 1"))  // items only with includeItems
        let english = try Self.makeReport(language: .en).render(.table)
        #expect(english.contains("50.00"))
        #expect(english.contains("Land"))
        #expect(english.contains("Access"))
    }

    @Test(arguments: [CIMethod.logit, .beta, .wilson, .wald])
    func headerNamesTheShareIntervalMethodUsed(method: CIMethod) throws {
        let table = try Self.makeReport(language: .en, shareCI: method).render(.table)
        #expect(table.contains("t(df), \(method.rawValue).\n"))
        let others = CIMethod.allCases.filter { $0 != method && $0 != .t && $0 != .clopperPearsonEdge }
        for other in others { #expect(!table.contains("t(df), \(other.rawValue)")) }
    }

    @Test func markdownEscapesPipesInLabels() throws {
        let md = try Self.makeReport().render(.md)
        #expect(md.contains("# Khảo sát thử — t.csv"))
        #expect(md.contains("A\\|B"))
        #expect(!md.contains("| A|B |"))
    }
}
