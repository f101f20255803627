import Foundation
import SIPASReportJobs
import SIPASTestSupport
import Testing

struct YearInputTests {
    @Test("years on both sides of 1 July 2025 are across the merger; a file without a year is not after it")
    func acrossMerger() {
        #expect(YearInput.acrossMerger([2024, 2025]))
        #expect(YearInput.acrossMerger([2023, 2026]))
        #expect(!YearInput.acrossMerger([2023, 2024]))
        #expect(!YearInput.acrossMerger([2025, 2026]))
        #expect(!YearInput.acrossMerger([nil, 2025]))
    }

    @Test("a store gives one input per year in the order given; files their own")
    func list() throws {
        let inputs = YearInput.list(files: ["a.csv"], store: "s.db", years: [2024, 2023])
        #expect(try inputs.map { try $0.year() } == [2024, 2023])
        #expect(YearInput.list(files: ["a.csv", "b.csv"], store: nil, years: [2024]).count == 2)
        #expect(throws: JobError.self) { try YearInput.file("/no/such/file.csv").year() }
    }

    @Test("a file's year is its first data row's")
    func fileYear() throws {
        let directory = try Fixtures.temporaryDirectory()
        let file = try SampleFiles.first(5, of: "2023", in: directory)
        #expect(try YearInput.file(file.path).year() == 2023)
    }
}
