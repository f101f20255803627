import Foundation
import SIPASCore
import SIPASImport
import SIPASInstruments
import SIPASTestSupport
import Testing

@testable import SIPASStats

/// Cronbach's alpha with Feldt's interval and item non-response on SampleData/2024.csv, against
/// Tests/Fixtures/r-sampledata/quality.R (psych::alpha's raw_alpha, checked there against the formula;
/// weighted alpha from cov.wt; Feldt limits with qf). Alpha and rates within 1e-9 relative, interval
/// limits within 1e-6 relative; counts exact.
struct InstrumentQualityTests {
    static func report() throws -> InstrumentQuality {
        let instrument = try #require(try BuiltinInstruments.named("sipas-2023"))
        var accumulator = InstrumentQualityAccumulator(plan: try AnalysisPlan(instrument: instrument))
        let file = Fixtures.repositoryRoot.appendingPathComponent("SampleData/2024.csv")
        _ = try CSVImporter(instrument: instrument).run(file: file) { try accumulator.add($0) }
        return try accumulator.report()
    }

    @Test func alphaAndFeldtIntervalMatchR() throws {
        let report = try Self.report()
        let rows = try fixtureRows("r-sampledata/quality-alpha.csv")
        #expect(rows.count == 14)
        for row in rows {
            let element = try #require(
                report.elements.first { $0.items.sorted().joined(separator: ";") == row["items"] }, "\(row["items"]!)")
            #expect(element.respondents == Int(row["n"]!))
            #expect(close(element.alpha, Double(row["alpha"]!)!, relative: 1e-9), "\(element.id) alpha")
            #expect(
                close(element.weightedAlpha, Double(row["weighted_alpha"]!)!, relative: 1e-9),
                "\(element.id) weighted alpha")
            #expect(close(element.ciLow, Double(row["ci_low"]!)!, relative: 1e-6), "\(element.id) low")
            #expect(close(element.ciHigh, Double(row["ci_high"]!)!, relative: 1e-6), "\(element.id) high")
        }
    }

    @Test func itemNonResponseMatchesR() throws {
        let report = try Self.report()
        let rows = try fixtureRows("r-sampledata/quality-nonresponse.csv")
        #expect(rows.count == 58)
        for row in rows {
            let item = try #require(report.items.first { $0.item == row["item"] }, "\(row["item"]!)")
            #expect(
                item.records == Int(row["records"]!) && item.blank == Int(row["blank"]!)
                    && item.excluded == Int(row["excluded"]!), "\(item.item)")
            #expect(close(item.nonResponseRate, Double(row["nonresponse_rate"]!)!, relative: 1e-12), "\(item.item)")
            #expect(
                close(item.weightedNonResponseRate, Double(row["weighted_nonresponse_rate"]!)!, relative: 1e-9),
                "\(item.item)")
        }
    }

    /// Perfectly consistent items give α = 1; constant totals, one respondent or one item: no α, a note.
    @Test func degenerateElementsHaveANoteNotNaN() throws {
        var base = oneItemInstrument()
        base.questions.append(
            Question(name: "y", type: .selectOne(list: "codes"), label: LocalizedText(vi: "y"), area: "a", element: "e")
        )
        let plan = try AnalysisPlan(instrument: base)
        var same = InstrumentQualityAccumulator(plan: plan)
        for code in [1, 2, 3, 5] {
            try same.add(record(stratum: "", cluster: "\(code)", weight: 1, codes: [code, code]))
        }
        let one = try #require(try same.report().elements.first)
        #expect(one.alpha == 1 && one.ciLow == 1 && one.ciHigh == 1)
        var constant = InstrumentQualityAccumulator(plan: plan)
        for _ in 0..<3 { try constant.add(record(stratum: "", cluster: "c", weight: 1, codes: [2, 4])) }
        let undefined = try #require(try constant.report().elements.first)
        #expect(undefined.alpha == nil && undefined.note != nil)
        var single = InstrumentQualityAccumulator(plan: plan)
        try single.add(record(stratum: "", cluster: "c", weight: 1, codes: [2, 4]))
        try single.add(record(stratum: "", cluster: "c", weight: 1, codes: [nil, 4]))
        let report = try single.report()
        #expect(report.elements[0].alpha == nil && report.elements[0].respondents == 1)
        #expect(report.items[0].blank == 1 && report.items[0].nonResponseRate == 0.5)
    }
}

/// Rows of a fixture CSV written by R (no quoted commas).
func fixtureRows(_ path: String) throws -> [[String: String]] {
    let lines = try String(contentsOf: Fixtures.url(path), encoding: .utf8).split(separator: "\n")
    let header = lines[0].split(separator: ",").map(String.init)
    return lines.dropFirst().map {
        Dictionary(
            uniqueKeysWithValues: zip(
                header, $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)))
    }
}
