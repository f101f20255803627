import Foundation
import SIPASCore
import SIPASImport
import SIPASReportJobs
import SIPASStats
import SIPASTestSupport
import Testing

final class Heard: @unchecked Sendable {
    var messages: [String] = []
    var imported: [(file: String, rows: Int, rejects: String)] = []
}

struct AnalysisObserverTests {
    @Test("a run tells its observer the instrument chosen and each file's import summary")
    func observed() throws {
        let directory = try Fixtures.temporaryDirectory()
        let file = try SampleFiles.first(1000, of: "2024", in: directory)
        let heard = Heard()
        var settings = AnalysisSettings(
            instrument: nil, breakdowns: nil, lonelyPSU: nil, estimation: EstimationOptions(),
            rejects: directory.appendingPathComponent("r.csv").path, language: .en)
        settings.observer = AnalysisObserver(
            message: { heard.messages.append($0) },
            imported: { summary, rejects, _ in
                heard.imported.append((summary.file, summary.rowsRead, rejects.lastPathComponent))
            })
        let run = try AnalysisRunner.run([file.path], settings)
        #expect(run.rowsRead == 1000)
        #expect(
            heard.messages == [
                "2024.csv: instrument sipas-2023 (100 % of its items found in the header; override with --instrument)"
            ])
        #expect(heard.imported.count == 1)
        #expect(heard.imported.first?.file == "2024.csv")
        #expect(heard.imported.first?.rows == 1000)
        #expect(heard.imported.first?.rejects == "r.csv")
    }
}
