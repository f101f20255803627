import Foundation
import SIPASCore
import SIPASImport
import SIPASInstruments
import SIPASTestSupport
import Testing

@testable import SIPASStats

/// Key drivers on SampleData/land-construction-2024.csv, outcome the dedicated overall question
/// LAND_overall, against R `svyglm` on the same derived variables (Tests/Fixtures/r-sampledata/
/// key-drivers.R and key-drivers.csv): coefficients and design-based standard errors, 1e-8 relative;
/// respondents used and left out exactly.
struct KeyDriversTests {
    static func reference() throws -> [String: (Double, Double?)] {
        let text = try String(contentsOf: Fixtures.url("r-sampledata/key-drivers.csv"), encoding: .utf8)
        var reference: [String: (Double, Double?)] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",").map(String.init)
            reference[f[0]] = (Double(f[1])!, Double(f[2]))
        }
        return reference
    }

    @Test func coefficientsAndStandardErrorsMatchSvyglm() throws {
        let instrument = try #require(try BuiltinInstruments.named("land-construction"))
        let plan = try AnalysisPlan(instrument: instrument)
        var collector = try KeyDriverCollector(plan: plan, instrument: instrument)
        _ = try CSVImporter(instrument: instrument).run(
            file: Fixtures.repositoryRoot.appendingPathComponent("SampleData/land-construction-2024.csv")
        ) {
            collector.add($0)
        }
        let fit = try collector.fit()
        let reference = try Self.reference()
        #expect(fit.outcome == "LAND_overall")
        #expect(
            Double(fit.respondentsUsed) == reference["n_used"]?.0
                && Double(fit.respondentsLeftOut) == reference["n_left_out"]?.0)
        #expect(close(fit.intercept, reference["(Intercept)"]!.0, relative: 1e-8))
        #expect(fit.drivers.map(\.element) == ["access", "procedures", "civil_servants", "results", "feedback"])
        for driver in fit.drivers {
            let (estimate, se) = try #require(reference[driver.element], "\(driver.element)")
            #expect(close(driver.coefficient, estimate, relative: 1e-8), "\(driver.element)")
            #expect(close(driver.standardError, try #require(se), relative: 1e-8), "\(driver.element) SE")
        }
    }

    /// Without a dedicated overall question the collector says why, never falls back to the index.
    @Test func noOverallQuestionIsUnavailableWithTheReason() throws {
        for id in ["sipas-2023", "health-inpatient", "health-outpatient"] {
            let instrument = try #require(try BuiltinInstruments.named(id))
            #expect(
                throws: KeyDriversUnavailable(
                    reason: LocalizedText(
                        vi:
                            "Không tính được: bộ công cụ \(id) không có câu hỏi hài lòng chung riêng (vai trò overall) và không chỉ định drivers.outcome; lấy chỉ số chung làm biến phụ thuộc là hồi quy chỉ số theo chính các câu hỏi tạo nên nó.",
                        en:
                            "Cannot be computed: instrument \(id) has no dedicated overall satisfaction question (role overall) and names none under drivers.outcome; the overall index as the outcome would regress the index on the very items it is built from."
                    ))
            ) {
                _ = try KeyDriverCollector(plan: try AnalysisPlan(instrument: instrument), instrument: instrument)
            }
        }
    }

    /// `drivers: {outcome: …}` chooses an element-overall question where there is no overall one.
    @Test func theOutcomeIsConfigurable() throws {
        var instrument = try #require(try BuiltinInstruments.named("sipas-2023"))
        instrument.drivers = DriverSpec(outcome: "PAS_E2_gen")
        #expect(try KeyDrivers.outcome(of: instrument).name == "PAS_E2_gen")
        #expect(instrument.problems(file: "x.yaml", yaml: nil).isEmpty)
        instrument.drivers = DriverSpec(outcome: "PAS_E2_c1")
        #expect(
            instrument.problems(file: "x.yaml", yaml: nil).map(\.message) == [
                "drivers.outcome 'PAS_E2_c1' has role item; it must be a scored question of role overall or element_overall (the element scores are the predictors)"
            ])
        instrument.drivers = DriverSpec(outcome: "nowhere")
        #expect(
            instrument.problems(file: "x.yaml", yaml: nil).map(\.message) == [
                "drivers.outcome 'nowhere' is not a question"
            ])
    }

    @Test func tooFewRespondentsIsAnError() throws {
        let instrument = try #require(try BuiltinInstruments.named("land-construction"))
        let collector = try KeyDriverCollector(plan: try AnalysisPlan(instrument: instrument), instrument: instrument)
        #expect(throws: StatsError.self) { try collector.fit() }
    }
}
