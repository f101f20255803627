import SIPASCore
import Testing

@testable import SIPASStore

/// The stored text form of attributes and answers: every writer's text reads back to the values,
/// through every reader (values, in-place split, unescaping into a buffer, PostgreSQL columns).
struct StoredRowCodecTests {
    /// Values with the separator, the escape, the escape's letters after them, blanks and
    /// multi-byte characters, alone and together.
    static let awkward: [[String]] = [
        [""], ["", ""], ["a\u{1B}e", "\u{1F}", "", "Đắk Lắk\u{1B}"], ["\u{1B}s", "\u{1B}\u{1B}", "\u{1F}\u{1F}"],
        ["\u{1B}e\u{1F}s", "s", "e"], ["Hà Nội", "2024", "x,5"], ["\u{1B}"], ["\u{1F}"],
    ]

    @Test func attributesRoundTripThroughEveryReader() {
        for values in Self.awkward {
            let text = StoredRowCodec.encode(attributes: values)
            #expect(StoredRowCodec.decode(attributes: text, count: values.count) == values, "\(values)")
            #expect(StoredRowCodec.decode(attributes: text, count: values.count + 1) == nil, "\(values)")
            var copy = text
            let (split, buffered) = copy.withUTF8 { bytes -> ([String], [String]) in
                var split: [String] = []
                let splitOK = StoredRowCodec.split(attributes: bytes, count: values.count) { value, escaped in
                    #expect(escaped == value.contains(0x1B))
                    split.append(
                        String(decoding: escaped ? StoredRowCodec.unescaped(value) : Array(value), as: UTF8.self))
                }
                #expect(splitOK)
                var out = ByteBuffer(capacity: 4)
                defer { out.deallocate() }
                var ranges: [Range<Int>] = []
                #expect(
                    StoredRowCodec.unescape(attributes: bytes, count: values.count, into: &out) {
                        ranges.append($0..<$1)
                    })
                return (
                    split, ranges.map { String(decoding: UnsafeBufferPointer(rebasing: out.buffer[$0]), as: UTF8.self) }
                )
            }
            #expect(split == values && buffered == values, "\(values)")
        }
    }

    @Test func attributesTextKeepsItsForm() {
        #expect(StoredRowCodec.encode(attributes: ["a", "b\u{1F}c", "d\u{1B}"]) == "a\u{1F}b\u{1B}sc\u{1F}d\u{1B}e")
        // No attributes and one empty one are the same text: the reader's count tells them apart.
        #expect(StoredRowCodec.encode(attributes: []) == StoredRowCodec.encode(attributes: [""]))
        #expect(StoredRowCodec.decode(attributes: "", count: 0) == [])
        #expect(StoredRowCodec.decode(attributes: "", count: 1) == [""])
        #expect(StoredRowCodec.decode(attributes: "a", count: 0) == nil)
        // A lone escape at the end is not of the form; before any other byte than `s` it is an escape.
        #expect(StoredRowCodec.decode(attributes: "a\u{1B}", count: 1) == nil)
        #expect(StoredRowCodec.decode(attributes: "a\u{1B}zb", count: 1) == ["a\u{1B}b"])
        #expect(
            StoredResponse(
                row: 1, respondentID: nil, year: nil, weight: 1, stratum: "", cluster: "", populationPSUs: nil,
                attributes: "x\u{1F}\u{1B}s", answers: ""
            ).attributeValues == ["x", "\u{1F}"])
    }

    @Test func answersRoundTripWithBlanksAndDontKnowCodes() {
        let lists: [[ItemAnswer]] = [
            [.blank], [.blank, .blank], [.code(12), .excluded(code: -3), .code(-7), .blank, .excluded(code: 0)],
            [.code(0), .code(9), .code(10), .excluded(code: 99), .code(123_456_789_012_345_678)], [],
        ]
        for answers in lists {
            let text = StoredRowCodec.encode(answers: answers)
            #expect(StoredRowCodec.decode(answers: text, count: answers.count) == answers, "\(answers)")
            if !text.isEmpty {
                #expect(StoredRowCodec.decode(answers: text, count: answers.count - 1) == nil, "\(answers)")
                #expect(StoredRowCodec.decode(answers: text, count: answers.count + 1) == nil, "\(answers)")
            }
        }
        // No answers and one blank are the same text: the reader's count tells them apart.
        #expect(StoredRowCodec.encode(answers: []) == StoredRowCodec.encode(answers: [.blank]))
        #expect(
            StoredRowCodec.decode(answers: "", count: 0) == []
                && StoredRowCodec.decode(answers: "", count: 1) == [.blank])
        #expect(StoredRowCodec.encode(answers: [.code(5), .blank, .excluded(code: 9), .code(-1)]) == "5,,x9,-1")
        for bad in ["x", "-", "x-", "5,a", "1 ", "+5", "1234567890123456789"] {
            #expect(
                StoredRowCodec.decode(
                    answers: bad, count: bad.split(separator: ",", omittingEmptySubsequences: false).count) == nil,
                "\(bad)")
        }
    }

    @Test func parsingSaysWhichAnswersTheBlocksCannotTake() {
        var text = "1,1234567890"
        text.withUTF8 { bytes in
            #expect(StoredRowCodec.parse(answers: bytes, count: 2, maxDigits: 9) { _, _, _ in } == .tooLong)
            #expect(StoredRowCodec.parse(answers: bytes, count: 2, maxDigits: 18) { _, _, _ in } == .valid)
            #expect(StoredRowCodec.parse(answers: bytes, count: 3, maxDigits: 18) { _, _, _ in } == .malformed)
        }
    }

    @Test func theStreamedWriterWritesTheCodecsText() {
        var out = ByteBuffer(capacity: 1)
        defer { out.deallocate() }
        for (i, value) in ["a\u{1B}", "", "\u{1F}b"].enumerated() {
            var value = value
            value.withUTF8 { StoredRowCodec.append(attribute: $0, first: i == 0, to: &out) }
        }
        #expect(
            String(decoding: out.buffer, as: UTF8.self)
                == StoredRowCodec.encode(attributes: ["a\u{1B}", "", "\u{1F}b"]))
        out.removeAll()
        for (i, answer) in [(Int?.some(7), false), (nil, false), (12, true), (-4, false)].enumerated() {
            StoredRowCodec.append(answer: answer.0, marked: answer.1, first: i == 0, to: &out)
        }
        #expect(String(decoding: out.buffer, as: UTF8.self) == "7,,x12,-4")
    }
}
