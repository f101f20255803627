/// One ``ColumnChunk`` in the making, filled row by row: from the store's text form of a row
/// (``add(_:_:)``), or value by value by a caller that has the values at hand (``StoreSink``, from
/// the fast importer's cells and codes, without making and parsing that text). Both give the same
/// bytes for the same values.
///
/// A row goes in as ``beginRow(_:weight:year:)``, then ``text(_:)`` for stratum, cluster and each
/// attribute (unescaped), then ``code(_:_:marked:)`` for each item. A row no chunk can hold (a code
/// outside 0…63, a row number beyond 32 bits, a wrong number of attributes in the text form)
/// makes ``finish()`` give nil: the batch's rows are then read one by one.
struct ChunkBuilder {
    let attributeCount: Int
    let itemCount: Int
    private(set) var rows = 0
    /// The row number of the first row.
    private(set) var firstRow = 0
    private(set) var failed = false
    private var columns: [ChunkColumn]
    private var column = 0
    private var weights = ValueDictionary(), years = ValueDictionary()
    private var weightIds: [UInt16] = [], yearIds: [UInt16] = [], rowNumbers: [UInt32] = []
    private var codes: [UInt8] = []
    private var marked: [UInt64], unmarked: [UInt64]
    /// Unescaped attribute values given to ``text(_:)`` from the text form, kept in place until ``forgetValues()``.
    private var held: [[UInt8]] = []

    init(attributes: Int, items: Int) {
        attributeCount = attributes
        itemCount = items
        columns = Array(repeating: ChunkColumn(), count: 2 + attributes)
        marked = Array(repeating: 0, count: items)
        unmarked = marked
        // Without attributes the text form cannot tell none from one empty one: left to the rows.
        failed = attributes == 0
    }

    var isFull: Bool { rows == ColumnChunk.maxRows }

    mutating func beginRow(_ row: Int, weight: Double, year: Int?) {
        if rows == 0 { firstRow = row }
        rows += 1
        column = 0
        guard let number = UInt32(exactly: row) else {
            failed = true
            return
        }
        rowNumbers.append(number)
        weightIds.append(weights.id(word: weight.bitPattern))
        yearIds.append(years.id(word: UInt64(bitPattern: Int64(year ?? Int(Int64.min)))))
    }

    /// Forgets the values added so far before the memory they were read from goes (the caller's
    /// block of a file): only the row before's values are compared in place.
    mutating func forgetValues() {
        for c in columns.indices { columns[c].forgetLast() }
        held.removeAll()
    }

    /// The next text value of the row: stratum, cluster, then the attributes in order (its bytes
    /// stay put until ``forgetValues()``).
    @inline(__always)
    mutating func text(_ value: UnsafeBufferPointer<UInt8>) {
        columns[column].add(value)
        column += 1
    }

    /// Item `item`'s code (nil: blank) and whether it is marked "don't know".
    @inline(__always)
    mutating func code(_ item: Int, _ code: Int?, marked mark: Bool) {
        guard let code else {
            codes.append(ColumnChunk.blank)
            return
        }
        guard code >= 0, code < 64 else {
            failed = true
            codes.append(ColumnChunk.blank)
            return
        }
        codes.append(UInt8(code))
        if mark { marked[item] |= 1 << UInt64(code) } else { unmarked[item] |= 1 << UInt64(code) }
    }

