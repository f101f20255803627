import SIPASCore

/// Filling accumulators on several threads with results identical, bit for bit, to one thread.
///
/// Floating-point addition is not associative, so a PSU's sums must be formed from its rows in one
/// order. Records are therefore routed by PSU: every record of a PSU goes to the same shard, in input
/// order, and shards hold disjoint PSUs, which ``SurveyAccumulator/merge(_:)`` joins without adding
/// any two floating-point sums. Every later sum runs over PSUs in sorted order (``SortedTotals``).
/// The same holds for bootstrap replicates (drawn per sorted PSU); replicate weights supplied with
/// the data are summed per domain, so their SEs may differ in the last bits between thread counts.
extension SurveyAccumulator {
    /// The shard (0..<count) of a record: ``PSUHash/shard(of:among:)`` of its stratum and PSU
    /// labels' ``PSUHash``, the same on every machine and run and the same as the fast path's.
    public static func shard(of record: ResponseRecord, count: Int) -> Int {
        precondition(count > 0, "shard(of:count:) needs count > 0")
        return PSUHash.shard(of: PSUHash.hash(stratum: record.stratum, cluster: record.cluster), among: count)
    }

    /// Accumulates `records` on `threads` threads (routed by ``shard(of:count:)``) and merges the shards.
    /// - Throws: the first error any record raised (``StatsError/invalidWeight(_:)`` …).
    public static func accumulate(_ records: [ResponseRecord], plan: AnalysisPlan, threads: Int) throws
        -> SurveyAccumulator
    {
        let count = max(threads, 1)
        var routing = [[Int]](repeating: [], count: count)
        for (i, record) in records.enumerated() { routing[shard(of: record, count: count)].append(i) }
        let shards = try ParallelMap.map(count, threads: count) { shard in
            var accumulator = SurveyAccumulator(plan: plan)
            for i in routing[shard] { try accumulator.add(records[i]) }
            return accumulator
        }
        var merged = SurveyAccumulator(plan: plan)
        for shard in shards { merged.merge(shard) }
        return merged
    }
}
