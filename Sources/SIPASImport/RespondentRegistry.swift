import Foundation
import SIPASCore

extension CSVImporter {
    /// Respondent ids and where each was first seen, across the files of one import.
    ///
    /// Ids of UTF-8 CSV files are kept as 64-bit words: 34 bits of the id's hash and the id's
    /// place (a row number counted across files, up to 2³⁰; later rows are kept as strings), in an open-addressing table, about 13 bytes per
    /// id at most, so 10 million ids fit in ≈ 130 MB instead of a `String` each. When a new id
    /// matches a stored hash, the earlier id is read again from its file (from a checkpoint at
    /// most 64 records before it) and compared in full: a duplicate is never invented by a hash
    /// collision, nor missed. Ids of workbooks and legacy-encoded files, which cannot be re-read
    /// cheaply, are kept as strings.
    public struct RespondentRegistry: @unchecked Sendable {
        public private(set) var files: [String] = []
        /// First row number (across files) of each file; a file's rows follow its predecessor's.
        private var fileBase: [UInt64] = []
        private var maxRow: [Int] = []
        /// The table of words (shared by copies of the registry until one of them inserts).
        private var slots = WordSlots(count: 0)
        private var used = 0
        private var exact: [String: UInt64] = [:]
        private var sources: [Int: IdSource] = [:]
        /// Whether ``sources`` has file k (looked up per id without hashing).
        private var rereadable: [Bool] = []
        // The slot index is the tag's top bits, so within a probe run only the tag's remaining bits
        // tell ids apart: with 28 of them a 10 M-id table (2²⁴ slots) has 4 bits left, and about
        // half the lookups would re-read an earlier id from its file; 30 leave 6 bits there.
        private static let placeBits: UInt64 = 30
        private static let placeMask: UInt64 = (1 << 30) - 1

        public init() {}

        /// Registers a file; its number.
        mutating func add(file: String) -> Int {
            let base = fileBase.last.map { $0 + UInt64(maxRow.last! + 1) } ?? 0
            files.append(file)
            fileBase.append(base)
            maxRow.append(0)
            return files.count - 1
        }

        /// Lets the ids of `file` be kept as hashes: the file can be read again to compare an id.
        mutating func makeRereadable(file: Int, source: IdSource) {
            sources[file] = source
            if rereadable.count <= file { rereadable += Array(repeating: false, count: file + 1 - rereadable.count) }
            rereadable[file] = true
        }

        /// Notes that the record after `row` starts at byte `offset` (line `line`) of `file`.
        mutating func checkpoint(file: Int, offset: Int, row: Int, line: Int) {
            sources[file]?.checkpoints.append((offset, row, line))
        }

        /// Whether `file` keeps checkpoints, and how many records since the last one.
        func wantsCheckpoint(file: Int) -> Bool { sources[file] != nil }

        /// Records `id` at (`file`, `row`) unless seen before; returns the earlier place.
        mutating func firstOccurrence(of id: String, file: Int, row: Int) -> (file: Int, row: Int)? {
            var id = id
            return id.withUTF8 { bytes in firstOccurrence(of: bytes, hash: Self.hash(bytes), file: file, row: row) }
        }

        /// Records the id whose UTF-8 bytes are `id` (``hash(_:)`` `hash`) at (`file`, `row`) unless
        /// seen before; returns the earlier place. A `String` is made only to compare with an id
        /// read again or kept as a string.
        mutating func firstOccurrence(of id: ByteText.Bytes, hash: UInt64, file: Int, row: Int) -> (
            file: Int, row: Int
        )? {
            if !exact.isEmpty, let packed = exact[String(decoding: id, as: UTF8.self)] {
                return (Int(packed >> 32), Int(packed & 0xFFFF_FFFF))
            }
            let tag = hash >> Self.placeBits
            if slots.count > 0 {
                let table = slots.base
                let mask = slots.count - 1
                var i = Int(truncatingIfNeeded: hash >> UInt64(64 - slots.count.trailingZeroBitCount)) & mask
                while table[i] != 0 {
                    if table[i] >> Self.placeBits == tag {
                        let place = self.place(table[i] & Self.placeMask)
                        if let earlier = sources[place.file]?.id(atRow: place.row), earlier.utf8.elementsEqual(id) {
                            return place
                        }
                    }
                    i = (i + 1) & mask
                }
            }
            if file < rereadable.count, rereadable[file], row >= 0 {
                let global = fileBase[file] + UInt64(row)
                if global <= Self.placeMask {
                    insert(tag << Self.placeBits | global)
                    maxRow[file] = max(maxRow[file], row)
                    return nil
                }
            }
            exact[String(decoding: id, as: UTF8.self)] = UInt64(file) << 32 | UInt64(UInt32(truncatingIfNeeded: row))
            maxRow[file] = max(maxRow[file], row)
            return nil
        }

        /// Makes room for `more` ids beyond those seen, so that a large file's table is allocated
        /// once: doubling a full table holds the old one and the new one, 1.5 times the final size,
        /// at the same moment (192 MB of the peak for 10 M ids).
        mutating func reserve(_ more: Int) {
            let needed = (used + more) * 4 / 3 + 1
            guard needed > slots.count, needed <= Int(Self.placeMask) else { return }
            var size = max(slots.count, 1 << 12)
            while size < needed { size *= 2 }
            rehash(into: size)
        }

