import Foundation
import SIPASCore
import SIPASInstruments
import SIPASTestSupport
@testable import SIPASImport

/// The small test instrument (Tests/Fixtures/import/mini-instrument.yaml): form_id, year,
/// province_code, province_name, commune_code, weight, sector, items s1–s4 on sat5 (9 = don't know).
func miniInstrument() throws -> Instrument {
    try InstrumentLoader.load(contentsOf: Fixtures.url("import/mini-instrument.yaml"))
}

let miniHeader = "form_id,year,province_code,province_name,commune_code,weight,sector,s1,s2,s3,s4"

/// Writes `bytes` to a temporary file named `name` and returns its URL.
func temporaryFile(_ name: String, _ bytes: [UInt8]) throws -> URL {
    let url = try Fixtures.temporaryDirectory().appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url
}

func temporaryFile(_ name: String, _ text: String) throws -> URL {
    try temporaryFile(name, Array(text.utf8))
}

/// Imports `url` with the mini instrument; returns the summary and the accepted records.
func importMini(_ url: URL, options: ImportOptions = .init()) throws -> (ImportSummary, [ResponseRecord]) {
    var records: [ResponseRecord] = []
    let summary = try CSVImporter(instrument: try miniInstrument(), options: options).run(file: url) { records.append($0) }
    return (summary, records)
}
