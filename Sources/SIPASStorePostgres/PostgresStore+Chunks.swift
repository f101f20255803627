import Foundation
import PostgresNIO
import SIPASBlocks
import SIPASCore
import SIPASImport
import SIPASStore

extension PostgresStore {
    /// Sends the selected responses (of `year` when given) to `body` as blocks read from their
    /// column chunks (`response_block`), batch by batch in load order, and returns true; returns
    /// false, having sent nothing, unless the chunks the connected role may read hold every accepted
    /// row of every selected batch and each batch was stored with `layout` (a batch loaded before
    /// chunks were written, or a team no longer assigned one of a batch's provinces: then
    /// ``aggregate(_:year:layout:groupAttributes:satisfied:excluded:)`` sums the rows it may read).
    /// - Throws: ``SurveyStore/NeedsRecords`` when a chunk's "don't know" marks are not `excluded`
    ///   (blocks may have been sent: the caller starts again from the rows); what `body` throws.
    /// - Complexity: O(rows) on this side; the server sends each chunk's bytes once.
    package func forEachBlock(
        in selection: SelectionSummary, year: Int?, layout: RecordLayout, excluded: [Set<Int>],
        _ body: (FastBlock) throws -> Void
    ) async throws -> Bool {
        let ids = "{" + selection.batches.map { String($0.id) }.joined(separator: ",") + "}"
        var present = false
        for try await exists in try await query("SELECT to_regclass('response_block') IS NOT NULL").decode(Bool.self) {
            present = exists
        }
        guard present, !selection.batches.isEmpty else { return false }
        let check = """
            SELECT b.items, b.attribute_names, b.accepted,
                   coalesce((SELECT sum(k.row_count) FROM response_block k WHERE k.batch_id = b.id), 0)::bigint
            FROM batch b WHERE b.id = ANY($1::bigint[])
            """
        var complete = 0
        for try await (items, attributes, accepted, chunked) in try await query(
            PostgresQuery(unsafeSQL: check, binds: bindings(ids))
        )
        .decode(([String], [String], Int32, Int64).self) {
            guard items == layout.items, attributes == layout.attributeNames, accepted > 0, Int64(accepted) == chunked
            else { return false }
            complete += 1
        }
        guard complete == selection.batches.count else { return false }
        let reader = ChunkBlockReader(layout: layout, excluded: excluded)
        let sql = "SELECT data FROM response_block WHERE batch_id = ANY($1::bigint[]) ORDER BY batch_id, first_row"
        for try await chunk in try await query(PostgresQuery(unsafeSQL: sql, binds: bindings(ids))).decode(
            ByteBuffer.self)
        {
            try chunk.withUnsafeReadableBytes { try reader.send($0, year: year, body) }
        }
        return true
    }

    private func bindings(_ value: String) -> PostgresBindings {
        var binds = PostgresBindings()
        binds.append(value, context: .default)
        return binds
    }
}
