import Foundation

/// Computes `body(i)` for every `i` in `0..<count` on several threads and returns the results
/// in index order.
///
/// The calling thread and `threads − 1` ``WorkerThread``s each take the next index nobody has
/// taken yet. What `body` computes from `i` alone is therefore the same whatever the number of
/// threads. Dispatch's `concurrentPerform` is not used: called from Swift's cooperative pool it ran
/// one index at a time (see ``WorkerThread``).
public enum ParallelMap {
    /// The results of `body` over `0..<count`, in index order.
    ///
    /// `body` runs on several threads at once, so it may only read what the calls share. Once a
    /// call throws, no index not yet taken is started. The error thrown is the one of the lowest
    /// index that threw, as a loop on one thread would throw: every lower index has already been
    /// taken and runs to its end.
    public static func map<T>(_ count: Int, threads: Int, _ body: @escaping (Int) throws -> T) throws -> [T] {
        let helpers = min(max(threads, 1), count) - 1
        guard helpers > 0 else { return try (0..<count).map(body) }
        // `body` escapes into the workers' jobs, which a worker may still hold for a moment after
        // ``WorkerThread/wait()`` (so not `withoutActuallyEscaping`, whose check then traps).
        let shared = Shared(count: count, body: body)
        let workers = (0..<helpers).map { WorkerThread(name: "sipas-parallel-\($0)") }
        for worker in workers { worker.submit { shared.work() } }
        shared.work()
        for worker in workers {
            worker.wait()
            worker.stop()
        }
        return try shared.results()
    }

    /// The indices left, and each one's result once computed, under one lock.
    private final class Shared<T>: @unchecked Sendable {
        private let lock = NSLock()
        private let count: Int
        private let body: (Int) throws -> T
        private var next = 0
        private var failed = false
        private var slots: [Result<T, any Error>?]

        init(count: Int, body: @escaping (Int) throws -> T) {
            self.count = count
            self.body = body
            slots = Array(repeating: nil, count: count)
        }

        /// Computes indices nobody has taken until none is left or one has failed.
        func work() {
            while let i = take() {
                let result = Result { try body(i) }
                lock.lock()
                slots[i] = result
                if case .failure = result { failed = true }
                lock.unlock()
            }
        }

        private func take() -> Int? {
            lock.lock()
            defer { lock.unlock() }
            guard !failed, next < count else { return nil }
            next += 1
            return next - 1
        }

        /// The results in order; the first failure, by index, is thrown.
        func results() throws -> [T] {
            lock.lock()
            defer { lock.unlock() }
            var values: [T] = []
            values.reserveCapacity(count)
            for slot in slots {
                // A slot is empty only after a lower index failed.
                guard let slot else { break }
                values.append(try slot.get())
            }
            return values
        }
    }
}
