import Foundation

/// A growable run of bytes in memory freed by ``deallocate()``: appends are a capacity check and a
/// `memcpy` (not generic code called across modules, nor an array's checks).
struct ByteBuffer {
    private(set) var base: UnsafeMutablePointer<UInt8>
    var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        if count == capacity { grow(to: count + 1) }
        base[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func append(_ source: UnsafePointer<UInt8>, count n: Int) {
        if count + n > capacity { grow(to: count + n) }
        memcpy(base + count, source, n)
        count += n
    }

    var buffer: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        if let source = bytes.baseAddress { append(source, count: bytes.count) }
    }

    private mutating func grow(to needed: Int) {
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: max(needed, capacity * 2))
        memcpy(moved, base, count)
        base.deallocate()
        base = moved
        capacity = max(needed, capacity * 2)
    }

    mutating func removeAll() { count = 0 }

    func deallocate() { base.deallocate() }
}