    /// Adds row `i` of `r` from its text form (``StoredRowCodec``).
    mutating func add(_ r: EncodedResponses, _ i: Int) {
        beginRow(r.rows[i], weight: r.weights[i], year: r.years[i])
        r.bytes.withUnsafeBufferPointer { source in
            func field(_ f: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: source[r.range(i, f)]) }
            text(field(1))
            text(field(2))
            if !addAttributes(field(3)) || !addAnswers(field(4)) { failed = true }
        }
        forgetValues()
    }

    private mutating func addAttributes(_ field: UnsafeBufferPointer<UInt8>) -> Bool {
        StoredRowCodec.split(attributes: field, count: attributeCount) { value, escaped in
            guard escaped else { return text(value) }
            // Kept until forgetValues(): the column compares the next row's value with it in place.
            let unescaped = StoredRowCodec.unescaped(value)
            held.append(unescaped)
            unescaped.withUnsafeBufferPointer { text($0) }
        }
    }

    private mutating func addAnswers(_ answers: UnsafeBufferPointer<UInt8>) -> Bool {
        StoredRowCodec.parse(answers: answers, count: itemCount, maxDigits: StoredRowCodec.maxDigits) {
            code($0, $1, marked: $2)
        } == .valid
    }

    /// The chunk's bytes (layout in ``ColumnChunk``), or nil when a row could not be held.
    func finish() -> [UInt8]? {
        guard !failed, rows > 0 else { return nil }
        var out = ByteWriter()
        for word in [ColumnChunk.magic, UInt32(rows), UInt32(columns.count), UInt32(itemCount)] { out.append(word) }
        for column in columns { column.write(to: &out) }
        weights.write(to: &out)
        out.append(weightIds)
        years.write(to: &out)
        out.append(yearIds)
        out.append(rowNumbers)
        out.bytes += codes
        for j in 0..<itemCount {
            out.append(marked[j])
            out.append(unmarked[j])
        }
        return out.bytes
    }
}

/// One text column of a chunk: a dictionary and an id per row while its values repeat; once
/// mostly distinct (more than 128 values in its first 256 rows: ids, respondent ids) its values
/// one after the other, written ``ColumnChunk/plain`` then each value's end.
struct ChunkColumn {
    private var dictionary = ValueDictionary()
    private var ids: [UInt16] = []
    private var isPlain = false
    private var plainBytes: [UInt8] = []
    private var plainEnds: [UInt32] = []
    /// The value added last, while its bytes are known to stay put (``forgetLast()``): a row
    /// repeating it (files come sorted by province and commune) takes its id without a lookup.
    private var last: UnsafeBufferPointer<UInt8>?

    /// Drops ``last`` before the memory it points into goes.
    mutating func forgetLast() { last = nil }

    @inline(__always)
    mutating func add(_ value: UnsafeBufferPointer<UInt8>) {
        if isPlain {
            plainBytes.append(contentsOf: value)
            plainEnds.append(UInt32(plainBytes.count))
            return
        }
        if let last, last.count == value.count, sameBytes(last, value), let id = ids.last {
            ids.append(id)
            return
        }
        last = value
        ids.append(dictionary.id(value))
        if ids.count == 256 && dictionary.count > 128 {
            isPlain = true
            for id in ids {
                plainBytes += dictionary.value(Int(id))
                plainEnds.append(UInt32(plainBytes.count))
            }
            ids = []
            dictionary = ValueDictionary()
            last = nil
        }
    }

    func write(to out: inout ByteWriter) {
        if isPlain {
            out.append(ColumnChunk.plain)
            out.append(plainEnds)
            out.bytes += plainBytes
        } else {
            dictionary.write(to: &out)
            out.append(ids)
        }
    }
}

/// Whether `a` and `b` (of the same length) hold the same bytes: words compared in place, no call
/// (values are a few bytes; a `memcmp` call cost more than the comparison).
@inline(__always)
func sameBytes(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
    let n = a.count
    guard n > 0, let p = a.baseAddress.map(UnsafeRawPointer.init), let q = b.baseAddress.map(UnsafeRawPointer.init)
    else { return true }
    var i = 0
    while i + 8 <= n {
        guard p.loadUnaligned(fromByteOffset: i, as: UInt64.self) == q.loadUnaligned(fromByteOffset: i, as: UInt64.self)
        else { return false }
        i += 8
    }
    while i < n {
        guard p.load(fromByteOffset: i, as: UInt8.self) == q.load(fromByteOffset: i, as: UInt8.self) else {
            return false
        }
        i += 1
    }
    return true
}
