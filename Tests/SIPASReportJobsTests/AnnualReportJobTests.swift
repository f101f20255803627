import Foundation
import SIPASReport
import SIPASReportJobs
import SIPASTestSupport
import Testing

struct AnnualReportJobTests {
    @Test("this year with last year: the comparison, the files newest first, the records kept for SPSS")
    func prepare() async throws {
        let directory = try Fixtures.temporaryDirectory()
        let files = try ["2023", "2024"].map { try SampleFiles.first(1000, of: $0, in: directory) }
        let job = AnnualReportJob(
            inputs: files.map { .file($0.path) }, instrument: nil, language: .vi, quiet: true, minimumN: 30)
        #expect(try job.years() == [2023, 2024])
        let prepared = try await job.prepare()
        #expect(prepared.runs.count == 2)
        #expect(prepared.input.year == 2024)
        #expect(prepared.input.comparison != nil)
        #expect(prepared.input.files.map(\.name) == ["2024.csv", "2023.csv"])
        #expect(prepared.input.files.map(\.rowsRead) == [1000, 1000])
        #expect(prepared.current.records.count == prepared.current.accepted)
        #expect(prepared.runs[0].records.isEmpty)
        #expect(prepared.formats([.html, .sps]) == [.html, .sps])
        var summed = prepared
        summed.runs[1].aggregatedOnServer = true
        #expect(summed.formats([.html, .sps]) == [.html])
    }
}
