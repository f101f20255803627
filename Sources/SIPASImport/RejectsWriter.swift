import Foundation
import SIPASCore

/// Writes rejected rows: the original fields (as in the file, before trimming or NFC), then `_row`
/// and `_reasons`. The file is created at the first rejection only, so a clean import leaves none.
///
/// The file is meant to be opened in a spreadsheet to fix the rows, so every field, header and
/// reason that would start a formula (`=`, `+`, `-`, `@`, tab, CR, NUL) gets a leading `'`
/// (``SpreadsheetText/neutralised(_:)``, OWASP's advice, negative numbers included).
final class RejectsWriter {
    private let url: URL?
    private let header: [String]
    private var handle: FileHandle?
    private let writer = CSVWriter()

    init(url: URL?, header: [String]) {
        self.url = url
        self.header = header
    }

    func write(_ fields: [String], row: Int, reasons: [String]) throws {
        guard let url else { return }
        if handle == nil {
            guard let opened = OutputFile.open(url.path) else {
                throw ImportError(
                    .unreadable("cannot create the rejects file \(url.path)"),
                    at: SourceLocation(file: url.lastPathComponent))
            }
            handle = opened
            try opened.write(contentsOf: Data(line(header + ["_row", "_reasons"]).utf8))
        }
        try handle?.write(contentsOf: Data(line(fields + [String(row), reasons.joined(separator: "; ")]).utf8))
    }

    /// One CSV line of neutralised fields.
    func line(_ fields: [String]) -> String { writer.line(fields.map(SpreadsheetText.neutralised)) }

    func close() { try? handle?.close() }
}
