import Foundation
import SIPASCore
import SIPASStore
import SIPASTestSupport
import Testing

/// Reading a file into a batch: digest, counts, rejections with the original fields.
struct PreparedBatchTests {
    @Test func sha256IsTheFilesDigest() throws {
        let url = try Fixtures.temporaryDirectory().appendingPathComponent("abc.txt")
        try Data("abc".utf8).write(to: url)
        // FIPS 180-2, appendix B.1.
        #expect(try PreparedBatch.sha256(of: url) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func aBatchCountsEveryRowAndKeepsRejectedFieldsAsWritten() throws {
        let directory = try Fixtures.temporaryDirectory()
        let file = try StoreFixtures.file("b.csv", rows: 1...20, in: directory) {
            SurveyStoreTests.setCell(&$0, line: 3, column: "weight", to: " -1 ")
        }
        let batch = try PreparedBatch.read(
            file: file, instrument: try StoreFixtures.instrument, team: "t", name: "wave 1")
        #expect(batch.name == "wave 1" && batch.fileName == "b.csv" && batch.team == "t")
        #expect(batch.responses.count == 19 && batch.summary.rejected == 1)
        #expect(batch.responses.map(\.row) == [2, 3] + Array(5...21))
        #expect(batch.rejections.first?.row == 4)
        #expect(batch.rejections.first?.fields.contains(" -1 ") == true)
        #expect(batch.header.count == batch.rejections.first?.fields.count)
    }

    /// The batch keeps its file's synthetic rows (rejected ones too, as from the file), whether the
    /// store loads a prepared batch or imports the file, and the selection sums them.
    @Test func aBatchKeepsItsSyntheticRowCount() throws {
        let (store, directory) = try StoreFixtures.store()
        let marked = try StoreFixtures.file("marked.csv", rows: 1...30, in: directory) { lines in
            // Rows 5–9 become survey rows; row 12 is rejected but still counts as read synthetic.
            let column = lines[0].split(separator: ",", omittingEmptySubsequences: false).firstIndex(of: "data_source")!
            for line in 5...9 {
                var cells = lines[line].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                cells[column] = "survey"
                lines[line] = cells.joined(separator: ",")
            }
            SurveyStoreTests.setCell(&lines, line: 12, column: "weight", to: "-1")
        }
        let batch = try PreparedBatch.read(file: marked, instrument: try StoreFixtures.instrument)
        #expect(batch.provenance == DataProvenance(syntheticRows: 25, rows: 30) && batch.summary.rejected == 1)
        guard case .loaded(let info, _, _, _) = try store.load(batch) else {
            Issue.record("not loaded")
            return
        }
        #expect(info.syntheticRows == 25)
        let plain = try StoreFixtures.file("plain.csv", rows: 31...40, in: directory) { lines in
            lines = lines.map { line in
                line.range(of: ",", options: .backwards).map { String(line[..<$0.lowerBound]) } ?? line
            }
        }
        guard case .loaded(let other, _, _, _) = try store.importFile(plain, instrument: try StoreFixtures.instrument)
        else {
            Issue.record("not loaded")
            return
        }
        #expect(other.syntheticRows == 0)
        let selection = try store.select(ResponseSelection(year: 2024))
        #expect(selection.provenance == DataProvenance(syntheticRows: 25, rows: 40))
        #expect(selection.provenance.value == "mixed")
    }

    @Test func aMissingFileIsAnImportError() throws {
        #expect(throws: (any Error).self) {
            try PreparedBatch.read(file: URL(fileURLWithPath: "/no/such.csv"), instrument: try StoreFixtures.instrument)
        }
    }
}
