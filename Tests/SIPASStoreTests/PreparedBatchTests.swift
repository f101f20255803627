import Foundation
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
        let batch = try PreparedBatch.read(file: file, instrument: try StoreFixtures.instrument, team: "t", name: "wave 1")
        #expect(batch.name == "wave 1" && batch.fileName == "b.csv" && batch.team == "t")
        #expect(batch.responses.count == 19 && batch.summary.rejected == 1)
        #expect(batch.responses.map(\.row) == [2, 3] + Array(5...21))
        #expect(batch.rejections.first?.row == 4)
        #expect(batch.rejections.first?.fields.contains(" -1 ") == true)
        #expect(batch.header.count == batch.rejections.first?.fields.count)
    }

    @Test func aMissingFileIsAnImportError() throws {
        #expect(throws: (any Error).self) {
            try PreparedBatch.read(file: URL(fileURLWithPath: "/no/such.csv"), instrument: try StoreFixtures.instrument)
        }
    }
}
