import Foundation
import SIPASCore

/// Where an import's records come from: a delimited text file (``CSVScanner``) or one sheet of an
/// Excel workbook (``XLSXReader``). Both give rows numbered as a spreadsheet shows them, so every
/// rejection names the same file, row and column letter whatever the format.
public protocol RecordSource: AnyObject {
    /// The name every location starts with: the file name (and sheet, for a workbook).
    var name: String { get }
    var encoding: CSVScanner.Encoding { get }
    /// How the encoding was chosen, when it was guessed.
    var encodingGuess: EncodingDetector.Guess? { get }
    /// The delimiter of a text file; nil for a workbook.
    var fieldDelimiter: UInt8? { get }
    /// Blank lines (text) or empty and missing rows (workbook) skipped so far.
    var blankLines: Int { get }
    /// Fields with text after their closing quote, read leniently.
    var strayQuotes: Int { get }
    /// Calls `body` with every record, the header first; stops at the first error.
    func forEachRecord(_ body: (CSVScanner.Record) throws -> Void) throws
}

/// How to open a file for import.
public struct SourceOptions: Sendable {
    public var delimiter: UInt8?
    public var encoding: EncodingChoice
    /// Sheet of a workbook: a name or a 1-based position (default: the first sheet).
    public var sheet: String?

    public init(delimiter: UInt8? = nil, encoding: EncodingChoice = .auto, sheet: String? = nil) {
        self.delimiter = delimiter
        self.encoding = encoding
        self.sheet = sheet
    }
}

public enum RecordSources {
    /// An xlsx workbook (by its `.xlsx`/`.xlsm` extension or its zip signature) or a text file.
    public static func open(_ url: URL, _ options: SourceOptions = .init()) throws -> any RecordSource {
        if isWorkbook(url) { return try XLSXReader(url: url, sheet: options.sheet, encoding: options.encoding) }
        return try CSVScanner(url: url, delimiter: options.delimiter, encoding: options.encoding)
    }

    static func isWorkbook(_ url: URL) -> Bool {
        if ["xlsx", "xlsm"].contains(url.pathExtension.lowercased()) { return true }
        guard let handle = FileHandle(forReadingAtPath: url.path) else { return false }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: 4)) == Data([0x50, 0x4B, 0x03, 0x04])
    }

    /// A cell decoder for `source`'s records.
    static func decoder(for source: any RecordSource) -> CellDecoder {
        CellDecoder(
            file: source.name, legacy: (source as? CSVScanner)?.legacyDecoder ?? (source as? XLSXReader)?.fontDecoder)
    }
}

extension CSVScanner: RecordSource {
    public var name: String { file }
    public var fieldDelimiter: UInt8? { delimiter }

    public func forEachRecord(_ body: (Record) throws -> Void) throws {
        while let record = try next() { try body(record) }
    }
}
