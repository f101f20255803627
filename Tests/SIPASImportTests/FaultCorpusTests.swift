import Foundation
import SIPASCore
import SIPASInstruments
import SIPASTestSupport
import Testing

@testable import SIPASImport

/// Tests/Fixtures/import-faults: every faulty file gives exactly the problem its manifest line states.
struct FaultCorpusTests {
    struct Case: CustomStringConvertible {
        var file, instrument, options, located, row, column, value, rule: String
        var description: String { file }
    }

    static let folder = Fixtures.url("import-faults")

    static let cases: [Case] = {
        guard let text = try? String(contentsOf: folder.appendingPathComponent("expected.tsv"), encoding: .utf8) else {
            return []
        }
        return text.split(separator: "\n").dropFirst().map { line in
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return Case(
                file: f[0], instrument: f[1], options: f[2], located: f[3], row: f[4], column: f[5], value: f[6],
                rule: f[7])
        }
    }()

    @Test func theCorpusHasAtLeastThirtyFaultyFiles() {
        #expect(Self.cases.count >= 30)
        let files = (try? FileManager.default.contentsOfDirectory(atPath: Self.folder.path)) ?? []
        #expect(Set(Self.cases.map(\.file)).isSubset(of: Set(files)))
    }

    @Test(arguments: cases)
    func eachFileGivesItsExpectedProblem(_ fault: Case) throws {
        var options = ImportOptions(language: .en)
        for option in fault.options.split(separator: ";") {
            let pair = option.split(separator: "=", maxSplits: 1).map(String.init)
            if pair[0] == "encoding" { options.source.encoding = EncodingChoice(rawValue: pair[1])! }
            if pair[0] == "sheet" { options.source.sheet = pair[1] }
        }
        let instrument = try InstrumentLoader.load(
            contentsOf: Fixtures.url("import/\(fault.instrument)-instrument.yaml"))
        let found: (file: String, row: String, column: String, value: String, rule: String, message: String)
        do {
            let summary = try CSVImporter(instrument: instrument, options: options).run(
                file: Self.folder.appendingPathComponent(fault.file)
            ) { _ in }
            let first = try #require(summary.rejections.first, "\(fault.file): no problem found")
            #expect(summary.accepted + summary.rejected == summary.rowsRead)
            found = (
                first.location.file, first.location.row.map(String.init) ?? "", first.location.column ?? "",
                first.value, first.rule.key, first.message(.en)
            )
        } catch let error as ImportError {
            found = (
                error.location.file, error.location.row.map(String.init) ?? "", error.location.column ?? "",
                error.value, error.key, error.message(.en)
            )
        }
        #expect(found.file == fault.located)
        #expect(found.row == fault.row)
        #expect(found.column == fault.column)
        #expect(found.value == fault.value)
        #expect(found.rule == fault.rule)
        #expect(
            found.message.hasPrefix(SourceLocation(file: fault.located, row: Int(fault.row)).description),
            "\(found.message)")
    }
}
