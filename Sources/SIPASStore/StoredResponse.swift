import SIPASCore

/// One accepted response as the store keeps it: the record's design values and its attributes and
/// answers in a compact, lossless text form.
///
/// Answers: one field per item, comma-separated; a code as its digits, a blank as nothing, a
/// "don't know" code as `x` and its digits (`5,4,,x9`). Attributes: the values joined by U+001F,
/// with U+001B and U+001F inside a value escaped as `ESC e` and `ESC s`.
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
        attributes = Self.encode(attributes: record.attributes)
        answers = Self.encode(answers: record.answers)
    }

    public init(row: Int, respondentID: String?, year: Int?, weight: Double, stratum: String, cluster: String,
                populationPSUs: Double?, attributes: String, answers: String) {
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
    /// - Throws: ``StoreError/Kind/corruptRow(batch:row:detail:)`` when the text does not decode to
    ///   `attributeCount` attributes and `itemCount` answers.
    public func record(file: String, batch: Int64, attributeCount: Int, itemCount: Int) throws -> ResponseRecord {
        let values = attributeCount == 0 && attributes.isEmpty ? [] : Self.decode(attributes: attributes)
        let decoded = itemCount == 0 && answers.isEmpty ? [] : Self.decode(answers: answers)
        guard values.count == attributeCount, let decoded, decoded.count == itemCount else {
            throw StoreError(.corruptRow(batch: batch, row: row, detail: "\(attributeCount) attributes and \(itemCount) answers expected"))
        }
        return ResponseRecord(location: SourceLocation(file: file, row: row), weight: weight, stratum: stratum,
                              cluster: cluster, attributes: values, answers: decoded, populationPSUs: populationPSUs)
    }

    private static let separator: Character = "\u{1F}"
    private static let escape: Character = "\u{1B}"

    /// The attribute values again (the inverse of the stored text).
    public var attributeValues: [String] { Self.decode(attributes: attributes) }

    static func encode(attributes: [String]) -> String {
        var out = ""
        out.reserveCapacity(attributes.reduce(attributes.count) { $0 + $1.utf8.count })
        for (i, value) in attributes.enumerated() {
            if i > 0 { out.append(separator) }
            if value.contains(where: { $0 == separator || $0 == escape }) {
                for c in value {
                    if c == escape { out += "\u{1B}e" } else if c == separator { out += "\u{1B}s" } else { out.append(c) }
                }
            } else {
                out += value
            }
        }
        return out
    }

    static func decode(attributes text: String) -> [String] {
        text.split(separator: separator, omittingEmptySubsequences: false).map { part in
            guard part.contains(escape) else { return String(part) }
            var out = "", escaped = false
            for c in part {
                if escaped {
                    out.append(c == "s" ? separator : escape)
                    escaped = false
                } else if c == escape {
                    escaped = true
                } else {
                    out.append(c)
                }
            }
            return out
        }
    }

    static func encode(answers: [ItemAnswer]) -> String {
        var out = ""
        out.reserveCapacity(answers.count * 2)
        for (i, answer) in answers.enumerated() {
            if i > 0 { out += "," }
            switch answer {
            case .blank: break
            case .code(let code): out += String(code)
            case .excluded(let code): out += "x" + String(code)
            }
        }
        return out
    }

    static func decode(answers text: String) -> [ItemAnswer]? {
        var answers: [ItemAnswer] = []
        for field in text.utf8.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false) {
            if field.isEmpty {
                answers.append(.blank)
            } else if field.first == UInt8(ascii: "x") {
                guard let code = Int(String(decoding: field.dropFirst(), as: UTF8.self)) else { return nil }
                answers.append(.excluded(code: code))
            } else {
                guard let code = Int(String(decoding: field, as: UTF8.self)) else { return nil }
                answers.append(.code(code))
            }
        }
        return answers
    }
}
