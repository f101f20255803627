import SIPASCore

/// The text form of a stored response's attributes and answers (``StoredResponse``), the one place
/// that writes and reads it: the record path, the block reader, the column chunks, the streamed
/// import and the PostgreSQL store all call these functions.
///
/// Attributes: the values joined by U+001F, a U+001B or U+001F inside a value written `ESC e` and
/// `ESC s`. Reading, `ESC s` is U+001F and `ESC` before any other byte is U+001B; a text ending in
/// a lone `ESC` is not of this form. The text of no attributes and that of one empty attribute are
/// both empty: the reader says how many it expects.
///
/// Answers: one field per item, comma-separated: a blank as nothing, a code as its digits (`-`
/// before a negative one), a "don't know" code as `x` and its code (`5,4,,x9`).
public enum StoredRowCodec {
    static let separator: UInt8 = 0x1F
    static let escape: UInt8 = 0x1B
    static let escapedSeparator = UInt8(ascii: "s")
    static let escapedEscape = UInt8(ascii: "e")
    static let comma = UInt8(ascii: ",")
    static let mark = UInt8(ascii: "x")
    static let minus = UInt8(ascii: "-")

    /// Most digits of a code ``decode(answers:)`` reads (an `Int` holds 18).
    public static let maxDigits = 18

    // MARK: Attributes

    public static func encode(attributes: [String]) -> String {
        var out = ByteBuffer(capacity: attributes.reduce(attributes.count) { $0 + $1.utf8.count } + 1)
        defer { out.deallocate() }
        for (i, value) in attributes.enumerated() {
            var value = value
            value.withUTF8 { append(attribute: $0, first: i == 0, to: &out) }
        }
        return String(decoding: out.buffer, as: UTF8.self)
    }

    /// Appends one attribute value's bytes, escaped, after a separator unless it is the `first`.
    @inline(__always)
    static func append(attribute value: UnsafeBufferPointer<UInt8>, first: Bool, to out: inout ByteBuffer) {
        if !first { out.append(separator) }
        guard value.contains(where: { $0 == separator || $0 == escape }) else {
            out.append(value)
            return
        }
        for byte in value {
            if byte == escape || byte == separator {
                out.append(escape)
                out.append(byte == escape ? escapedEscape : escapedSeparator)
            } else {
                out.append(byte)
            }
        }
    }

    /// The `count` attribute values of `text`, or nil when it holds another number or ends in a lone `ESC`.
    public static func decode(attributes text: String, count: Int) -> [String]? {
        var text = text
        return text.withUTF8 { decode(attributes: $0, count: count) }
    }

    static func decode(attributes bytes: UnsafeBufferPointer<UInt8>, count: Int) -> [String]? {
        var out = ByteBuffer(capacity: bytes.count + 1)
        defer { out.deallocate() }
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(count)
        guard unescape(attributes: bytes, count: count, into: &out, { ranges.append($0..<$1) }) else { return nil }
        return ranges.map { String(decoding: UnsafeBufferPointer(rebasing: out.buffer[$0]), as: UTF8.self) }
    }

    /// Appends the unescaped values of `bytes` to `out` one after the other, calling `value(start, end)`
    /// with each one's place in `out`; false when `bytes` does not hold `count` values or ends in a
    /// lone `ESC` (values may have been appended). Runs of plain bytes are copied at once.
    @inline(__always)
    static func unescape(
        attributes bytes: UnsafeBufferPointer<UInt8>, count: Int, into out: inout ByteBuffer,
        _ value: (Int, Int) throws -> Void
    ) rethrows -> Bool {
        guard count > 0 || !bytes.isEmpty else { return true }
        var found = 0
        var start = out.count
        var i = 0
        let n = bytes.count
        while i < n {
            let byte = bytes[i]
            if byte == separator {
                found += 1
                guard found < count else { return false }
                try value(start, out.count)
                start = out.count
                i += 1
            } else if byte == escape {
                guard i + 1 < n else { return false }
                out.append(bytes[i + 1] == escapedSeparator ? separator : escape)
                i += 2
            } else {
                var end = i + 1
                while end < n && bytes[end] != separator && bytes[end] != escape { end += 1 }
                out.append(bytes.baseAddress! + i, count: end - i)
                i = end
            }
        }
        found += 1
        guard found == count else { return false }
        try value(start, out.count)
        return true
    }

