import Foundation
import SIPASCore
import Testing
@testable import SIPASImport

struct ProvenanceReaderTests {
    let rows = ["F1,2024,01,Hà Nội,01001,120.5,dat_dai,5,4,9,", "F2,2024,02,Hà Giang,02001,80,tu_phap,1,2,3,4",
                "F3,2024,04,Cao Bằng,04001,50,dat_dai,4,4,4,4"]

    @Test func theMarkerColumnIsMetadataAndItsRowsAreCounted() throws {
        let text = miniHeader + ",data_source\n" + zip(rows, ["synthetic", "", "synthetic"]).map { "\($0),\($1)" }.joined(separator: "\n") + "\n"
        let url = try temporaryFile("marked.csv", text)
        let importer = try CSVImporter(instrument: try miniInstrument())
        let summary = try importer.run(file: url) { _ in }
        #expect(summary.accepted == 3)
        #expect(summary.metadataColumns == ["data_source"])
        #expect(summary.unmatchedColumns.isEmpty)
        let provenance = try importer.provenance(of: url, summary: summary)
        #expect(provenance == DataProvenance(syntheticRows: 2, rows: 3))
        #expect(provenance.isMixed)
    }

    @Test func aFileWithoutTheColumnIsSurveyData() throws {
        let url = try temporaryFile("plain.csv", miniHeader + "\n" + rows.joined(separator: "\n") + "\n")
        let importer = try CSVImporter(instrument: try miniInstrument())
        let summary = try importer.run(file: url) { _ in }
        let provenance = try importer.provenance(of: url, summary: summary)
        #expect(provenance == DataProvenance(syntheticRows: 0, rows: 3))
        #expect(provenance.banner(.en) == nil)
    }

    /// The byte scan counts rows as the importer does: quoted fields holding delimiters, line
    /// ends and doubled quotes, CR LF and lone CR line ends, a BOM, rows of delimiters only, blank
    /// lines, a quoted marker, a header name with spaces, no line end at the end.
    @Test(arguments: ["\n", "\r\n", "\r"])
    func theByteScanCountsQuotedAndBlankRowsAsTheImporterDoes(lineEnd: String) throws {
        let body = [
            "\"a,b\",1,\"x\"\"y\",synthetic", "c,2,\"two\(lineEnd)lines\",survey", ",,,", "", "d,3,z,\"synthetic\"",
            "e,4,\"\"\"\"\"\",synthetic", "g,6,v,",
        ]
        let text = "\u{FEFF}id,n,note, data_source " + lineEnd + body.joined(separator: lineEnd) + lineEnd + "h,7,u,synthetic"
        let url = try temporaryFile("tricky.csv", text)
        let scanned = try #require(try CSVImporter.scanProvenance(url, delimiter: UInt8(ascii: ",")))
        #expect(scanned == DataProvenance(syntheticRows: 4, rows: 6))
        let plain = try temporaryFile("no-marker.csv", "id,n\n1,2\n")
        #expect(try CSVImporter.scanProvenance(plain, delimiter: UInt8(ascii: ",")) == nil)
    }
}
