import Foundation
import SIPASCore
import SIPASReport
import SIPASReportJobs
import SIPASStats
import SIPASStore
import SIPASStorePostgres

/// The forms of field work for `design progress` and the report's annex, as key vectors of the
/// levels' columns (``FieldworkProgress``).
enum FieldworkKeys {
    /// Accepted: the responses in force of `year` (and `instrument`) in the store; rejected: the
    /// rows the store's batches in force of that instrument rejected. Read as the connected role.
    static func fromStore(
        _ location: String, year: Int?, instrument: String?, levels: [String],
        language: Language
    ) async throws -> (accepted: [[String]], rejected: [[String]]) {
        try await StoreLocation.with(location, existing: true, language: language) { store in
            let selection = try await store.select(
                ResponseSelection(
                    year: year, instrumentID: instrument.map { (try? InstrumentResolver.resolve($0).id) ?? $0 }),
                as: .connected)
            let layout = try InstrumentResolver.resolve(selection.instrumentID).recordLayout
            let text = try await store.exportCSV(selection, year: year, layout: layout, as: .connected)
            let file = FileManager.default.temporaryDirectory.appendingPathComponent(
                "sipas-progress-\(UUID().uuidString).csv")
            try text.write(to: file, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: file) }
            let accepted = try FieldworkProgress.keys(try FrameTable.read(file), levels: levels)
            var rejected: [[String]] = []
            for batch in try await store.batches(as: .connected)
            where batch.replacedBy == nil && batch.instrumentID == selection.instrumentID {
                let r = try await store.rejections(of: batch, as: .connected)
                rejected += FieldworkProgress.keys(fields: r.rows.map(\.fields), header: r.header, levels: levels)
            }
            return (accepted: accepted, rejected: rejected)
        }
    }

    /// The annex from the selection `sample` (its main units are the plan).
    static func annex(sample: String, levels: [String], accepted: [[String]], rejected: [[String]], threshold: Double)
        throws -> FieldworkAnnex
    {
        let planned = try FieldworkProgress.keys(try DesignIO.readTable(sample), levels: levels, mainOnly: true)
        let rows = FieldworkProgress.tabulate(
            levels: levels, planned: planned, accepted: accepted, rejected: rejected, threshold: threshold)
        return FieldworkAnnex(sample: URL(fileURLWithPath: sample).lastPathComponent, rows: rows, threshold: threshold)
    }
}
