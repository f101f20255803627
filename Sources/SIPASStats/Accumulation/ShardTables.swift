import Foundation
import SIPASBlocks

/// An open-addressing table from 64-bit keys to non-negative `Int32` values.
///
/// Hand-written for the per-row lookups of ``FastShard``: `Dictionary` hashes each key with the
/// per-process-seeded SipHash, costly once per row and attribute; a multiplicative
/// (Fibonacci) hash of an integer key is enough here, since the keys are ids and FNV hashes.
struct WordTable {
    private var keys: [UInt64]
    private var values: [Int32]
    private var count = 0
    private var shift: UInt64

    init() {
        keys = Array(repeating: 0, count: 64)
        values = Array(repeating: -1, count: 64)
        shift = 64 - 6
    }

    @inline(__always)
    private func home(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    /// The value of `key`, or -1.
    @inline(__always)
    func value(_ key: UInt64) -> Int32 {
        keys.withUnsafeBufferPointer { k in
            values.withUnsafeBufferPointer { v in
                let mask = k.count - 1
                var i = home(key)
                while v[i] >= 0 {
                    if k[i] == key { return v[i] }
                    i = (i + 1) & mask
                }
                return -1
            }
        }
    }

    /// Sets `key` (not in the table) to `value` (≥ 0).
    mutating func insert(_ key: UInt64, _ value: Int32) {
        if (count + 1) * 2 > keys.count { grow() }
        let mask = keys.count - 1
        var i = home(key)
        while values[i] >= 0 { i = (i + 1) & mask }
        keys[i] = key
        values[i] = value
        count += 1
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        keys = Array(repeating: 0, count: oldKeys.count * 2)
        values = Array(repeating: -1, count: oldKeys.count * 2)
        shift -= 1
        count = 0
        for i in oldKeys.indices where oldValues[i] >= 0 { insert(oldKeys[i], oldValues[i]) }
    }
}

/// Byte strings interned to small ids (their hash, ``FNV1a`` from the caller, then an exact
/// comparison of the bytes), with the last id found kept so that runs of rows with the same value
/// skip the table.
struct ByteInterner {
    private var first = WordTable()
    private var next: [Int32] = []
    private var hashes: [UInt64] = []
    /// Key `k`'s bytes are `bytes[offsets[k]..<offsets[k + 1]]`.
    private var bytes: [UInt8] = []
    private var offsets: [Int] = [0]
    /// Per key: the length of its first part (-1 when it has one part), so that ("a\u{1F}", "b")
    /// and ("a", "\u{1F}b"), whose bytes are the same, stay two keys.
    private var splits: [Int] = []
    private var last: Int32 = -1

    var count: Int { next.count }

    /// The bytes of key `id`.
    func key(_ id: Int32) -> ArraySlice<UInt8> { bytes[offsets[Int(id)]..<offsets[Int(id) + 1]] }

    /// The id of the bytes `a` (followed by 0x1F and `b` when given); `isNew` for a first sighting.
    @inline(__always)
    mutating func id(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>? = nil, hash: UInt64) -> (
        id: Int32, isNew: Bool
    ) {
        if last >= 0, hashes[Int(last)] == hash, matches(last, a, b) { return (last, false) }
        var candidate = first.value(hash)
        while candidate >= 0 {
            if hashes[Int(candidate)] == hash, matches(candidate, a, b) {
                last = candidate
                return (candidate, false)
            }
            candidate = next[Int(candidate)]
        }
        let id = Int32(next.count)
        bytes.append(contentsOf: a)
        if let b {
            bytes.append(0x1f)
            bytes.append(contentsOf: b)
        }
        offsets.append(bytes.count)
        splits.append(b == nil ? -1 : a.count)
        hashes.append(hash)
        let head = first.value(hash)
        if head >= 0 {
            // Chain behind the existing head (rare: two keys with one 64-bit hash).
            next.append(next[Int(head)])
            next[Int(head)] = id
        } else {
            next.append(-1)
            first.insert(hash, id)
        }
        last = id
        return (id, true)
    }

    @inline(__always)
    private func matches(_ id: Int32, _ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>?) -> Bool {
        let start = offsets[Int(id)]
        let end = offsets[Int(id) + 1]
        guard end - start == a.count + (b.map { $0.count + 1 } ?? 0), splits[Int(id)] == (b == nil ? -1 : a.count)
        else { return false }
        return bytes.withUnsafeBufferPointer { key in
            if a.count > 0, memcmp(key.baseAddress! + start, a.baseAddress!, a.count) != 0 { return false }
            guard let b else { return true }
            guard key[start + a.count] == 0x1f else { return false }
            return b.count == 0 || memcmp(key.baseAddress! + start + a.count + 1, b.baseAddress!, b.count) == 0
        }
    }
}
