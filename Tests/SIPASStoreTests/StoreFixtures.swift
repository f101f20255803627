import Foundation
import SIPASCore
import SIPASImport
import SIPASInstruments
import SIPASStore
import SIPASTestSupport

/// Small response files cut from SampleData/2024.csv, and fresh stores.
enum StoreFixtures {
    static let sampleLines: [String] = {
        let url = Fixtures.repositoryRoot.appendingPathComponent("SampleData/2024.csv")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        return text.split(separator: "\n", omittingEmptySubsequences: false).prefix(2001).map(String.init)
    }()

    static var instrument: Instrument {
        get throws { try require(try BuiltinInstruments.named("sipas-2023")) }
    }

    /// The header and data rows `rows` (1-based) of the sample, written to `name` in `directory`;
    /// `edit` may change lines (index 0 is the header) before writing.
    static func file(
        _ name: String, rows: ClosedRange<Int>, in directory: URL, edit: (inout [String]) -> Void = { _ in }
    ) throws -> URL {
        var lines = [sampleLines[0]] + Array(sampleLines[rows])
        edit(&lines)
        let url = directory.appendingPathComponent(name)
        try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// A new store in a new temporary directory.
    static func store(options: StoreOptions = .init(busyTimeout: 5)) throws -> (SurveyStore, URL) {
        let directory = try Fixtures.temporaryDirectory()
        return (try SurveyStore(path: directory.appendingPathComponent("sipas.db").path, options: options), directory)
    }

    /// Every accepted record of `file`, as the importer hands them on.
    static func imported(_ file: URL) throws -> [ResponseRecord] {
        var records: [ResponseRecord] = []
        _ = try CSVImporter(instrument: try instrument).run(file: file) { records.append($0) }
        return records
    }

    /// Every record in force in `store`, in batch and row order.
    static func stored(_ store: SurveyStore, year: Int? = nil) throws -> [ResponseRecord] {
        let selection = try store.select(ResponseSelection(year: year))
        var records: [ResponseRecord] = []
        try store.forEachRecord(in: selection, year: year, layout: try instrument.recordLayout) { records.append($0) }
        return records
    }
}

private func require<T>(_ value: T?) throws -> T {
    guard let value else { throw StoreError(.noSuchBatch("fixture")) }
    return value
}
