import Foundation
import SIPASCore
import SIPASImport
import SIPASInstruments
import SIPASTestSupport
import Testing

@testable import SIPASStats

/// The perception table's shares against R `survey` (Tests/Fixtures/perception/perception.R →
/// perception.csv, 51 values): `svyciprop(~I(x == c), design, na.rm = TRUE, method = "xlogit")` on
/// NHANES (real data; PSU codes repeated across strata), apiclus2 (two stages, fpc at both),
/// SampleData/2024.csv (interest, harassment and its mostly blank follow-up) and a sipas-2017 sample
/// (a select_multiple). Estimate, SE and CI limits within 1e-9 relative; df and n exactly.
struct PerceptionResultsTests {
    static func results(instrument: Instrument, file: URL) throws -> PerceptionResults {
        var collector = try PerceptionCollector(instrument: instrument)
        let rejects = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sipas-perception-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: rejects) }
        let summary = try CSVImporter(instrument: instrument, options: ImportOptions(rejectsURL: rejects)).run(
            file: file
        ) { try collector.add($0) }
        #expect(summary.rejected == 0, "\(file.lastPathComponent): \(summary.rejected) rejected")
        return try collector.estimate()
    }

    static let references: [String: [String: String]] = {
        guard let text = try? String(contentsOf: Fixtures.url("perception/perception.csv"), encoding: .utf8),
            let records = try? CSVReader().records(text, file: "perception.csv"), let header = records.first?.fields
        else { return [:] }
        return Dictionary(
            uniqueKeysWithValues: records.dropFirst().map { record in
                let row = Dictionary(uniqueKeysWithValues: zip(header, record.fields))
                return ("\(row["case"]!)|\(row["question"]!)|\(row["code"]!)", row)
            })
    }()

    /// Checks every answer of every question against its R row; returns how many were compared.
    static func check(_ results: PerceptionResults, case name: String) throws -> Int {
        var compared = 0
        for question in results.questions {
            for answer in question.answers {
                let key = "\(name)|\(question.name)|\(answer.code)"
                guard let row = references[key] else { continue }
                compared += 1
                #expect(close(answer.share, Double(row["estimate"]!)!, relative: 1e-9), "\(key) share \(answer.share)")
                #expect(
                    close(answer.standardError, Double(row["se"]!)!, relative: 1e-9),
                    "\(key) SE \(answer.standardError)")
                #expect(close(answer.ciLow, Double(row["ci_low"]!)!, relative: 1e-9), "\(key) CI low")
                #expect(close(answer.ciHigh, Double(row["ci_high"]!)!, relative: 1e-9), "\(key) CI high")
                #expect(results.degreesOfFreedom == Int(row["df"]!), "\(key) df")
                #expect(answer.n == Int(row["n"]!) && question.answered == Int(row["answered"]!), "\(key) n")
            }
        }
        return compared
    }

    @Test func realDataWithRepeatedPSUCodesMatchesR() throws {
        let instrument = try InstrumentLoader.load(contentsOf: Fixtures.url("perception/nhanes-perception.yaml"))
        let results = try Self.results(instrument: instrument, file: Fixtures.url("r-real/nhanes.csv"))
        #expect(results.questions.map(\.name) == ["race", "RIAGENDR"])
        #expect(try Self.check(results, case: "nhanes") == 6)
    }

    @Test func twoStageDesignWithFPCMatchesR() throws {
        let instrument = try InstrumentLoader.load(contentsOf: Fixtures.url("perception/apiclus2-perception.yaml"))
        let results = try Self.results(instrument: instrument, file: Fixtures.url("perception/apiclus2.csv"))
        #expect(try Self.check(results, case: "apiclus2") == 5)
    }

    @Test func sampleDataInterestAndHarassmentMatchR() throws {
        let instrument = try #require(try BuiltinInstruments.named("sipas-2023"))
        let results = try Self.results(
            instrument: instrument, file: Fixtures.repositoryRoot.appendingPathComponent("SampleData/2024.csv"))
        #expect(results.questions.count == 11)
        #expect(try Self.check(results, case: "sipas-2024") == 32)
        // The follow-up is asked only after some harassment: most rows leave it blank, and the blank
        // rows are out of its denominator (its two shares add up to 1).
        let report = try #require(results.questions.first { $0.name == "PERC_harass_report" })
        #expect(report.answered < 12_000 / 2)
        #expect(abs(report.answers.map(\.share).reduce(0, +) - 1) < 1e-12)
    }

    @Test func selectMultipleSharesMatchR() throws {
        let instrument = try #require(try BuiltinInstruments.named("sipas-2017"))
        let results = try Self.results(instrument: instrument, file: Fixtures.url("perception/sipas-2017.csv"))
        let improve = try #require(results.questions.first { $0.name == "NEED_improve" })
        #expect(improve.multiple)
        // Respondents may choose several answers: the shares add up to more than 100 %.
        #expect(improve.answers.map(\.share).reduce(0, +) > 1.2)
        #expect(
            try Self.check(results, case: "sipas-2017")
                == Self.references.keys.filter { $0.hasPrefix("sipas-2017|") }.count)
    }

    @Test func instrumentWithoutPerceptionQuestionsHasNone() throws {
        let instrument = try #require(try BuiltinInstruments.named("education"))
        #expect(try PerceptionCollector(instrument: instrument).isEmpty)
    }

    @Test func perceptionRoleNeedsAChoiceList() throws {
        let yaml = try String(contentsOf: Fixtures.url("perception/nhanes-perception.yaml"), encoding: .utf8)
            .replacingOccurrences(
                of: "{name: agecat, type: text, label: {vi: \"Nhóm tuổi\", en: \"Age group\"}, role: attribute}",
                with: "{name: agecat, type: text, label: {vi: \"Nhóm tuổi\", en: \"Age group\"}, role: perception}")
        let problems = Instrument.check(yaml: yaml, file: "bad.yaml").map(\.description)
        #expect(
            problems.contains {
                $0.contains("question 'agecat' has role perception but is not a select_one or select_multiple")
            }, "\(problems)")
        #expect(
            Instrument.check(
                yaml: try String(contentsOf: Fixtures.url("perception/nhanes-perception.yaml"), encoding: .utf8),
                file: "ok.yaml"
            ).isEmpty)
    }
}
