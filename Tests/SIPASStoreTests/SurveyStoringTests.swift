import Foundation
import SIPASStore
import Testing

/// Store roles and the blocking-work runner of ``SurveyStoring``.
@Suite("Store roles and blocking work")
struct SurveyStoringTests {
    @Test("a team sees its own batches, an analyst every batch; accounts map to their role")
    func roles() {
        let batch = BatchInfo(
            id: 1, name: "n", team: "a", fileName: "f", sha256: "", instrumentID: "i", methodVersion: "1",
            rowsRead: 1, accepted: 1, rejected: 0, loadedAt: "", replacedBy: nil)
        #expect(StoreRole.team("a").sees(batch))
        #expect(!StoreRole.team("b").sees(batch))
        #expect(StoreRole.analyst.sees(batch))
        #expect(WebAccount(name: "x", passwordHash: "", role: .team, team: "a").storeRole == .team("a"))
        #expect(WebAccount(name: "y", passwordHash: "", role: .admin).storeRole == .analyst)
    }

    /// libdispatch's global queue on Linux adds threads slowly past one per core; sixteen calls
    /// that each wait for all the others meet only if each has a thread at once.
    @Test("sixteen blocking calls all run at once, whatever the number of cores")
    func blockingCallsDoNotWaitForCores() async throws {
        let gate = Gate()
        let all = 16
        let met = try await withThrowingTaskGroup(of: Bool.self) { group in
            for _ in 0..<all {
                group.addTask { try await BlockingWork.run { gate.arriveAndWait(for: all, seconds: 3) } }
            }
            var met: [Bool] = []
            for try await value in group { met.append(value) }
            return met
        }
        #expect(met == Array(repeating: true, count: all))
    }
}

/// Blocks each caller until `count` callers have arrived (true) or `seconds` pass (false).
private final class Gate: @unchecked Sendable {
    private let condition = NSCondition()
    private var arrived = 0

    func arriveAndWait(for count: Int, seconds: Double) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        arrived += 1
        condition.broadcast()
        let deadline = Date(timeIntervalSinceNow: seconds)
        while arrived < count {
            if !condition.wait(until: deadline) { return arrived >= count }
        }
        return true
    }
}
