import GRDB
import GRDBSQLite

/// The `response` insert of a load, bound and stepped with SQLite's C API on prepared
/// statements: no per-value boxing (GRDB's `StatementArguments` cost about as much as SQLite's own
/// insert), text bound from the buffer's bytes in place.
///
/// Rows go ``rowsPerStatement`` at a time in one multi-row `INSERT … VALUES (…), (…)`: SQLite then
/// starts its program, opens its cursors and seeks the table once per group rather than per row.
/// `INSERT OR FAIL`: a row that breaks a constraint stops its statement, keeping the group's rows
/// before it, where the default (`ABORT`) undoes them, which takes a statement journal; either
/// way the error ends the load, whose transaction is rolled back (``SurveyStore/load(_:replace:maxDuplicatesReported:)``),
/// so nothing of the batch stays.
///
/// The statements' and connection's handles are taken here, on the connection's own thread: the
/// inserts may run on another one (``SurveyStore/importFile(_:instrument:team:name:language:threads:slowPath:replace:maxDuplicatesReported:chunkRows:whenRead:)``)
/// while that thread leaves the connection alone, and GRDB's objects check which thread uses them.
struct ResponseInserter: @unchecked Sendable {
    /// Kept alive (they finalize their handles when they go), not used.
    private let statements: [Statement]
    private let single: SQLiteStatement
    private let group: SQLiteStatement
    private let block: SQLiteStatement
    private let connection: SQLiteConnection
    private let sql: String
    private let batch: Int64
    static let rowsPerStatement = 32
    private static let columns = 10

    init(_ db: Database, batch: Int64) throws {
        self.batch = batch
        statements = [
            try db.makeStatement(sql: Self.sql(rows: 1)),
            try db.makeStatement(sql: Self.sql(rows: Self.rowsPerStatement)),
            try db.makeStatement(
                sql: "INSERT INTO response_block (batch_id, first_row, row_count, data) VALUES (?, ?, ?, ?)"),
        ]
        single = statements[0].sqliteStatement
        group = statements[1].sqliteStatement
        block = statements[2].sqliteStatement
        connection = db.sqliteConnection!
        sql = Self.sql(rows: 1)
    }

    private static func sql(rows: Int) -> String {
        "INSERT OR FAIL INTO response (batch_id, row, respondent_id, year, weight, stratum, cluster, population_psus, attributes, answers) VALUES "
            + repeatElement("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", count: rows).joined(separator: ", ")
    }

    /// The responses' ``ColumnChunk``s, made before ``insert(_:chunks:)`` (on another thread than
    /// the inserts, when streamed); nil when they cannot all be made.
    static func chunks(of responses: EncodedResponses) -> [ColumnChunk.Encoded]? {
        ColumnChunk.encode(responses)
    }

    /// Inserts every response of `responses`, binding the text fields from its buffer in place, and
    /// their column chunks (`chunks`, made here when not given; none when they cannot be made).
    /// - Throws: `DatabaseError` with SQLite's code and message (translated by the store).
    func insert(_ responses: EncodedResponses, chunks: [ColumnChunk.Encoded]?? = nil) throws {
        try insertRows(responses)
        guard let chunks = chunks ?? Self.chunks(of: responses) else { return }
        for chunk in chunks {
            sqlite3_bind_int64(block, 1, batch)
            sqlite3_bind_int64(block, 2, Int64(chunk.firstRow))
            sqlite3_bind_int64(block, 3, Int64(chunk.rows))
            try chunk.data.withUnsafeBytes { data in
                sqlite3_bind_blob(block, 4, data.baseAddress, Int32(data.count), nil)
                defer { sqlite3_clear_bindings(block) }
                try step(block)
            }
        }
    }

    private func insertRows(_ responses: EncodedResponses) throws {
        // The bytes stay put while bound: SQLITE_STATIC (no copy), bindings cleared before the buffer goes.
        defer {
            sqlite3_clear_bindings(single)
            sqlite3_clear_bindings(group)
        }
        try responses.bytes.withUnsafeBufferPointer { buffer in
            let base = UnsafeRawPointer(buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!).assumingMemoryBound(
                to: CChar.self)
            var i = 0
            while i < responses.count {
                let n = responses.count - i >= Self.rowsPerStatement ? Self.rowsPerStatement : 1
                let s = n > 1 ? group : single
                for j in 0..<n {
                    bind(s, Int32(j * Self.columns), responses, i + j, base)
                }
                try step(s)
                i += n
            }
        }
    }

    /// Binds row `i` to parameters `offset + 1…offset + 10`.
    private func bind(
        _ s: SQLiteStatement, _ offset: Int32, _ responses: EncodedResponses, _ i: Int, _ base: UnsafePointer<CChar>
    ) {
        sqlite3_bind_int64(s, offset + 1, batch)
        sqlite3_bind_int64(s, offset + 2, Int64(responses.rows[i]))
        if let year = responses.years[i] {
            sqlite3_bind_int64(s, offset + 4, Int64(year))
        } else {
            sqlite3_bind_null(s, offset + 4)
        }
        sqlite3_bind_double(s, offset + 5, responses.weights[i])
        if let fpc = responses.populationPSUs[i] {
            sqlite3_bind_double(s, offset + 8, fpc)
        } else {
            sqlite3_bind_null(s, offset + 8)
        }
        let first = i * EncodedResponses.fieldCount
        var start = first == 0 ? 0 : responses.ends[first - 1]
        for f in 0..<EncodedResponses.fieldCount {
            let end = responses.ends[first + f]
            if end > start {
                sqlite3_bind_text(s, offset + Self.textParameters[f], base + start, Int32(end - start), nil)
            } else if f == 0 {
                sqlite3_bind_null(s, offset + 3)  // no respondent id
            } else {
                sqlite3_bind_text(s, offset + Self.textParameters[f], Self.empty, 0, nil)  // an empty text, not NULL
            }
            start = end
        }
    }

    /// A lasting address for empty texts bound without a copy.
    nonisolated(unsafe) private static let empty: UnsafeMutablePointer<CChar> = {
        let byte = UnsafeMutablePointer<CChar>.allocate(capacity: 1)
        byte.initialize(to: 0)
        return byte
    }()

    /// Parameters of the text fields of ``EncodedResponses``, in its order.
    private static let textParameters: [Int32] = [3, 6, 7, 9, 10]

    private func step(_ s: SQLiteStatement) throws {
        let code = sqlite3_step(s)
        guard code == SQLITE_DONE else {
            let extended = sqlite3_extended_errcode(connection)
            let message = String(cString: sqlite3_errmsg(connection))
            sqlite3_reset(s)
            throw DatabaseError(resultCode: ResultCode(rawValue: extended), message: message, sql: sql)
        }
        sqlite3_reset(s)
    }
}
