import Foundation
import SIPASCore
import SIPASReport
import SIPASStats
import SIPASStore
import SIPASReportJobs

/// The forms of field work for `design progress` and the report's annex, as key vectors of the
/// levels' columns (``FieldworkProgress``).
enum FieldworkKeys {
    /// Accepted: the responses in force of `year` (and `instrument`) in the store; rejected: the
    /// rows the store's batches in force rejected (SQLite; a PostgreSQL store gives none).
    static func fromStore(_ location: String, year: Int?, instrument: String?, levels: [String],
                          language: Language) async throws -> (accepted: [[String]], rejected: [[String]]) {
        let opened = try await OpenedStore.open(location, language: language)
        do {
            let selection = try await opened.select(ResponseSelection(year: year, instrumentID: instrument.map { (try? InstrumentResolver.resolve($0).id) ?? $0 }))
            let layout = try InstrumentResolver.resolve(selection.instrumentID).recordLayout
            var text = ""
            try await opened.exportCSV(selection, year: year, layout: layout) { text += $0 }
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("sipas-progress-\(UUID().uuidString).csv")
            try text.write(to: file, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: file) }
            let accepted = try FieldworkProgress.keys(try FrameTable.read(file), levels: levels)
            var rejected: [[String]] = []
            if case .sqlite(let sqlite) = opened {
                for batch in try sqlite.batches() where batch.replacedBy == nil && batch.instrumentID == selection.instrumentID {
                    let r = try sqlite.rejections(of: batch)
                    rejected += FieldworkProgress.keys(fields: r.rows.map(\.fields), header: r.header, levels: levels)
                }
            }
            await opened.close()
            return (accepted, rejected)
        } catch {
            await opened.close()
            throw error
        }
    }

    /// The annex from the selection `sample` (its main units are the plan).
    static func annex(sample: String, levels: [String], accepted: [[String]], rejected: [[String]], threshold: Double) throws -> FieldworkAnnex {
        let planned = try FieldworkProgress.keys(try DesignIO.readTable(sample), levels: levels, mainOnly: true)
        let rows = FieldworkProgress.tabulate(levels: levels, planned: planned, accepted: accepted, rejected: rejected, threshold: threshold)
        return FieldworkAnnex(sample: URL(fileURLWithPath: sample).lastPathComponent, rows: rows, threshold: threshold)
    }
}
