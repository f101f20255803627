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

    public static func encode(attributes: [String]) -> String {
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

    /// The values between U+001F bytes (both separators are ASCII, so splitting the UTF-8 bytes
    /// splits the characters); escapes undone only in a value that holds U+001B.
    static func decode(attributes text: String) -> [String] {
        var text = text
        return text.withUTF8 { decode(attributes: $0) }
    }

    static func decode(attributes bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        var values: [String] = []
        var start = 0
        for i in 0...bytes.count where i == bytes.count || bytes[i] == 0x1F {
            let part = UnsafeBufferPointer(rebasing: bytes[start..<i])
            values.append(part.contains(0x1B) ? unescape(part) : String(decoding: part, as: UTF8.self))
            start = i + 1
        }
        return values
    }

    private static func unescape(_ part: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: unescapedBytes(part).bytes, as: UTF8.self)
    }

    /// An attribute's bytes unescaped (`ESC s` → U+001F, `ESC` and any other byte → ESC), and
    /// whether it ends outside an escape.
    static func unescapedBytes(_ part: UnsafeBufferPointer<UInt8>) -> (bytes: [UInt8], complete: Bool) {
        var out: [UInt8] = []
        out.reserveCapacity(part.count)
        var escaped = false
        for byte in part {
            if escaped {
                out.append(byte == UInt8(ascii: "s") ? 0x1F : 0x1B)
                escaped = false
            } else if byte == 0x1B {
                escaped = true
            } else {
                out.append(byte)
            }
        }
        return (out, !escaped)
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

    /// Parses the answers' bytes in one pass (no string per field); nil for a field that is not
    /// blank, `[x][-]digits`.
    static func decode(answers text: String) -> [ItemAnswer]? {
        var text = text
        return text.withUTF8 { decode(answers: $0) }
    }

    static func decode(answers bytes: UnsafeBufferPointer<UInt8>) -> [ItemAnswer]? {
        var answers: [ItemAnswer] = []
        answers.reserveCapacity(bytes.count / 2 + 1)
        let comma = UInt8(ascii: ","), count = bytes.count
        var i = 0
        while true {
            if i == count || bytes[i] == comma {
                answers.append(.blank)
            } else {
                let excluded = bytes[i] == UInt8(ascii: "x")
                if excluded { i += 1 }
                let negative = i < count && bytes[i] == UInt8(ascii: "-")
                if negative { i += 1 }
                var value = 0, digits = 0
                while i < count, bytes[i] != comma {
                    let digit = bytes[i] &- UInt8(ascii: "0")
                    guard digit < 10, digits < 18 else { return nil }
                    value = value * 10 + Int(digit)
                    digits += 1
                    i += 1
                }
                guard digits > 0 else { return nil }
                let code = negative ? -value : value
                answers.append(excluded ? .excluded(code: code) : .code(code))
            }
            if i == count { return answers }
            i += 1
        }
    }
}
