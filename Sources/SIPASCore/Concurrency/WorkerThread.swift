import Foundation

/// A thread of its own that runs the jobs handed to it one after another, in order.
///
/// Written for the fast path instead of using Dispatch: an analysis runs inside Swift's
/// cooperative thread pool, and Dispatch counts those threads against its global queue's width
/// (the active processors), so `concurrentPerform` and `async` work started from there found no
/// free worker and ran one piece at a time (1.09 CPUs busy with 2 threads asked for). Threads of
/// their own are scheduled by the kernel like any other. No package the project may use offers a
/// plain dedicated worker thread (NIO's thread pool would pull the event-loop stack into the core).
public final class WorkerThread: @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [@Sendable () -> Void] = []
    private var busy = false
    private var stopped = false

    public init(name: String) {
        let thread = Thread { self.loop() }
        thread.name = name
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Runs `job` on this thread after the jobs handed over before it.
    public func submit(_ job: @escaping @Sendable () -> Void) {
        condition.lock()
        jobs.append(job)
        condition.broadcast()
        condition.unlock()
    }

    /// Waits until every job handed over so far has run.
    public func wait() {
        condition.lock()
        while !jobs.isEmpty || busy { condition.wait() }
        condition.unlock()
    }

    /// Lets the thread end once its jobs have run (it holds this object until then).
    public func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }

    private func loop() {
        while true {
            condition.lock()
            while jobs.isEmpty && !stopped { condition.wait() }
            if jobs.isEmpty {
                condition.unlock()
                return
            }
            let job = jobs.removeFirst()
            busy = true
            condition.unlock()
            job()
            condition.lock()
            busy = false
            condition.broadcast()
            condition.unlock()
        }
    }
}
