import Testing

@testable import SIPASBlocks

/// The fast path's hand-managed buffers keep every value through growth.
struct UnsafeGrowableBufferTests {
    @Test func appendsSurviveGrowthInEveryForm() {
        var buffer = UnsafeGrowableBuffer<Int32>(capacity: 1)
        defer { buffer.deallocate() }
        var expected: [Int32] = []
        for i in 0..<1000 {
            switch i % 4 {
            case 0:
                buffer.append(Int32(i))
                expected.append(Int32(i))
            case 1:
                let run: [Int32] = [Int32(i), -Int32(i), 7]
                run.withUnsafeBufferPointer { buffer.append($0.baseAddress!, count: 3) }
                expected += run
            case 2:
                buffer.append(repeating: Int32(i), count: i % 7)
                expected += Array(repeating: Int32(i), count: i % 7)
            default:
                // Written at the tail, counted only when committed.
                let tail = buffer.tail(5)
                for k in 0..<5 { tail[k] = Int32(i * 10 + k) }
                if i % 8 == 3 {
                    buffer.commit(5)
                    expected += (0..<5).map { Int32(i * 10 + $0) }
                }
            }
        }
        #expect(buffer.count == expected.count)
        #expect(Array(buffer.buffer) == expected)
        buffer[3] = 42
        #expect(buffer[3] == 42)
    }

    #if DEBUG
        /// Indexing is checked in debug builds: reading past the count stops the process.
        @Test func anIndexPastTheCountStopsADebugBuild() async {
            await #expect(processExitsWith: .failure) {
                var buffer = UnsafeGrowableBuffer<Int32>(capacity: 4)
                buffer.append(1)
                _ = buffer[1]
            }
            await #expect(processExitsWith: .success) {
                var buffer = UnsafeGrowableBuffer<Int32>(capacity: 4)
                buffer.append(1)
                _ = buffer[0]
            }
        }
    #endif
}
