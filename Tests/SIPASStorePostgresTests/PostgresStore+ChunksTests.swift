import Foundation
import SIPASCore
import SIPASImport
import SIPASInstruments
import SIPASStats
import SIPASStore
import SIPASStorePostgres
import SIPASTestSupport
import Testing

/// The PostgreSQL store's column chunks (`response_block`): written with a batch, one run per
/// province, read back into the same sums as the file's records, and granted to a team only for
/// the provinces it may read.
@Suite(.serialized) struct PostgresStoreChunksTests {
    /// A file with the sample's rows of provinces 01 and 02 interleaved (`per` of each).
    static func mixedFile(per: Int) throws -> URL {
        let lines = PostgresStoreTests.lines
        func rows(_ province: String) -> [String] {
            Array(
                lines.dropFirst().filter { $0.split(separator: ",", omittingEmptySubsequences: false)[2] == province }
                    .prefix(per))
        }
        let (a, b) = (rows("01"), rows("02"))
        let body = zip(a, b).flatMap { [$0, $1] }
        let url = try Fixtures.temporaryDirectory().appendingPathComponent("mixed.csv")
        try (([lines[0]] + body).joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    static func excluded(_ instrument: Instrument) -> [Set<Int>] {
        instrument.scoredQuestions.map { Set(instrument.scale(of: $0)?.excluded ?? []) }
    }

    @Test func chunksGiveTheEstimatesOfTheRecordsAndFollowTheTeamsProvinces() async throws {
        let db = try await PostgresStoreTests.database()
        let suffix = String(db.admin.suffix(8))
        let instrument = try PostgresStoreTests.instrument
        let admin = try await PostgresStore.connect(db.admin)
        try await admin.createTeam("c_\(suffix)", password: nil, provinces: ["01", "02"])
        await admin.close()
        let teamURL = PostgresTestServer.url(db.admin, as: "c_\(suffix)")
        let file = try Self.mixedFile(per: 120)
        let team = try await PostgresStore.connect(teamURL)
        guard
            case .loaded(let info, nil, _, 0) = try await team.load(
                try PreparedBatch.read(file: file, instrument: instrument))
        else {
            Issue.record("not loaded")
            return
        }
        #expect(info.accepted == 240)
        // One chunk per province, holding every accepted row.
        #expect(try await team.rawCount("SELECT count(*) FROM response_block WHERE batch_id = \(info.id)") == 2)
        #expect(
            try await team.rawCount(
                "SELECT sum(row_count) FROM response_block WHERE batch_id = \(info.id) AND province = '02'") == 120)

        let plan = try AnalysisPlan(
            instrument: instrument, breakdowns: ["sector", "province_code"], lonelyPSU: .adjust)
        var fromRecords = SurveyAccumulator(plan: plan)
        _ = try CSVImporter(instrument: instrument).run(file: file) { try fromRecords.add($0) }
        let analyst = try await PostgresStore.connect(db.analyst)
        let sink = FastAccumulator(plan: plan, threads: 2)
        let read = try await analyst.forEachBlock(
            in: try await analyst.select(ResponseSelection(year: 2024)), year: 2024,
            layout: instrument.recordLayout, excluded: Self.excluded(instrument)
        ) { try sink.take($0) }
        #expect(read)
        let expected = try SurveyEstimator.estimate(fromRecords)
        let actual = try SurveyEstimator.estimate(sink.finish())
        #expect(expected.results.count == actual.results.count)
        for (e, a) in zip(expected.results, actual.results) {
            #expect(e.group == a.group && e.indicator.id == a.indicator.id && e.estimate?.n == a.estimate?.n)
            let (x, y) = (e.estimate?.value ?? 0, a.estimate?.value ?? 0)
            let (u, v) = (e.estimate?.standardError ?? 0, a.estimate?.standardError ?? 0)
            #expect(
                abs(x - y) <= 1e-12 * max(1, abs(x)) && abs(u - v) <= 1e-12 * max(1, abs(u)),
                "\(e.indicator.id) \(x) \(y) \(u) \(v)")
        }

        // A team no longer assigned province 02 reads neither its rows nor its chunk: the chunks it
        // sees do not hold the batch, so it is not read from them.
        try PostgresTestServer.psql(
            db.admin, "DELETE FROM team_province WHERE team = 'c_\(suffix)' AND province = '02'")
        #expect(try await team.rawCount("SELECT count(*) FROM response_block") == 1)
        var blocks = 0
        let readByTeam = try await team.forEachBlock(
            in: try await team.select(ResponseSelection()), year: nil,
            layout: instrument.recordLayout, excluded: Self.excluded(instrument)
        ) { _ in blocks += 1 }
        #expect(!readByTeam && blocks == 0)
        // A layout other than the stored one is not read from the chunks either.
        var other = instrument.recordLayout
        other.items.removeLast()
        #expect(
            try await analyst.forEachBlock(
                in: try await analyst.select(ResponseSelection()), year: nil, layout: other,
                excluded: Array(Self.excluded(instrument).dropLast())
            ) { _ in } == false)
        await team.close()
        await analyst.close()
    }
}
