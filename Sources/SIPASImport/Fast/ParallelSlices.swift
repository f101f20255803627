import Foundation
import SIPASBlocks
import SIPASCore

/// Decodes the slices of a block on several threads: the calling thread and the reader's
/// ``WorkerThread``s each take the next slice left until none is. Jobs the sink hands over for the
/// block before (``FastHelpers``) join the same threads and are taken before the slices left: the
/// sink's work and the decoding then share the reader's threads instead of more threads competing
/// with them for the cores.
enum ParallelSlices {
    fileprivate struct Shared: @unchecked Sendable {
        let base: UnsafePointer<UInt8>
        let bounds: [Int]
        let quotes: Bool
        let spanning: Bool
        let rules: FastRules
        let results: Results
    }

    fileprivate final class Results: @unchecked Sendable {
        var batches: [FastBatch?]
        let lock = NSLock()
        private var taken = 0
        private var jobs: [@Sendable () -> Void] = []
        init(_ n: Int) { batches = Array(repeating: nil, count: n) }
        func set(_ i: Int, _ batch: FastBatch) {
            lock.lock()
            batches[i] = batch
            lock.unlock()
        }
        func add(_ more: [@Sendable () -> Void]) {
            lock.lock()
            jobs += more
            lock.unlock()
        }

        enum Work {
            case job(@Sendable () -> Void)
            case slice(Int)
        }

        /// A job not yet taken, else a slice not yet taken, else nil.
        func next(of n: Int) -> Work? {
            lock.lock()
            defer { lock.unlock() }
            if !jobs.isEmpty { return .job(jobs.removeLast()) }
            guard taken < n else { return nil }
            taken += 1
            return .slice(taken - 1)
        }
    }

    /// Slices being decoded by the workers; ``finish()`` helps with the slices and jobs left,
    /// then waits.
    struct Decoding: Sendable {
        fileprivate let shared: Shared
        fileprivate let helpers: ArraySlice<WorkerThread>

        /// Runs `jobs` on the threads decoding the block, before ``finish()`` returns.
        func run(_ jobs: [@Sendable () -> Void]) {
            shared.results.add(jobs)
            // A worker that found nothing left has gone back to waiting: each is asked again.
            for worker in helpers.prefix(jobs.count) {
                let shared = shared
                worker.submit { shared.work() }
            }
        }

        func finish() -> [FastBatch] {
            shared.work()
            for worker in helpers { worker.wait() }
            return shared.results.batches.map { $0! }
        }
    }

    /// Starts decoding the slices `bounds` of `base` on `workers` (`quotes`: whether the bytes may
    /// hold a quote; `spanning`: whether a record may span lines, ``FastBatch/decode``).
    static func start(
        bounds: [Int], base: UnsafePointer<UInt8>, quotes: Bool, spanning: Bool, rules: FastRules,
        workers: [WorkerThread]
    ) -> Decoding {
        let n = bounds.count - 1
        let shared = Shared(
            base: base, bounds: bounds, quotes: quotes, spanning: spanning, rules: rules, results: Results(n))
        let helpers = workers.prefix(n)
        for worker in helpers { worker.submit { shared.work() } }
        return Decoding(shared: shared, helpers: helpers)
    }
}

extension ParallelSlices.Shared {
    /// Runs the next job or decodes the next slice nobody has taken, until none is left.
    func work() {
        while let next = results.next(of: bounds.count - 1) {
            switch next {
            case .job(let job): job()
            case .slice(let i):
                results.set(
                    i,
                    FastBatch.decode(
                        base, from: bounds[i], to: bounds[i + 1], quotes: quotes, spanning: spanning, rules: rules))
            }
        }
    }
}
