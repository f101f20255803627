import Foundation
import GRDB
import SIPASCore
import SIPASImport
import SIPASInstruments
import SIPASTestSupport
import Testing

@testable import SIPASStore

/// Analyses read a batch's column chunks instead of its rows: the blocks made from them must be
/// the blocks made from the rows, value for value, and a batch whose rows could not all be put in
/// chunks is read row by row.
struct ColumnChunkTests {
    /// One row of a block, as plain values.
    struct Row: Equatable {
        var number: Int, cells: [String], weight: Double, codes: [Int32], psuHash: UInt64
    }

    static func rows(_ store: SurveyStore, _ instrument: Instrument, year: Int?, rowsPerBlock: Int) throws -> [Row] {
        let selection = try store.select(ResponseSelection(year: year))
        var rows: [Row] = []
        try store.forEachBlock(
            in: selection, year: year, layout: instrument.recordLayout,
            excluded: SurveyStoreFastReadTests.excluded(instrument), rowsPerBlock: rowsPerBlock
        ) { block in
            #expect(block.order.count <= rowsPerBlock)
            let batch = block.batches[0]
            let width = block.columns.count
            let items = block.columns.items.count
            for (k, entry) in block.order.enumerated() {
                let rank = Int(entry)
                let cells = (0..<width).map { c in
                    let s = Int(batch.starts[rank * width + c])
                    let e = Int(batch.ends[rank * width + c])
                    return String(decoding: UnsafeBufferPointer(start: block.bytes + s, count: e - s), as: UTF8.self)
                }
                rows.append(
                    Row(
                        number: block.rows[k], cells: cells, weight: batch.weights[rank],
                        codes: Array(batch.codes[(rank * items)..<((rank + 1) * items)]), psuHash: batch.psuHashes[rank]
                    ))
            }
        }
        return rows
    }

    static func chunkRows(_ store: SurveyStore) throws -> Int {
        try store.read { db in try Int.fetchOne(db, sql: "SELECT coalesce(sum(row_count), 0) FROM response_block") ?? 0
        }
    }

    @Test func chunksGiveTheBlocksTheRowsGive() throws {
        let directory = try Fixtures.temporaryDirectory()
        let instrument = try StoreFixtures.instrument
        // Faults, escapes (U+001F in a value), blank answers, more than 256 distinct form ids (a
        // column written without a dictionary) and several years.
        let file = try StoreSinkTests.faulty(rows: 600, quotes: false, in: directory)
        let (store, _) = try StoreFixtures.store()
        guard case .loaded(let batch, _, _, _) = try store.importFile(file, instrument: instrument) else {
            Issue.record("not loaded")
            return
        }
        #expect(try Self.chunkRows(store) == batch.accepted && batch.accepted > 400)
        let years = Set(
            try StoreFixtures.stored(store).compactMap {
                Int($0.attributes[instrument.recordLayout.attributeIndex("year")!])
            })
        var fromChunks: [[Row]] = []
        for (year, size) in [(nil, 1 << 16), (nil, 7)] + years.sorted().map({ ($0, 50) }) {
            fromChunks.append(try Self.rows(store, instrument, year: year, rowsPerBlock: size))
        }
        try store.writeTransaction { db in try db.execute(sql: "DELETE FROM response_block") }
        #expect(try Self.chunkRows(store) == 0)
        var fromRows: [[Row]] = []
        for (year, size) in [(nil, 1 << 16), (nil, 7)] + years.sorted().map({ ($0, 50) }) {
            fromRows.append(try Self.rows(store, instrument, year: year, rowsPerBlock: size))
        }
        #expect(fromChunks[0].count == batch.accepted)
        #expect(fromChunks == fromRows)
    }

