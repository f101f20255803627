/// The accepted responses of a batch in the store's text form (``StoredResponse``), kept in flat
/// arrays: the text fields of all rows in one byte buffer, so a million rows are a few arrays rather
/// than a million values holding five strings each, and the inserter binds SQLite parameters
/// straight from the buffer.
public struct EncodedResponses: Sendable {
    /// Text fields per row: respondent id (empty: none), stratum, cluster, attributes, answers.
    static let fieldCount = 5

    public private(set) var rows: [Int] = []
    var years: [Int?] = []
    var weights: [Double] = []
    var populationPSUs: [Double?] = []
    /// The text fields of every row, one after the other.
    var bytes: [UInt8] = []
    /// End of each text field in ``bytes`` (``fieldCount`` per row); a field starts where the one
    /// before it ends.
    var ends: [Int] = []

    public init() {}

    public var count: Int { rows.count }

    /// Adds a response as encoded by ``StoredResponse``.
    public mutating func append(_ r: StoredResponse) {
        rows.append(r.row)
        years.append(r.year)
        weights.append(r.weight)
        populationPSUs.append(r.populationPSUs)
        for text in [r.respondentID ?? "", r.stratum, r.cluster, r.attributes, r.answers] {
            bytes.append(contentsOf: text.utf8)
            ends.append(bytes.count)
        }
    }

    /// Starts a row whose text fields the caller appends to ``bytes``, ending each with ``endField(at:)``.
    mutating func beginRow(row: Int, year: Int?, weight: Double, populationPSUs: Double?) {
        rows.append(row)
        years.append(year)
        weights.append(weight)
        self.populationPSUs.append(populationPSUs)
    }

    /// Ends the row's next text field at `end` in ``bytes`` (which may not hold it yet).
    mutating func endField(at end: Int) { ends.append(end) }

    /// The byte range of row `i`'s text field `f`.
    func range(_ i: Int, _ f: Int) -> Range<Int> {
        let k = i * Self.fieldCount + f
        return (k == 0 ? 0 : ends[k - 1])..<ends[k]
    }

    private func text(_ i: Int, _ f: Int) -> String { String(decoding: bytes[range(i, f)], as: UTF8.self) }

    /// Row `i` as a ``StoredResponse``.
    public subscript(i: Int) -> StoredResponse {
        let id = text(i, 0)
        return StoredResponse(
            row: rows[i], respondentID: id.isEmpty ? nil : id, year: years[i], weight: weights[i],
            stratum: text(i, 1), cluster: text(i, 2), populationPSUs: populationPSUs[i],
            attributes: text(i, 3), answers: text(i, 4))
    }

    /// Every row as a ``StoredResponse`` (for stores that take values, and tests).
    public var all: [StoredResponse] { (0..<count).map { self[$0] } }

    /// Rows `range` as ``StoredResponse``s.
    public func slice(_ range: Range<Int>) -> [StoredResponse] { range.map { self[$0] } }

    /// Rows `indices`, in that order, with their bytes copied as they are.
    func selecting(_ indices: [Int]) -> EncodedResponses {
        var out = EncodedResponses()
        for i in indices {
            out.beginRow(row: rows[i], year: years[i], weight: weights[i], populationPSUs: populationPSUs[i])
            for f in 0..<Self.fieldCount {
                out.bytes.append(contentsOf: bytes[range(i, f)])
                out.endField(at: out.bytes.count)
            }
        }
        return out
    }
}
