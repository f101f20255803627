import SIPASCore
import Testing

@testable import SIPASBlocks

/// Rows added to a batch by other readers (the store) carry the PSU hash the CSV reader gives.
struct FastBlockMakeTests {
    /// The PSU hash of `line`'s fields split at the commas, with `strata` and `cluster` columns.
    static func psuHash(_ line: String, strata: Int?, cluster: Int) -> UInt64 {
        let bytes = Array(line.utf8)
        var starts: [Int32] = [0]
        var ends: [Int32] = []
        for (i, byte) in bytes.enumerated() where byte == UInt8(ascii: ",") {
            ends.append(Int32(i))
            starts.append(Int32(i + 1))
        }
        ends.append(Int32(bytes.count))
        let columns = FastColumns(
            count: starts.count, strata: strata, cluster: cluster, attributes: [], items: [], excluded: [])
        let batch = FastBatch.empty()
        bytes.withUnsafeBufferPointer { b in
            starts.withUnsafeBufferPointer { s in
                ends.withUnsafeBufferPointer { e in
                    [Int32]().withUnsafeBufferPointer { codes in
                        batch.append(
                            bytes: b.baseAddress!, columns: columns, starts: s, ends: e, weight: 1, codes: codes)
                    }
                }
            }
        }
        return batch.psuHashes[0]
    }

    /// Values from Tests/Fixtures/psu-hash/values.txt.
    @Test func theHashIsThePSUHashOfTheStratumAndClusterFields() {
        #expect(Self.psuHash("x,01,00001", strata: 1, cluster: 2) == 0xb0e6_8d70_d1e3_b43a)
        #expect(Self.psuHash("26734,79", strata: 1, cluster: 0) == 0x6f9d_8a0a_93ed_39d4)
        #expect(Self.psuHash("c1,z", strata: nil, cluster: 0) == 0x9076_d218_d429_0cb2)
    }
}
