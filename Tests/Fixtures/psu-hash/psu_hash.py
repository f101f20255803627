#!/usr/bin/env python3
"""Reference values for Tests/SIPASCoreTests/FNV1aTests.swift, PSUHashTests.swift and
Tests/SIPASImportTests/RespondentRegistryTests.swift, computed from the definitions:
64-bit FNV-1a of stratum UTF-8 + 0x1F + cluster UTF-8, and the shard
((hash * 0x9E3779B97F4A7C15 mod 2^64) >> 32) * count >> 32."""
M = (1 << 64) - 1

def fnv1a(data: bytes, h: int = 0xcbf29ce484222325) -> int:
    for b in data:
        h = ((h ^ b) * 0x100000001b3) & M
    return h

def psu_hash(stratum: str, cluster: str) -> int:
    return fnv1a(stratum.encode() + b"\x1f" + cluster.encode())

def shard(h: int, count: int) -> int:
    return ((((h * 0x9E3779B97F4A7C15) & M) >> 32) * count) >> 32

for s in ["", "a", "foobar"]:
    print(f'fnv1a("{s}") = 0x{fnv1a(s.encode()):016x}')
for stratum, cluster in [("01", "00001"), ("01", "00004"), ("79", "26734"), ("", "c1"), ("Hà Nội", "Phường 1")]:
    h = psu_hash(stratum, cluster)
    print(f'("{stratum}", "{cluster}") hash 0x{h:016x} shards 2,3,4,7: {[shard(h, c) for c in (2, 3, 4, 7)]}')

def respondent_hash(text: str) -> int:
    """CSVImporter.RespondentRegistry.hash: FNV-1a, then MurmurHash3's 64-bit finaliser."""
    h = fnv1a(text.encode())
    h ^= h >> 33
    h = (h * 0xff51afd7ed558ccd) & M
    h ^= h >> 33
    h = (h * 0xc4ceb9fe1a85ec53) & M
    h ^= h >> 33
    return h

for s in ["R0001", ""]:
    print(f'respondent id "{s}" hash 0x{respondent_hash(s):016x}')
