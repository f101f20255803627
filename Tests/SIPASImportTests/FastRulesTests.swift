import Foundation
import SIPASBlocks
import SIPASCore
import Testing

@testable import SIPASImport

/// The fast importer's byte readers and its split between fast rows and the full importer.
struct FastRulesTests {
    @Test func byteIntegersReadAsSwiftInt() {
        let samples = [
            "0", "7", "-3", "+4", "007", "-0", "", "-", "+", "4.0", "1e3", " 4", "9223372036854775807",
            "9223372036854775808", "-9223372036854775808", "-9223372036854775809", "12a", "٣",
        ]
        for text in samples {
            let bytes = Array(text.utf8)
            #expect(bytes.withUnsafeBufferPointer { ByteText.int($0) } == Int(text), "\(text)")
        }
    }

    @Test func plainDecimalsReadAsSwiftDouble() {
        var samples = [
            "0", "1", "-0", "963.60", "0.1", "12.5", "123456789012345", "1234567890123456789",
            "0.000000000000000000000000001", "3.14159265358979323846", "0000000000000000012.50000000000000001",
            "9007199254740993", "1.7976931348623157", "5e-324", "1e3", ".5", "5.", "abc", "", "-", "1.2.3",
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let digits = Int.random(in: 1...19, using: &generator)
            let text = String((0..<digits).map { _ in "0123456789".randomElement(using: &generator)! })
            let point = Int.random(in: 0...digits, using: &generator)
            samples.append(point == digits ? text : String(text.prefix(point)) + "." + text.dropFirst(point))
        }
        for text in samples {
            let bytes = Array(text.utf8)
            let fast = bytes.withUnsafeBufferPointer { ByteText.plainDecimal($0) }
            if let fast {
                #expect(fast.bitPattern == Double(text)?.bitPattern, "\(text)")
            } else {
                // Not a plain decimal: the full importer decides (it may or may not read a number).
                #expect(
                    text.isEmpty || text.contains { !"0123456789.-".contains($0) } || text.hasPrefix(".")
                        || text.hasSuffix(".")
                        || text.filter { $0 == "." }.count > 1 || text == "-", "\(text)")
            }
        }
    }

    @Test func plainLatinIsTextTheFullImporterKeepsAsIs() {
        #expect(ByteText.isPlainLatin(ByteText.Bytes(start: nil, count: 0)))
        for (text, expected) in [
            ("Hà Nội", true), ("Đất đai", true), ("Thừa Thiên Huế", true), ("abc", true),
            ("Ha\u{0300} No\u{0323}i", false), ("\u{00A0}Huế", false), ("Huế\u{00A0}", false),
            ("a\u{00A0}b", true), ("日本", false), ("😀", false),
        ] {
            let bytes = Array(text.utf8)
            #expect(bytes.withUnsafeBufferPointer { ByteText.isPlainLatin($0) } == expected, "\(text)")
            if expected { #expect(text.nfc.utf8.elementsEqual(text.utf8)) }
        }
        #expect([UInt8]([0x61, 0xC3]).withUnsafeBufferPointer { ByteText.isPlainLatin($0) } == false)
    }

    /// The accepted rows in input order: the fast rows counted, the weights of every accepted row.
    final class Collector: FastSink {
        var fastRows = 0
        var records: [ResponseRecord] = []
        var weights: [Double] = []
        func take(_ block: FastBlock) throws {
            for entry in block.order {
                if entry >= 0 {
                    fastRows += 1
                    weights.append(block.batches[Int(entry >> 32)].weights[Int(entry & 0xFFFF_FFFF)])
                } else {
                    records.append(block.records[Int(~entry)])
                    weights.append(block.records[Int(~entry)].weight)
                }
            }
        }
        func take(_ record: ResponseRecord) throws {
            records.append(record)
            weights.append(record.weight)
        }
    }

    @Test func ordinaryRowsTakeTheFastPathAndOthersTheFullImporter() throws {
        let text =
            miniHeader + "\n"
            + "F1,2024,01,Hà Nội,01001,120.5,dat_dai,5,4,9,\n"
            + "F2,2024,02,Hà Giang,02001,80,tu_phap,1,2,3,4\n"
            + "F3,2024,04,Cao Bằng,04001,50,dat_dai,4,7,4,4\n"  // out of range: rejected
            + "F4,2024,04, Cao Bằng,04001,50,dat_dai,4,4.0,4,4\n"  // trimmed, 4.0 → 4: accepted, full importer
            + "F1,2024,01,Hà Nội,01001,10,dat_dai,5,4,9,\n"  // duplicate id: rejected
        let url = try temporaryFile("fast.csv", text)
        let sink = Collector()
        let importer = try CSVImporter(instrument: try miniInstrument())
        let summary = try importer.runFast(file: url, threads: 2, sink: sink)
        #expect(sink.fastRows == 2)
        #expect(sink.records.map(\.location.row) == [5])
        #expect(sink.weights == [120.5, 80, 50])
        #expect(summary.rowsRead == 5 && summary.accepted == 3 && summary.rejected == 2)
        let (slow, _) = try importMini(url)
        #expect(summary.rejections.map { $0.message(.en) } == slow.rejections.map { $0.message(.en) })
        #expect(summary.normalisations == slow.normalisations)
    }

    /// The entry workbook's "code – label" cells are never fast: the full importer reads them as
    /// their codes or rejects them, with the verdicts and counts of a slow run.
    @Test func codeAndLabelEntriesGoToTheFullImporter() throws {
        let text =
            miniHeader + "\n"
            + "F1,2024,01,Hà Nội,01001,120.5,dat_dai,5,4,9,\n"
            + "F2,2024,02,Hà Giang,02001,80,tu_phap – Tư pháp,1,2,3 - Bình thường,4\n"  // accepted, full importer
            + "F3,2024,04,Cao Bằng,04001,50,dat_dai,4 – Hài lòng,4 – Rất hài lòng,4,4\n"  // label mismatch: rejected
        let url = try temporaryFile("fast-entries.csv", text)
        let sink = Collector()
        let summary = try CSVImporter(instrument: try miniInstrument()).runFast(file: url, threads: 2, sink: sink)
        #expect(sink.fastRows == 1)
        #expect(sink.records.map(\.location.row) == [3])
        #expect(sink.records.first?.answers == [.code(1), .code(2), .code(3), .code(4)])
        #expect(summary.normalisations == ["code – label → code": 3])
        #expect(summary.rejectionsByRule == ["label mismatch": 1])
        let (slow, _) = try importMini(url)
        #expect(summary.rejections.map { $0.message(.en) } == slow.rejections.map { $0.message(.en) })
        #expect(
            summary.rejections.map { $0.message(.en) } == [
                "fast-entries.csv, row 4, column s2 (I): '4 – Rất hài lòng': the label does not match code 4 of list sat5 (“Hài lòng”)"
            ])
        #expect(summary.normalisations == slow.normalisations)
    }
}
