import SIPASCore

/// Blocks made by readers other than the CSV file's (the survey store), so that rows already
/// checked reach a ``FastSink`` as byte ranges and codes, without a record of strings each.
///
/// Kept apart from the fast reader's files: it only fills the fields a sink reads (``FastBlock``'s
/// bytes, columns and order; a batch's field ranges, weights, codes and PSU hashes).
extension FastColumns {
    /// The memberwise initializer, public (the synthesized one is internal).
    public static func make(count: Int, strata: Int?, cluster: Int, attributes: [Int?], items: [Int?], excluded: [Set<Int>]) -> FastColumns {
        FastColumns(count: count, strata: strata, cluster: cluster, attributes: attributes, items: items, excluded: excluded)
    }
}

extension FastBlock {
    /// A block of `batch`'s rows, all accepted, in their order; `bytes` must outlive the sink's call.
    public init(bytes: UnsafePointer<UInt8>, columns: FastColumns, batch: FastBatch) {
        self.init(bytes: bytes, columns: columns, batches: [batch],
                  order: (0..<Int64(batch.weights.count)).map { $0 }, records: [])
    }
}

extension FastBatch {
    /// An empty batch, filled with ``append(starts:ends:weight:codes:)``.
    public static func empty() -> FastBatch { FastBatch() }

    /// Adds an accepted row: its fields' byte ranges (one per column), weight and item codes
    /// (``blank`` for no answer); its PSU hash is that of the CSV reader's rows, from the
    /// stratum and cluster fields of `columns`.
    public func append(bytes: UnsafePointer<UInt8>, columns: FastColumns, starts: UnsafeBufferPointer<Int32>,
                       ends: UnsafeBufferPointer<Int32>, weight: Double, codes: UnsafeBufferPointer<Int32>) {
        self.starts.append(contentsOf: starts)
        self.ends.append(contentsOf: ends)
        weights.append(weight)
        self.codes.append(contentsOf: codes)
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        if let strata = columns.strata {
            hash = ByteText.fnv(ByteText.Bytes(start: bytes + Int(starts[strata]), count: Int(ends[strata] - starts[strata])), hash)
        }
        hash = (hash ^ 0x1f) &* 0x0000_0100_0000_01b3
        let cluster = columns.cluster
        hash = ByteText.fnv(ByteText.Bytes(start: bytes + Int(starts[cluster]), count: Int(ends[cluster] - starts[cluster])), hash)
        psuHashes.append(hash)
    }
}
