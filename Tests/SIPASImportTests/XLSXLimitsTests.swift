import Foundation
import SIPASCore
import SIPASTestSupport
import Testing

@testable import SIPASImport

/// Zip bombs: parts that inflate past ``XLSXLimits`` stop the read with a typed error naming the
/// file and the part, whether the archive declares the true size or understates it.
@Suite(.serialized)
struct XLSXLimitsTests {
    static let sheet = "xl/worksheets/sheet1.xml"
    /// 200 MB of zeros (about 200 KB compressed).
    static let bombSize: Int64 = 200_000_000
    static let small = XLSXLimits(
        maxEntries: 100, maxPartBytes: 64 << 20, maxInMemoryPartBytes: 16 << 20, maxTotalBytes: 96 << 20)

    static func workbook(_ name: String) throws -> URL {
        let url = try Fixtures.temporaryDirectory().appendingPathComponent(name)
        try XLSXWriter.write([("Data", [[.text("form_id")], [.text("F1")]])], to: url)
        return url
    }

    /// The error of reading `url`'s first sheet through.
    static func error(_ url: URL, limits: XLSXLimits) -> ImportError? {
        importError { try XLSXReader(url: url, limits: limits).forEachRecord { _ in } }
    }

    /// The process's peak resident memory in bytes (Linux reports kilobytes).
    static func peakMemory() -> Int {
        var usage = rusage()
        getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
        return usage.ru_maxrss * 1024
    }

    @Test func aDeclaredSizeOverTheLimitIsRefusedBeforeInflating() throws {
        let url = try Self.workbook("declared.xlsx")
        try XLSXWriterPatch.replace(entry: Self.sheet, in: url, withZeros: Self.bombSize)
        let error = try #require(Self.error(url, limits: Self.small))
        #expect(error.kind == .workbookTooLarge(.partBytes, part: Self.sheet, bound: 64 << 20))
        #expect(
            error.message(.en)
                == "declared.xlsx: the part xl/worksheets/sheet1.xml of the Excel workbook inflates to more than 67108864 bytes (a zip bomb?): reading stopped"
        )
        #expect(
            error.message(.vi)
                == "declared.xlsx: phần xl/worksheets/sheet1.xml của tệp Excel giải nén ra hơn 67108864 byte (có thể là “bom zip”): dừng đọc"
        )
        #expect(error.key == "workbook too large" && error.value == Self.sheet)
    }

    /// The archive claims 1 000 bytes: the count kept while inflating stops it, with memory bounded
    /// by the in-memory limit (16 MiB) rather than the bomb (200 MB).
    @Test func anUnderstatedSizeIsCaughtWhileInflating() throws {
        let url = try Self.workbook("understated.xlsx")
        try XLSXWriterPatch.replace(entry: "xl/styles.xml", in: url, withZeros: Self.bombSize)
        try XLSXWriterPatch.declare(size: 1_000, for: "xl/styles.xml", in: url)
        let before = Self.peakMemory()
        let error = try #require(Self.error(url, limits: Self.small))
        #expect(error.kind == .workbookTooLarge(.partBytes, part: "xl/styles.xml", bound: 16 << 20))
        #expect(Self.peakMemory() - before < 100_000_000, "peak memory grew by \(Self.peakMemory() - before) bytes")

        let sheetBomb = try Self.workbook("understated-sheet.xlsx")
        try XLSXWriterPatch.replace(entry: Self.sheet, in: sheetBomb, withZeros: Self.bombSize)
        try XLSXWriterPatch.declare(size: 1_000, for: Self.sheet, in: sheetBomb)
        let streamed = Self.error(sheetBomb, limits: Self.small)
        #expect(streamed?.kind == .workbookTooLarge(.partBytes, part: Self.sheet, bound: 64 << 20))
    }

    @Test func theTotalAndTheNumberOfPartsAreCapped() throws {
        let url = try Self.workbook("total.xlsx")
        try XLSXWriterPatch.replace(entry: Self.sheet, in: url, withZeros: 60 << 20)
        let total = XLSXLimits(
            maxEntries: 100, maxPartBytes: 64 << 20, maxInMemoryPartBytes: 16 << 20, maxTotalBytes: 50 << 20)
        let error = try #require(Self.error(url, limits: total))
        #expect(error.kind == .workbookTooLarge(.totalBytes, part: Self.sheet, bound: 50 << 20))
        #expect(
            error.message(.en)
                == "total.xlsx: the Excel workbook inflates to more than 52428800 bytes by its part xl/worksheets/sheet1.xml (a zip bomb?): reading stopped"
        )

        let parts = try Self.workbook("parts.xlsx")
        let few = XLSXLimits(
            maxEntries: 3, maxPartBytes: 64 << 20, maxInMemoryPartBytes: 16 << 20, maxTotalBytes: 96 << 20)
        let tooMany = try #require(Self.error(parts, limits: few))
        #expect(tooMany.kind == .workbookTooLarge(.entries, part: nil, bound: 3))
        #expect(tooMany.message(.vi) == "parts.xlsx: tệp Excel có hơn 3 phần (mục trong tệp nén): không đọc")
        // The standard limits read the same workbook.
        #expect(Self.error(parts, limits: .standard) == nil)
    }
}
