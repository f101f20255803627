import Testing

@testable import SIPASImport

/// The word-at-a-time splitter against a byte-by-byte reading of the same line.
struct LineSplitterTests {
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Fields, bounds, Latin fields, blank fields and carriage return, read one byte at a time.
    private func reference(_ line: [UInt8], delimiter: UInt8) -> (
        bounds: [Range<Int>], latin: UInt64, blank: UInt64, carriageReturn: Bool
    ) {
        var bounds: [Range<Int>] = []
        var latin: UInt64 = 0
        var blank: UInt64 = 0
        var start = 0
        for (i, byte) in line.enumerated() {
            if byte == delimiter {
                bounds.append(start..<i)
                start = i + 1
            } else if byte >= 0x80 {
                latin |= 1 << UInt64(min(bounds.count, 63))
            } else if byte < 0x21 && byte != 13 {
                blank |= 1 << UInt64(min(bounds.count, 63))
            }
        }
        bounds.append(start..<line.count)
        return (bounds, latin, blank, line.contains(13))
    }

    /// `split` on the bytes of `padded`, with field bounds written to arrays of `capacity`.
    private static func run<Result>(
        _ padded: [UInt8], capacity: Int,
        _ split: (UnsafePointer<UInt8>, UnsafeMutablePointer<Int32>, UnsafeMutablePointer<Int32>) -> Result
    ) -> (Result, starts: [Int32], ends: [Int32]) {
        var starts = [Int32](repeating: -1, count: capacity)
        var ends = starts
        let result = padded.withUnsafeBufferPointer { base in
            starts.withUnsafeMutableBufferPointer { s in
                ends.withUnsafeMutableBufferPointer { e in split(base.baseAddress!, s.baseAddress!, e.baseAddress!) }
            }
        }
        return (result, starts, ends)
    }

