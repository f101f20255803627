/// The hash of a primary sampling unit and the shard it goes to, shared by the fast CSV reader, the
/// store reader, the full importer's records and the accumulators, so that every row of a PSU lands
/// in the same shard whichever path read it.
///
/// The hash is ``FNV1a`` of the stratum's UTF-8 bytes, the byte 0x1F (unit separator, so that
/// ("a", "bc") and ("ab", "c") differ) and the cluster's bytes; a design without strata hashes an
/// empty stratum.
public enum PSUHash {
    /// The byte between the stratum and the cluster.
    public static let separator: UInt8 = 0x1f

    /// The PSU hash of the stratum bytes (nil: no strata, as empty) and cluster bytes.
    @inlinable @inline(__always)
    public static func hash(stratum: UnsafeBufferPointer<UInt8>?, cluster: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h = FNV1a.offsetBasis
        if let stratum { h = FNV1a.hash(stratum, continuing: h) }
        h = FNV1a.hash(byte: separator, continuing: h)
        return FNV1a.hash(cluster, continuing: h)
    }

    /// The PSU hash of a stratum and a cluster label.
    @inlinable
    public static func hash(stratum: String, cluster: String) -> UInt64 {
        let h = FNV1a.hash(byte: separator, continuing: FNV1a.hash(stratum.utf8))
        return FNV1a.hash(cluster.utf8, continuing: h)
    }

    /// The shard (0..<count) of a PSU hash: the hash mixed by a multiply by 2⁶⁴/φ (Fibonacci
    /// hashing, since FNV-1a's top bits alone spread PSUs unevenly), its top 32 bits scaled to
    /// `count` by a multiply and shift (no division per row). `count` is between 1 and 2³².
    @inlinable @inline(__always)
    public static func shard(of hash: UInt64, among count: Int) -> Int {
        Int((((hash &* 0x9E37_79B9_7F4A_7C15) >> 32) &* UInt64(count)) >> 32)
    }
}
