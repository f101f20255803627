import Foundation
import SIPASCore
import SIPASImport
import SIPASInstruments
import SIPASStore
import SIPASStorePostgres
import SIPASTestSupport
import Testing

/// Loads into PostgreSQL: a file streamed in pieces through COPY is stored as the same rows,
/// counts, rejections and chunks as the file read first; a load the server refuses halfway leaves
/// nothing and stops the reading.
@Suite(.serialized) struct PostgresStoreLoadTests {
    /// Provinces 01 and 02 interleaved, some agency names holding the bytes COPY's text format
    /// escapes (a tab, a backslash, a line feed and a carriage return in a quoted field), and two
    /// rows the importer rejects.
    static func file() throws -> URL {
        let lines = try String(contentsOf: PostgresStoreChunksTests.mixedFile(per: 150), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let names = ["\"Sở\tA\\B\"", "\"Phòng\nmột\r\nhai\"", "\"back\\\\slash\""]
        var out = [lines[0]]
        for (k, line) in lines.dropFirst().enumerated() {
            var fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            if k % 7 == 0 { fields[11] = names[k % names.count] }
            if k == 40 || k == 211 { fields[5] = "-1" }  // a negative weight
            out.append(fields.joined(separator: ","))
        }
        let url = try Fixtures.temporaryDirectory().appendingPathComponent("escapes.csv")
        try (out.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func aStreamedImportStoresWhatTheFileReadFirstStores() async throws {
        let db = try await PostgresStoreTests.database()
        let suffix = String(db.admin.suffix(8))
        let instrument = try PostgresStoreTests.instrument
        let admin = try await PostgresStore.connect(db.admin)
        for team in ["p_\(suffix)", "s_\(suffix)"] {
            try await admin.createTeam(team, password: nil, provinces: ["01", "02"])
        }
        await admin.close()
        let file = try Self.file()
        let prepared = try await PostgresStore.connect(PostgresTestServer.url(db.admin, as: "p_\(suffix)"))
        let streamed = try await PostgresStore.connect(PostgresTestServer.url(db.admin, as: "s_\(suffix)"))
        guard
            case .loaded(let first, nil, _, _) = try await prepared.load(
                try PreparedBatch.read(file: file, instrument: instrument), pieceRows: 70)
        else {
            Issue.record("not loaded from the file read first")
            return
        }
        let load = try await streamed.importFile(
            file, instrument: instrument, language: .vi, threads: 2, replace: false, pieceRows: 64)
        guard case .loaded(let second, nil, _, _) = load.outcome else {
            Issue.record("not loaded streamed")
            return
        }
        #expect(load.summary?.accepted == 298 && load.summary?.rejected == 2)
        #expect(first.accepted == 298 && second.accepted == 298 && second.rejected == 2 && second.rowsRead == 300)

        func digest(_ sql: String) throws -> String {
            try PostgresTestServer.psqlValue(
                db.admin, "SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM (\(sql)) t")
        }
        let rows =
            "SELECT row, province, respondent_id, year, weight, stratum, cluster, population_psus, attributes, answers, codes, excluded FROM response WHERE batch_id = "
        #expect(try digest(rows + "\(first.id)") == digest(rows + "\(second.id)"))
        let escaped = try PostgresTestServer.psqlValue(
            db.admin, "SELECT count(*) FROM response WHERE batch_id = \(second.id) AND attributes[11] = E'Sở\\tA\\\\B'")
        #expect(Int(escaped) ?? 0 > 0)
        let batch =
            "SELECT header, rows_read, accepted, rejected, synthetic_rows, items, attribute_names FROM batch WHERE id = "
        #expect(try digest(batch + "\(first.id)") == digest(batch + "\(second.id)"))
        let rejected = "SELECT row, fields, reasons FROM rejection WHERE batch_id = "
        #expect(try digest(rejected + "\(first.id)") == digest(rejected + "\(second.id)"))
        // One chunk per province (its chunk stays open across the pieces), holding every row.
        let chunks = try PostgresTestServer.psqlValue(
            db.admin,
            "SELECT string_agg(province || ':' || row_count, ',' ORDER BY province) FROM response_block WHERE batch_id = \(second.id)"
        )
        #expect(chunks == "01:149,02:149")
        await prepared.close()
        await streamed.close()
    }

    @Test func aRowTheServerRefusesLateInTheFileLeavesNothing() async throws {
        let db = try await PostgresStoreTests.database()
        let instrument = try PostgresStoreTests.instrument
        // Team a may load province 01 only: 190 rows of 01 go in several pieces before the 02 rows.
        let lines = PostgresStoreTests.lines
        let ones = try String(contentsOf: PostgresStoreTests.file("a.csv", province: "01", limit: 190), encoding: .utf8)
        let twos = lines.dropFirst().filter { $0.split(separator: ",", omittingEmptySubsequences: false)[2] == "02" }
        let url = try Fixtures.temporaryDirectory().appendingPathComponent("late.csv")
        try (ones + twos.prefix(3).joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
        let team = try await PostgresStore.connect(db.teamA)
        do {
            _ = try await team.importFile(
                url, instrument: instrument, language: .en, threads: 1, replace: false, pieceRows: 32)
            Issue.record("loaded rows of a province the team is not assigned")
        } catch let error as StoreError {
            guard case .refused = error.kind else {
                Issue.record("\(error)")
                return
            }
        }
        #expect(try await team.rawCount("SELECT count(*) FROM batch") == 0)
        #expect(try await team.rawCount("SELECT count(*) FROM response") == 0)
        // The connection is usable again: the same file's province-01 rows load.
        let clean = try PostgresStoreTests.file("ones.csv", province: "01", limit: 190)
        let load = try await team.importFile(
            clean, instrument: instrument, language: .en, threads: 1, replace: false, pieceRows: 32)
        guard case .loaded(let info, nil, _, _) = load.outcome else {
            Issue.record("not loaded")
            return
        }
        #expect(info.accepted == 190)
        await team.close()
    }

    /// The reading fails after pieces were written (a quote left open at the end of the file): the
    /// importer's error, and nothing of the batch. A file whose every row is rejected is a batch
    /// of its rejections.
    @Test func aFileThatFailsHalfwayLeavesNothingAndAllRejectedIsABatch() async throws {
        let db = try await PostgresStoreTests.database()
        let instrument = try PostgresStoreTests.instrument
        let team = try await PostgresStore.connect(db.teamA)
        let good = try String(
            contentsOf: PostgresStoreTests.file("open.csv", province: "01", limit: 190), encoding: .utf8)
        let open = try Fixtures.temporaryDirectory().appendingPathComponent("open-quote.csv")
        try (good + "2024-01-99999,2024,01,\"Hà Nội\n").write(to: open, atomically: true, encoding: .utf8)
        await #expect(throws: ImportError.self) {
            _ = try await team.importFile(
                open, instrument: instrument, language: .en, threads: 1, replace: false, pieceRows: 32)
        }
        #expect(try await team.rawCount("SELECT count(*) FROM batch") == 0)
        #expect(try await team.rawCount("SELECT count(*) FROM response") == 0)

        let lines = good.split(separator: "\n").map(String.init)
        let rejected = lines.dropFirst().map { line -> String in
            var fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            fields[5] = "-1"
            return fields.joined(separator: ",")
        }
        let none = try Fixtures.temporaryDirectory().appendingPathComponent("none.csv")
        try (([lines[0]] + rejected).joined(separator: "\n") + "\n").write(to: none, atomically: true, encoding: .utf8)
        let load = try await team.importFile(
            none, instrument: instrument, language: .en, threads: 1, replace: false, pieceRows: 32)
        guard case .loaded(let info, nil, _, 0) = load.outcome else {
            Issue.record("not loaded")
            return
        }
        #expect(info.accepted == 0 && info.rejected == 190 && info.rowsRead == 190)
        #expect(try await team.rawCount("SELECT count(*) FROM rejection WHERE batch_id = \(info.id)") == 190)
        #expect(try await team.rawCount("SELECT count(*) FROM response_block WHERE batch_id = \(info.id)") == 0)
        await team.close()
    }

    /// Respondent ids already in the team's other batches in force are reported, counted in all
    /// and the first 20 by row, both when the file is streamed and when it was read first; ids of
    /// a replaced batch are not.
    @Test func respondentIdsInOtherBatchesAreReported() async throws {
        let db = try await PostgresStoreTests.database()
        let instrument = try PostgresStoreTests.instrument
        let team = try await PostgresStore.connect(db.teamA)
        let first = try PostgresStoreTests.file("first.csv", province: "01", limit: 100)
        let second = try PostgresStoreTests.file("second.csv", province: "01", limit: 100, skip: 50)
        _ = try await team.importFile(first, instrument: instrument, language: .en, threads: 1, replace: false)
        let streamed = try await team.importFile(
            second, instrument: instrument, language: .en, threads: 1, replace: false, pieceRows: 16)
        guard case .loaded(_, nil, let duplicates, let count) = streamed.outcome else {
            Issue.record("not loaded")
            return
        }
        #expect(count == 50)
        #expect(duplicates.count == 20)
        #expect(duplicates.map(\.row) == Array(2...21) && duplicates.allSatisfy { $0.otherBatch == "first.csv" })
        #expect(duplicates.map(\.otherRow) == Array(52...71))
        let ids = PostgresStoreTests.lines.dropFirst()
            .filter { $0.split(separator: ",", omittingEmptySubsequences: false)[2] == "01" }
            .map { String($0.split(separator: ",")[0]) }
        #expect(duplicates.map(\.respondentID) == Array(ids[50..<70]))

        // The first batch replaced by a file of other rows: its first 50 ids are in no batch in force.
        let third = try PostgresStoreTests.file("third.csv", province: "01", limit: 20, skip: 150)
        let prepared = try PreparedBatch.read(file: third, instrument: instrument, name: "first.csv")
        guard case .loaded(_, .some, _, 0) = try await team.load(prepared, replace: true) else {
            Issue.record("not replaced without duplicates")
            return
        }
        let again = try PostgresStoreTests.file("again.csv", province: "01", limit: 60)
        guard
            case .loaded(_, nil, _, 10) = try await team.importFile(
                again, instrument: instrument, language: .en, threads: 1, replace: false
            ).outcome
        else {
            Issue.record("the replaced batch's ids were counted, or the second's were not")
            return
        }
        await team.close()
    }

    /// Rows are stored without their `codes` and `excluded` arrays; the aggregation derives them
    /// from the answers' text with these expressions, which must give the codes (a blank as NULL)
    /// and the 1-based positions of the "don't know" answers.
    @Test func theServerDerivesCodesAndDontKnowPositionsFromTheAnswers() async throws {
        let db = try await PostgresStoreTests.database()
        var random = SystemRandomNumberGenerator()
        var answers: [[ItemAnswer]] = [[.code(5), .blank, .excluded(code: 9), .excluded(code: -2)], [.blank]]
        for _ in 0..<300 {
            answers.append(
                (0..<Int.random(in: 1...20, using: &random)).map { _ in
                    switch Int.random(in: 0..<3, using: &random) {
                    case 0: return .blank
                    case 1: return .code(Int.random(in: -99...999, using: &random))
                    default: return .excluded(code: Int.random(in: -9...99, using: &random))
                    }
                })
        }
        let expected = answers.map { row -> String in
            let codes = row.map { answer -> String in
                switch answer {
                case .blank: return "NULL"
                case .code(let c), .excluded(code: let c): return String(c)
                }
            }
            let marked = row.indices.filter { if case .excluded = row[$0] { return true } else { return false } }
            return "{\(codes.joined(separator: ","))}/{\(marked.map { String($0 + 1) }.joined(separator: ","))}"
        }
        let texts = answers.map { "'\(StoredRowCodec.encode(answers: $0))'" }.joined(separator: ",")
        let counts = answers.map { String($0.count) }.joined(separator: ",")
        // Item j's code is read as codes[j]: compared item by item (one blank item's text is the
        // empty text, whose array is empty, and reads NULL at [1] as {NULL} would).
        let derived = try PostgresTestServer.psqlValue(
            db.admin,
            """
            SELECT string_agg(x, '|' ORDER BY k)
            FROM unnest(ARRAY[\(texts)], ARRAY[\(counts)]) WITH ORDINALITY AS t(answers, n, k),
                 LATERAL (SELECT \(StoredRowCodec.postgresCodes(of: "answers")) AS c,
                                 \(StoredRowCodec.postgresExcluded(of: "answers")) AS e) d,
                 LATERAL (SELECT '{' || string_agg(coalesce(c[j]::text, 'NULL'), ',' ORDER BY j) || '}/' || e::text AS x
                          FROM generate_series(1, n) AS j) y
            """)
        #expect(derived.split(separator: "|").map(String.init) == expected)
    }
}
