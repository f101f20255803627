import Foundation
import SIPASCore
import SIPASImport
import SIPASInstruments
import SIPASReport

/// One year's responses for `compare`, `report` and the web's office pages: a response file, or a survey store's responses
/// in force of one survey year. Both give the same run, so the commands treat them alike.
public enum YearInput {
    case file(String)
    case store(String, year: Int)

    /// The files, or with a store one input per year, in the order given.
    public static func list(files: [String], store: String?, years: [Int]) -> [YearInput] {
        store.map { location in years.map { .store(location, year: $0) } } ?? files.map { .file($0) }
    }

    /// True when the years fall on both sides of 1 July 2025: the earlier years' provinces are then
    /// regrouped into the 34 provinces in force since.
    public static func acrossMerger(_ years: [Int?]) -> Bool {
        years.contains { ($0 ?? 0) >= 2025 } && years.contains { ($0 ?? 9999) < 2025 }
    }

    /// The survey year: the one asked of the store, or the file's first data row's.
    public func year() throws -> Int? {
        switch self {
        case .store(_, let year): return year
        case .file(let path):
            guard FileManager.default.fileExists(atPath: path) else { throw JobError.inputMissing(path) }
            return try InstrumentDetector.peekYear(of: URL(fileURLWithPath: path))
        }
    }

    /// The instrument asked for, else the one chosen from the file's header or shared by the store's batches.
    public func instrument(
        _ requested: String?, source: SourceOptions, language: Language,
        observer: AnalysisObserver = .silent
    ) async throws -> Instrument {
        switch self {
        case .file(let path):
            return try AnalysisRunner.chooseInstrument(
                requested, for: URL(fileURLWithPath: path), source: source, language: language,
                observer: observer)
        case .store(let location, let year):
            return try await AnalysisRunner.instrument(
                ofStore: location, year: year, requested: requested, language: language)
        }
    }

    public func run(_ settings: AnalysisSettings) async throws -> AnalysisRun {
        switch self {
        case .file(let path): return try AnalysisRunner.run([path], settings)
        case .store(let location, let year): return try await AnalysisRunner.run(store: location, year: year, settings)
        }
    }

    /// The year's label in comparisons: its survey year, else the file's name without extension.
    public func label(_ run: AnalysisRun) -> String {
        if let year = run.year { return String(year) }
        switch self {
        case .file(let path): return URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        case .store(_, let year): return String(year)
        }
    }

    /// The names of the files the responses came from: the file, or the files of the store's batches.
    public func sourceNames(_ run: AnalysisRun) -> [String] {
        switch self {
        case .file(let path): return [URL(fileURLWithPath: path).lastPathComponent]
        case .store: return run.batches.map(\.fileName)
        }
    }

    /// The report's input files with their row accounting and SHA-256: the file's bytes hashed now,
    /// or each batch read, with the file name, counts and SHA-256 the store recorded when loading it.
    public func sourceFiles(_ run: AnalysisRun) throws -> [AnnualReportInput.SourceFile] {
        let year = run.year.map(String.init) ?? "–"
        switch self {
        case .file(let path):
            return [
                AnnualReportInput.SourceFile(
                    name: URL(fileURLWithPath: path).lastPathComponent, year: year,
                    sha256: try FileDigest.sha256(of: URL(fileURLWithPath: path)),
                    rowsRead: run.rowsRead, accepted: run.accepted, rejected: run.rejected)
            ]
        case .store:
            return run.batches.map { batch in
                AnnualReportInput.SourceFile(
                    name: batch.fileName, year: year, sha256: batch.sha256, rowsRead: batch.rowsRead,
                    accepted: batch.accepted, rejected: batch.rejected, batch: batch.name)
            }
        }
    }
}
