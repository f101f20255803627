/// A growable run of plain values in memory its owner allocates and frees itself.
///
/// Written by hand for the fast path's per-row loops: an `Array` held by a class pays a dynamic
/// exclusivity check and a uniqueness check on every append or store, and reading it from two
/// threads bounces its reference count between the cores; those costs were a third of the fast
/// path's profile. Here an append is a compare and a store, and pointers into the buffer stay valid
/// until it grows or is freed. Copies share the memory: the owner (a class) calls ``deallocate()``
/// exactly once, in its `deinit`.
public struct UnsafeGrowableBuffer<Element: BitwiseCopyable> {
    public private(set) var base: UnsafeMutablePointer<Element>
    public private(set) var count = 0
    private var capacity: Int

    public init(capacity: Int = 16) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    @inline(__always)
    public mutating func append(_ value: Element) {
        if count == capacity { grow(to: count + 1) }
        (base + count).initialize(to: value)
        count += 1
    }

    /// Appends `n` values from `source`.
    @inline(__always)
    public mutating func append(_ source: UnsafePointer<Element>, count n: Int) {
        if count + n > capacity { grow(to: count + n) }
        (base + count).initialize(from: source, count: n)
        count += n
    }

    /// Appends `n` copies of `value`.
    public mutating func append(repeating value: Element, count n: Int) {
        if count + n > capacity { grow(to: count + n) }
        (base + count).initialize(repeating: value, count: n)
        count += n
    }

    /// Room for `n` more values after the last one (not yet counted: see ``commit(_:)``).
    @inline(__always)
    public mutating func tail(_ n: Int) -> UnsafeMutablePointer<Element> {
        if count + n > capacity { grow(to: count + n) }
        return base + count
    }

    /// Counts `n` values written at ``tail(_:)``.
    @inline(__always)
    public mutating func commit(_ n: Int) { count += n }

    @inline(__always)
    public subscript(index: Int) -> Element {
        get { base[index] }
        nonmutating set { base[index] = newValue }
    }

    public var buffer: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }

    private mutating func grow(to needed: Int) {
        let newCapacity = max(needed, capacity * 2)
        let moved = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        moved.moveInitialize(from: base, count: count)
        base.deallocate()
        base = moved
        capacity = newCapacity
    }

    /// Frees the memory; the buffer (and every copy of it) must not be used again.
    public func deallocate() { base.deallocate() }
}