    /// Calls `value(bytes, escaped)` with each of the `count` values of `bytes` as written (its
    /// escapes not undone: ``unescaped(_:)``; `escaped`: it holds one), without copying; false
    /// when `bytes` does not hold `count` values or ends in a lone `ESC`.
    @inline(__always)
    static func split(
        attributes bytes: UnsafeBufferPointer<UInt8>, count: Int,
        _ value: (UnsafeBufferPointer<UInt8>, Bool) throws -> Void
    ) rethrows -> Bool {
        guard count > 0 || !bytes.isEmpty else { return true }
        var found = 0
        var start = 0
        var i = 0
        var escaped = false
        let n = bytes.count
        while i < n {
            if bytes[i] == separator {
                found += 1
                guard found < count else { return false }
                try value(UnsafeBufferPointer(rebasing: bytes[start..<i]), escaped)
                start = i + 1
                escaped = false
                i += 1
            } else if bytes[i] == escape {
                guard i + 1 < n else { return false }
                escaped = true
                i += 2
            } else {
                i += 1
            }
        }
        found += 1
        guard found == count else { return false }
        try value(UnsafeBufferPointer(rebasing: bytes[start..<n]), escaped)
        return true
    }

    /// How many values a non-empty attributes text holds (its separators, plus one).
    static func fields(attributes bytes: UnsafeBufferPointer<UInt8>) -> Int {
        bytes.reduce(1) { $1 == separator ? $0 + 1 : $0 }
    }

    /// How many answers an answers text holds (its commas, plus one: an empty text is one blank).
    static func fields(answers bytes: UnsafeBufferPointer<UInt8>) -> Int {
        bytes.reduce(1) { $1 == comma ? $0 + 1 : $0 }
    }

    /// A value of ``split(attributes:count:_:)`` with its escapes undone.
    static func unescaped(_ value: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out = ByteBuffer(capacity: value.count + 1)
        defer { out.deallocate() }
        _ = unescape(attributes: value, count: 1, into: &out) { _, _ in }
        return Array(out.buffer)
    }

    // MARK: Answers

    public static func encode(answers: [ItemAnswer]) -> String {
        var out = ByteBuffer(capacity: answers.count * 3 + 1)
        defer { out.deallocate() }
        for (i, answer) in answers.enumerated() {
            switch answer {
            case .blank: append(answer: nil, marked: false, first: i == 0, to: &out)
            case .code(let code): append(answer: code, marked: false, first: i == 0, to: &out)
            case .excluded(let code): append(answer: code, marked: true, first: i == 0, to: &out)
            }
        }
        return String(decoding: out.buffer, as: UTF8.self)
    }

    /// Appends one answer (`code` nil: blank; `marked`: "don't know"), after a comma unless it is the `first`.
    @inline(__always)
    static func append(answer code: Int?, marked: Bool, first: Bool, to out: inout ByteBuffer) {
        if !first { out.append(comma) }
        guard let code else { return }
        if marked { out.append(mark) }
        if (0..<10).contains(code) {
            out.append(UInt8(ascii: "0") + UInt8(code))
        } else {
            appendDigits(code, to: &out)
        }
    }

    /// `String(code)`'s bytes, without making the string.
    static func appendDigits(_ code: Int, to bytes: inout ByteBuffer) {
        if code < 0 { bytes.append(minus) }
        var magnitude = code.magnitude
        var digits:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
            ) =
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

    /// The `count` answers of `text`, or nil when it holds another number of fields, or a field
    /// that is neither blank nor `[x][-]digits` (at most ``maxDigits``).
    public static func decode(answers text: String, count: Int) -> [ItemAnswer]? {
        var text = text
        return text.withUTF8 { decode(answers: $0, count: count) }
    }

    static func decode(answers bytes: UnsafeBufferPointer<UInt8>, count: Int) -> [ItemAnswer]? {
        var answers: [ItemAnswer] = []
        answers.reserveCapacity(count)
        let parsed = parse(answers: bytes, count: count, maxDigits: maxDigits) { _, code, marked in
            answers.append(code.map { marked ? .excluded(code: $0) : .code($0) } ?? .blank)
        }
        return parsed == .valid ? answers : nil
    }

    /// What ``parse(answers:count:maxDigits:_:)`` found.
    enum Parsed: Equatable {
        case valid
        /// Another number of fields than expected, or a field not of the form.
        case malformed
        /// A code with more than the digits asked for.
        case tooLong
    }

