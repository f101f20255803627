/// 64-bit FNV-1a (Fowler–Noll–Vo; offset basis 14695981039346656037, prime 2⁴⁰ + 2⁸ + 0xb3): for
/// each byte, `hash = (hash ^ byte) × prime` modulo 2⁶⁴. The one copy that every module uses, for
/// PSU shard keys (``PSUHash``), respondent ids, interned values and cache file names.
///
/// Chosen over Swift's `Hasher` because that is seeded per process: these hashes must be the same
/// on every machine and run. `@inlinable` so the per-row callers in other modules inline it.
public enum FNV1a {
    /// The hash of no bytes.
    public static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    public static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// The hash of `bytes` appended to the bytes whose hash is `hash`.
    @inlinable @inline(__always)
    public static func hash(_ bytes: UnsafeBufferPointer<UInt8>, continuing hash: UInt64 = offsetBasis) -> UInt64 {
        var h = hash
        for byte in bytes { h = (h ^ UInt64(byte)) &* prime }
        return h
    }

    /// The hash of one byte appended to the bytes whose hash is `hash`.
    @inlinable @inline(__always)
    public static func hash(byte: UInt8, continuing hash: UInt64) -> UInt64 {
        (hash ^ UInt64(byte)) &* prime
    }

    /// The hash of `bytes` (an array, a slice, a string's UTF-8 view) appended to the bytes whose hash is `hash`.
    @inlinable
    public static func hash<Bytes: Sequence>(_ bytes: Bytes, continuing hash: UInt64 = offsetBasis) -> UInt64
    where Bytes.Element == UInt8 {
        var h = hash
        for byte in bytes { h = (h ^ UInt64(byte)) &* prime }
        return h
    }
}
