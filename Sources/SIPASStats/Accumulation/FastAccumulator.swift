import Dispatch
import Foundation
import SIPASBlocks
import SIPASCore

/// The fast importer's sink: per-PSU sums filled from raw row bytes, in parallel shards, then
/// turned into a ``SurveyAccumulator`` equal, bit for bit, to the one ``SurveyAccumulator/add(_:)``
/// builds from the same rows.
///
/// As in ``SurveyAccumulator/accumulate(_:plan:threads:)``, every row of a PSU goes to the same
/// shard (FNV-1a of its stratum and cluster), which adds its contribution to that PSU's sums in
/// input order with the arithmetic of ``SurveyAccumulator/add(_:)``; shards hold disjoint PSUs, so
/// no two sums are ever added and the result does not depend on the number of threads. Stratum,
/// cluster and attribute values are interned from their bytes (no `String` per row).
///
/// Only for plans without calibration and designs without fpc, second stage or replicate weights
/// (``supports(_:)``).
public final class FastAccumulator: FastSink {
    public let plan: AnalysisPlan
    private let shards: [FastShard]
    private var records = 0
    private var weightSum = 0.0
    /// One thread per shard when there are several (``WorkerThread``), each adding its shard's
    /// rows block after block.
    private let workers: [WorkerThread]

    public init(plan: AnalysisPlan, threads: Int) {
        self.plan = plan
        shards = (0..<max(threads, 1)).map { _ in FastShard(plan: plan) }
        workers = threads > 1 ? shards.indices.map { WorkerThread(name: "sipas-shard-\($0)") } : []
    }

    deinit { for worker in workers { worker.stop() } }

    /// Whether the fast sums cover `plan` for `instrument`'s design.
    public static func supports(_ plan: AnalysisPlan, design: SurveyDesignColumns) -> Bool {
        plan.calibrationAttributes.isEmpty && plan.replicateSettings == nil && !design.hasFPC && !design.hasSecondStage
            && !design.hasReplicates
    }

    public func take(_ record: ResponseRecord) throws {
        wait()
        guard record.weight.isFinite, record.weight > 0 else {
            throw StatsError.invalidWeight("\(record.location): \(record.weight)")
        }
        records += 1
        weightSum += record.weight
        let hash = FastShard.hash(record)
        shards[PSUHash.shard(of: hash, among: shards.count)].add(record)
    }

    /// The columns of the attributes the shards read (breakdowns, unit, year); the strata and
    /// cluster are kept by the reader.
    package func columnsRead(of columns: FastColumns) -> Set<Int>? {
        Set(ShardState.neededAttributes(of: plan).compactMap { columns.attributes[$0] })
    }

    /// Adds the block's rows. With several shards they are added on other threads while this one
    /// returns to read the next block (the block stays alive in the work handed to them); the
    /// next call waits for them first, so every PSU's rows are still added in input order.
    package func take(_ block: FastBlock) throws {
        let work = try prepare(block)
        if shards.count == 1 {
            work.shards[0].add(work.block, hashes: work.hashes, shard: 0, of: 1)
        } else {
            for s in shards.indices { workers[s].submit { work.add(s) } }
        }
    }

    /// Adds the block's rows on the reader's threads, which run the shards' work among the slices
    /// of the next block (one pool of threads as many as asked for, instead of the reader's and
    /// the shards' competing for the cores).
    package func take(_ block: FastBlock, helpers: FastHelpers) throws {
        let work = try prepare(block)
        guard shards.count > 1 else { return work.add(0) }
        helpers.run(shards.indices.map { s in { work.add(s) } })
    }

    /// Counts the block's rows and weights in input order and hashes its full importer's records
    /// to their shards, after waiting for the shards still adding the block before.
    private func prepare(_ block: FastBlock) throws -> ShardWork {
        wait()
        PhaseTrace.mark("block to the shards (\(block.order.count) rows)")
        var recordHashes: [UInt64] = []
        recordHashes.reserveCapacity(block.records.count)
        for record in block.records {
            guard record.weight.isFinite, record.weight > 0 else {
                throw StatsError.invalidWeight("\(record.location): \(record.weight)")
            }
            recordHashes.append(FastShard.hash(record))
        }
        // In input order, as the slow path adds them.
        let weights = block.batches.map(\.weights)
        for entry in block.order {
            records += 1
            weightSum +=
                entry >= 0 ? weights[Int(entry >> 32)][Int(entry & 0xFFFF_FFFF)] : block.records[Int(~entry)].weight
        }
        return ShardWork(block: block, hashes: recordHashes, shards: shards)
    }

    /// Waits for the shards still adding the last block.
    private func wait() {
        for worker in workers { worker.wait() }
    }

    /// The accumulator the slow path would have built from the same rows.
    public func finish() -> SurveyAccumulator {
        wait()
        var accumulator = SurveyAccumulator(plan: plan)
        for shard in shards { shard.export(into: &accumulator) }
        accumulator.records = records
        accumulator.weightSum = weightSum
        return accumulator
    }
}

/// Which optional design columns an instrument has (the fast sums support none of them).
public struct SurveyDesignColumns: Sendable {
    public var hasFPC: Bool, hasSecondStage: Bool, hasReplicates: Bool
    public init(hasFPC: Bool, hasSecondStage: Bool, hasReplicates: Bool) {
        self.hasFPC = hasFPC
        self.hasSecondStage = hasSecondStage
        self.hasReplicates = hasReplicates
    }
}

private struct ShardWork: @unchecked Sendable {
    let block: FastBlock
    let hashes: [UInt64]
    let shards: [FastShard]

    /// Adds the block's rows of shard `s`.
    func add(_ s: Int) {
        shards[s].add(block, hashes: hashes, shard: s, of: shards.count)
        if shards.count > 1 { PhaseTrace.mark("shard \(s): block added") }
    }
}
