import Foundation
import SIPASTestSupport
import Testing

/// `sipas compare --store` and `sipas report --store` (Sources/SIPASReportJobs/YearInput.swift): a
/// SQLite store holding SampleData/2023.csv and 2024.csv gives exactly the numbers of the files.
struct YearInputTests {
    typealias CLI = CommandLineTests
    static let data = Fixtures.repositoryRoot.appendingPathComponent("SampleData")

    struct ImportFailed: Error, CustomStringConvertible { var description: String }

    /// The store, loaded once per test run, and the folder the commands run in.
    static let store: Result<(directory: URL, path: String), any Error> = Result {
        let directory = try Fixtures.temporaryDirectory()
        let path = directory.appendingPathComponent("sipas.db").path
        for year in ["2023", "2024"] {
            let load = try CLI.sipas(
                ["import", data.appendingPathComponent("\(year).csv").path, "--store", path], in: directory)
            guard load.status == 0 else { throw ImportFailed(description: load.stderr) }
        }
        return (directory, path)
    }

    @Test func compareOnTheStoreGivesTheFilesJSON() throws {
        let (directory, store) = try Self.store.get()
        let fromFiles = try CLI.sipas(
            [
                "compare", Self.data.appendingPathComponent("2023.csv").path,
                Self.data.appendingPathComponent("2024.csv").path,
                "--format", "json", "--targets", "bac-giang-2021-2030",
            ], in: directory)
        let fromStore = try CLI.sipas(
            [
                "compare", "--store", store, "--years", "2023,2024", "--format", "json",
                "--targets", "bac-giang-2021-2030",
            ], in: directory)
        #expect(fromStore.status == 0, "\(fromStore.stderr)")
        #expect(fromStore.status == fromFiles.status)
        #expect(fromFiles.stdout.contains("\"years\" : [\n    \"2023\",\n    \"2024\"\n  ]"))
        // Byte for byte, sources too: the batches carry the names of the files they were loaded from.
        #expect(fromStore.stdout == fromFiles.stdout)
        #expect(fromStore.stderr.contains("\(store): 1 lô, 12000 phiếu năm 2023"))
    }

    @Test func wrongStoreArgumentsAreUsageErrors() throws {
        let (directory, store) = try Self.store.get()
        for arguments in [
            ["compare", "--store", store, "--years", "2024"], ["compare", "--store", store, "--years", "2023,x"],
            ["compare", "2023.csv", "2024.csv", "--years", "2023,2024"],
            ["compare", "2023.csv", "--store", store, "--years", "2023,2024"],
            ["report", "--store", store], ["report", "2024.csv", "--year", "2024"],
            ["report", "2024.csv", "--store", store, "--year", "2024"],
            ["report"],
        ] {
            let run = try CLI.sipas(arguments, in: directory)
            #expect(run.status == 64, "\(arguments): \(run.stderr)")
        }
        let missingYear = try CLI.sipas(
            ["compare", "--store", store, "--years", "2023,2022", "--lang", "en"], in: directory)
        #expect(missingYear.status != 0)
        #expect(missingYear.stderr.contains("2022"), "\(missingYear.stderr)")
    }

    /// The report from the store equals the report from the files in every table of report.json and
    /// every CSV table, and in responses.csv and responses.sps, except the one row that honestly
    /// differs: the methodology annex names the store and the batches read.
    @Test func reportOnTheStoreEqualsTheFilesReportButForTheStoreRow() throws {
        let fileReport = try ReportCommandTests.sampleReport()
        let (directory, store) = try Self.store.get()
        let out = directory.appendingPathComponent("report")
        let run = try CLI.sipas(
            [
                "report", "--store", store, "--year", "2024", "--previous-year", "2023",
                "--targets", "bac-giang-2021-2030", "--out", out.path,
            ], in: directory)
        #expect(run.status == 0, "\(run.stderr)")

        // The batches keep their files' synthetic-row counts: the store's report is marked as the files' is.
        var fromStore = try ReportCommandTests.json(out)
        let fromFiles = try ReportCommandTests.json(fileReport)
        #expect(
            fromFiles["data_source"] as? String == "synthetic" && fromStore["data_source"] as? String == "synthetic")
        var tables = try #require(fromStore["tables"] as? [[String: Any]])
        let index = try #require(tables.firstIndex { $0["id"] as? String == "methodology" })
        var rows = try #require(tables[index]["rows"] as? [[String: Any]])
        let storeRows = rows.filter { $0["item"] as? String == "Kho dữ liệu khảo sát" }
        #expect(storeRows.count == 1)
        #expect(
            storeRows.first?["value"] as? String
                == "\(store); các lô: 2024.csv (2024.csv, 2024), 2023.csv (2023.csv, 2023)")
        rows.removeAll { $0["item"] as? String == "Kho dữ liệu khảo sát" }
        tables[index]["rows"] = rows
        fromStore["tables"] = tables
        let canonical = { (object: [String: Any]) in
            try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        }
        #expect(try canonical(fromStore) == canonical(fromFiles))
        // The annexes rest on the store's batches: the SHA-256s and counts recorded when loading.
        let files = try #require(tables.first { $0["id"] as? String == "quality_files" }?["rows"] as? [[String: Any]])
        #expect(files.compactMap { $0["file"] as? String } == ["2024.csv", "2023.csv"])
        #expect(files.compactMap { $0["accepted"] as? Double } == [12000, 12000])

        let csvFiles = try FileManager.default.contentsOfDirectory(
            atPath: fileReport.appendingPathComponent("csv").path
        ).sorted()
        #expect(csvFiles.count == tables.count)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("csv").path).sorted()
                == csvFiles)
        for name in csvFiles.map({ "csv/" + $0 }) + ["responses.csv", "responses.sps"] {
            var storeText = try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)
            let fileText = try String(contentsOf: fileReport.appendingPathComponent(name), encoding: .utf8)
            if name == "csv/methodology.csv" {
                let lines = storeText.components(separatedBy: "\n")
                #expect(lines.filter { $0.hasPrefix("Kho dữ liệu khảo sát,") }.count == 1)
                storeText = lines.filter { !$0.hasPrefix("Kho dữ liệu khảo sát,") }.joined(separator: "\n")
            }
            #expect(storeText == fileText, "\(name) differs")
        }
    }
}
