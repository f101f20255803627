import Foundation
import SIPASCore
import SIPASInstruments
import SIPASTestSupport
import Testing

@testable import SIPASStats

/// The sample generator, on small instruments written here (not the built-ins, which change).
struct SampleGeneratorTests {
    /// A household instrument: design columns, attributes, two elements with an "in general" item,
    /// a follow-up asked only when `used_online = '1'`, and a decimal info item.
    static let householdYAML = """
        id: test-household
        title: {vi: "Thử", en: "Test"}
        family: sipas
        method_version: "test"
        years: {from: 2023, to: 2026}
        provenance: {official: [], reconstructed: []}
        choices:
          sat5: [{name: "1", label: {vi: "1"}}, {name: "2", label: {vi: "2"}}, {name: "3", label: {vi: "3"}},
                 {name: "4", label: {vi: "4"}}, {name: "5", label: {vi: "5"}}, {name: "9", label: {vi: "KB"}}]
          sex: [{name: "1", label: {vi: "Nam"}}, {name: "2", label: {vi: "Nữ"}}]
          yesno: [{name: "1", label: {vi: "Có"}}, {name: "2", label: {vi: "Không"}}]
          agency_level: [{name: tinh, label: {vi: "Tỉnh"}}, {name: huyen, label: {vi: "Huyện"}}, {name: xa, label: {vi: "Xã"}}]
        scales:
          sat5: {satisfied: [4, 5], excluded: [9]}
        design: {weight: weight, strata: province_code, cluster: commune_code}
        areas:
          - name: services
            label: {vi: "Dịch vụ"}
            elements: [{name: access, label: {vi: "Tiếp cận"}}, {name: staff, label: {vi: "Công chức"}}]
        respondent_id: form_id
        questions:
          - {name: form_id, type: text, label: {vi: "Mã phiếu"}, required: yes}
          - {name: year, type: integer, label: {vi: "Năm"}, role: attribute}
          - {name: province_code, type: text, label: {vi: "Tỉnh"}, lookup: province, role: attribute}
          - {name: province_name, type: text, label: {vi: "Tên tỉnh"}, role: info}
          - {name: commune_code, type: text, label: {vi: "Xã"}, role: attribute}
          - {name: weight, type: decimal, label: {vi: "Trọng số"}, constraint: ". > 0", role: attribute}
          - {name: sex, type: select_one sex, label: {vi: "Giới tính"}}
          - {name: age, type: integer, label: {vi: "Tuổi"}, constraint: ". >= 18 and . <= 100"}
          - {name: agency_level, type: select_one agency_level, label: {vi: "Cấp"}}
          - {name: used_online, type: select_one yesno, label: {vi: "Dùng dịch vụ công trực tuyến"}, role: info}
          - {name: A1, type: select_one sat5, label: {vi: "A1"}, area: services, element: access}
          - {name: A2, type: select_one sat5, label: {vi: "A2"}, area: services, element: access}
          - {name: A_gen, type: select_one sat5, label: {vi: "A chung"}, area: services, element: access, role: element_overall}
          - {name: S1, type: select_one sat5, label: {vi: "S1"}, area: services, element: staff}
          - {name: S2, type: select_one sat5, label: {vi: "S2"}, area: services, element: staff, relevant: "${used_online} = '1'"}
          - {name: online_hours, type: decimal, label: {vi: "Giờ"}, constraint: ". >= 0 and . <= 24", relevant: "${used_online} != '2'", role: info}
          - {name: expectation_pct, type: decimal, label: {vi: "% kỳ vọng"}, constraint: ". >= 0 and . <= 100", role: info}
        """

    /// The same questions with hospitals as clusters (a health-like design).
    static var hospitalYAML: String {
        householdYAML
            .replacingOccurrences(of: "id: test-household", with: "id: test-hospital")
            .replacingOccurrences(of: "family: sipas", with: "family: health")
            .replacingOccurrences(of: "cluster: commune_code", with: "cluster: hospital_code")
            .replacingOccurrences(
                of: "  - {name: weight,",
                with:
                    "  - {name: hospital_code, type: text, label: {vi: \"Bệnh viện\"}, role: attribute}\n  - {name: weight,"
            )
    }

    static let household = try! InstrumentLoader.load(yaml: householdYAML, file: "household.yaml")
    static let hospital = try! InstrumentLoader.load(yaml: hospitalYAML, file: "hospital.yaml")

    struct Table {
        var header: [String]
        var rows: [[String]]
        var bytes: Data
        func column(_ name: String) -> [String] {
            guard let i = header.firstIndex(of: name) else { return [] }
            return rows.map { $0[i] }
        }
    }

