import Foundation
import SIPASBlocks
import SIPASCore
import SIPASImport
import SIPASInstruments
import SIPASStore
import SIPASTestSupport
import Testing

/// The store's rows as fast blocks carry what the records carry: stratum, cluster, attributes
/// (escapes undone), weights and codes, in the same order, across block boundaries.
struct SurveyStoreFastReadTests {
    static func excluded(_ instrument: Instrument) -> [Set<Int>] {
        instrument.scoredQuestions.map { Set(instrument.scale(of: $0)?.excluded ?? []) }
    }

    @Test func blocksCarryTheRecordsValues() throws {
        let directory = try Fixtures.temporaryDirectory()
        let instrument = try StoreFixtures.instrument
        let file = try StoreSinkTests.faulty(rows: 600, quotes: false, in: directory)
        let (store, _) = try StoreFixtures.store()
        _ = try store.load(try PreparedBatch.read(file: file, instrument: instrument))
        let records = try StoreFixtures.stored(store)
        let selection = try store.select(ResponseSelection())
        var rows: [(stratum: String, cluster: String, attributes: [String], weight: Double, answers: [ItemAnswer])] = []
        try store.forEachBlock(
            in: selection, year: nil, layout: instrument.recordLayout, excluded: Self.excluded(instrument),
            rowsPerBlock: 7
        ) { block in
            let batch = block.batches[0]
            let width = block.columns.count
            let items = block.columns.items.count
            for entry in block.order {
                let rank = Int(entry)
                func cell(_ c: Int) -> String {
                    let s = Int(batch.starts[rank * width + c])
                    let e = Int(batch.ends[rank * width + c])
                    return String(decoding: UnsafeBufferPointer(start: block.bytes + s, count: e - s), as: UTF8.self)
                }
                let answers: [ItemAnswer] = (0..<items).map { j in
                    let code = batch.codes[rank * items + j]
                    if code == FastBatch.blank { return .blank }
                    return block.columns.excluded[j].contains(Int(code)) ? .excluded(code: Int(code)) : .code(Int(code))
                }
                rows.append(
                    (cell(0), cell(1), block.columns.attributes.map { cell($0!) }, batch.weights[rank], answers))
            }
        }
        #expect(rows.count == records.count && records.count > 400)
        for (row, record) in zip(rows, records) {
            #expect(row.stratum == record.stratum && row.cluster == record.cluster && row.weight == record.weight)
            #expect(row.attributes == record.attributes && row.answers == record.answers)
        }
        #expect(records.contains { $0.attributes.contains { $0.contains("\u{1F}") } })
    }

    /// An answer marked "don't know" that the scale given does not call so: records are needed.
    @Test func aScaleDisagreeingWithTheMarksNeedsRecords() throws {
        let instrument = try StoreFixtures.instrument
        let (store, directory) = try StoreFixtures.store()
        let file = try StoreFixtures.file("a.csv", rows: 1...50, in: directory)
        _ = try store.load(try PreparedBatch.read(file: file, instrument: instrument))
        let selection = try store.select(ResponseSelection())
        let none = Array(repeating: Set<Int>(), count: instrument.recordLayout.items.count)
        #expect(throws: SurveyStore.NeedsRecords.self) {
            try store.forEachBlock(in: selection, year: nil, layout: instrument.recordLayout, excluded: none) { _ in }
        }
    }
}
