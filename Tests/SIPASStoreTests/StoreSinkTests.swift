import Foundation
import GRDB
import SIPASCore
import SIPASImport
import SIPASStore
import SIPASTestSupport
import Testing

/// A batch read on the fast path (rows encoded from their bytes by `StoreSink`) equals, field for
/// field, the batch the full importer gives, and both load into identical stores.
struct StoreSinkTests {
    /// Reads `file` on both paths and expects the same batch; returns the fast one.
    @discardableResult
    static func expectSame(
        _ file: URL, threads: [Int] = [1, 2], sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws -> PreparedBatch {
        let instrument = try StoreFixtures.instrument
        let slow = try PreparedBatch.read(file: file, instrument: instrument, team: "t", slowPath: true)
        #expect(slow.fastRows == 0, sourceLocation: sourceLocation)
        var last = slow
        for n in threads {
            let fast = try PreparedBatch.read(
                file: file, instrument: instrument, team: "t", threads: n, slowPath: false)
            #expect(
                fast.summary.rowsRead == slow.summary.rowsRead && fast.summary.accepted == slow.summary.accepted
                    && fast.summary.rejected == slow.summary.rejected, "threads \(n)", sourceLocation: sourceLocation)
            #expect(fast.summary.blankLines == slow.summary.blankLines, sourceLocation: sourceLocation)
            #expect(
                fast.header == slow.header && fast.rejections == slow.rejections, "threads \(n)",
                sourceLocation: sourceLocation)
            let (a, b) = (fast.responses, slow.responses)
            #expect(a.count == b.count, sourceLocation: sourceLocation)
            if let i = a.indices.first(where: { $0 < b.count && a[$0] != b[$0] }) {
                Issue.record("threads \(n): response \(i) differs:\n\(a[i])\n\(b[i])", sourceLocation: sourceLocation)
            }
            last = fast
        }
        return last
    }

    /// SampleData/2024.csv lines 1…`rows` with a fault every `every` rows; `quotes` adds quoted fields.
    static func faulty(rows: Int, quotes: Bool, in directory: URL) throws -> URL {
        let lines = StoreFixtures.sampleLines
        let header = lines[0].split(separator: ",").map(String.init)
        func column(_ name: String) -> Int { header.firstIndex(of: name)! }
        var out = lines[0] + "\n"
        let firstId = lines[1].split(separator: ",")[column("form_id")]
        for i in 1...rows {
            var f = lines[i].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            var end = "\n"
            switch i % 53 {
            case 1 where quotes: f[column("province_name")] = "\"Hà Nội, \"\"x\"\"\""
            case 2 where quotes: f[column("province_name")] = "\"Hà\nNội\""
            case 3: f[column("commune_code")] = ""
            case 4: f[column("PAS_E1_c1")] = "7"
            case 5: f[column("weight")] = "0"
            case 6: f[column("weight")] = " 12.5 "
            case 7: f[column("form_id")] = String(firstId)
            case 8: f[column("province_name")] = "Ha\u{0300} No\u{0302}\u{0323}i"
            case 9: f[column("PAS_E1_c2")] = "4.0"
            case 10: f[column("province_code")] = "1"
            case 11: out += "\n"
            case 12: f = Array(repeating: "", count: f.count)
            case 13: f.removeLast()
            case 14: end = "\r\n"
            case 15: f[column("form_id")] = "id\u{1F}with\u{1B}controls-\(i)"
            case 16: f[column("form_id")] = ""
            case 17: f[column("PAS_E2_c1")] = "9"
            case 18: f[column("PAS_E2_c2")] = ""
            case 19: f[column("PAS_E1_c3")] = "+4"
            case 20: f.append("")
            case 21: f[column("weight")] = "1e3"
            default: break
            }
            out += f.joined(separator: ",") + (i == rows ? "\n\n" : end)
        }
        let file = directory.appendingPathComponent(quotes ? "quoted.csv" : "faulty.csv")
        try out.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test func sampleData2024GivesTheFullImportersBatch() throws {
        let fast = try Self.expectSame(Fixtures.repositoryRoot.appendingPathComponent("SampleData/2024.csv"))
        #expect(fast.fastRows == 12000)
    }

    @Test func faultsDuplicatesAndRejectedRowsGiveTheFullImportersBatch() throws {
        let directory = try Fixtures.temporaryDirectory()
        let fast = try Self.expectSame(try Self.faulty(rows: 2000, quotes: false, in: directory))
        #expect(
            fast.summary.rejected > 100 && fast.fastRows > 1400,
            "\(fast.fastRows) \(fast.summary.rejected) \(fast.summary.encoding)")
        #expect(fast.responses.contains { $0.attributes.contains("\u{1B}s") && $0.attributes.contains("\u{1B}e") })
        #expect(fast.responses.contains { $0.answers.contains("x9") })
    }

    /// Quoted rows are read by the full importer; the rows after them cannot be counted by the
    /// sink, so the file is read again by the full importer: the same batch either way.
    @Test func quotedRowsGiveTheFullImportersBatch() throws {
        let directory = try Fixtures.temporaryDirectory()
        try Self.expectSame(try Self.faulty(rows: 1500, quotes: true, in: directory))
    }

    /// The stores loaded from both batches hold the same rows, byte for byte (but `loaded_at`).
    @Test func bothPathsLoadIdenticalStores() throws {
        let directory = try Fixtures.temporaryDirectory()
        let file = try Self.faulty(rows: 2000, quotes: false, in: directory)
        let instrument = try StoreFixtures.instrument
        var dumps: [[String]] = []
        for slow in [true, false] {
            let (store, _) = try StoreFixtures.store()
            // A first batch, so the second one's respondent ids are checked against it.
            let part = try StoreFixtures.file("part.csv", rows: 1...300, in: directory)
            _ = try store.load(try PreparedBatch.read(file: part, instrument: instrument, slowPath: slow))
            _ = try store.load(try PreparedBatch.read(file: file, instrument: instrument, team: "t", slowPath: slow))
            dumps.append(try Self.dump(store.path))
        }
        #expect(dumps[0].count > 2000)
        #expect(dumps[0] == dumps[1])
    }

    /// Every row of the store's tables as text, in key order (`loaded_at` left out).
    static func dump(_ path: String) throws -> [String] {
        let queue = try DatabaseQueue(path: path)
        return try queue.read { db in
            var lines: [String] = []
            for sql in [
                "SELECT id, name, team, file_name, sha256, instrument_id, method_version, items, attribute_names, header, rows_read, accepted, rejected, replaced_by FROM batch ORDER BY id",
                "SELECT * FROM response ORDER BY batch_id, row",
                "SELECT * FROM rejection ORDER BY batch_id, row",
                "SELECT name, sql FROM sqlite_master ORDER BY name",
            ] {
                for row in try Row.fetchAll(db, sql: sql) { lines.append(row.description) }
            }
            return lines
        }
    }
}
