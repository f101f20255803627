import Foundation
import GRDB

extension SurveyStore {
    /// Gives the responses of batch `name` new weights, as a new batch that replaces it: the same
    /// name, team, instrument, rows, respondents and rejections, each response's weight taken from
    /// `weights` by its respondent id (ids of rows the batch does not hold, e.g. rejected ones, are
    /// not used), and `fileName` and `sha256` naming the weighted file the weights come from. The
    /// weights are given as the text of that file; when the batch keeps the weight column as an
    /// attribute (`weightAttribute`), that text replaces the attribute's too. The old batch stays, marked replaced by the new one, so the batch list is the
    /// audit trail (``batches()``); a batch's rows never change once written.
    ///
    /// The new batch has no column chunks: analyses read it from its rows.
    /// - Throws: ``StoreError/Kind/noSuchBatch(_:)`` when no batch of that name is in force;
    ///   ``StoreError/Kind/badWeight(batch:row:)`` when a response of the batch has no respondent id,
    ///   no weight in `weights`, or one that is not a finite number ≥ 0;
    ///   ``StoreError/Kind/batchExists(name:sha256:)`` when a batch in force already has `sha256`.
    ///   Either way the store is unchanged.
    public func reweight(
        batch name: String, weights: [String: String], weightAttribute: String?, fileName: String,
        sha256: String
    ) throws -> (batch: BatchInfo, rows: Int) {
        try writeTransaction { db in
            guard let old = try Self.batches(db, where: "name = ? AND replaced_by IS NULL", [name]).first else {
                throw StoreError(.noSuchBatch(name), store: path)
            }
            if let same = try Self.batches(db, where: "sha256 = ? AND replaced_by IS NULL", [sha256]).first {
                throw StoreError(.batchExists(name: same.name, sha256: sha256), store: path)
            }
            let names =
                try String.fetchOne(db, sql: "SELECT attribute_names FROM batch WHERE id = ?", arguments: [old.id]).map(
                    Self.strings) ?? []
            let attribute = weightAttribute.flatMap { names.firstIndex(of: $0) }
            var rows: [(row: Int, weight: Double, attributes: String)] = []
            let sql = "SELECT row, respondent_id, attributes FROM response WHERE batch_id = ? ORDER BY row"
            for stored in try Row.fetchAll(db, sql: sql, arguments: [old.id]) {
                let row: Int = stored[0]
                let id: String? = stored[1]
                let attributes: String = stored[2]
                guard let text = id.flatMap({ weights[$0] }), let weight = Double(text), weight.isFinite, weight >= 0
                else {
                    throw StoreError(.badWeight(batch: name, row: row), store: path)
                }
                guard var values = StoredRowCodec.decode(attributes: attributes, count: names.count) else {
                    throw StoreError(
                        .corruptRow(batch: old.id, row: row, attributes: names.count, answers: nil), store: path)
                }
                if let attribute { values[attribute] = text }
                rows.append((row, weight, attribute == nil ? attributes : StoredRowCodec.encode(attributes: values)))
            }
            try db.execute(sql: "UPDATE batch SET replaced_by = id WHERE id = ?", arguments: [old.id])
            try db.execute(
                sql: """
                    INSERT INTO batch (name, team, file_name, sha256, instrument_id, method_version, items, attribute_names,
                                       header, rows_read, accepted, rejected, loaded_at, synthetic_rows)
                    SELECT name, team, ?, ?, instrument_id, method_version, items, attribute_names, header, rows_read, accepted,
                           rejected, ?, synthetic_rows FROM batch WHERE id = ?
                    """, arguments: [fileName, sha256, Date().storeTimestamp, old.id])
            let id = db.lastInsertedRowID
            try db.execute(sql: "UPDATE batch SET replaced_by = ? WHERE id = ?", arguments: [id, old.id])
            try db.execute(
                sql: """
                    INSERT INTO response (batch_id, row, respondent_id, year, weight, stratum, cluster, population_psus, attributes, answers)
                    SELECT ?, row, respondent_id, year, weight, stratum, cluster, population_psus, attributes, answers
                    FROM response WHERE batch_id = ?
                    """, arguments: [id, old.id])
            try db.execute(
                sql:
                    "INSERT INTO rejection (batch_id, row, fields, reasons) SELECT ?, row, fields, reasons FROM rejection WHERE batch_id = ?",
                arguments: [id, old.id])
            let update = try db.makeStatement(
                sql: "UPDATE response SET weight = ?, attributes = ? WHERE batch_id = ? AND row = ?")
            for r in rows { try update.execute(arguments: [r.weight, r.attributes, id, r.row]) }
            return (try Self.batches(db, where: "id = ?", [id])[0], rows.count)
        }
    }
}