    /// The sink makes each piece's chunks from the fast rows' cells and codes (and the full
    /// importer's rows from their text): the same bytes as encoding the piece's text, on files
    /// with faults, escapes, blank answers and quoted rows, in pieces cut where a chunk is full.
    @Test func chunksMadeFromTheCellsAreTheChunksOfTheText() throws {
        let directory = try Fixtures.temporaryDirectory()
        let instrument = try StoreFixtures.instrument
        let layout = instrument.recordLayout
        for quotes in [false, true] {
            let file = try StoreSinkTests.faulty(rows: 600, quotes: quotes, in: directory)
            for (chunkRows, threads) in [(16_384, 2), (50, 1)] {
                let pieces = try Self.pieces(file, instrument, chunkRows: chunkRows, threads: threads, grouping: nil)
                #expect(pieces.reduce(0) { $0 + $1.0.count } > 400)
                for (responses, chunks) in pieces {
                    let made = try #require(chunks, "quotes \(quotes), \(chunkRows) rows a piece")
                    let fromText = try #require(ColumnChunk.encode(responses))
                    #expect(
                        made.map(\.firstRow) == fromText.map(\.firstRow) && made.map(\.rows) == fromText.map(\.rows))
                    #expect(made.map(\.data) == fromText.map(\.data), "quotes \(quotes), \(chunkRows) rows a piece")
                }
            }
        }
    }

    /// Grouped by an attribute (as for the PostgreSQL store), the chunks of all pieces are those of
    /// each group's rows of the whole file (``PreparedBatch/columnChunks(groups:)``), the open
    /// chunks kept across pieces; rows with faults or quotes go through the full importer.
    @Test func groupedChunksAreTheChunksOfEachGroupsRows() throws {
        let directory = try Fixtures.temporaryDirectory()
        let instrument = try StoreFixtures.instrument
        let grouping = try #require(instrument.recordLayout.attributeIndex("province_code"))
        for quotes in [false, true] {
            let file = try StoreSinkTests.faulty(rows: 600, quotes: quotes, in: directory)
            for (chunkRows, threads) in [(16_384, 2), (50, 1)] {
                let pieces = try Self.pieces(
                    file, instrument, chunkRows: chunkRows, threads: threads, grouping: grouping)
                var all = EncodedResponses()
                for (responses, _) in pieces { for i in 0..<responses.count { all.append(responses[i]) } }
                let groups = all.all.map { $0.attributeValues[grouping] }
                var order: [String] = []
                for group in groups where !order.contains(group) { order.append(group) }
                #expect(order.count > 2)
                var expected: [GroupedChunk] = []
                for group in order {
                    let rows = try #require(
                        ColumnChunk.encode(all.selecting(groups.indices.filter { groups[$0] == group })))
                    expected += rows.map {
                        GroupedChunk(group: group, firstRow: $0.firstRow, rows: $0.rows, data: $0.data)
                    }
                }
                let made = try pieces.flatMap { try #require($0.1) }
                let label = "quotes \(quotes), \(chunkRows) rows a piece"
                #expect(
                    made.map(\.group) == expected.map(\.group) && made.map(\.rows) == expected.map(\.rows), "\(label)")
                #expect(
                    made.map(\.firstRow) == expected.map(\.firstRow) && made.map(\.data) == expected.map(\.data),
                    "\(label)")
            }
        }
    }

    /// The pieces a streaming sink hands on for `file`.
    static func pieces(_ file: URL, _ instrument: Instrument, chunkRows: Int, threads: Int, grouping: Int?) throws
        -> [(EncodedResponses, [GroupedChunk]?)]
    {
        let layout = instrument.recordLayout
        var pieces: [(EncodedResponses, [GroupedChunk]?)] = []
        let sink = StoreSink(
            respondentIndex: instrument.respondentId.flatMap { layout.attributeIndex($0) },
            yearIndex: layout.attributeIndex("year"), groupAttribute: grouping, chunkRows: chunkRows
        ) { pieces.append(($0, $1)) }
        _ = try PreparedBatch.readRows(
            file: file, instrument: instrument, language: .en, threads: threads, slowPath: false, into: sink)
        // (A file with quotes is one block with quotes: every row is the full importer's.)
        return pieces
    }

    @Test func rowsThatFitNoChunkAreReadRowByRow() throws {
        var responses = EncodedResponses()
        let good = StoredResponse(
            row: 2, respondentID: "A", year: 2024, weight: 1.5, stratum: "01", cluster: "001",
            populationPSUs: nil, attributes: "A\u{1F}2024", answers: "5,x9,")
        responses.append(good)
        #expect(ColumnChunk.encode(responses)?.count == 1)
        for bad in [
            StoredResponse(
                row: 3, respondentID: nil, year: nil, weight: 1, stratum: "01", cluster: "001",
                populationPSUs: nil, attributes: "B\u{1F}2024", answers: "5,64,"),  // a code beyond 63
            StoredResponse(
                row: 3, respondentID: nil, year: nil, weight: 1, stratum: "01", cluster: "001",
                populationPSUs: nil, attributes: "B", answers: "5,4,"),  // one attribute short
            StoredResponse(
                row: 3, respondentID: nil, year: nil, weight: 1, stratum: "01", cluster: "001",
                populationPSUs: nil, attributes: "B\u{1F}2024", answers: "5,-1,"),
        ] {  // a negative code
            var two = responses
            two.append(bad)
            #expect(ColumnChunk.encode(two) == nil)
        }
        // More rows than a chunk holds: several chunks, each starting at its first row.
        var many = EncodedResponses()
        for i in 0..<(ColumnChunk.maxRows + 10) {
            many.append(
                StoredResponse(
                    row: i + 2, respondentID: nil, year: 2024, weight: 1, stratum: "01", cluster: "c\(i % 300)",
                    populationPSUs: nil, attributes: "x\(i)\u{1F}2024", answers: "\(i % 5 + 1)"))
        }
        let chunks = try #require(ColumnChunk.encode(many))
        #expect(
            chunks.map(\.rows) == [ColumnChunk.maxRows, 10] && chunks.map(\.firstRow) == [2, ColumnChunk.maxRows + 2])
    }
}
