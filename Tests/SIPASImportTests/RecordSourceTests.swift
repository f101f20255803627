import Foundation
import SIPASCore
import SIPASTestSupport
import Testing

@testable import SIPASImport

struct RecordSourceTests {
    @Test func workbooksAreRecognisedByExtensionOrZipSignature() throws {
        let directory = try Fixtures.temporaryDirectory()
        let book = directory.appendingPathComponent("export.xlsx")
        try XLSXWriter.write([("S", [[.text("a")], [.number("1")]])], to: book)
        let renamed = directory.appendingPathComponent("export.dat")
        try FileManager.default.copyItem(at: book, to: renamed)
        let csv = try temporaryFile("plain.csv", "a\n1\n")
        #expect(RecordSources.isWorkbook(book) && RecordSources.isWorkbook(renamed) && !RecordSources.isWorkbook(csv))
        #expect(try RecordSources.open(renamed) is XLSXReader)
        #expect(try RecordSources.open(csv) is CSVScanner)
    }

    @Test func bothSourcesGiveTheSameRecordsForTheSameCells() throws {
        let text = "a,b,c\n1,Hà Nội,x\n\n2,,y\n"
        let csv = try RecordSources.open(try temporaryFile("s.csv", text))
        let url = try Fixtures.temporaryDirectory().appendingPathComponent("s.xlsx")
        try XLSXWriter.write(
            [
                (
                    "S",
                    [
                        [.text("a"), .text("b"), .text("c")], [.number("1"), .text("Hà Nội"), .text("x")], [],
                        [.number("2"), nil, .text("y")],
                    ]
                )
            ], to: url)
        let book = try RecordSources.open(url)
        func read(_ source: any RecordSource) throws -> [String] {
            var rows: [String] = []
            try source.forEachRecord {
                rows.append("\($0.row):" + $0.fields.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "|"))
            }
            return rows
        }
        #expect(try read(csv) == ["1:a|b|c", "2:1|Hà Nội|x", "4:2||y"])
        #expect(try read(book) == (try read(RecordSources.open(try temporaryFile("t.csv", text)))))
        #expect(csv.blankLines == 1 && book.blankLines == 1)
        #expect(csv.fieldDelimiter == UInt8(ascii: ",") && book.fieldDelimiter == nil)
    }
}
