import Foundation
import GRDB
import GRDBSQLite
import SIPASCore

extension SurveyStore {
    /// Every batch, in force or replaced, in load order.
    public func batches() throws -> [BatchInfo] {
        try read { db in try Self.batches(db, where: "1", []) }
    }

    /// The batch named `name` (the one in force, else the latest of that name), or numbered `name`.
    /// - Throws: ``StoreError/Kind/noSuchBatch(_:)``.
    public func batch(_ name: String) throws -> BatchInfo {
        try read { db in
            if let found = try Self.batches(db, where: "name = ? ORDER BY replaced_by IS NOT NULL, id DESC", [name])
                .first
            {
                return found
            }
            if let id = Int64(name), let found = try Self.batches(db, where: "id = ?", [id]).first { return found }
            throw StoreError(.noSuchBatch(name), store: path)
        }
    }

    /// The rejected rows of a batch, by row, with the file's header.
    public func rejections(of batch: BatchInfo) throws -> (header: [String], rows: [StoredRejection]) {
        try read { db in
            let header =
                try String.fetchOne(db, sql: "SELECT header FROM batch WHERE id = ?", arguments: [batch.id]) ?? "[]"
            let rows = try Row.fetchAll(
                db, sql: "SELECT row, fields, reasons FROM rejection WHERE batch_id = ? ORDER BY row",
                arguments: [batch.id])
            return (
                Self.strings(header),
                rows.map { StoredRejection(row: $0[0], fields: Self.strings($0[1]), reasons: $0[2]) }
            )
        }
    }

    /// The batches in force that hold responses of the selection, and the instrument they share.
    /// - Throws: ``StoreError/Kind/noResponses(year:instrument:)``, ``StoreError/Kind/severalInstruments(_:)``,
    ///   ``StoreError/Kind/noSuchBatch(_:)``.
    public func select(_ selection: ResponseSelection) throws -> SelectionSummary {
        try read { db in
            // Batches with a response (of the year): one seek each on the table's key, not a scan.
            var sql =
                "SELECT b.id FROM batch b WHERE b.replaced_by IS NULL AND EXISTS (SELECT 1 FROM response r WHERE r.batch_id = b.id"
            var arguments: [(any DatabaseValueConvertible)?] = []
            if let year = selection.year {
                sql += " AND r.year = ?"
                arguments.append(year)
            }
            sql += ")"
            if let instrument = selection.instrumentID {
                sql += " AND b.instrument_id = ?"
                arguments.append(instrument)
            }
            if let names = selection.batches {
                for name in names where try Self.batches(db, where: "name = ? AND replaced_by IS NULL", [name]).isEmpty
                {
                    throw StoreError(.noSuchBatch(name), store: path)
                }
                sql += " AND b.name IN (\(names.map { _ in "?" }.joined(separator: ",")))"
                arguments += names.map { $0 }
            }
            let ids = try Int64.fetchAll(db, sql: sql, arguments: StatementArguments(arguments))
            let batches = try Self.batches(db, where: "id IN (\(ids.map(String.init).joined(separator: ",")))", [])
            let instruments = Array(Set(batches.map(\.instrumentID))).sorted()
            guard let instrument = instruments.first else {
                throw StoreError(.noResponses(year: selection.year, instrument: selection.instrumentID), store: path)
            }
            guard instruments.count == 1 else { throw StoreError(.severalInstruments(instruments), store: path) }
            let responses: Int
            if selection.year == nil, try db.tableExists("response_block"),
                try batches.allSatisfy({ try ColumnChunk.complete(db, $0) })
            {
                // Every row is in the batches' chunks, which count them: no scan of the rows.
                responses = batches.reduce(0) { $0 + $1.accepted }
            } else {
                var count =
                    "SELECT count(*) FROM response WHERE batch_id IN (\(ids.map(String.init).joined(separator: ",")))"
                if let year = selection.year { count += " AND year = \(year)" }
                responses = try Int.fetchOne(db, sql: count) ?? 0
            }
            return SelectionSummary(instrumentID: instrument, batches: batches, responses: responses)
        }
    }