    private func check(_ line: [UInt8], delimiter: UInt8, capacity: Int) {
        let expected = reference(line, delimiter: delimiter)
        // Padded, so that the words read near the end stay inside the buffer, as in a block.
        let padded = [0xAA] + line + [UInt8](repeating: delimiter, count: 8)
        let (split, starts, ends) = Self.run(padded, capacity: capacity) { base, s, e in
            LineSplitter.split(
                base, from: 1, to: 1 + line.count, delimiter: delimiter, starts: s, ends: e, capacity: capacity)
        }
        #expect(split.fields == expected.bounds.count, "\(line)")
        #expect(split.latinFields == expected.latin, "\(line)")
        #expect(split.blankFields == expected.blank, "\(line)")
        #expect(split.carriageReturn == expected.carriageReturn, "\(line)")
        for (c, range) in expected.bounds.prefix(capacity).enumerated() {
            #expect(
                Int(starts[c]) == range.lowerBound + 1 && Int(ends[c]) == range.upperBound + 1, "field \(c) of \(line)")
        }
    }

    @Test func randomLinesSplitAsByteByByte() {
        var random = Seeded(state: 8)
        let alphabet: [UInt8] =
            Array("0123456789abcXYZ ._-\"".utf8) + [0xC3, 0xA0, 0xE1, 0xBB, 0x87, 13, 9, 1, 0x20, 0x21]
        for delimiter in Array(",;\t|".utf8) {
            for _ in 0..<3000 {
                let count = Int.random(in: 0...70, using: &random)
                var line = (0..<count).map { _ in
                    Int.random(in: 0..<4, using: &random) == 0 ? delimiter : alphabet.randomElement(using: &random)!
                }.filter { $0 != 10 }
                // Half the lines without carriage returns, whose words are split with masks only.
                if Bool.random(using: &random) { line.removeAll { $0 == 13 } }
                check(line, delimiter: delimiter, capacity: Int.random(in: 1...30, using: &random))
            }
        }
    }

    @Test func edgeCases() {
        check([], delimiter: 44, capacity: 4)
        check(Array(",,,,,,,,,,,,,,,,".utf8), delimiter: 44, capacity: 20)
        check(Array("abcdefgh,ijklmnop".utf8), delimiter: 44, capacity: 2)
        check(Array("abcdefg\u{0D},x".utf8), delimiter: 44, capacity: 3)
        check(Array("Hà Nội,01,Đà Nẵng,48,x,y,z,w,v".utf8), delimiter: 44, capacity: 9)
        // More than 64 fields: the Latin bits of the later ones share bit 63.
        check(
            Array((Array(repeating: "a", count: 70) + ["é"]).joined(separator: ",").utf8), delimiter: 44, capacity: 80)
    }

    /// `splitQuoted` on `line` against ``CSVScanner``'s reading of the line as a record.
    private func checkQuoted(_ line: [UInt8], delimiter: UInt8, capacity: Int) throws {
        let padded = [0xAA] + line + [10]
        let (split, starts, ends) = Self.run(padded, capacity: capacity) { base, s, e in
            LineSplitter.splitQuoted(
                base, from: 1, to: 1 + line.count, delimiter: delimiter, starts: s, ends: e, capacity: capacity)
        }
        #expect(split.split.carriageReturn == line.contains(13), "\(line)")
        if line.contains(13) { return }
        let scanner = CSVScanner(
            bytes: line + [10], file: "t.csv", delimiter: delimiter, final: false, row: 0, line: 1, streamOffset: 0)
        guard let record = try scanner.nextComplete() else {
            // The line feed is inside a quoted field: the scanner reads on past it.
            #expect(split.open, "\(line)")
            return
        }
        #expect(!split.open, "\(line)")
        #expect(scanner.consumed == line.count + 1, "\(line)")
        // Not plain (a doubled quote, text after a closing quote, a quote inside an unquoted field):
        // the fast reader hands the line to the scanner, so only the record's extent must agree.
        guard split.plain else { return }
        #expect(split.split.fields == record.fields.count, "\(line)")
        #expect(scanner.strayQuotes == 0, "\(line)")
        #expect(split.allEmpty == record.fields.allSatisfy(\.isEmpty), "\(line)")
        var latin: UInt64 = 0
        var blank: UInt64 = 0
        for (c, field) in record.fields.enumerated() {
            if field.contains(where: { $0 >= 0x80 }) { latin |= 1 << UInt64(min(c, 63)) }
            if field.contains(where: { $0 < 0x21 }) { blank |= 1 << UInt64(min(c, 63)) }
            guard c < capacity else { continue }
            #expect(Array(padded[Int(starts[c])..<Int(ends[c])]) == field, "field \(c) of \(line)")
        }
        #expect(split.split.latinFields == latin, "\(line)")
        #expect(split.split.blankFields == blank, "\(line)")
    }

    @Test func quotedLinesSplitAsTheScannerReadsThem() throws {
        var random = Seeded(state: 28)
        let alphabet: [UInt8] = Array("01ab \"\"\"".utf8) + [0xC3, 0xA0, 13]
        for delimiter in Array(",;".utf8) {
            for _ in 0..<20000 {
                let count = Int.random(in: 1...24, using: &random)
                var line = (0..<count).map { _ in
                    Int.random(in: 0..<4, using: &random) == 0 ? delimiter : alphabet.randomElement(using: &random)!
                }
                if Int.random(in: 0..<8, using: &random) != 0 { line.removeAll { $0 == 13 } }
                // A blank line is counted before any splitting.
                if line.isEmpty { continue }
                try checkQuoted(line, delimiter: delimiter, capacity: Int.random(in: 1...12, using: &random))
            }
        }
    }

    @Test func quotedEdgeCases() throws {
        for text in [
            "\"a,b\",c", "\"\",\"\"", "\"", "a,\"", "\"ab\"c,d", "\"a\"\"b\",c", "a\"b,c", "\"Hà Nội, x\",01",
            "\"\"\"\",x", "x,\"\"\"", "\"a\",", ",\"a\"",
        ] {
            try checkQuoted(Array(text.utf8), delimiter: 44, capacity: 4)
        }
    }
}
