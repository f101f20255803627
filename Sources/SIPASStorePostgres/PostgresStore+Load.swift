import Foundation
import PostgresNIO
import SIPASStore

extension PostgresStore {
    /// Writes a prepared batch in one transaction, as the connected role (its team).
    ///
    /// Same rules as ``SurveyStore/load(_:replace:maxDuplicatesReported:)``, per team: the same
    /// file is a no-op, a batch name needs `replace` to be loaded again. Rows of a province the
    /// team is not assigned are refused by the server's row-level security
    /// (``StoreError/Kind/refused(reason:)``), and nothing of the batch is written.
    /// - Complexity: O(rows), sent in chunks of `chunk` rows.
    ///
    /// The load runs in a task of its own, watched: postgres-nio 1.33 was seen (under load) never
    /// failing the query whose backend the server had terminated while it waited for a lock, and
    /// the command hung instead of reporting the lost connection. When the connection closes under
    /// a load that has not ended 2 s later, it ends with ``StoreError/Kind/connectionLost(reason:)``.
    public func load(_ batch: PreparedBatch, replace: Bool = false, chunk: Int = 2000) async throws -> LoadOutcome {
        let location = self.location
        return try await withCheckedThrowingContinuation {
            (continuation: CheckedContinuation<LoadOutcome, any Error>) in
            let once = ResumeOnce(continuation)
            let task = Task {
                do {
                    once.resume(.success(try await self.write(batch, replace: replace, chunk: chunk)))
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

    private func write(_ batch: PreparedBatch, replace: Bool, chunk: Int) async throws -> LoadOutcome {
        try await transaction {
            try await query("SELECT pg_advisory_xact_lock(hashtext(current_user::text))")
            if let same = try await batches(
                where: "sha256 = $1 AND replaced_by IS NULL AND team = current_user", [batch.sha256]
            ).first {
                return .alreadyLoaded(same)
            }
            let old = try await batches(
                where: "name = $1 AND replaced_by IS NULL AND team = current_user", [batch.name]
            ).first
            if let old {
                guard replace else {
                    throw StoreError(.batchExists(name: batch.name, sha256: old.sha256), store: location)
                }
                try await query("UPDATE batch SET replaced_by = id WHERE id = \(old.id)")
            }
            let s = batch.summary
            let stamp = ISO8601DateFormatter().string(from: Date())
            let inserted = try await query(
                """
                INSERT INTO batch (name, file_name, sha256, instrument_id, method_version, items, attribute_names, header,
                                   rows_read, accepted, rejected, loaded_at, synthetic_rows)
                VALUES (\(batch.name), \(batch.fileName), \(batch.sha256), \(batch.instrumentID), \(batch.methodVersion),
                        \(batch.layout.items), \(batch.layout.attributeNames), \(batch.header), \(s.rowsRead), \(s.accepted),
                        \(s.rejected), \(stamp), \(Int32(batch.provenance.syntheticRows))) RETURNING id
                """)
            var id: Int64 = 0
            for try await value in inserted.decode(Int64.self) { id = value }
            if let old { try await query("UPDATE batch SET replaced_by = \(id) WHERE id = \(old.id)") }
            let provinces =
                batch.provinceAttribute.map { p in batch.encoded.all.map { $0.attributeValues[p] } }
                ?? [String](repeating: "", count: batch.encoded.count)
            var start = 0
            while start < batch.encoded.count {
                let rows = start..<min(start + chunk, batch.encoded.count)
                try await insert(
                    batch.encoded.slice(rows)[...], provinces: provinces[rows], items: batch.layout.items.count,
                    batch: id)
                start += chunk
            }
            // Chunks only when every row fits one: a reader takes them only when they hold all accepted rows.
            for block in batch.columnChunks(groups: provinces) ?? [] {
                try await query(
                    """
                    INSERT INTO response_block (batch_id, first_row, row_count, province, data)
                    VALUES (\(id), \(Int32(block.firstRow)), \(Int32(block.rows)), NULLIF(\(block.group), ''), \(ByteBuffer(bytes: block.data)))
                    """)
            }
            for piece in stride(from: 0, to: batch.rejections.count, by: chunk) {
                let rows = batch.rejections[piece..<min(piece + chunk, batch.rejections.count)]
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
            return .loaded(info, replaced: replaced, duplicates: duplicates, duplicateCount: count)
        }
    }

    /// Inserts `rows`, each with its `items` answers also as the `codes` and `excluded` columns the
    /// server's sums read, and its attributes as an array of the values (``StoredRowCodec``).
    private func insert(_ rows: ArraySlice<StoredResponse>, provinces: ArraySlice<String>, items: Int, batch: Int64)
        async throws
    {
        var codes: [String] = []
        var excluded: [String] = []
        codes.reserveCapacity(rows.count)
        excluded.reserveCapacity(rows.count)
        for r in rows {
            guard let columns = StoredRowCodec.codesAndMarks(answers: r.answers, count: items) else {
                throw StoreError(
                    .corruptRow(batch: batch, row: r.row, attributes: nil, answers: items), store: location)
            }
            codes.append(columns.codes)
            excluded.append(columns.excluded)
        }
        try await query(
            """
            INSERT INTO response (batch_id, row, province, respondent_id, year, weight, stratum, cluster, population_psus,
                                  attributes, answers, codes, excluded)
            SELECT \(batch), r, NULLIF(p, ''), NULLIF(rid, ''), NULLIF(y, '')::integer, w, s, c, NULLIF(f, '')::double precision,
                   \(unescaped: StoredRowCodec.postgresValues(of: "a")), ans, string_to_array(cd, ',', '')::integer[], string_to_array(ex, ',')::integer[]
            FROM unnest(\(rows.map { Int32($0.row) }), \(Array(provinces)),
                        \(rows.map { $0.respondentID ?? "" }), \(rows.map { $0.year.map(String.init) ?? "" }), \(rows.map(\.weight)),
                        \(rows.map(\.stratum)), \(rows.map(\.cluster)), \(rows.map { $0.populationPSUs.map { String($0) } ?? "" }),
                        \(rows.map(\.attributes)), \(rows.map(\.answers)), \(codes), \(excluded))
                 AS t(r, p, rid, y, w, s, c, f, a, ans, cd, ex)
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
