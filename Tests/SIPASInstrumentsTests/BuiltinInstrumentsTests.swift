import Foundation
import SIPASCore
import SIPASTestSupport
import Testing
@testable import SIPASInstruments

struct BuiltinInstrumentsTests {
    @Test func everyBuiltinDecodes() throws {
        let all = try BuiltinInstruments.all()
        #expect(all.count == BuiltinInstruments.files.count)
        #expect(Set(all.map(\.id)).count == all.count)
    }

    @Test func everyInstrumentFileIsCompiledIn() throws {
        let folder = Fixtures.repositoryRoot.appendingPathComponent("Instruments")
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(onDisk == BuiltinInstruments.files.map(\.name).sorted())
        for (name, bytes) in BuiltinInstruments.files {
            #expect(try Data(contentsOf: folder.appendingPathComponent(name)) == Data(bytes), "\(name) differs from the compiled copy")
        }
    }

    @Test func sipas2023HasNinePolicyGroupsAndFiveServiceElements() throws {
        let sipas = try #require(try BuiltinInstruments.named("sipas-2023"))
        let policy = try #require(sipas.areas.first { $0.name == "policy" })
        let services = try #require(sipas.areas.first { $0.name == "services" })
        #expect(policy.elements.count == 9)
        #expect(services.elements.map(\.name) == ["access", "procedures", "civil_servants", "results", "feedback"])
        let scored = sipas.scoredQuestions
        #expect(scored.filter { $0.area == "policy" }.count == 36)
        #expect(scored.filter { $0.area == "services" && sipas.role(of: $0) == .item }.count == 17)
        #expect(scored.filter { sipas.role(of: $0) == .elementOverall }.count == 5)
        #expect(sipas.scales["sat5"] == Scale(satisfied: [4, 5], excluded: [8, 9]))
        #expect(sipas.rollup.national == .meanOfUnits && sipas.rollup.unit == "province_code")
    }
}
