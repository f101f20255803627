/// A growable run of plain values in memory its owner allocates and frees itself.
///
/// Written by hand for the fast path's per-row loops: an `Array` held by a class pays a dynamic
/// exclusivity check and a uniqueness check on every append or store, and reading it from two
/// threads bounces its reference count between the cores, in loops that run per row and per
/// field. Here an append is a compare and a store, and pointers into the buffer stay valid
/// until it grows or is freed. Copies share the memory: the owner (a class) calls ``deallocate()``
/// exactly once, in its `deinit`. Indexing is bounds-checked in debug builds (`assert`), not in
/// release builds.
///
/// The type is `public` and its members `package`: Swift 6.3 neither inlines nor specialises the
/// `@inlinable` members of a `package` type in other modules, so the per-row loops of SIPASImport
/// and SIPASStats called them unspecialised, through value witnesses. SIPASBlocks is in no
/// product, so the name is not API; the members stay inside the package.
public struct UnsafeGrowableBuffer<Element: BitwiseCopyable> {
    // Settable inside the package only; `@usableFromInline` so that the inlinable members below
    // may use them.
    @usableFromInline package var base: UnsafeMutablePointer<Element>
    @usableFromInline package var count = 0
    @usableFromInline package var capacity: Int

    package init(capacity: Int = 16) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    @inlinable @inline(__always)
    package mutating func append(_ value: Element) {
        if count == capacity { grow(to: count + 1) }
        (base + count).initialize(to: value)
        count += 1
    }

    /// Appends `n` values from `source`.
    @inlinable @inline(__always)
    package mutating func append(_ source: UnsafePointer<Element>, count n: Int) {
        if count + n > capacity { grow(to: count + n) }
        (base + count).initialize(from: source, count: n)
        count += n
    }

    /// Appends `n` copies of `value`.
    package mutating func append(repeating value: Element, count n: Int) {
        if count + n > capacity { grow(to: count + n) }
        (base + count).initialize(repeating: value, count: n)
        count += n
    }

    /// Room for `n` more values after the last one (not yet counted: see ``commit(_:)``).
    @inlinable @inline(__always)
    package mutating func tail(_ n: Int) -> UnsafeMutablePointer<Element> {
        if count + n > capacity { grow(to: count + n) }
        return base + count
    }

    /// Counts `n` values written at ``tail(_:)``.
    @inlinable @inline(__always)
    package mutating func commit(_ n: Int) { count += n }

    @inlinable @inline(__always)
    package subscript(index: Int) -> Element {
        get {
            assert(index >= 0 && index < count, "UnsafeGrowableBuffer: index \(index) outside 0..<\(count)")
            return base[index]
        }
        nonmutating set {
            assert(index >= 0 && index < count, "UnsafeGrowableBuffer: index \(index) outside 0..<\(count)")
            base[index] = newValue
        }
    }

    package var buffer: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }

    /// Empties the buffer, keeping (at least `capacity`) memory for reuse.
    package mutating func removeAll(keepingCapacity minimum: Int) {
        count = 0
        if capacity < minimum { grow(to: minimum) }
    }

    @usableFromInline
    package mutating func grow(to needed: Int) {
        let newCapacity = max(needed, capacity * 2)
        let moved = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        moved.moveInitialize(from: base, count: count)
        base.deallocate()
        base = moved
        capacity = newCapacity
    }

    /// Frees the memory; the buffer (and every copy of it) must not be used again.
    package func deallocate() { base.deallocate() }
}