    /// Calls `answer(item, code, marked)` for each of the `count` answers of `bytes` (code nil:
    /// blank), in one pass over the bytes, no string per field. Stops at the first field not of the form.
    @inline(__always)
    static func parse(
        answers bytes: UnsafeBufferPointer<UInt8>, count: Int, maxDigits: Int,
        _ answer: (Int, Int?, Bool) throws -> Void
    ) rethrows -> Parsed {
        guard count > 0 || !bytes.isEmpty else { return .valid }
        let n = bytes.count
        var i = 0
        var item = 0
        while true {
            guard item < count else { return .malformed }
            if i == n || bytes[i] == comma {
                try answer(item, nil, false)
            } else {
                let marked = bytes[i] == mark
                if marked { i += 1 }
                let negative = i < n && bytes[i] == minus
                if negative { i += 1 }
                var value = 0
                var digits = 0
                while i < n, bytes[i] != comma {
                    let digit = bytes[i] &- UInt8(ascii: "0")
                    guard digit < 10 else { return .malformed }
                    guard digits < maxDigits else { return .tooLong }
                    value = value * 10 + Int(digit)
                    digits += 1
                    i += 1
                }
                guard digits > 0 else { return .malformed }
                try answer(item, negative ? -value : value, marked)
            }
            item += 1
            if i == n { return item == count ? .valid : .malformed }
            i += 1
        }
    }

    // MARK: PostgreSQL columns

    /// The SQL expression of an `integer[]` of the codes of the encoded answers `column` (a blank
    /// as NULL): the text without its "don't know" marks (`x`, which stands only before a code).
    public static func postgresCodes(of column: String) -> String {
        "string_to_array(replace(\(column), 'x', ''), ',', '')::integer[]"
    }

    /// The SQL expression of an `integer[]` of the 1-based positions of the "don't know" answers
    /// in the encoded answers `column`.
    public static func postgresExcluded(of column: String) -> String {
        """
        CASE WHEN strpos(\(column), 'x') = 0 THEN '{}'::integer[] ELSE ARRAY(
            SELECT k::integer FROM unnest(string_to_array(\(column), ',')) WITH ORDINALITY AS u(v, k)
            WHERE left(v, 1) = 'x' ORDER BY k) END
        """
    }

    /// The SQL expression of a `text[]` of the attribute values in the encoded text `column`
    /// (split at U+001F, then `ESC s` and `ESC e` undone). Over text this codec wrote, where
    /// every `ESC` is followed by `e` or `s`.
    public static func postgresValues(of column: String) -> String {
        """
        CASE WHEN strpos(\(column), chr(27)) = 0 THEN string_to_array(\(column), chr(31)) ELSE ARRAY(
            SELECT replace(replace(v, chr(27) || 's', chr(31)), chr(27) || 'e', chr(27))
            FROM unnest(string_to_array(\(column), chr(31))) WITH ORDINALITY AS u(v, k) ORDER BY k) END
        """
    }

    // MARK: Records

    /// A stored response as the record the importer made of it, from its decoded parts: `attributes`
    /// and `answers` nil when their text did not decode. Every reader of whole records (SQLite's
    /// record reader, ``StoredResponse/record(file:batch:attributeCount:itemCount:)``, the
    /// PostgreSQL store, which reads attributes as a text array) builds it here.
    /// - Throws: ``StoreError/Kind/corruptRow(batch:row:attributes:answers:)`` when a part is missing or does not
    ///   hold `attributeCount` attributes and `itemCount` answers.
    package static func record(
        file: String, batch: Int64, row: Int, store: String, weight: Double, stratum: String, cluster: String,
        populationPSUs: Double?, attributes: [String]?, answers: [ItemAnswer]?, attributeCount: Int, itemCount: Int
    ) throws -> ResponseRecord {
        guard let attributes, attributes.count == attributeCount, let answers, answers.count == itemCount else {
            throw StoreError(
                .corruptRow(batch: batch, row: row, attributes: attributeCount, answers: itemCount),
                store: store)
        }
        return ResponseRecord(
            location: SourceLocation(file: file, row: row), weight: weight, stratum: stratum, cluster: cluster,
            attributes: attributes, answers: answers, populationPSUs: populationPSUs)
    }
}
