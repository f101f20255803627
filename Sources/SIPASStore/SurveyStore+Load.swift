import Foundation
import GRDB
import GRDBSQLite
import SIPASCore
import SIPASImport

extension SurveyStore {
    /// Writes a prepared batch in one transaction.
    ///
    /// - The same file (same SHA-256) already in force: nothing is written, ``LoadOutcome/alreadyLoaded(_:)``.
    /// - A batch of the same name from another file: ``StoreError/Kind/batchExists(name:sha256:)``
    ///   unless `replace`; with `replace` the old batch stays in the store, marked `replaced_by` the new one.
    /// - Respondent ids already in force in other batches are reported, not refused.
    /// - Throws: ``StoreError`` (locked, disk full, batch exists); the store is then unchanged.
    /// - Complexity: O(rows) inserts, one transaction.
    public func load(_ batch: PreparedBatch, replace: Bool = false, maxDuplicatesReported: Int = 20) throws
        -> LoadOutcome
    {
        let identity = BatchIdentity(
            name: batch.name, team: batch.team, fileName: batch.fileName, sha256: batch.sha256,
            instrumentID: batch.instrumentID, methodVersion: batch.methodVersion, layout: batch.layout)
        return try load(
            identity, expectedRows: batch.encoded.count, replace: replace, maxDuplicatesReported: maxDuplicatesReported
        ) { inserter in
            try inserter.insert(batch.encoded)
            return BatchContents(
                summary: batch.summary, header: batch.header, rejections: batch.rejections, provenance: batch.provenance
            )
        }
    }

    /// Writes a batch in one transaction: its row in `batch`, the responses `write` inserts (and
    /// the rejections it returns), the respondent index, the duplicates report. `expectedRows`
    /// (exact or estimated) decides whether the respondent index is rebuilt after the inserts.
    func load(
        _ identity: BatchIdentity, expectedRows: Int, replace: Bool, maxDuplicatesReported: Int,
        write: (ResponseInserter) throws -> BatchContents
    ) throws -> LoadOutcome {
        // Without foreign key checks: every row written here (responses, chunks, rejections) names
        // the batch row inserted first in this same transaction, `id` below. With them, each
        // multi-row insert of ``ResponseInserter`` could fail after some of its rows, so SQLite
        // kept a statement journal, a copy of every page the insert touched: 4.3 GB of temporary
        // file for 1 000 000 rows in 64 KiB pages (`strace`), a fifth of the import's CPU time.
        try writeTransaction(checkingForeignKeys: false) { db in
            if let same = try Self.batches(db, where: "sha256 = ? AND replaced_by IS NULL", [identity.sha256]).first {
                return .alreadyLoaded(same)
            }
            let old = try Self.batches(db, where: "name = ? AND replaced_by IS NULL", [identity.name]).first
            if let old {
                guard replace else {
                    throw StoreError(.batchExists(name: identity.name, sha256: old.sha256), store: path)
                }
                // Out of the way of the unique index first; pointed at the new batch below.
                try db.execute(sql: "UPDATE batch SET replaced_by = id WHERE id = ?", arguments: [old.id])
            }
            // The header and counts are known once the rows are read (they may be read here, in this
            // transaction): written as placeholders, set below.
            try db.execute(
                sql: """
                    INSERT INTO batch (name, team, file_name, sha256, instrument_id, method_version, items, attribute_names,
                                       header, rows_read, accepted, rejected, loaded_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, '[]', 0, 0, 0, ?)
                    """,
                arguments: [
                    identity.name, identity.team, identity.fileName, identity.sha256, identity.instrumentID,
                    identity.methodVersion,
                    Self.json(identity.layout.items), Self.json(identity.layout.attributeNames), Date().storeTimestamp,
                ])
            let id = db.lastInsertedRowID
            if let old {
                try db.execute(sql: "UPDATE batch SET replaced_by = ? WHERE id = ?", arguments: [id, old.id])
            }
            // A batch larger than everything loaded before: the respondent index is built once after
            // the inserts (one sort) instead of updated at each row in id order (a random B-tree
            // walk per row), in the same transaction, so readers and a failed load never see it missing.
            let existing =
                try Int.fetchOne(db, sql: "SELECT coalesce(sum(accepted), 0) FROM batch WHERE id <> ?", arguments: [id])
                ?? 0
            let rebuild = expectedRows >= Self.indexRebuildRows && expectedRows > existing
            if rebuild { try db.execute(sql: "DROP INDEX IF EXISTS response_respondent") }
            let contents = try write(ResponseInserter(db, batch: id))
            PhaseTrace.mark("rows written")
            let summary = contents.summary
            try db.execute(
                sql:
                    "UPDATE batch SET header = ?, rows_read = ?, accepted = ?, rejected = ?, synthetic_rows = ? WHERE id = ?",
                arguments: [
                    Self.json(contents.header), summary.rowsRead, summary.accepted, summary.rejected,
                    contents.provenance.syntheticRows, id,
                ])
            if rebuild {
                try db.execute(sql: Self.respondentIndexSQL)
                PhaseTrace.mark("respondent index built")
            }
            let reject = try db.makeStatement(
                sql: "INSERT INTO rejection (batch_id, row, fields, reasons) VALUES (?, ?, ?, ?)")
            for r in contents.rejections {
                try reject.execute(arguments: [id, r.row, Self.json(r.fields), r.reasons])
            }
            let (duplicates, count) = try Self.duplicates(db, batch: id, limit: maxDuplicatesReported)
            let info = try Self.batches(db, where: "id = ?", [id])[0]
            let replaced = try old.map { try Self.batches(db, where: "id = ?", [$0.id])[0] }
            return .loaded(info, replaced: replaced, duplicates: duplicates, duplicateCount: count)
        }
    }

