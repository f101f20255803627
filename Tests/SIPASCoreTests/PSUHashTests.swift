import Testing

@testable import SIPASCore

/// PSU hashes and shards pinned to values computed by Tests/Fixtures/psu-hash/psu_hash.py.
struct PSUHashTests {
    /// (stratum, cluster, hash, shards among 2, 3, 4 and 7), from Tests/Fixtures/psu-hash/values.txt.
    static let pinned: [(String, String, UInt64, [Int])] = [
        ("01", "00001", 0xb0e6_8d70_d1e3_b43a, [1, 2, 3, 6]),
        ("01", "00004", 0xb0e6_8a70_d1e3_af21, [0, 1, 1, 3]),
        ("79", "26734", 0x6f9d_8a0a_93ed_39d4, [1, 2, 3, 6]),
        ("", "c1", 0x9076_d218_d429_0cb2, [1, 2, 3, 5]),
        ("Hà Nội", "Phường 1", 0x0db3_8d66_00b7_c38a, [0, 0, 0, 0]),
    ]

    @Test func hashesAndShardsArePinned() {
        for (stratum, cluster, hash, shards) in Self.pinned {
            #expect(PSUHash.hash(stratum: stratum, cluster: cluster) == hash, "\(stratum) \(cluster)")
            #expect([2, 3, 4, 7].map { PSUHash.shard(of: hash, among: $0) } == shards, "\(stratum) \(cluster)")
        }
    }

    @Test func theByteFormMatchesTheStringForm() {
        for (stratum, cluster, hash, _) in Self.pinned {
            let bytes = Array(stratum.utf8)
            let clusterBytes = Array(cluster.utf8)
            let fromBytes = bytes.withUnsafeBufferPointer { s in
                clusterBytes.withUnsafeBufferPointer { c in PSUHash.hash(stratum: stratum.isEmpty ? nil : s, cluster: c)
                }
            }
            #expect(fromBytes == hash, "\(stratum) \(cluster)")
        }
    }

    @Test func theSeparatorKeepsSplitsApart() {
        #expect(PSUHash.hash(stratum: "a", cluster: "bc") != PSUHash.hash(stratum: "ab", cluster: "c"))
    }

    @Test func oneShardTakesEverything() {
        for (_, _, hash, _) in Self.pinned { #expect(PSUHash.shard(of: hash, among: 1) == 0) }
    }
}
