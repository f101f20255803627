import Testing

@testable import SIPASStore

/// Which chunks a sink hands on with each piece of rows: grouped chunks stay open across pieces
/// until the last piece or the cap on open rows; ungrouped ones end with every piece.
struct ChunkSetTests {
    /// Adds row `row` of group `group` (its one attribute) with one answer `code`.
    static func add(_ set: inout ChunkSet, _ row: Int, _ group: String, code: Int = 3) {
        var value = group
        value.withUTF8 { bytes in
            let g = set.group(bytes)
            set.add(to: g) { builder in
                builder.beginRow(row, weight: 1.5, year: 2024)
                "s".utf8CString.withUnsafeBufferPointer { builder.text(Self.bytes($0)) }
                "c".utf8CString.withUnsafeBufferPointer { builder.text(Self.bytes($0)) }
                builder.text(bytes)
                builder.code(0, code, marked: false)
            }
        }
        // The values were read in place: forgotten before their memory goes.
        set.forgetValues()
    }

    static func bytes(_ cString: UnsafeBufferPointer<CChar>) -> UnsafeBufferPointer<UInt8> {
        UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(cString)[..<(cString.count - 1)])
            .bindMemory(to: UInt8.self)
    }

    static func shape(_ chunks: [GroupedChunk]?) -> [String] {
        (chunks ?? []).map { "\($0.group):\($0.firstRow)+\($0.rows)" }
    }

    @Test func groupedChunksStayOpenAcrossPiecesUntilTheCapOrTheLastPiece() {
        var set = ChunkSet(attributes: 1, items: 1, grouped: true, maxOpenRows: 6)
        Self.add(&set, 1, "01")
        Self.add(&set, 2, "02")
        Self.add(&set, 3, "01")
        #expect(set.take(last: false)?.isEmpty == true)
        #expect(!set.isEmpty)
        Self.add(&set, 4, "02")
        Self.add(&set, 5, "01")
        Self.add(&set, 6, "")
        // Six rows open: every open chunk ends, in order of the groups' first rows.
        #expect(Self.shape(set.take(last: false)) == ["01:1+3", "02:2+2", ":6+1"])
        #expect(set.isEmpty)
        Self.add(&set, 7, "02")
        #expect(Self.shape(set.take(last: true)) == ["02:7+1"])
        #expect(set.isEmpty)
    }

    @Test func ungroupedChunksEndWithEveryPiece() {
        var set = ChunkSet(attributes: 1, items: 1, grouped: false)
        var empty = ""
        for row in 1...3 {
            empty.withUTF8 { bytes in
                set.add(to: set.ungrouped()) { builder in
                    builder.beginRow(row, weight: 1, year: nil)
                    builder.text(bytes)
                    builder.text(bytes)
                    builder.text(bytes)
                    builder.code(0, nil, marked: false)
                }
            }
            set.forgetValues()
        }
        #expect(Self.shape(set.take(last: false)) == [":1+3"])
        #expect(set.take(last: false)?.isEmpty == true)
    }

    @Test func aRowNoChunkHoldsLeavesItsPieceWithoutChunks() {
        var set = ChunkSet(attributes: 1, items: 1, grouped: true)
        Self.add(&set, 1, "01")
        Self.add(&set, 2, "02", code: 64)
        #expect(set.take(last: true) == nil)
        // The next piece starts again.
        Self.add(&set, 3, "01")
        #expect(Self.shape(set.take(last: true)) == ["01:3+1"])
    }
}
