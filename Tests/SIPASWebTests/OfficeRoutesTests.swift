import SIPASInstruments
import SIPASStore
import Testing

@testable import SIPASWeb

@Suite("Office pages: fieldwork progress")
struct OfficeRoutesTests {
    static func batch(_ id: Int64, team: String, day: String, accepted: Int, rejected: Int, replacedBy: Int64? = nil)
        -> BatchInfo
    {
        BatchInfo(
            id: id, name: "\(team)/\(id)", team: team, fileName: "f.csv", sha256: "\(id)", instrumentID: "sipas-2024",
            methodVersion: "1", rowsRead: accepted + rejected, accepted: accepted, rejected: rejected,
            loadedAt: "\(day)T08:00:00Z", replacedBy: replacedBy)
    }

    @Test("batches in force counted by team and by day; replaced batches left out")
    func progress() {
        let (teams, days) = OfficeRoutes.progress([
            Self.batch(1, team: "a", day: "2026-03-01", accepted: 10, rejected: 2),
            Self.batch(2, team: "b", day: "2026-03-01", accepted: 5, rejected: 0),
            Self.batch(3, team: "a", day: "2026-03-02", accepted: 7, rejected: 1, replacedBy: 4),
            Self.batch(4, team: "a", day: "2026-03-02", accepted: 8, rejected: 0),
        ])
        #expect(
            teams == [
                .init(name: "a", batches: 2, accepted: 18, rejected: 2),
                .init(name: "b", batches: 1, accepted: 5, rejected: 0),
            ])
        #expect(
            days == [
                .init(name: "2026-03-01", batches: 2, accepted: 15, rejected: 2),
                .init(name: "2026-03-02", batches: 1, accepted: 8, rejected: 0),
            ])
    }

    @Test("accepted forms and batches by province and by commune, from the stored responses in force")
    func areas() async throws {
        let harness = try await WebHarness.make()
        let province = try WebHarness.column("province_code")
        let commune = try WebHarness.column("commune_code")
        let text = try WebHarness.sample(rows: 200)
        let rows = text.split(separator: "\n").dropFirst().map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        var provinces: [String: Int] = [:]
        var communes: [String: Int] = [:]
        for fields in rows {
            provinces[fields[province], default: 0] += 1
            communes[fields[commune], default: 0] += 1
        }
        let file = harness.directory.appendingPathComponent("a.csv")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let instrument = try #require(try BuiltinInstruments.named("sipas-2023"))
        _ = try harness.store.importFile(file, instrument: instrument, team: "a", name: "a/a.csv", threads: 1)
        let (byProvince, byCommune) = try await OfficeRoutes.areas(
            harness.services.store, try harness.store.batches(), as: .analyst)
        #expect(
            byProvince
                == provinces.sorted { $0.key < $1.key }.map {
                    OfficeRoutes.Group(name: $0.key, batches: 1, accepted: $0.value)
                })
        #expect(
            byCommune
                == communes.sorted { $0.key < $1.key }.map {
                    OfficeRoutes.Group(name: $0.key, batches: 1, accepted: $0.value)
                })
        #expect(byProvince.map(\.accepted).reduce(0, +) == 200)
        #expect(byCommune.count > 1)
    }
}
