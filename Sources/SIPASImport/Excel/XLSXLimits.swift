import Foundation
import SIPASCore

/// How much an `.xlsx` workbook may unpack to, so that a zip bomb (a small archive whose parts
/// inflate to gigabytes) stops with an error instead of filling memory or the disk.
///
/// The bytes are counted as they are inflated (in ZIPFoundation's extract consumer, 16 KiB at a
/// time), not taken from the sizes the archive declares, which a crafted archive can understate;
/// a declared size over a limit is refused before anything is inflated.
public struct XLSXLimits: Sendable, Hashable {
    /// Parts (entries) in the archive. Excel writes a dozen or so plus one per sheet.
    public var maxEntries: Int
    /// Bytes one part may inflate to when streamed to a temporary file (a sheet).
    public var maxPartBytes: Int64
    /// Bytes one part may inflate to when held in memory (workbook, relationships, styles, the
    /// shared strings, which are kept as a table).
    public var maxInMemoryPartBytes: Int64
    /// Bytes all the parts read from one workbook may inflate to together.
    public var maxTotalBytes: Int64

    public init(maxEntries: Int, maxPartBytes: Int64, maxInMemoryPartBytes: Int64, maxTotalBytes: Int64) {
        self.maxEntries = maxEntries
        self.maxPartBytes = maxPartBytes
        self.maxInMemoryPartBytes = maxInMemoryPartBytes
        self.maxTotalBytes = maxTotalBytes
    }

    /// 10 000 parts; a sheet up to 1 GiB of XML (about 20 million filled cells); other parts up to
    /// 256 MiB; 2 GiB in all.
    public static let standard = XLSXLimits(
        maxEntries: defaultMaxEntries, maxPartBytes: defaultMaxPartBytes,
        maxInMemoryPartBytes: defaultMaxInMemoryPartBytes, maxTotalBytes: defaultMaxTotalBytes)
    public static let defaultMaxEntries = 10_000
    public static let defaultMaxPartBytes: Int64 = 1 << 30
    public static let defaultMaxInMemoryPartBytes: Int64 = 256 << 20
    public static let defaultMaxTotalBytes: Int64 = 2 << 30

    /// Which limit a workbook went over.
    public enum Limit: String, Sendable, Hashable {
        case entries, partBytes, totalBytes
    }
}

/// Counts the bytes a workbook's parts inflate to against ``XLSXLimits``.
struct InflatedBytes {
    let limits: XLSXLimits
    let file: String
    private(set) var total: Int64 = 0

    init(limits: XLSXLimits, file: String) {
        self.limits = limits
        self.file = file
    }

    func error(_ limit: XLSXLimits.Limit, part: String?, bound: Int64) -> ImportError {
        ImportError(.workbookTooLarge(limit, part: part, bound: bound), at: SourceLocation(file: file))
    }

    /// Refuses a part whose declared size already goes over a limit.
    func checkDeclared(_ size: Int64, part: String, inMemory: Bool) throws {
        let partLimit = inMemory ? limits.maxInMemoryPartBytes : limits.maxPartBytes
        if size > partLimit { throw error(.partBytes, part: part, bound: partLimit) }
        if total + size > limits.maxTotalBytes { throw error(.totalBytes, part: part, bound: limits.maxTotalBytes) }
    }

    /// Adds `count` bytes just inflated from `part` to its running count `partSoFar` and to the
    /// total; throws as soon as either passes its limit.
    mutating func add(_ count: Int, part: String, partSoFar: inout Int64, inMemory: Bool) throws {
        partSoFar += Int64(count)
        total += Int64(count)
        let partLimit = inMemory ? limits.maxInMemoryPartBytes : limits.maxPartBytes
        if partSoFar > partLimit { throw error(.partBytes, part: part, bound: partLimit) }
        if total > limits.maxTotalBytes { throw error(.totalBytes, part: part, bound: limits.maxTotalBytes) }
    }
}