        /// Reads the home slot of each of `hashes`, ahead of checking those ids one by one: this
        /// short loop keeps many cache misses in flight at once, where the in-order checks, each
        /// long, wait for one miss at a time (a 10 M-id table is 128 MB). The XOR of the words
        /// read, so that the loads are kept.
        func peek(_ hashes: UnsafeBufferPointer<UInt64>) -> UInt64 {
            guard slots.count > 0 else { return 0 }
            let shift = UInt64(64 - slots.count.trailingZeroBitCount)
            let mask = slots.count - 1
            let table = slots.base
            var touched: UInt64 = 0
            for hash in hashes { touched ^= table[Int(truncatingIfNeeded: hash >> shift) & mask] }
            return touched
        }

        /// Number of distinct ids seen.
        public var count: Int { used + exact.count }

        private func place(_ global: UInt64) -> (file: Int, row: Int) {
            var file = fileBase.count - 1
            while file > 0 && fileBase[file] > global { file -= 1 }
            return (file, Int(global - fileBase[file]))
        }

        private mutating func insert(_ word: UInt64) {
            if slots.count == 0 || (used + 1) * 4 > slots.count * 3 { grow() }
            if !isKnownUniquelyReferenced(&slots) { slots = slots.copy() }
            let table = slots.base
            let mask = slots.count - 1
            var i = Int(truncatingIfNeeded: word >> UInt64(64 - slots.count.trailingZeroBitCount)) & mask
            while table[i] != 0 { i = (i + 1) & mask }
            table[i] = word
            used += 1
        }

        /// Doubles the table.
        private mutating func grow() { rehash(into: max(1 << 12, slots.count * 2)) }

        /// Moves the ids into a table of `size` slots. A slot's home is the top bits of its hash,
        /// which the word keeps.
        private mutating func rehash(into size: Int) {
            let old = slots
            // Zeroed by the system (no pass writing zeros), in huge pages when large (``WordSlots``).
            slots = WordSlots(count: size)
            let table = slots.base
            let mask = size - 1
            let shift = UInt64(64 - size.trailingZeroBitCount)
            for word in old.buffer where word != 0 {
                var i = Int(truncatingIfNeeded: word >> shift) & mask
                while table[i] != 0 { i = (i + 1) & mask }
                table[i] = word
            }
        }

        /// FNV-1a with a final mix (the top 34 bits choose the slot and tell ids apart). A stored word is
        /// never 0 (empty): its place is at least 2, the first data row.
        static func hash(_ id: String) -> UInt64 {
            var id = id
            return id.withUTF8 { hash($0) }
        }

        static func hash(_ id: ByteText.Bytes) -> UInt64 {
            var h = FNV1a.hash(id)
            h ^= h >> 33
            h = h &* 0xff51_afd7_ed55_8ccd
            h ^= h >> 33
            h = h &* 0xc4ce_b9fe_1a85_ec53
            h ^= h >> 33
            return h
        }
    }

    /// How to read the respondent id of a row of a UTF-8 CSV file again.
    struct IdSource {
        let url: URL
        let delimiter: UInt8
        let column: Int
        /// The id as the importer keeps it (trimmed NFC value, normalised for its question).
        let normalise: (String) -> String
        var checkpoints: [(offset: Int, row: Int, line: Int)]

        /// The id of the record at `row`, read from the file, or nil.
        func id(atRow row: Int) -> String? {
            // The last checkpoint before the row (the first is the end of the header).
            var low = 0
            var high = checkpoints.count - 1
            guard high >= 0 else { return nil }
            while low < high {
                let mid = (low + high + 1) / 2
                if checkpoints[mid].row < row { low = mid } else { high = mid - 1 }
            }
            let start = checkpoints[low]
            guard let handle = FileHandle(forReadingAtPath: url.path) else { return nil }
            defer { try? handle.close() }
            var bytes: [UInt8] = []
            var atEnd = false
            var chunk = 1 << 16
            while true {
                try? handle.seek(toOffset: UInt64(start.offset + bytes.count))
                if let data = try? handle.read(upToCount: chunk), !data.isEmpty {
                    bytes.append(contentsOf: data)
                } else {
                    atEnd = true
                }
                let scanner = CSVScanner(
                    bytes: bytes, file: url.lastPathComponent, delimiter: delimiter, final: atEnd,
                    row: start.row, line: start.line, streamOffset: start.offset)
                while let record = try? scanner.nextComplete() {
                    if record.row == row {
                        guard column < record.fields.count else { return nil }
                        var counts: [String: Int] = [:]
                        let decoder = CellDecoder(file: url.lastPathComponent)
                        guard let cells = try? decoder.decode(record, header: nil, counts: &counts) else { return nil }
                        return normalise(cells[column].value)
                    }
                    if record.row > row { return nil }
                }
                if atEnd { return nil }
                chunk *= 2
            }
        }
    }
}