    /// Batches at least this large rebuild the respondent index after their inserts when they
    /// hold more rows than the store before them.
    static let indexRebuildRows = 10_000
    static let respondentIndexSQL = "CREATE INDEX IF NOT EXISTS response_respondent ON response(respondent_id)"

    /// Respondent ids of `batch` that also occur in another batch in force.
    static func duplicates(_ db: Database, batch: Int64, limit: Int) throws -> ([DuplicateRespondent], Int) {
        // No other batch in force with responses: nothing to look up (a first load skips a probe per row).
        let others =
            try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM batch WHERE id <> ? AND replaced_by IS NULL AND accepted > 0)",
                arguments: [batch]) ?? true
        guard others else { return ([], 0) }
        let from = """
            FROM response r JOIN response o ON o.respondent_id = r.respondent_id AND o.batch_id <> r.batch_id
            JOIN batch b ON b.id = o.batch_id AND b.replaced_by IS NULL
            WHERE r.batch_id = ? AND r.respondent_id IS NOT NULL
            """
        let count = try Int.fetchOne(db, sql: "SELECT count(*) " + from, arguments: [batch]) ?? 0
        guard count > 0 else { return ([], 0) }
        let rows = try Row.fetchAll(
            db, sql: "SELECT r.respondent_id, r.row, b.name, o.row " + from + " ORDER BY r.row, b.id LIMIT ?",
            arguments: [batch, limit])
        return (
            rows.map { DuplicateRespondent(respondentID: $0[0], row: $0[1], otherBatch: $0[2], otherRow: $0[3]) }, count
        )
    }

    static func json(_ values: [String]) -> String {
        let data =
            (try? JSONSerialization.data(withJSONObject: values, options: [.withoutEscapingSlashes])) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    static func strings(_ json: String) -> [String] {
        (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String] ?? []
    }
}

/// What a batch row says of where it comes from, known before its rows are read.
struct BatchIdentity {
    var name, team, fileName, sha256, instrumentID, methodVersion: String
    var layout: RecordLayout
}

/// What reading a batch's file gives besides the responses.
package struct BatchContents: Sendable {
    package var summary: ImportSummary
    package var header: [String]
    package var rejections: [StoredRejection]
    /// The file's rows by their `data_source` column.
    package var provenance: DataProvenance
}
