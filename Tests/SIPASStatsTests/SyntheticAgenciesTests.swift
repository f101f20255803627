import Foundation
import SIPASCore
import SIPASInstruments
import SIPASTestSupport
import Testing

@testable import SIPASStats

/// Synthetic agencies in `sipas sample`: drawn without random numbers, so every other column of a
/// sample is the same as before the agency columns existed (the shipped SampleData/2024.csv), and
/// consistent with the row's agency level and procedure domain.
struct SyntheticAgenciesTests {
    static func read(_ url: URL) throws -> (header: [String], rows: [[String]]) {
        let records = try CSVReader().records(String(contentsOf: url, encoding: .utf8), file: url.lastPathComponent)
        return (records[0].fields, records.dropFirst().map(\.fields))
    }

    @Test func otherColumnsUnchangedAndAgenciesFollowLevelAndDomain() throws {
        let instrument = try #require(try BuiltinInstruments.named("sipas-2023"))
        let url = try Fixtures.temporaryDirectory().appendingPathComponent("2024.csv")
        try SampleGenerator.write(
            instrument: instrument, spec: SampleSpec(year: 2024, rows: 12000, seed: 2024), to: url)
        let fresh = try Self.read(url)
        let shipped = try Self.read(Fixtures.repositoryRoot.appendingPathComponent("SampleData/2024.csv"))
        #expect(fresh.rows.count == shipped.rows.count)
        let column = Dictionary(uniqueKeysWithValues: fresh.header.enumerated().map { ($1, $0) })
        for (j, name) in shipped.header.enumerated() {
            guard let k = column[name] else { continue }
            #expect(zip(fresh.rows, shipped.rows).allSatisfy { $0[k] == $1[j] }, "\(name) changed")
        }
        let code = try #require(column["agency_code"])
        let name = try #require(column["agency_name"])
        let level = try #require(column["agency_level"])
        let sector = try #require(column["sector"])
        let province = try #require(column["province_code"])
        let commune = try #require(column["commune_code"])
        for row in fresh.rows {
            switch row[level] {
            case "xa":
                #expect(
                    row[code] == "\(row[province])-X\(row[commune])" && row[name] == "UBND xã/phường \(row[commune])")
            case "huyen": #expect(row[code] == "\(row[province])-H\(row[commune])")
            default:
                let department = SyntheticAgencies.department(sector: row[sector], year: 2024)
                #expect(row[code] == "\(row[province])-\(department.code)" && row[name] == department.name)
            }
        }
        #expect(Set(fresh.rows.map { $0[code] }).count > 63 * 6)
    }

    /// The departments merged in 2025.
    @Test func departmentsMergedFrom2025() {
        #expect(SyntheticAgencies.department(sector: "dat_dai", year: 2024).name == "Sở Tài nguyên và Môi trường")
        #expect(SyntheticAgencies.department(sector: "dat_dai", year: 2025).name == "Sở Nông nghiệp và Môi trường")
        #expect(SyntheticAgencies.department(sector: "gtvt", year: 2025).code == "SXD")
        #expect(
            SyntheticAgencies.agency(
                province: "24", commune: "24112", year: 2024, serial: 3, level: nil, sector: "dat_dai"
            ).code == "24-X24112")
        #expect(
            SyntheticAgencies.agency(
                province: "24", commune: "24112", year: 2024, serial: 4, level: nil, sector: "dat_dai"
            ).code == "24-STNMT")
    }
}