    static func generate(_ spec: SampleSpec, instrument: Instrument = household) throws -> (Table, SampleSummary) {
        let url = try Fixtures.temporaryDirectory().appendingPathComponent("sample.csv")
        let summary = try SampleGenerator.write(instrument: instrument, spec: spec, to: url)
        let bytes = try Data(contentsOf: url)
        // No field here needs quoting, so splitting on commas is exact (checked: no quote in the file).
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let rows = lines.dropFirst().filter { !$0.isEmpty }.map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        return (Table(header: header, rows: rows, bytes: bytes), summary)
    }

    @Test func sameSeedGivesTheSameBytesOtherSeedOtherBytes() throws {
        let (a, _) = try Self.generate(SampleSpec(year: 2024, rows: 700, seed: 9))
        let (b, _) = try Self.generate(SampleSpec(year: 2024, rows: 700, seed: 9))
        let (c, _) = try Self.generate(SampleSpec(year: 2024, rows: 700, seed: 10))
        #expect(a.bytes == b.bytes)
        #expect(a.bytes != c.bytes)
    }

    @Test func fileIsPlainUTF8WithExactRowCountAndFormOrder() throws {
        let (table, summary) = try Self.generate(SampleSpec(year: 2024, rows: 1003, seed: 1))
        #expect(table.rows.count == 1003)
        #expect(summary.rows == 1003)
        #expect(!table.bytes.starts(with: [0xEF, 0xBB, 0xBF]), "BOM")
        #expect(!table.bytes.contains(UInt8(ascii: "\r")), "CR line ends")
        #expect(!table.bytes.contains(UInt8(ascii: "\"")))
        #expect(table.bytes.last == UInt8(ascii: "\n"))
        #expect(table.header == Self.household.questions.map(\.name) + ["data_source"])
        #expect(table.rows.allSatisfy { $0.count == table.header.count })
        #expect(Set(table.column("data_source")) == ["synthetic"])
        #expect(String(data: table.bytes, encoding: .utf8) != nil)
    }

