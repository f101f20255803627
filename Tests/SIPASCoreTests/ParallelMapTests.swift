import Foundation
import Testing

@testable import SIPASCore

/// Work spread over threads: results in index order, errors as one thread would throw them.
struct ParallelMapTests {
    private struct Failure: Error, Equatable { let index: Int }

    /// Which threads ran the calls (their POSIX thread ids).
    private final class Threads: @unchecked Sendable {
        private let condition = NSCondition()
        private var ids: Set<UInt> = []
        func note() {
            condition.lock()
            ids.insert(UInt(pthread_self()))
            condition.broadcast()
            condition.unlock()
        }
        /// Waits until calls have run on `count` threads, or `seconds` have passed.
        func wait(for count: Int, seconds: Double) {
            let deadline = Date(timeIntervalSinceNow: seconds)
            condition.lock()
            while ids.count < count && condition.wait(until: deadline) {}
            condition.unlock()
        }
        var count: Int {
            condition.lock()
            defer { condition.unlock() }
            return ids.count
        }
    }

    @Test(arguments: [1, 2, 3, 8])
    func resultsComeInIndexOrder(threads: Int) throws {
        let squares = try ParallelMap.map(1_000, threads: threads) { $0 * $0 }
        #expect(squares == (0..<1_000).map { $0 * $0 })
    }

    @Test func emptyAndSingleInputs() throws {
        #expect(try ParallelMap.map(0, threads: 4) { $0 }.isEmpty)
        #expect(try ParallelMap.map(1, threads: 4) { $0 + 10 } == [10])
    }

    @Test func theWorkIsSharedWithOtherThreads() throws {
        let threads = Threads()
        // The first call holds its thread until another thread has run a call: only a worker can.
        _ = try ParallelMap.map(64, threads: 2) { i -> Int in
            threads.note()
            if i == 0 { threads.wait(for: 2, seconds: 60) }
            return i
        }
        #expect(threads.count == 2)
    }

    @Test func oneThreadRunsOnTheCaller() throws {
        let threads = Threads()
        _ = try ParallelMap.map(16, threads: 1) { i -> Int in
            threads.note()
            return i
        }
        #expect(threads.count == 1)
    }

    @Test(arguments: [1, 2, 4])
    func theLowestFailingIndexIsThrown(threads: Int) {
        // Index 700 fails fast, index 300 only after a while: a loop on one thread throws 300's.
        #expect(throws: Failure(index: 300)) {
            try ParallelMap.map(1_000, threads: threads) { i -> Int in
                if i == 300 {
                    usleep(20_000)
                    throw Failure(index: i)
                }
                if i == 700 { throw Failure(index: i) }
                return i
            }
        }
    }
}
