import Foundation
import SIPASCore
import SIPASImport
import SIPASInstruments
import SIPASTestSupport
import Testing
@testable import SIPASStats

/// Key drivers on SampleData/2024.csv against R `svyglm` on the same derived variables
/// (Tests/Fixtures/r-sampledata/key-drivers.R and key-drivers.csv): coefficients and design-based
/// standard errors, 1e-8 relative.
struct KeyDriversTests {
    @Test func coefficientsAndStandardErrorsMatchSvyglm() throws {
        let instrument = try #require(try BuiltinInstruments.named("sipas-2023"))
        let plan = try AnalysisPlan(instrument: instrument)
        var collector = KeyDriverCollector(plan: plan, instrument: instrument)
        _ = try CSVImporter(instrument: instrument).run(file: Fixtures.repositoryRoot.appendingPathComponent("SampleData/2024.csv")) {
            collector.add($0)
        }
        let fit = try collector.fit()
        #expect(fit.respondentsUsed == 11_999 && fit.respondentsLeftOut == 1)
        let text = try String(contentsOf: Fixtures.url("r-sampledata/key-drivers.csv"), encoding: .utf8)
        var reference: [String: (Double, Double)] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",").map(String.init)
            reference[f[0]] = (Double(f[1])!, Double(f[2])!)
        }
        #expect(close(fit.intercept, reference["(Intercept)"]!.0, relative: 1e-8))
        #expect(fit.drivers.count == 14)
        for driver in fit.drivers {
            let (estimate, se) = try #require(reference[driver.element], "\(driver.element)")
            #expect(close(driver.coefficient, estimate, relative: 1e-8), "\(driver.element)")
            #expect(close(driver.standardError, se, relative: 1e-8), "\(driver.element) SE")
        }
    }

    @Test func tooFewRespondentsIsAnError() throws {
        let instrument = try #require(try BuiltinInstruments.named("sipas-2023"))
        let collector = KeyDriverCollector(plan: try AnalysisPlan(instrument: instrument), instrument: instrument)
        #expect(throws: StatsError.self) { try collector.fit() }
    }
}