    @Test func every2024ProvinceIsPresentWithSixCommunes() throws {
        let (table, summary) = try Self.generate(SampleSpec(year: 2024, rows: 2000, seed: 3))
        let expected = ProvinceCatalog.official.provinces(forYear: 2024)
        #expect(Set(table.column("province_code")) == Set(expected.map(\.code)))
        #expect(summary.provinces == 63)
        #expect(summary.clusters == 63 * 6)
        let names = Dictionary(uniqueKeysWithValues: expected.map { ($0.code, $0.name) })
        for row in table.rows { #expect(names[row[2]] == row[3]) }
        for (code, communes) in Dictionary(grouping: table.column("commune_code"), by: { String($0.prefix(2)) }) {
            #expect(Set(communes).count == 6, "province \(code)")
            #expect(communes.allSatisfy { $0.count == 5 && $0.allSatisfy(\.isNumber) })
        }
        #expect(zip(table.column("commune_code"), table.column("province_code")).allSatisfy { $0.hasPrefix($1) })
    }

    @Test func year2025UsesThe34NewProvincesAndMoreCommunesWhereMerged() throws {
        let (table, summary) = try Self.generate(SampleSpec(year: 2025, rows: 3000, seed: 4))
        let codes = Set(table.column("province_code"))
        #expect(codes == Set(ProvinceCatalog.official.provincesFrom2025.map(\.code)))
        #expect(codes.count == 34 && summary.provinces == 34)
        // Closed codes never appear; "24" is the new Bắc Ninh, "15" the new Lào Cai.
        #expect(codes.isDisjoint(with: ["02", "06", "10", "27", "30", "64", "77", "89"]))
        let named = Dictionary(
            zip(table.column("province_code"), table.column("province_name")), uniquingKeysWith: { a, _ in a })
        #expect(named["24"] == "Bắc Ninh" && named["15"] == "Lào Cai" && named["91"] == "An Giang")
        let communes = Dictionary(grouping: Set(table.column("commune_code")), by: { String($0.prefix(2)) })
        #expect(communes["01"]?.count == 6, "Hà Nội was not merged")
        #expect(communes["79"]?.count == 18, "Hồ Chí Minh absorbed three provinces")
        #expect(communes["24"]?.count == 12, "Bắc Ninh absorbed two")
        #expect(!table.column("agency_level").contains("huyen"), "districts ceased on 1 July 2025")
    }

    @Test func idsAreUniqueAndWeightsPositiveAndVarying() throws {
        let (table, _) = try Self.generate(SampleSpec(year: 2023, rows: 1500, seed: 5))
        let ids = table.column("form_id")
        #expect(Set(ids).count == ids.count)
        #expect(ids.allSatisfy { $0.hasPrefix("2023-") })
        let weights = table.column("weight").compactMap(Double.init)
        #expect(weights.count == 1500)
        #expect(weights.allSatisfy { $0 > 0 })
        #expect(Set(weights).count > 100, "weights should differ between communes")
        // Within a commune the weight is constant (population / respondents).
        for (_, w) in Dictionary(grouping: zip(table.column("commune_code"), table.column("weight")), by: \.0) {
            #expect(Set(w.map(\.1)).count == 1)
        }
        #expect(table.column("year").allSatisfy { $0 == "2023" })
    }

    @Test func answersComeFromTheirListsAndRespectConstraintsAndRelevance() throws {
        let (table, _) = try Self.generate(SampleSpec(year: 2024, rows: 3000, seed: 6))
        for item in ["A1", "A2", "A_gen", "S1", "S2"] {
            let values = table.column(item)
            #expect(values.allSatisfy { ["", "1", "2", "3", "4", "5", "9"].contains($0) }, "\(item)")
            let dontKnow =
                Double(values.filter { $0 == "9" }.count) / Double(values.filter { !$0.isEmpty || item != "S2" }.count)
            if item != "S2" { #expect(dontKnow > 0.015 && dontKnow < 0.05, "\(item) don't know \(dontKnow)") }
            // Dissatisfied answers are mostly the middle code.
            let low = values.filter { ["1", "2", "3"].contains($0) }
            #expect(low.filter { $0 == "3" }.count * 2 > low.count)
        }
        #expect(table.column("sex").allSatisfy { $0 == "1" || $0 == "2" })
        #expect(Set(table.column("agency_level")) == ["tinh", "huyen", "xa"])
        let ages = table.column("age").compactMap(Int.init)
        #expect(ages.count == 3000 && ages.allSatisfy { (18...80).contains($0) })
        #expect(table.column("expectation_pct").compactMap(Double.init).allSatisfy { (0...100).contains($0) })
        for row in table.rows {
            let online = row[table.header.firstIndex(of: "used_online")!]
            let s2 = row[table.header.firstIndex(of: "S2")!]
            let hours = row[table.header.firstIndex(of: "online_hours")!]
            if online != "1" { #expect(s2.isEmpty, "S2 answered although used_online = \(online)") }
            if online == "2" {
                #expect(hours.isEmpty)
            } else {
                #expect(Double(hours).map { (0...24).contains($0) } == true)
            }
        }
        #expect(table.column("S2").contains { !$0.isEmpty })
    }

    @Test(arguments: [(2024, 0.80), (2025, 0.88)])
    func shareSatisfiedLandsNearTheLevel(year: Int, level: Double) throws {
        let (table, summary) = try Self.generate(SampleSpec(year: year, rows: 5000, seed: 2024, level: level))
        #expect(summary.level == level)
        // Recomputed from the file: per province, satisfied / valid over the scored items.
        let items = Self.household.scoredQuestions.map { table.header.firstIndex(of: $0.name)! }
        var counts: [String: (yes: Int, valid: Int)] = [:]
        for row in table.rows {
            for i in items where ["1", "2", "3", "4", "5"].contains(row[i]) {
                counts[row[2], default: (0, 0)].valid += 1
                if row[i] == "4" || row[i] == "5" { counts[row[2], default: (0, 0)].yes += 1 }
            }
        }
        let shares = counts.values.map { Double($0.yes) / Double($0.valid) }
        let mean = shares.reduce(0, +) / Double(shares.count)
        #expect(abs(mean - level) < 0.02, "mean of provincial shares \(mean) vs level \(level)")
        #expect(abs(mean - summary.meanOfProvinceShares) < 1e-12)
        // Provinces differ (province sd 3.5 points plus sampling noise).
        let sd = (shares.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(shares.count - 1)).squareRoot()
        #expect(sd > 0.02 && sd < 0.09, "provincial sd \(sd)")
    }

    @Test func indexWeightsFollowTheRollup() throws {
        // One area, two elements: A1, A2 (A_gen is the "in general" item) and S1, S2.
        let names = Self.household.scoredQuestions.map(\.name)
        let weights = Dictionary(uniqueKeysWithValues: zip(names, IndexWeights.of(Self.household)))
        #expect(weights == ["A1": 0.25, "A2": 0.25, "A_gen": 0, "S1": 0.25, "S2": 0.25])
        var general = Self.household
        general.rollup = RollupSpec(element: .overallItem)
        let generalWeights = Dictionary(uniqueKeysWithValues: zip(names, IndexWeights.of(general)))
        #expect(generalWeights == ["A1": 0, "A2": 0, "A_gen": 1, "S1": 0, "S2": 0], "staff has no general item")
        var itemsOnly = Self.household
        itemsOnly.rollup = RollupSpec(area: .meanOfItems)
        #expect(IndexWeights.of(itemsOnly).reduce(0, +) == 1)
    }

    @Test func overallIndexLandsNearTheLevel() throws {
        let (_, summary) = try Self.generate(SampleSpec(year: 2024, rows: 5000, seed: 31, level: 0.75))
        #expect(abs(summary.meanOfProvinceIndices - 0.75) < 0.01, "index \(summary.meanOfProvinceIndices)")
        let recomputed = summary.provinceShares.map(\.index).reduce(0, +) / Double(summary.provinceShares.count)
        #expect(abs(recomputed - summary.meanOfProvinceIndices) < 1e-12)
    }

    @Test func defaultLevelIsThePublishedFigureAndPlacesTopAndBottomProvinces() throws {
        let (_, summary) = try Self.generate(SampleSpec(year: 2024, rows: 6300, seed: 8))
        #expect(summary.level == 0.8394)
        #expect(summary.levelSource.contains("published"))
        let share = Dictionary(uniqueKeysWithValues: summary.provinceShares.map { ($0.code, $0.share) })
        let median = summary.provinceShares.map(\.share).sorted()[31]
        for top in ["31", "19", "30", "22", "77"] { #expect(share[top]! > median, "top province \(top)") }
        for bottom in ["06", "20", "49", "89", "51"] { #expect(share[bottom]! < median, "bottom province \(bottom)") }
        #expect(SampleSpec.defaultLevel(family: "sipas", year: 2023).level == 0.8266)
        #expect(SampleSpec.defaultLevel(family: "sipas", year: 2025).source.contains("assumed"))
        #expect(SampleSpec.defaultLevel(family: "health", year: 2024).level == 0.808)
        #expect(SampleSpec.defaultLevel(family: "education", year: 2024).level == 0.88)
        #expect(SampleSpec.defaultLevel(family: "land", year: 2024).level == 0.80)
    }

    @Test func hospitalsAreClustersInsideProvinces() throws {
        let (table, summary) = try Self.generate(
            SampleSpec(year: 2024, rows: 1200, seed: 12), instrument: Self.hospital)
        #expect(summary.level == 0.808)
        let hospitals = table.column("hospital_code")
        #expect(hospitals.allSatisfy { $0.hasPrefix("BV") && $0.count == 7 })
        for (hospital, provinces) in Dictionary(grouping: zip(hospitals, table.column("province_code")), by: \.0) {
            #expect(Set(provinces.map(\.1)).count == 1, "\(hospital) in several provinces")
            #expect(hospital.dropFirst(2).hasPrefix(provinces[0].1))
        }
        #expect(Set(hospitals).count == 63 * 6)
    }

    /// The form-id serial, padded as "%05d" was.
    @Test func serialsArePaddedLikePrintf() {
        #expect(RowFiller.zeroPadded(7, width: 5) == "00007")
        #expect(RowFiller.zeroPadded(12345, width: 5) == "12345")
        #expect(RowFiller.zeroPadded(1_234_567, width: 5) == "1234567")
        #expect(RowFiller.zeroPadded(0, width: 5) == "00000")
        #expect(RowFiller.zeroPadded(-42, width: 5) == "-0042")
    }

    @Test func badSpecificationsAreRejected() throws {
        let url = try Fixtures.temporaryDirectory().appendingPathComponent("bad.csv")
        #expect(throws: StatsError.self) {
            try SampleGenerator.write(
                instrument: Self.household, spec: SampleSpec(year: 2024, rows: 0, seed: 1), to: url)
        }
        #expect(throws: StatsError.self) {
            try SampleGenerator.write(
                instrument: Self.household, spec: SampleSpec(year: 2024, rows: 10, seed: 1, level: 1.2), to: url)
        }
        #expect(throws: StatsError.self) {
            try SampleGenerator.write(
                instrument: Self.household, spec: SampleSpec(year: 2019, rows: 10, seed: 1), to: url)
        }
        #expect(throws: StatsError.self) {
            try SampleGenerator.write(
                instrument: Self.household, spec: SampleSpec(instrumentId: "other", year: 2024, rows: 10, seed: 1),
                to: url)
        }
        let missing = url.deletingLastPathComponent().appendingPathComponent("no/such/folder.csv")
        #expect(throws: StatsError.self) {
            try SampleGenerator.write(
                instrument: Self.household, spec: SampleSpec(year: 2024, rows: 10, seed: 1), to: missing)
        }
    }
}
