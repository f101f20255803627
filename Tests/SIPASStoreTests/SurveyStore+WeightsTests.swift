import Foundation
import SIPASCore
import SIPASStore
import SIPASTestSupport
import Testing

/// New weights for a stored batch: a replacing copy with the weights (and the weight attribute's
/// text), rejections kept, the old batch untouched; weights that do not fit change nothing.
struct SurveyStoreWeightsTests {
    @Test func reweightReplacesTheBatchWithAWeightedCopy() throws {
        let (store, directory) = try StoreFixtures.store()
        let file = try StoreFixtures.file("hanoi.csv", rows: 1...50, in: directory) {
            SurveyStoreTests.setCell(&$0, line: 5, column: "POL_econ_quality", to: "7")
        }
        _ = try store.importFile(file, instrument: try StoreFixtures.instrument)
        let before = try StoreFixtures.stored(store)
        let layout = try StoreFixtures.instrument.recordLayout
        let idIndex = try #require(layout.attributeIndex("form_id"))
        let weightIndex = try #require(layout.attributeIndex("weight"))
        let texts = Dictionary(
            uniqueKeysWithValues: before.enumerated().map { ($1.attributes[idIndex], String(Double($0 + 1) * 1.25)) })
        let result = try store.reweight(
            batch: "hanoi.csv", weights: texts, weightAttribute: "weight", fileName: "weighted.csv", sha256: "abc")
        #expect(result.rows == 49)
        #expect(
            result.batch.name == "hanoi.csv" && result.batch.fileName == "weighted.csv" && result.batch.sha256 == "abc")
        #expect((result.batch.rowsRead, result.batch.accepted, result.batch.rejected) == (50, 49, 1))
        let batches = try store.batches()
        #expect(batches.map(\.replacedBy) == [result.batch.id, nil])
        let after = try StoreFixtures.stored(store)
        #expect(after.map { $0.weight } == before.indices.map { Double($0 + 1) * 1.25 })
        #expect(after.map { $0.attributes[weightIndex] } == before.map { texts[$0.attributes[idIndex]]! })
        // Everything else is the old batch's.
        #expect(
            after.map(\.answers) == before.map(\.answers) && after.map(\.location.row) == before.map(\.location.row))
        #expect(try store.rejections(of: result.batch).rows == (try store.rejections(of: batches[0]).rows))
    }

    @Test func weightsThatDoNotFitChangeNothing() throws {
        let (store, directory) = try StoreFixtures.store()
        let file = try StoreFixtures.file("hanoi.csv", rows: 1...10, in: directory)
        _ = try store.importFile(file, instrument: try StoreFixtures.instrument)
        let idIndex = try #require(try StoreFixtures.instrument.recordLayout.attributeIndex("form_id"))
        let records = try StoreFixtures.stored(store)
        var texts = Dictionary(uniqueKeysWithValues: records.map { ($0.attributes[idIndex], "2") })
        texts[records[3].attributes[idIndex]] = "-1"
        do {
            _ = try store.reweight(
                batch: "hanoi.csv", weights: texts, weightAttribute: "weight", fileName: "w.csv", sha256: "x")
            Issue.record("accepted a negative weight")
        } catch let error as StoreError {
            #expect(error.kind == .badWeight(batch: "hanoi.csv", row: try #require(records[3].location.row)))
            #expect(
                error.message(.en).hasSuffix(
                    "the weights do not fit (each response of the batch needs exactly one finite weight ≥ 0)"))
        }
        do {
            _ = try store.reweight(
                batch: "other.csv", weights: texts, weightAttribute: nil, fileName: "w.csv", sha256: "x")
            Issue.record("reweighted a missing batch")
        } catch let error as StoreError {
            #expect(error.kind == .noSuchBatch("other.csv"))
        }
        #expect(try store.batches().count == 1 && store.batches()[0].replacedBy == nil)
    }
}
