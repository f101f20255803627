import SIPASCore

/// One accepted response as the store keeps it: the record's design values and its attributes and
/// answers in a compact, lossless text form (``StoredRowCodec``).
public struct StoredResponse: Hashable, Sendable {
    public var row: Int
    public var respondentID: String?
    public var year: Int?
    public var weight: Double
    public var stratum: String
    public var cluster: String
    public var populationPSUs: Double?
    public var attributes: String
    public var answers: String

    /// Encodes an accepted record; `respondentIndex` and `yearIndex` are attribute positions of the layout.
    public init(_ record: ResponseRecord, respondentIndex: Int?, yearIndex: Int?) {
        row = record.location.row ?? 0
        respondentID = respondentIndex.map { record.attributes[$0] }.flatMap { $0.isEmpty ? nil : $0 }
        year = yearIndex.flatMap { Int(record.attributes[$0]) }
        weight = record.weight
        stratum = record.stratum
        cluster = record.cluster
        populationPSUs = record.populationPSUs
        attributes = StoredRowCodec.encode(attributes: record.attributes)
        answers = StoredRowCodec.encode(answers: record.answers)
    }

    public init(
        row: Int, respondentID: String?, year: Int?, weight: Double, stratum: String, cluster: String,
        populationPSUs: Double?, attributes: String, answers: String
    ) {
        self.row = row
        self.respondentID = respondentID
        self.year = year
        self.weight = weight
        self.stratum = stratum
        self.cluster = cluster
        self.populationPSUs = populationPSUs
        self.attributes = attributes
        self.answers = answers
    }

    /// The record again, located at `file`, row ``row``.
    /// - Throws: ``StoreError/Kind/corruptRow(batch:row:attributes:answers:)`` when the text does not decode to
    ///   `attributeCount` attributes and `itemCount` answers.
    public func record(file: String, batch: Int64, attributeCount: Int, itemCount: Int) throws -> ResponseRecord {
        try StoredRowCodec.record(
            file: file, batch: batch, row: row, store: "", weight: weight, stratum: stratum, cluster: cluster,
            populationPSUs: populationPSUs,
            attributes: StoredRowCodec.decode(attributes: attributes, count: attributeCount),
            answers: StoredRowCodec.decode(answers: answers, count: itemCount), attributeCount: attributeCount,
            itemCount: itemCount)
    }

    /// The attribute values again (the inverse of the stored text): as many as it holds.
    public var attributeValues: [String] {
        var text = attributes
        return text.withUTF8 { StoredRowCodec.decode(attributes: $0, count: StoredRowCodec.fields(attributes: $0)) }
            ?? []
    }
}
