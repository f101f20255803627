import SIPASStore
import Testing
@testable import SIPASWeb

@Suite("Office pages: fieldwork progress")
struct OfficeRoutesTests {
    static func batch(_ id: Int64, team: String, day: String, accepted: Int, rejected: Int, replacedBy: Int64? = nil) -> BatchInfo {
        BatchInfo(id: id, name: "\(team)/\(id)", team: team, fileName: "f.csv", sha256: "\(id)", instrumentID: "sipas-2024",
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
        #expect(teams == [.init(name: "a", batches: 2, accepted: 18, rejected: 2), .init(name: "b", batches: 1, accepted: 5, rejected: 0)])
        #expect(days == [.init(name: "2026-03-01", batches: 2, accepted: 15, rejected: 2), .init(name: "2026-03-02", batches: 1, accepted: 8, rejected: 0)])
    }
}
