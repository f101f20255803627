import Foundation
import SIPASCore
import SIPASInstruments
import SIPASTestSupport

@testable import SIPASImport

/// The small test instrument (Tests/Fixtures/import/mini-instrument.yaml): form_id, year,
/// province_code, province_name, commune_code, weight, sector, items s1–s4 on sat5 (9 = don't know),
/// and the optional columns used (yes/no), visits (relevant when used = 1, 1–50) and phone (regex).
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

/// Imports `url` with `instrument` (the mini instrument by default); returns the summary and the
/// accepted records.
@discardableResult
func importMini(_ url: URL, instrument: Instrument? = nil, options: ImportOptions = .init()) throws -> (
    ImportSummary, [ResponseRecord]
) {
    var records: [ResponseRecord] = []
    let summary = try CSVImporter(instrument: try instrument ?? miniInstrument(), options: options).run(file: url) {
        records.append($0)
    }
    return (summary, records)
}

/// The error `body` throws, if it is an ``ImportError``.
func importError(_ body: () throws -> Void) -> ImportError? {
    do { try body() } catch let error as ImportError { return error } catch { return nil }
    return nil
}

/// `text` as UTF-16 with a byte-order mark.
func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
    var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
    for unit in text.utf16 {
        let pair = [UInt8(unit >> 8), UInt8(unit & 0xFF)]
        bytes += bigEndian ? pair : pair.reversed()
    }
    return bytes
}
