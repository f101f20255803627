import Foundation
import SIPASCore
import SIPASTestSupport
import Testing

@testable import SIPASImport

/// Random bytes and random mutations of valid files through the CSV and xlsx readers and the whole
/// import: every run ends with a summary (accepted + rejected = rows read) or a typed `ImportError`,
/// never a crash, a hang or another error. Seeded, so a failure can be replayed; the number of
/// cases is `SIPAS_FUZZ_CASES` (default 150 per test, a few seconds).
struct ImportFuzzTests {
    /// SplitMix64: small, fast and reproducible.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let cases = ProcessInfo.processInfo.environment["SIPAS_FUZZ_CASES"].flatMap(Int.init) ?? 150
    static let valid =
        miniHeader + ",used,visits,phone\n"
        + [
            "F1,2024,01,Hà Nội,01001,120.5,dat_dai,5,4,9,,1,3,0912345678",
            "F2,2024,02,\"Hà, Giang\",02001,80,tu_phap,1,2,3,4,2,,",
            "F3,2025,01,Hà Nội,01001,10,Đất đai,Hài lòng,4,4.0,5,1,50,",
        ].joined(separator: "\n") + "\n"

    /// Imports `url`; records what happened. Fails the test on any error that is not an ImportError.
    func survive(_ url: URL, options: ImportOptions = .init()) throws {
        do {
            let (summary, records) = try importMini(url, options: options)
            #expect(summary.accepted + summary.rejected == summary.rowsRead, "\(url.lastPathComponent)")
            #expect(records.count == summary.accepted)
        } catch is ImportError {
            // A typed error naming the file: the expected outcome for most random input.
        }
    }

    /// Flips, inserts, deletes or duplicates a few bytes of `bytes`, favouring the ones CSV and XML care about.
    static func mutate(_ bytes: [UInt8], _ rng: inout Generator) -> [UInt8] {
        var out = bytes
        let special: [UInt8] = Array(",;\t\"\r\n<>&/=".utf8) + [0x00, 0x80, 0xC3, 0xE0, 0xEF, 0xFF, 0xFE]
        for _ in 0..<Int.random(in: 1...8, using: &rng) where !out.isEmpty {
            let i = Int.random(in: 0..<out.count, using: &rng)
            let byte =
                Bool.random(using: &rng) ? special.randomElement(using: &rng)! : UInt8.random(in: 0...255, using: &rng)
            switch Int.random(in: 0..<4, using: &rng) {
            case 0: out[i] = byte
            case 1: out.insert(byte, at: i)
            case 2: out.remove(at: i)
            default: out.insert(contentsOf: out[i..<min(out.count, i + Int.random(in: 1...40, using: &rng))], at: i)
            }
        }
        return out
    }

    @Test func randomBytesAndMutatedCSVNeverCrash() throws {
        var rng = Generator(state: 20_241_123)
        let directory = try Fixtures.temporaryDirectory()
        let base = Array(Self.valid.utf8)
        for n in 0..<Self.cases {
            let bytes: [UInt8] =
                n % 3 == 0
                ? (0..<Int.random(in: 0...600, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
                : Self.mutate(base, &rng)
            let url = directory.appendingPathComponent("fuzz-\(n).csv")
            try Data(bytes).write(to: url)
            let encoding = EncodingChoice.allCases[n % EncodingChoice.allCases.count]
            try survive(url, options: ImportOptions(encoding: encoding))
        }
    }

    @Test func mutatedWorkbooksNeverCrash() throws {
        var rng = Generator(state: 42)
        let directory = try Fixtures.temporaryDirectory()
        let rows = XLSXWriter.rows(fromCSV: Self.valid.replacingOccurrences(of: "\"Hà, Giang\"", with: "Hà Giang"))
        let good = directory.appendingPathComponent("good.xlsx")
        try XLSXWriter.write([("Data", rows)], to: good)
        let zipped = Array(try Data(contentsOf: good))
        try survive(good)
        for n in 0..<Self.cases {
            let url = directory.appendingPathComponent("fuzz-\(n).xlsx")
            if n % 2 == 0 {
                // Damage the zip itself (headers, compressed data, central directory).
                try Data(Self.mutate(zipped, &rng)).write(to: url)
            } else {
                // Damage the sheet's XML, then zip it properly, so the XML parser sees it.
                let sheet = try XLSXReaderFuzzing.sheetXML(of: good)
                let damaged = String(decoding: Self.mutate(Array(sheet.utf8), &rng), as: UTF8.self)
                try XLSXReaderFuzzing.replaceSheet(in: good, with: damaged, writing: url)
            }
            try survive(url)
        }
    }
}

/// Reads and replaces the first sheet's XML of a workbook written by ``XLSXWriter``.
enum XLSXReaderFuzzing {
    static func sheetXML(of url: URL) throws -> String {
        let workbook = try XLSXWorkbook(url: url)
        return String(decoding: try workbook.data("xl/worksheets/sheet1.xml"), as: UTF8.self)
    }

    static func replaceSheet(in source: URL, with xml: String, writing target: URL) throws {
        try? FileManager.default.removeItem(at: target)
        try FileManager.default.copyItem(at: source, to: target)
        try XLSXWriterPatch.replace(entry: "xl/worksheets/sheet1.xml", in: target, with: Data(xml.utf8))
    }
}
