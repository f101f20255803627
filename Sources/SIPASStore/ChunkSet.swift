/// The column chunks a ``StoreSink`` fills as it encodes rows: one open ``ChunkBuilder`` per group
/// of rows, ended when full.
///
/// Ungrouped (the SQLite store), every row goes to group 0 and the open chunk also ends with each
/// piece of rows handed on, so a piece's chunks hold exactly its rows. Grouped by an attribute (the
/// PostgreSQL store's province, whose readers are granted chunks by group), each group's chunk
/// stays open across pieces, so that a file of many provinces does not become chunks of a few
/// rows each; all open chunks end when they hold ``maxOpenRows`` rows together (memory stays
/// bounded whatever the file's size) and at the last piece.
struct ChunkSet {
    let attributeCount: Int
    let itemCount: Int
    let grouped: Bool
    private var builders: [ChunkBuilder] = []
    private var groups = GroupIndex()
    private var built: [GroupedChunk] = []
    private var failed = false
    private var openRows = 0
    /// Rows the open chunks of a grouped set hold at most together (~40 bytes a row).
    let maxOpenRows: Int

    init(attributes: Int, items: Int, grouped: Bool, maxOpenRows: Int = 1 << 18) {
        attributeCount = attributes
        itemCount = items
        self.grouped = grouped
        self.maxOpenRows = maxOpenRows
    }

    /// True when no row waits in a chunk and no chunk waits to be taken.
    var isEmpty: Bool { openRows == 0 && built.isEmpty }

    /// The builder of rows of no group (ungrouped sets have only this one).
    mutating func ungrouped() -> Int { group(UnsafeBufferPointer(start: nil, count: 0)) }

    /// The builder of the rows whose grouping value is `value`.
    @inline(__always)
    mutating func group(_ value: UnsafeBufferPointer<UInt8>) -> Int {
        let g = groups.id(value)
        if g == builders.count { builders.append(ChunkBuilder(attributes: attributeCount, items: itemCount)) }
        return g
    }

    mutating func group(_ value: String) -> Int {
        var value = value
        return value.withUTF8 { group($0) }
    }

    /// Adds one row to builder `g` with `body` (``ChunkBuilder/beginRow(_:weight:year:)`` and its
    /// values), and ends that chunk when it is full.
    @inline(__always)
    mutating func add(to g: Int, _ body: (inout ChunkBuilder) -> Void) {
        body(&builders[g])
        openRows += 1
        if builders[g].isFull { end(g) }
    }

    /// Forgets the values the open chunks compare in place (``ChunkBuilder/forgetValues()``).
    mutating func forgetValues() {
        for g in builders.indices { builders[g].forgetValues() }
    }

    /// The chunks ended since the last call, after ending the open ones as the set's rule says
    /// (`last`: all of them); nil when a row fitted no chunk since the last call.
    mutating func take(last: Bool) -> [GroupedChunk]? {
        if last || !grouped || openRows >= maxOpenRows {
            for g in builders.indices where builders[g].rows > 0 { end(g) }
        }
        defer {
            built = []
            failed = false
        }
        return failed ? nil : built
    }

    private mutating func end(_ g: Int) {
        let full = builders[g]
        builders[g] = ChunkBuilder(attributes: attributeCount, items: itemCount)
        openRows -= full.rows
        guard !failed, let data = full.finish() else {
            failed = true
            return
        }
        built.append(GroupedChunk(group: groups.names[g], firstRow: full.firstRow, rows: full.rows, data: data))
    }
}

/// Small ids for the values of a grouping attribute, looked up from the value's bytes without
/// making a String or an array per row: a value of at most 7 bytes is one 64-bit key.
struct GroupIndex {
    private var short: [UInt64: Int] = [:]
    private var long: [[UInt8]: Int] = [:]
    private(set) var names: [String] = []

    @inline(__always)
    mutating func id(_ value: UnsafeBufferPointer<UInt8>) -> Int {
        guard value.count < 8 else {
            let key = Array(value)
            if let id = long[key] { return id }
            long[key] = names.count
            return add(value)
        }
        var key = UInt64(value.count) << 56
        for (k, byte) in value.enumerated() { key |= UInt64(byte) << (8 * UInt64(k)) }
        if let id = short[key] { return id }
        short[key] = names.count
        return add(value)
    }

    private mutating func add(_ value: UnsafeBufferPointer<UInt8>) -> Int {
        names.append(String(decoding: value, as: UTF8.self))
        return names.count - 1
    }
}
