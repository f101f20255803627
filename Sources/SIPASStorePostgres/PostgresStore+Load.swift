import Foundation
import PostgresNIO
import SIPASCore
import SIPASImport
import SIPASInstruments
import SIPASStore

extension PostgresStore {
    /// Writes a prepared batch in one transaction, as the connected role (its team), through the
    /// same statements as ``importFile(_:instrument:name:language:threads:replace:pieceRows:whenRead:)``.
    ///
    /// Same rules as ``SurveyStore/load(_:replace:maxDuplicatesReported:)``, per team: the same
    /// file is a no-op, a batch name needs `replace` to be loaded again. Rows of a province the
    /// team is not assigned are refused by the server's row-level security
    /// (``StoreError/Kind/refused(reason:)``), and nothing of the batch is written.
    /// - Complexity: O(rows), sent in pieces of `pieceRows` rows.
    public func load(_ batch: PreparedBatch, replace: Bool = false, pieceRows: Int = 65_536) async throws
        -> LoadOutcome
    {
        let provinces =
            batch.provinceAttribute.map { p in batch.encoded.all.map { $0.attributeValues[p] } }
            ?? [String](repeating: "", count: batch.encoded.count)
        let chunks = batch.columnChunks(groups: provinces)
        let identity = BatchRow(
            name: batch.name, fileName: batch.fileName, sha256: batch.sha256, instrumentID: batch.instrumentID,
            methodVersion: batch.methodVersion, layout: batch.layout)
        return try await watched {
            try await self.write(identity, replace: replace) { id in
                for start in stride(from: 0, to: batch.encoded.count, by: pieceRows) {
                    let rows = start..<min(start + pieceRows, batch.encoded.count)
                    try await self.writeRows(
                        batch.encoded.withCopyText(rows) { ByteBuffer(bytes: $0) }, batch: id,
                        provinceAttribute: batch.provinceAttribute)
                }
                for chunk in chunks ?? [] { try await self.writeChunk(chunk, batch: id) }
                return BatchEnd(
                    summary: batch.summary, header: batch.header, rejections: batch.rejections,
                    syntheticRows: batch.provenance.syntheticRows)
            }.outcome
        }
    }

    /// Reads `file` and writes it as one batch in one transaction, as ``load(_:replace:pieceRows:)``
    /// would the file read first, but with the rows sent while later parts of the file are still
    /// being read: the client holds a few pieces of `pieceRows` rows, whatever the file's size.
    ///
    /// Each piece goes to a temporary table with `COPY … FROM STDIN` (which the server refuses
    /// into a table under row-level security), then into `response` with one
    /// `INSERT … SELECT`, which the insert policy checks. A file already in force (same SHA-256) is
    /// not read at all.
    /// - Parameter whenRead: called with the summary once the file is read, before the batch is finished.
    /// - Throws: ``StoreError``; ``ImportError`` for problems of the whole file. Either way nothing
    ///   of the batch is written.
    public func importFile(
        _ file: URL, instrument: Instrument, name: String? = nil, language: Language, threads: Int, replace: Bool,
        pieceRows: Int = 65_536, whenRead: @escaping @Sendable (ImportSummary) -> Void = { _ in }
    ) async throws -> StoreLoad {
        let digest = try await BlockingWork.run { try PreparedBatch.sha256(of: file) }
        let province = PreparedBatch.provinceAttribute(of: instrument)
        let identity = BatchRow(
            name: name ?? file.lastPathComponent, fileName: file.lastPathComponent, sha256: digest,
            instrumentID: instrument.id, methodVersion: instrument.methodVersion, layout: instrument.recordLayout)
        let (outcome, summary) = try await watched {
            try await self.write(identity, replace: replace) { id in
                let pipe = PiecePipe<Piece>(depth: 2)
                let reading = Task {
                    try await BlockingWork.run {
                        do {
                            let contents = try PreparedBatch.stream(
                                file: file, instrument: instrument, language: language, threads: threads,
                                groupAttribute: province, pieceRows: pieceRows
                            ) { responses, chunks in
                                let text = responses.withCopyText { ByteBuffer(bytes: $0) }
                                try pipe.send(Piece(rows: responses.count, text: text, chunks: chunks))
                            }
                            pipe.finish()
                            return contents
                        } catch {
                            pipe.finish(throwing: error)
                            throw error
                        }
                    }
                }
                do {
                    for try await piece in pipe.pieces {
                        if piece.rows > 0 {
                            try await self.writeRows(piece.text, batch: id, provinceAttribute: province)
                        }
                        for chunk in piece.chunks ?? [] { try await self.writeChunk(chunk, batch: id) }
                        pipe.taken()
                    }
                    // A cancelled task's loop ends without an error: the reader, waiting for room,
                    // must be stopped before it is awaited.
                    try Task.checkCancellation()
                } catch {
                    pipe.stop()
                    _ = try? await reading.value
                    throw error
                }
                let contents = try await reading.value
                whenRead(contents.summary)
                return BatchEnd(
                    summary: contents.summary, header: contents.header, rejections: contents.rejections,
                    syntheticRows: contents.provenance.syntheticRows)
            }
        }
        return StoreLoad(outcome: outcome, summary: summary)
    }

