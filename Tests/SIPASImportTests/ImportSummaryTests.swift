import Foundation
import SIPASCore
import Testing

@testable import SIPASImport

/// The summary's count of synthetic rows (the `data_source` marker), made while the file is read:
/// on the full importer and on the fast path, accepted and rejected rows alike, blank rows left out.
struct ImportSummaryTests {
    let rows = [
        "F1,2024,01,Hà Nội,01001,120.5,dat_dai,5,4,9,", "F2,2024,02,Hà Giang,02001,80,tu_phap,1,2,3,4",
        "F3,2024,04,Cao Bằng,04001,50,dat_dai,4,4,4,4",
    ]

    @Test func theMarkerColumnIsMetadataAndItsRowsAreCounted() throws {
        let text =
            miniHeader + ",data_source\n"
            + zip(rows, ["synthetic", "", "synthetic"]).map { "\($0),\($1)" }.joined(separator: "\n") + "\n"
        let url = try temporaryFile("marked.csv", text)
        let importer = try CSVImporter(instrument: try miniInstrument())
        let summary = try importer.run(file: url) { _ in }
        #expect(summary.accepted == 3)
        #expect(summary.metadataColumns == ["data_source"])
        #expect(summary.unmatchedColumns.isEmpty)
        #expect(summary.provenance == DataProvenance(syntheticRows: 2, rows: 3))
        #expect(summary.provenance.isMixed)
        let fast = try CSVImporter(instrument: try miniInstrument()).runFast(
            file: url, threads: 2, sink: FastRulesTests.Collector())
        #expect(fast.provenance == summary.provenance)
    }

    @Test func aFileWithoutTheColumnIsSurveyData() throws {
        let url = try temporaryFile("plain.csv", miniHeader + "\n" + rows.joined(separator: "\n") + "\n")
        let summary = try CSVImporter(instrument: try miniInstrument()).run(file: url) { _ in }
        #expect(summary.provenance == DataProvenance(syntheticRows: 0, rows: 3))
        #expect(summary.provenance.banner(.en) == nil)
    }

    /// Thousands of rows, most on the fast path: markers `synthetic`, blank, `survey`, padded
    /// (` synthetic`, counted: the importer trims cells) and, in the second file, quoted; rejected
    /// rows, a repeated id on a marked row (a fast row sent to the full importer), blank lines and
    /// rows of delimiters only. The count is the one the test makes from the rows it wrote.
    @Test(arguments: [false, true])
    func bothPathsCountTheRowsTheTestMarked(quoted: Bool) throws {
        var generator = ImportFuzzTests.Generator(state: quoted ? 7 : 11)
        var lines = [miniHeader + ",data_source"]
        var synthetic = 0
        var rowsRead = 0
        for i in 0..<6000 {
            switch Int.random(in: 0..<100, using: &generator) {
            case 0:
                lines.append("")
                continue
            case 1:
                lines.append(String(repeating: ",", count: 11))
                continue
            default: break
            }
            let id = Int.random(in: 0..<50, using: &generator) == 0 && i > 0 ? "F\(i - 1)" : "F\(i)"
            let s2 = Int.random(in: 0..<20, using: &generator) == 0 ? "7" : "4"
            let marker: String
            switch Int.random(in: 0..<10, using: &generator) {
            case 0: marker = ""
            case 1: marker = "survey"
            case 2:
                marker = " synthetic"
                synthetic += 1
            case 3 where quoted:
                marker = "\"synthetic\""
                synthetic += 1
            default:
                marker = "synthetic"
                synthetic += 1
            }
            lines.append("\(id),2024,01,Hà Nội,01001,120.5,dat_dai,5,\(s2),9,,\(marker)")
            rowsRead += 1
        }
        let url = try temporaryFile(
            quoted ? "marked-quoted.csv" : "marked-many.csv", lines.joined(separator: "\n") + "\n")
        let full = try CSVImporter(instrument: try miniInstrument()).run(file: url) { _ in }
        let sink = FastRulesTests.Collector()
        let fast = try CSVImporter(instrument: try miniInstrument()).runFast(file: url, threads: 2, sink: sink)
        #expect(full.rejected > 0 && full.rowsRead == rowsRead)
        #expect(full.provenance == DataProvenance(syntheticRows: synthetic, rows: rowsRead))
        #expect(fast.provenance == full.provenance)
        if !quoted { #expect(sink.fastRows > rowsRead / 2) }
    }
}
