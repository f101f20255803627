import Testing

@testable import SIPASStore

/// The rows as PostgreSQL's COPY text format reads them: the four bytes it reads specially
/// escaped, missing values as `\N`, numbers as the values they are.
struct EncodedResponsesCopyTests {
    static let responses: EncodedResponses = {
        var r = EncodedResponses()
        r.append(
            StoredResponse(
                row: 2, respondentID: "A\t1", year: 2024, weight: 1.82, stratum: #"s\1"#, cluster: "c\n2",
                populationPSUs: nil, attributes: "x\u{1F}y\r", answers: "5,x9,,-1"))
        r.append(
            StoredResponse(
                row: 10, respondentID: nil, year: nil, weight: 0.1 + 0.2, stratum: "", cluster: "Hà Nội",
                populationPSUs: 12, attributes: "", answers: ""))
        return r
    }()

    @Test func rowsAreWrittenInTheCopyTextFormat() {
        let text = Self.responses.withCopyText { String(decoding: $0, as: UTF8.self) }
        let lines = [
            ["2", #"A\t1"#, "2024", "1.82", #"s\\1"#, #"c\n2"#, #"\N"#, "x\u{1F}" + #"y\r"#, "5,x9,,-1"],
            ["10", #"\N"#, #"\N"#, "0.30000000000000004", "", "Hà Nội", "12.0", "", ""],
        ]
        #expect(text == lines.map { $0.joined(separator: "\t") + "\n" }.joined())
        #expect(EncodedResponses.copyColumns.split(separator: ",").count == 9)
    }

    @Test func aRangeWritesOnlyItsRows() {
        let second = Self.responses.withCopyText(1..<2) { String(decoding: $0, as: UTF8.self) }
        #expect(second.hasPrefix("10\t") && second.filter { $0 == "\n" }.count == 1)
        #expect(Self.responses.withCopyText(0..<0) { $0.count } == 0)
    }

    @Test func everyWeightReadsBackAsItself() {
        var r = EncodedResponses()
        var generator = SystemRandomNumberGenerator()
        let weights = (0..<2000).map { _ in Double(bitPattern: generator.next() >> 2 | 0x3000_0000_0000_0000) }
        for (k, w) in weights.enumerated() {
            r.append(
                StoredResponse(
                    row: k, respondentID: nil, year: nil, weight: w, stratum: "", cluster: "", populationPSUs: nil,
                    attributes: "", answers: ""))
        }
        let read = r.withCopyText { String(decoding: $0, as: UTF8.self) }.split(separator: "\n").map {
            Double(String($0.split(separator: "\t", omittingEmptySubsequences: false)[3]))
        }
        #expect(read == weights.map { $0 })
    }
}