    /// Runs `work` in a task of its own, watched: postgres-nio 1.33 was seen (under load) never
    /// failing the query whose backend the server had terminated while it waited for a lock, and
    /// the command hung instead of reporting the lost connection. When the connection closes under
    /// work that has not ended 2 s later, it ends with ``StoreError/Kind/connectionLost(reason:)``.
    private func watched<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) async throws -> T {
        let location = self.location
        return try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            let once = ResumeOnce(continuation)
            let task = Task {
                do {
                    once.resume(.success(try await work()))
                } catch {
                    once.resume(.failure(error))
                }
            }
            connection.closeFuture.whenComplete { _ in
                Task {
                    try? await Task.sleep(nanoseconds: 2_000_000_000)
                    once.resume(
                        .failure(
                            StoreError(.connectionLost(reason: "the server closed the connection"), store: location)))
                    task.cancel()
                }
            }
        }
    }

    /// The batch's row, then its rows (`rows`, given the batch's id, sending them with
    /// ``writeRows(_:batch:provinceAttribute:)`` and ``writeChunk(_:batch:)``), then its counts,
    /// rejections and duplicate check, in one transaction under the team's advisory lock.
    /// Returns the outcome and the file's summary (nil when the same file was already in force).
    private func write(_ identity: BatchRow, replace: Bool, rows: (Int64) async throws -> BatchEnd) async throws
        -> (outcome: LoadOutcome, summary: ImportSummary?)
    {
        try await transaction {
            try await query("SELECT pg_advisory_xact_lock(hashtext(current_user::text))")
            if let same = try await batches(
                where: "sha256 = $1 AND replaced_by IS NULL AND team = current_user", [identity.sha256]
            ).first {
                return (.alreadyLoaded(same), nil)
            }
            let old = try await batches(
                where: "name = $1 AND replaced_by IS NULL AND team = current_user", [identity.name]
            ).first
            if let old {
                guard replace else {
                    throw StoreError(.batchExists(name: identity.name, sha256: old.sha256), store: location)
                }
                try await query("UPDATE batch SET replaced_by = id WHERE id = \(old.id)")
            }
            let stamp = ISO8601DateFormatter().string(from: Date())
            // The counts and header are known once the file is read: written at the end.
            let inserted = try await query(
                """
                INSERT INTO batch (name, file_name, sha256, instrument_id, method_version, items, attribute_names, header,
                                   rows_read, accepted, rejected, loaded_at, synthetic_rows)
                VALUES (\(identity.name), \(identity.fileName), \(identity.sha256), \(identity.instrumentID),
                        \(identity.methodVersion), \(identity.layout.items), \(identity.layout.attributeNames), '{}',
                        0, 0, 0, \(stamp), 0) RETURNING id
                """)
            var id: Int64 = 0
            for try await value in inserted.decode(Int64.self) { id = value }
            if let old { try await query("UPDATE batch SET replaced_by = \(id) WHERE id = \(old.id)") }
            try await run("CREATE TEMP TABLE sipas_staging (\(EncodedResponses.copyColumns)) ON COMMIT DROP")
            let end = try await rows(id)
            let s = end.summary
            try await query(
                """
                UPDATE batch SET header = \(end.header), rows_read = \(s.rowsRead), accepted = \(s.accepted),
                                 rejected = \(s.rejected), synthetic_rows = \(Int32(end.syntheticRows))
                WHERE id = \(id)
                """)
            for piece in stride(from: 0, to: end.rejections.count, by: 2000) {
                let rows = end.rejections[piece..<min(piece + 2000, end.rejections.count)]
                try await query(
                    """
                    INSERT INTO rejection (batch_id, row, fields, reasons)
                    SELECT \(id), r, \(unescaped: StoredRowCodec.postgresValues(of: "f")), why
                    FROM unnest(\(rows.map { Int32($0.row) }), \(rows.map { StoredRowCodec.encode(attributes: $0.fields) }), \(rows.map(\.reasons))) AS t(r, f, why)
                    """)
            }
            let (duplicates, count) = try await duplicates(of: id)
            let info = try await batches(where: "id = $1::bigint", [String(id)])[0]
            let replaced = try await old.asyncMap {
                try await self.batches(where: "id = $1::bigint", [String($0.id)])[0]
            }
            return (.loaded(info, replaced: replaced, duplicates: duplicates, duplicateCount: count), s)
        }
    }

    /// Sends rows in ``EncodedResponses/withCopyText(_:_:)``'s form to the staging table, then into
    /// `response`, each with its province (attribute `provinceAttribute`) and its attributes as
    /// an array of the values (``StoredRowCodec/postgresValues(of:)``). The `codes` and
    /// `excluded` arrays are left NULL: splitting and casting the answers took half of the server's
    /// insert time, and only an analysis the column chunks cannot serve reads them, which derives
    /// them from `answers` then (``aggregate(_:year:layout:groupAttributes:satisfied:excluded:)``).
    private func writeRows(_ text: ByteBuffer, batch: Int64, provinceAttribute: Int?) async throws {
        do {
            try await connection.copyFrom(table: "sipas_staging", logger: logger) { try await $0.write(text) }
        } catch {
            throw Self.translate(error, store: location)
        }
        let province = provinceAttribute.map { "NULLIF(a[\($0 + 1)], '')" } ?? "NULL"
        // OFFSET 0 keeps the subquery whole: flattened, the planner would split the attributes
        // once for `a` and again for the province.
        try await run(
            """
            INSERT INTO response (batch_id, row, province, respondent_id, year, weight, stratum, cluster, population_psus,
                                  attributes, answers)
            SELECT \(batch), row, \(province), respondent_id, year, weight, stratum, cluster, population_psus, a, answers
            FROM (SELECT *, \(StoredRowCodec.postgresValues(of: "attributes")) AS a FROM sipas_staging OFFSET 0) t
            """)
        try await run("TRUNCATE sipas_staging")
    }

    private func writeChunk(_ chunk: GroupedChunk, batch: Int64) async throws {
        try await query(
            """
            INSERT INTO response_block (batch_id, first_row, row_count, province, data)
            VALUES (\(batch), \(Int32(chunk.firstRow)), \(Int32(chunk.rows)), NULLIF(\(chunk.group), ''), \(ByteBuffer(bytes: chunk.data)))
            """)
    }

    private func duplicates(of batch: Int64, limit: Int = 20) async throws -> ([DuplicateRespondent], Int) {
        // The new batch's ids are read once (a materialised CTE) and each is looked up in the other
        // batches through the respondent index. Joining `response` to itself directly let the planner,
        // working from statistics taken before this uncommitted batch existed, intersect the batch's
        // whole bitmap at every probe: 4 concurrent 250 000-row imports ran for over 24 min here.
        let from = """
            FROM mine r JOIN response o ON o.respondent_id = r.respondent_id AND o.batch_id <> \(batch)
            JOIN batch b ON b.id = o.batch_id AND b.replaced_by IS NULL
            """
        let mine =
            "WITH mine AS MATERIALIZED (SELECT respondent_id, row FROM response WHERE batch_id = \(batch) AND respondent_id IS NOT NULL) "
        var count = 0
        for try await n in try await query(PostgresQuery(unsafeSQL: mine + "SELECT count(*) " + from)).decode(Int.self)
        { count = n }
        guard count > 0 else { return ([], 0) }
        var found: [DuplicateRespondent] = []
        let rows = try await query(
            PostgresQuery(
                unsafeSQL: mine + "SELECT r.respondent_id, r.row, b.name, o.row " + from
                    + " ORDER BY r.row, b.id LIMIT \(limit)"))
        for try await (id, row, name, other) in rows.decode((String, Int32, String, Int32).self) {
            found.append(DuplicateRespondent(respondentID: id, row: Int(row), otherBatch: name, otherRow: Int(other)))
        }
        return (found, count)
    }
}

extension Optional {
    func asyncMap<U>(_ transform: (Wrapped) async throws -> U) async rethrows -> U? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}

/// What the batch's row says before its rows are read.
private struct BatchRow: Sendable {
    var name, fileName, sha256, instrumentID, methodVersion: String
    var layout: RecordLayout
}

/// What the batch's row says once its rows are written.
private struct BatchEnd: Sendable {
    var summary: ImportSummary
    var header: [String]
    var rejections: [StoredRejection]
    var syntheticRows: Int
}

/// A piece of a file being read: its rows in COPY text, and the column chunks ended with it.
private struct Piece: Sendable {
    var rows: Int
    var text: ByteBuffer
    var chunks: [GroupedChunk]?
}
