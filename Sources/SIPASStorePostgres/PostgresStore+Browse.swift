import Foundation
import PostgresNIO
import SIPASCore
import SIPASStore

extension PostgresStore {
    /// The batch named `name` that the role may see (the one in force, else the latest of that
    /// name), or numbered `name`.
    /// - Throws: ``StoreError/Kind/noSuchBatch(_:)``.
    public func batch(_ name: String) async throws -> BatchInfo {
        let named = try await batches(where: "name = $1", [name])
        if let found = named.last(where: \.isInForce) ?? named.last { return found }
        if let id = Int64(name), let found = try await batches(where: "id = $1::bigint", [String(id)]).first {
            return found
        }
        throw StoreError(.noSuchBatch(name), store: location)
    }

    /// The rejected rows of a batch, by row, with the file's header.
    public func rejections(of batch: BatchInfo) async throws -> (header: [String], rows: [StoredRejection]) {
        var header: [String] = []
        for try await value in try await query("SELECT header FROM batch WHERE id = \(batch.id)").decode([String].self)
        { header = value }
        var rows: [StoredRejection] = []
        let found = try await query(
            "SELECT row, fields, reasons FROM rejection WHERE batch_id = \(batch.id) ORDER BY row")
        for try await (row, fields, reasons) in found.decode((Int32, [String], String).self) {
            rows.append(StoredRejection(row: Int(row), fields: fields, reasons: reasons))
        }
        return (header, rows)
    }

    /// Calls `body` with every response of the selected batches that the role may read, in batch
    /// then row order, as the record the importer made of it (located at the batch's file and row).
    /// - Throws: ``StoreError/Kind/layoutChanged(instrument:batch:)`` when a batch was loaded with
    ///   other items or attributes than `layout`; whatever `body` throws.
    /// - Complexity: O(rows), streamed from the server.
    public func forEachRecord(
        in selection: SelectionSummary, year: Int?, layout: RecordLayout,
        _ body: (ResponseRecord, BatchInfo) throws -> Void
    ) async throws {
        for batch in selection.batches.sorted(by: { $0.id < $1.id }) {
            var same = false
            let stored = try await query("SELECT items, attribute_names FROM batch WHERE id = \(batch.id)")
            for try await (items, names) in stored.decode(([String], [String]).self) {
                same = items == layout.items && names == layout.attributeNames
            }
            guard same else {
                throw StoreError(.layoutChanged(instrument: batch.instrumentID, batch: batch.name), store: location)
            }
            let yearFilter = year.map { " AND year = \($0)" } ?? ""
            let rows = try await query(
                PostgresQuery(
                    unsafeSQL: """
                        SELECT row, weight, stratum, cluster, population_psus, attributes, answers
                        FROM response WHERE batch_id = \(batch.id)\(yearFilter) ORDER BY row
                        """))
            do {
                for try await (row, weight, stratum, cluster, fpc, attributes, answers)
                    in rows.decode((Int32, Double, String, String, Double?, [String], String).self)
                {
                    let record = try StoredRowCodec.record(
                        file: batch.fileName, batch: batch.id, row: Int(row), store: location, weight: weight,
                        stratum: stratum, cluster: cluster, populationPSUs: fpc, attributes: attributes,
                        answers: StoredRowCodec.decode(answers: answers, count: layout.items.count),
                        attributeCount: layout.attributeNames.count, itemCount: layout.items.count)
                    try body(record, batch)
                }
            } catch let error as StoreError where error.store.isEmpty {
                throw StoreError(error.kind, store: location)
            } catch let error as PSQLError {
                throw Self.translate(error, store: location)
            }
        }
    }

    /// Writes the selected responses as CSV, in the SQLite store's format (``StoreCSVFormat``).
    /// - Complexity: O(rows), streamed.
    public func exportCSV(
        _ selection: SelectionSummary, year: Int?, layout: RecordLayout,
        write: (String) throws -> Void
    ) async throws {
        let format = StoreCSVFormat(selection)
        try write(format.header(layout))
        try await forEachRecord(in: selection, year: year, layout: layout) { record, batch in
            try write(format.line(record, batch: batch.name))
        }
    }
}
