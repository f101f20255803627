import Foundation
import SIPASCore
import SIPASImport
import SIPASInstruments

/// An uploaded file waiting to be accepted as a batch, with its validation report.
struct PendingUpload: Codable, Sendable {
    var id: String
    var accountID: Int64
    var team: String
    var originalName: String
    var fileName: String
    var uploadedAt: String
    var report: ValidationSummary
}

/// What `sipas validate` says of a file, kept for the report page and the API.
struct ValidationSummary: Codable, Sendable {
    struct Count: Codable, Sendable {
        var name: String
        var count: Int
    }
    struct Rejected: Codable, Sendable {
        var file: String
        var row: Int?
        var column: String
        var value: String
        var rule: String
        var reasonVI: String
        var reasonEN: String
    }

    var instrumentID = ""
    var rowsRead = 0
    var accepted = 0
    var rejected = 0
    var encoding = ""
    var byRule: [Count] = []
    var byColumn: [Count] = []
    var rejections: [Rejected] = []
    /// Rejections counted but not listed.
    var moreRejections = 0
    /// A problem of the whole file (no instrument matches, unreadable workbook…), in both languages.
    var errorVI: String?
    var errorEN: String?
}

/// The directory of pending uploads: one folder per upload, named by a UUID the server makes,
/// holding the file, its rejects CSV and `upload.json`; beside them `reports/` holds the office's
/// written annual reports, one folder each. The directory is never served.
struct PendingUploads: Sendable {
    let directory: URL
    let slots: SlotDirectory
    /// The annual reports the office pages wrote (``OfficeJobs``).
    let reports: SlotDirectory
    static let shownRejections = 20

    init(directory: URL) throws {
        self.directory = directory
        slots = try SlotDirectory(directory: directory)
        reports = try SlotDirectory(
            directory: directory.appendingPathComponent("reports", isDirectory: true), create: false)
    }

    /// A new, empty directory for one upload, and its id.
    func makeSlot() throws -> (id: String, url: URL) { try slots.makeSlot() }
    func discard(_ id: String) { slots.discard(id) }
    /// The directory of upload `id`, or nil for anything that is not a UUID (no path can be smuggled in).
    func slot(_ id: String) -> URL? { slots.slot(id) }

    /// Deletes the uploads (validated, accepted or not) and the written reports last touched more
    /// than `age` seconds before `now`; an accepted upload's batch lives in the store, not here.
    /// Returns how many folders were removed.
    @discardableResult
    func removeExpired(olderThan age: TimeInterval, now: Date = Date()) -> Int {
        slots.removeOlder(than: age, now: now).count + reports.removeOlder(than: age, now: now).count
    }

    func save(_ upload: PendingUpload) throws {
        guard let slot = slot(upload.id) else { return }
        try JSONEncoder().encode(upload).write(to: slot.appendingPathComponent("upload.json"), options: .atomic)
    }

    func load(_ id: String) -> PendingUpload? {
        guard let slot = slot(id),
            let data = FileManager.default.contents(atPath: slot.appendingPathComponent("upload.json").path)
        else { return nil }
        return try? JSONDecoder().decode(PendingUpload.self, from: data)
    }

    func fileURL(_ upload: PendingUpload) -> URL? { slot(upload.id)?.appendingPathComponent(upload.fileName) }
    func rejectsURL(_ upload: PendingUpload) -> URL? { slot(upload.id)?.appendingPathComponent("rejects.csv") }

    /// Checks `file` as `sipas validate` does (instrument chosen from the header; rejects written
    /// beside it as `sipas analyze` writes them).
    static func validate(_ file: URL, rejects: URL, language: Language) -> ValidationSummary {
        var report = ValidationSummary()
        do {
            let header = try InstrumentDetector.readHeader(of: file)
            let instrument = try InstrumentDetector.detectBuiltin(header: header, file: file.lastPathComponent)
                .instrument
            report.instrumentID = instrument.id
            let importer = try CSVImporter(
                instrument: instrument,
                options: ImportOptions(rejectsURL: rejects, maxReportedRejections: shownRejections, language: language))
            let summary = try importer.run(file: file) { _ in }
            report.rowsRead = summary.rowsRead
            report.accepted = summary.accepted
            report.rejected = summary.rejected
            if let guess = summary.encodingGuess {
                report.encoding = "\(guess.encoding.rawValue) (\(Int((guess.confidence * 100).rounded())) %)"
            } else {
                report.encoding = summary.isWorkbook ? "xlsx" : summary.encoding.rawValue
            }
            report.byRule = counts(summary.rejectionsByRule)
            report.byColumn = counts(summary.rejectionsByColumn)
            report.rejections = summary.rejections.prefix(shownRejections).map {
                ValidationSummary.Rejected(
                    file: $0.location.file, row: $0.location.row, column: $0.location.column ?? "", value: $0.value,
                    rule: $0.rule.key, reasonVI: $0.reason(.vi), reasonEN: $0.reason(.en))
            }
            report.moreRejections = max(0, summary.rejectionsByRule.values.reduce(0, +) - report.rejections.count)
        } catch let error as ImportError {
            (report.errorVI, report.errorEN) = (error.message(.vi), error.message(.en))
        } catch {
            (report.errorVI, report.errorEN) = ("\(error)", "\(error)")
        }
        return report
    }

    /// Counts, largest first, ties by name (as `sipas validate` lists them).
    private static func counts(_ counts: [String: Int]) -> [ValidationSummary.Count] {
        counts.map { ValidationSummary.Count(name: $0.key, count: $0.value) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.name < $1.name }
    }
}
