import Foundation
import SIPASCore
import SIPASTestSupport
import Testing

@testable import SIPASInstruments

struct BuiltinInstrumentsTests {
    static let ids = [
        "sipas-2023", "sipas-2017", "health-inpatient", "health-outpatient", "education", "land-construction",
    ]

    @Test func everyBuiltinDecodes() throws {
        let all = try BuiltinInstruments.all()
        #expect(all.map(\.id) == Self.ids)
        #expect(all.count == BuiltinInstruments.files.count)
        for (file, instrument) in zip(BuiltinInstruments.files, all) {
            #expect(file.name == "\(instrument.id).yaml")
        }
    }

    @Test func everyBuiltinHasNoProblems() throws {
        for (name, bytes) in BuiltinInstruments.files {
            let problems = Instrument.check(yaml: String(decoding: bytes, as: UTF8.self), file: name)
            #expect(problems.isEmpty, "\(problems.map(\.description).joined(separator: "\n"))")
        }
    }

    @Test func everyInstrumentFileIsCompiledIn() throws {
        let folder = Fixtures.repositoryRoot.appendingPathComponent("Instruments")
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }
            .sorted()
        #expect(onDisk == BuiltinInstruments.files.map(\.name).sorted())
        for (name, bytes) in BuiltinInstruments.files {
            #expect(
                try Data(contentsOf: folder.appendingPathComponent(name)) == Data(bytes),
                "\(name) differs from the compiled copy")
        }
    }

    @Test func namedFindsByIdAndFileName() throws {
        #expect(try BuiltinInstruments.named("education")?.id == "education")
        #expect(try BuiltinInstruments.named("sipas-2017.yaml")?.id == "sipas-2017")
        #expect(try BuiltinInstruments.named("sipas-1999") == nil)
    }

    /// The sample generator and the importer treat every instrument alike through these columns.
    @Test(arguments: ids)
    func commonColumnsAreShared(id: String) throws {
        let instrument = try #require(try BuiltinInstruments.named(id))
        func q(_ name: String) throws -> Question {
            try #require(instrument.question(named: name), "\(id) lacks \(name)")
        }
        #expect(try q("form_id").type == .text && q("form_id").required)
        #expect(instrument.respondentId == "form_id")
        #expect(try q("year").type == .integer && q("year").constraint == ". >= 2015 and . <= 2035")
        #expect(try q("province_code").lookup == "province" && q("province_code").required)
        #expect(try instrument.role(of: q("province_name")) == .info)
        #expect(try q("commune_code").type == .text && q("commune_code").required)
        #expect(try q("weight").type == .decimal && q("weight").constraint == ". > 0")
        #expect(try q("sector").type == .selectOne(list: q("sector").type.listName ?? ""))
        #expect(try q("sex").type == .selectOne(list: "sex"))
        #expect(try q("age").type == .integer)
        for name in ["year", "province_code", "commune_code", "weight", "sector", "sex", "age"] {
            #expect(try instrument.role(of: q(name)) == .attribute, "\(id).\(name)")
        }
        #expect(instrument.design.weight == "weight" && instrument.design.strata == "province_code")
        #expect(instrument.design.lonelyPSU == .fail)
        #expect(instrument.breakdowns.first == "sector")
        #expect(instrument.scales["sat5"] == Scale(satisfied: [4, 5], excluded: [8, 9]))
        let codes = try #require(instrument.choices["sat5"]).map(\.name)
        #expect(codes == ["1", "2", "3", "4", "5", "8", "9"])
        #expect(instrument.choices["sat5"]?[3].label.vi == "Hài lòng")
        #expect(instrument.choices["sex"]?.map(\.label.vi) == ["Nam", "Nữ"])
        #expect(!instrument.provenance.official.isEmpty && !instrument.provenance.reconstructed.isEmpty)
        // Mẫu số 1 of QĐ 56/QĐ-BYT (inpatients) has no skip rule; every other form has one.
        #expect(instrument.questions.contains { $0.relevant != nil } == (id != "health-inpatient"), "\(id) skip rule")
        #expect(instrument.scoredQuestions.allSatisfy { $0.type == .selectOne(list: "sat5") })
    }

    @Test func clustersFollowTheSurvey() throws {
        let expected = [
            "sipas-2023": "commune_code", "sipas-2017": "commune_code", "health-inpatient": "hospital_code",
            "health-outpatient": "hospital_code", "education": "school_code", "land-construction": "commune_code",
        ]
        for instrument in try BuiltinInstruments.all() {
            #expect(instrument.design.cluster == expected[instrument.id], "\(instrument.id)")
        }
    }

    @Test func sipas2023HasNinePolicyGroupsAndFiveServiceElements() throws {
        let sipas = try #require(try BuiltinInstruments.named("sipas-2023"))
        let policy = try #require(sipas.areas.first { $0.name == "policy" })
        let services = try #require(sipas.areas.first { $0.name == "services" })
        #expect(policy.elements.count == 9)
        #expect(services.elements.map(\.name) == ["access", "procedures", "civil_servants", "results", "feedback"])
        let scored = sipas.scoredQuestions
        let policyItems = scored.filter { $0.area == "policy" }
        #expect(policyItems.count == 36)
        for element in policy.elements {
            #expect(
                policyItems.filter { $0.element == element.name }.compactMap(\.criterion) == [
                    "participation", "quality", "implementation", "impact",
                ])
        }
        #expect(sipas.question(named: "POL_econ_quality")?.label.vi == "Phát triển kinh tế – chất lượng chính sách")
        let contents = services.elements.map { e in
            scored.filter { $0.element == e.name && sipas.role(of: $0) == .item }.count
        }
        #expect(contents == [3, 4, 4, 3, 3])
        #expect(scored.filter { sipas.role(of: $0) == .elementOverall }.map(\.name) == (1...5).map { "PAS_E\($0)_gen" })
        #expect(
            sipas.rollup
                == RollupSpec(
                    element: .meanOfItems, area: .meanOfElements, overall: .meanOfAreas, national: .meanOfUnits,
                    unit: "province_code"))
        #expect(sipas.breakdowns == ["sector", "agency_level"])
        #expect(sipas.choices["agency_level"]?.map(\.name) == ["tinh", "huyen", "xa"])
        #expect(sipas.years == YearRange(from: 2023, to: 2026))
    }

    @Test func sipas2017Has22CriteriaInFiveElements() throws {
        let sipas = try #require(try BuiltinInstruments.named("sipas-2017"))
        let items = sipas.scoredQuestions.filter { sipas.role(of: $0) == .item }
        #expect(items.count == 22)
        let perElement = sipas.areas[0].elements.map { e in items.filter { $0.element == e.name }.count }
        #expect(perElement == [4, 5, 6, 3, 4])
        #expect(items.first?.name == "E1_1" && items.last?.name == "E5_4")
        #expect(items.compactMap(\.criterion).count == 22)
        #expect(
            sipas.scoredQuestions.filter { sipas.role(of: $0) == .elementOverall }.map(\.name)
                == (1...5).map { "Sat_E\($0)" })
        #expect(sipas.scoredQuestions.filter { sipas.role(of: $0) == .overall }.map(\.name) == ["Sat_overall"])
        #expect(sipas.years?.contains(2021) == true && sipas.years?.contains(2022) == false)
    }

    /// Sections and items of the patient forms of QĐ 56/QĐ-BYT (2024), against the table written from
    /// the forms (Tests/Fixtures/health-forms/sections.csv): count per section, item names A1…An, and
    /// the first and last item's wording (commas removed, as in the table).
    @Test func healthFormsMatchTheFormsInForce() throws {
        let text = try String(contentsOf: Fixtures.url("health-forms/sections.csv"), encoding: .utf8)
        let rows = text.split(separator: "\n").dropFirst().map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        #expect(rows.count == 10)
        for id in ["health-inpatient", "health-outpatient"] {
            let health = try #require(try BuiltinInstruments.named(id))
            let table = rows.filter { $0[0] == id }
            #expect(table.map { $0[2] } == ["A", "B", "C", "D", "E"])
            #expect(health.methodVersion == "56/QĐ-BYT 2024" && health.years == YearRange(from: 2024))
            #expect(health.areas.count == 1 && health.areas[0].elements.count == 5)
            for (element, row) in zip(health.areas[0].elements, table) {
                let items = health.scoredQuestions.filter { $0.element == element.name }
                #expect(items.count == Int(row[3]), "\(id) \(row[2])")
                #expect(items.map(\.name) == (1...(Int(row[3]) ?? 0)).map { "\(row[2])\($0)" })
                func bare(_ s: String) -> String { s.replacingOccurrences(of: ",", with: "") }
                #expect(items.first.map { bare($0.label.vi) } == row[4], "\(id) \(row[2]) first")
                #expect(items.last.map { bare($0.label.vi) } == row[5], "\(id) \(row[2]) last")
            }
            #expect(health.areas[0].elements[0].label.vi == "Khả năng tiếp cận")
            let g1 = try #require(health.question(named: "G1"))
            #expect(g1.type == .decimal && health.role(of: g1) == .info && g1.constraint == ". >= 0 and . <= 100")
            let g2 = try #require(health.question(named: "G2"))
            #expect(health.role(of: g2) == .info && g2.type.listName != "sat5")
            #expect(health.question(named: "hospital_code")?.required == true)
            #expect(health.question(named: "ward_type") != nil)
        }
    }

    @Test func educationHasFiveGroupsAndAnOverallItem() throws {
        let education = try #require(try BuiltinInstruments.named("education"))
        let items = education.scoredQuestions.filter { education.role(of: $0) == .item }
        let sizes = education.areas[0].elements.map { e in items.filter { $0.element == e.name }.count }
        #expect(sizes.count == 5 && sizes.allSatisfy { (3...5).contains($0) })
        #expect(education.scoredQuestions.filter { education.role(of: $0) == .overall }.count == 1)
        #expect(education.choices["school_level"]?.map(\.name) == ["MN", "TH", "THCS", "THPT", "GDTX"])
        #expect(education.choices["respondent_type"]?.map(\.name) == ["parent", "student"])
    }

    @Test func landSectorIsTheProcedureDomain() throws {
        let land = try #require(try BuiltinInstruments.named("land-construction"))
        #expect(land.question(named: "sector")?.type == .selectOne(list: "procedure_domain"))
        #expect(land.choices["procedure_domain"]?.map(\.name) == ["dat_dai", "xay_dung", "dau_tu"])
        #expect(
            land.areas[0].elements.map(\.name) == ["access", "procedures", "civil_servants", "results", "feedback"])
    }

    @Test func builtinTextIsNFC() throws {
        for (name, bytes) in BuiltinInstruments.files {
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(text.unicodeScalars.elementsEqual(text.nfc.unicodeScalars), "\(name)")
        }
    }
}
