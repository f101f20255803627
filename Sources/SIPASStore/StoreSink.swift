import SIPASCore
import SIPASImport

/// The fast importer's sink for a store: each accepted row encoded straight from its cells' bytes
/// into the fields ``StoredResponse/init(_:respondentIndex:yearIndex:)`` makes of the full
/// importer's record (a fast row is one the full importer accepts unchanged, so its values are its
/// cells' bytes); rows the full importer read go through that initializer itself.
final class StoreSink: FastSink {
    private(set) var responses = EncodedResponses()
    /// Rows encoded from their bytes.
    private(set) var fastRows = 0
    private let respondentIndex: Int?
    private let yearIndex: Int?
    /// Per item, the don't-know codes 0…63 as bits (others looked up in the set).
    private var excludedBits: [UInt64] = []
    private var excludedSets: [Set<Int>] = []

    /// Where the encoded rows go as they come, in pieces of at least ``chunkRows`` rows (and the
    /// rest at ``flush()``); nil: they stay in ``responses``.
    private let chunks: ((EncodedResponses) throws -> Void)?
    private let chunkRows: Int

    init(respondentIndex: Int?, yearIndex: Int?, chunkRows: Int = 16_384, chunks: ((EncodedResponses) throws -> Void)? = nil) {
        self.respondentIndex = respondentIndex
        self.yearIndex = yearIndex
        self.chunkRows = chunkRows
        self.chunks = chunks
    }

    func take(_ record: ResponseRecord) throws {
        responses.append(StoredResponse(record, respondentIndex: respondentIndex, yearIndex: yearIndex))
        if responses.count >= chunkRows { try flush() }
    }

    func take(_ block: FastBlock) throws {
        encode(block)
        if responses.count >= chunkRows { try flush() }
    }

    /// Hands the rows encoded so far to ``chunks`` (when given).
    func flush() throws {
        guard let chunks, responses.count > 0 else { return }
        let full = responses
        responses = EncodedResponses()
        try chunks(full)
    }

    private func encode(_ block: FastBlock) {
        let rowNumbers = block.rows
        let columns = block.columns
        if excludedSets.count != columns.excluded.count {
            excludedSets = columns.excluded
            excludedBits = columns.excluded.map { set in set.reduce(UInt64(0)) { (0..<64).contains($1) ? $0 | 1 << UInt64($1) : $0 } }
        }
        let base = block.bytes
        let columnCount = columns.count, itemCount = columns.items.count
        // Filled as a local and put back: appending through the class's property costs an
        // exclusivity check and a uniqueness check per byte.
        var responses = self.responses
        self.responses = EncodedResponses()
        defer { self.responses = responses }
        var fastRows = self.fastRows
        defer { self.fastRows = fastRows }
        let excludedBits = self.excludedBits
        let idColumn = respondentIndex.flatMap { columns.attributes[$0] }
        let yearColumn = yearIndex.flatMap { columns.attributes[$0] }
        for (k, entry) in block.order.enumerated() {
            guard entry >= 0 else {
                responses.append(StoredResponse(block.records[Int(~entry)], respondentIndex: respondentIndex, yearIndex: yearIndex))
                continue
            }
            let batch = block.batches[Int(entry >> 32)]
            let rank = Int(entry & 0xFFFF_FFFF)
            let cellBase = rank * columnCount
            // Read once per row: each access to a class's array property is checked.
            let starts = batch.starts, ends = batch.ends, codes = batch.codes
            func cell(_ c: Int) -> UnsafeBufferPointer<UInt8> {
                let s = Int(starts[cellBase + c]), e = Int(ends[cellBase + c])
                return UnsafeBufferPointer(start: base + s, count: e - s)
            }
            fastRows += 1
            let year = yearColumn.flatMap { Self.year(cell($0)) }
            responses.beginRow(row: rowNumbers[k], year: year, weight: batch.weights[rank], populationPSUs: nil)
            if let idColumn { responses.bytes.append(contentsOf: cell(idColumn)) }
            responses.endField()
            if let strata = columns.strata { responses.bytes.append(contentsOf: cell(strata)) }
            responses.endField()
            responses.bytes.append(contentsOf: cell(columns.cluster))
            responses.endField()
            for (a, column) in columns.attributes.enumerated() {
                if a > 0 { responses.bytes.append(0x1F) }
                guard let column else { continue }
                let value = cell(column)
                if value.contains(where: { $0 == 0x1F || $0 == 0x1B }) {
                    // The escapes of StoredResponse.encode(attributes:).
                    for byte in value {
                        if byte == 0x1B { responses.bytes += [0x1B, UInt8(ascii: "e")] } else if byte == 0x1F { responses.bytes += [0x1B, UInt8(ascii: "s")] } else { responses.bytes.append(byte) }
                    }
                } else {
                    responses.bytes.append(contentsOf: value)
                }
            }
            responses.endField()
            let codeBase = rank * itemCount
            for i in 0..<itemCount {
                if i > 0 { responses.bytes.append(UInt8(ascii: ",")) }
                let code = codes[codeBase + i]
                guard code != FastBatch.blank else { continue }
                if (0..<64).contains(code) ? excludedBits[i] & (1 << UInt64(code)) != 0 : excludedSets[i].contains(Int(code)) {
                    responses.bytes.append(UInt8(ascii: "x"))
                }
                if (0..<10).contains(code) {
                    responses.bytes.append(UInt8(ascii: "0") + UInt8(code))
                } else {
                    Self.appendDigits(Int(code), to: &responses.bytes)
                }
            }
            responses.endField()
        }
    }

    /// `String(code)`'s bytes, without making the string.
    static func appendDigits(_ code: Int, to bytes: inout [UInt8]) {
        if code < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = code.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[n] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                n += 1
            } while magnitude > 0
            for j in stride(from: n - 1, through: 0, by: -1) { bytes.append(buffer[j]) }
        }
    }

    /// `Int(text)` of the year cell, as ``StoredResponse`` reads the record's year attribute.
    static func year(_ cell: UnsafeBufferPointer<UInt8>) -> Int? {
        Int(String(decoding: cell, as: UTF8.self))
    }
}
