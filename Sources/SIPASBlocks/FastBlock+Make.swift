import SIPASCore

/// Blocks made by readers other than the CSV file's (the survey store), so that rows already
/// checked reach a ``FastSink`` as byte ranges and codes, without a record of strings each.
extension FastBlock {
    /// A block of `batch`'s rows, all accepted, in their order, at the row numbers `rows`; the
    /// block keeps a copy of `bytes` (a sink may read it after its call returns: ``FastSink``).
    package init(copying bytes: UnsafeBufferPointer<UInt8>, columns: FastColumns, batch: FastBatch, rows: [Int]) {
        precondition(rows.count == batch.weights.count, "FastBlock: one row number per row")
        let storage = BlockBytes(capacity: bytes.count)
        storage.append(bytes)
        self.init(
            storage: storage, columns: columns, batches: [batch],
            order: (0..<Int64(batch.weights.count)).map { $0 }, rows: rows, records: [])
    }
}

extension FastBatch {
    /// An empty batch, filled with ``append(bytes:columns:starts:ends:weight:codes:)``.
    package static func empty() -> FastBatch { FastBatch(rows: 1 << 10, columns: 1, items: 1) }

    /// Adds an accepted row: its fields' byte ranges (one per column), weight and item codes
    /// (``blank`` for no answer); its PSU hash is that of the CSV reader's rows, from the
    /// stratum and cluster fields of `columns`.
    package func append(
        bytes: UnsafePointer<UInt8>, columns: FastColumns, starts: UnsafeBufferPointer<Int32>,
        ends: UnsafeBufferPointer<Int32>, weight: Double, codes: UnsafeBufferPointer<Int32>
    ) {
        appendRow(
            starts: starts, ends: ends, weight: weight, codes: codes,
            psuHash: Self.psuHash(bytes, columns, starts.baseAddress!, ends.baseAddress!))
    }

    /// ``PSUHash`` of the stratum and cluster fields, as the CSV reader computes it.
    static func psuHash(
        _ bytes: UnsafePointer<UInt8>, _ columns: FastColumns, _ starts: UnsafePointer<Int32>,
        _ ends: UnsafePointer<Int32>
    ) -> UInt64 {
        let stratum = columns.strata.map {
            UnsafeBufferPointer(start: bytes + Int(starts[$0]), count: Int(ends[$0] - starts[$0]))
        }
        let cluster = columns.cluster
        return PSUHash.hash(
            stratum: stratum,
            cluster: UnsafeBufferPointer(
                start: bytes + Int(starts[cluster]), count: Int(ends[cluster] - starts[cluster])))
    }
}
