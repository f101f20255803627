import Foundation
import SIPASBlocks

/// A file read in blocks that end after a line feed, into buffers reused once nothing else holds
/// them (a fresh 4 MiB buffer per block cost its page faults on every block).
struct BlockInput {
    /// One block: its bytes, where its last whole line ends, whether a quote comes before that,
    /// and whether the file ends with it.
    struct Block {
        let bytes: BlockBytes
        let cut: Int
        let quoted: Bool
        let final: Bool
    }

    let descriptor: Int32
    let file: String
    /// Bytes read per block (the first reads a sixteenth of it).
    let size: Int
    private var atEnd = false
    private var first = true
    private var spare: [BlockBytes] = []

    init(descriptor: Int32, file: String, size: Int = CSVImporter.fastBlockSize) {
        self.descriptor = descriptor
        self.file = file
        self.size = size
    }

    /// The block that starts with `carried` (the unread tail of the one before); nil at the end.
    mutating func next(after carried: [UInt8]) throws -> Block? {
        var carried = carried
        while true {
            let block = buffer(capacity: carried.count + (atEnd ? 0 : size))
            block.append(carried)
            // The first block is small, so that the threads have something to do at once.
            let limit = first ? max(size / 16, 16) : size
            first = false
            if !atEnd, try block.read(from: descriptor, limit: limit, file: file) == 0 {
                atEnd = true
            }
            if block.count == 0 { return nil }
            if let made = made(block) { return made }
            // No line feed yet: read on.
            carried = Array(block.buffer)
        }
    }

    /// `bytes` followed by `block` (nil: the end of the file), as one block.
    mutating func prepend(_ bytes: [UInt8], to block: Block?) -> Block {
        let rest = block.map { Array($0.bytes.buffer) } ?? []
        let joined = BlockBytes(capacity: bytes.count + rest.count)
        joined.append(bytes)
        joined.append(rest)
        let final = block?.final ?? true
        let cut = final ? joined.count : (joined.lastIndex(of: 10) ?? -1) + 1
        return Block(
            bytes: joined, cut: cut, quoted: memchr(joined.base, Int32(CSVScanner.quote), cut) != nil, final: final)
    }

    /// The block made of `bytes` read so far, or nil when it holds no line feed yet.
    private func made(_ bytes: BlockBytes) -> Block? {
        var cut = bytes.count
        if !atEnd {
            guard let lastLF = bytes.lastIndex(of: 10) else { return nil }
            cut = lastLF + 1
        }
        return Block(
            bytes: bytes, cut: cut, quoted: memchr(bytes.base, Int32(CSVScanner.quote), cut) != nil, final: atEnd)
    }

    /// An empty buffer of at least `capacity` bytes: a spare one nothing else holds any more (the
    /// sink lets go of a block by its next `take`), or a new one kept as a spare.
    private mutating func buffer(capacity: Int) -> BlockBytes {
        for i in spare.indices where spare[i].capacity >= capacity && isKnownUniquelyReferenced(&spare[i]) {
            spare[i].reset()
            return spare[i]
        }
        let block = BlockBytes(capacity: capacity)
        if spare.count < 5 { spare.append(block) }
        return block
    }
}
