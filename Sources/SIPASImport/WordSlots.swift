import Foundation

/// A fixed number of zeroed 64-bit words in memory of their own, asked for in 2 MiB pages when
/// large: the respondent-id table (``CSVImporter/RespondentRegistry``), probed at random places.
///
/// Hand-written because no listed package maps memory: `Array(repeating: 0, count:)` wrote 16 MB
/// of zeros for 1 M ids on the reader's thread before the first ids could be checked (page by page,
/// 4 096 faults), and each random probe of a table larger than the TLB's reach of 4 KiB pages
/// paid a page walk. Fresh anonymous memory is already zero; `MADV_HUGEPAGE` asks the kernel for
/// 2 MiB pages where transparent huge pages are on (`madvise` mode, as on Debian), and is only a
/// hint: without it the table works as before.
final class WordSlots: @unchecked Sendable {
    let count: Int
    let base: UnsafeMutablePointer<UInt64>
    /// The mapping (nil: small tables, from the allocator).
    private let mapping: (start: UnsafeMutableRawPointer, length: Int)?

    static let hugePage = 2 << 20

    /// `count` zeroed words.
    init(count: Int) {
        self.count = count
        let bytes = count * MemoryLayout<UInt64>.stride
        if bytes >= Self.hugePage {
            // One huge page more than needed, so that the table can start on a huge-page boundary.
            let length = bytes + Self.hugePage
            let start = mmap(nil, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
            if let start, start != MAP_FAILED {
                let aligned = (Int(bitPattern: start) + Self.hugePage - 1) & ~(Self.hugePage - 1)
                let table = UnsafeMutableRawPointer(bitPattern: aligned)!
                _ = madvise(table, bytes, 14)  // MADV_HUGEPAGE (not exported by Glibc's module)
                base = table.bindMemory(to: UInt64.self, capacity: count)
                mapping = (start, length)
                return
            }
        }
        base = .allocate(capacity: max(count, 1))
        base.initialize(repeating: 0, count: max(count, 1))
        mapping = nil
    }

    deinit {
        if let mapping { munmap(mapping.start, mapping.length) } else { base.deallocate() }
    }

    /// A copy of the words (for copy-on-write).
    func copy() -> WordSlots {
        let other = WordSlots(count: count)
        other.base.update(from: base, count: count)
        return other
    }

    var buffer: UnsafeBufferPointer<UInt64> { UnsafeBufferPointer(start: base, count: count) }
}