    /// Calls `body` with every response of the selected batches, in batch then row order, as the
    /// record the importer made of it (located at the batch's file name and row).
    /// - Throws: ``StoreError/Kind/layoutChanged(instrument:batch:)`` when a batch was loaded with
    ///   other items or attributes than `layout`; whatever `body` throws.
    /// - Complexity: O(rows), streamed (one row in memory at a time).
    public func forEachRecord(
        in selection: SelectionSummary, year: Int?, layout: RecordLayout,
        _ body: (ResponseRecord) throws -> Void
    ) throws {
        try read { db in
            for batch in selection.batches.sorted(by: { $0.id < $1.id }) {
                let row = try Row.fetchOne(
                    db, sql: "SELECT items, attribute_names FROM batch WHERE id = ?", arguments: [batch.id])
                guard let row, Self.strings(row[0]) == layout.items, Self.strings(row[1]) == layout.attributeNames
                else {
                    throw StoreError(.layoutChanged(instrument: batch.instrumentID, batch: batch.name), store: path)
                }
                try ResponseReader.forEach(db, batch: batch, year: year, layout: layout, store: path, body)
            }
        }
    }

    static func batches(_ db: Database, where condition: String, _ arguments: [(any DatabaseValueConvertible)?]) throws
        -> [BatchInfo]
    {
        let order = condition.contains("ORDER BY") ? "" : " ORDER BY id"
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT id, name, team, file_name, sha256, instrument_id, method_version, rows_read, accepted, rejected,
                       loaded_at, replaced_by, synthetic_rows FROM batch WHERE
                """ + " " + condition + order, arguments: StatementArguments(arguments))
        return rows.map { r in
            var info = BatchInfo(
                id: r[0], name: r[1], team: r[2], fileName: r[3], sha256: r[4], instrumentID: r[5], methodVersion: r[6],
                rowsRead: r[7], accepted: r[8], rejected: r[9], loadedAt: r[10], replacedBy: r[11])
            info.syntheticRows = r[12]
            return info
        }
    }
}

/// Reads the responses of one batch with SQLite's C API: numbers read as numbers, attributes and
/// answers decoded straight from SQLite's bytes (no `Row`, no intermediate strings).
enum ResponseReader {
    /// Calls `body` with each response of `batch` (of `year` when given), in row order.
    /// - Throws: ``StoreError/Kind/corruptRow(batch:row:attributes:answers:)``; `DatabaseError`; what `body` throws.
    static func forEach(
        _ db: Database, batch: BatchInfo, year: Int?, layout: RecordLayout, store: String,
        _ body: (ResponseRecord) throws -> Void
    ) throws {
        var sql =
            "SELECT row, weight, stratum, cluster, population_psus, attributes, answers FROM response WHERE batch_id = ?"
        if year != nil { sql += " AND year = ?" }
        let statement = try db.makeStatement(sql: sql + " ORDER BY row")
        let s = statement.sqliteStatement
        sqlite3_bind_int64(s, 1, batch.id)
        if let year { sqlite3_bind_int64(s, 2, Int64(year)) }
        defer { sqlite3_reset(s) }
        let attributeCount = layout.attributeNames.count
        let itemCount = layout.items.count
        while try db.stepRow(s, sql: sql) {
            let row = Int(sqlite3_column_int64(s, 0))
            try body(
                StoredRowCodec.record(
                    file: batch.fileName, batch: batch.id, row: row, store: store,
                    weight: sqlite3_column_double(s, 1), stratum: String(decoding: bytes(s, 2), as: UTF8.self),
                    cluster: String(decoding: bytes(s, 3), as: UTF8.self),
                    populationPSUs: sqlite3_column_type(s, 4) == SQLITE_NULL ? nil : sqlite3_column_double(s, 4),
                    attributes: StoredRowCodec.decode(attributes: bytes(s, 5), count: attributeCount),
                    answers: StoredRowCodec.decode(answers: bytes(s, 6), count: itemCount),
                    attributeCount: attributeCount, itemCount: itemCount))
        }
    }

    /// Column `index`'s text as bytes, valid until the next step.
    private static func bytes(_ s: SQLiteStatement, _ index: Int32) -> UnsafeBufferPointer<UInt8> {
        let text = sqlite3_column_text(s, index)
        return UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(s, index)))
    }
}

extension Database {
    /// Steps `s` (prepared from `sql`): true with a row, false when done; a failed step throws
    /// GRDB's `DatabaseError` with SQLite's code and message (translated by the store).
    func stepRow(_ s: SQLiteStatement, sql: String) throws -> Bool {
        let code = sqlite3_step(s)
        if code == SQLITE_DONE { return false }
        guard code == SQLITE_ROW else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: sqlite3_extended_errcode(sqliteConnection)),
                message: String(cString: sqlite3_errmsg(sqliteConnection)), sql: sql)
        }
        return true
    }
}
