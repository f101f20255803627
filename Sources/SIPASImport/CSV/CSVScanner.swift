import Foundation
import SIPASCore

/// A streaming RFC 4180 reader working on bytes.
///
/// Written by hand rather than with CSV.swift because survey teams need every error to name its row,
/// and CSV.swift's errors carry none; CSV.swift also allocates a `String` per cell, and a byte scanner
/// was ≈ 7× faster in our measurement of 200 000 rows × 41 columns (research/ecosystem.md §2).
///
/// Handles quoted fields holding delimiters, doubled quotes and line breaks; CRLF, LF and CR line
/// ends; a UTF-8 byte-order mark; UTF-16 files with a byte-order mark (transcoded to UTF-8 as they
/// stream); blank lines (skipped and counted); an unterminated quote at the end of the file (an
/// error naming the row and column where it opened). Reads the file in 1 MiB chunks, so memory does
/// not grow with the file. Fields are returned as raw bytes: decoding (and the UTF-8 check naming
/// row and column) is the caller's, see ``CellDecoder``.
///
/// Rows are counted as a spreadsheet shows them: every record and every blank line is one row, the
/// first line is row 1, and a quoted line break does not start a new row. The physical line (as a
/// text editor shows it) is tracked too.
/// - Complexity: O(bytes); memory O(chunk + longest record).
public final class CSVScanner {
    /// One record: its fields as raw bytes, where it starts, and where each field starts.
    public struct Record: Sendable {
        public var fields: [[UInt8]]
        /// Spreadsheet row (1-based; blank lines count as rows, quoted line breaks do not).
        public var row: Int
        /// Physical line where the record starts (1-based).
        public var line: Int
        /// For each field, the offset in the (UTF-8) stream of its first content byte.
        public var fieldOffsets: [Int]
        /// For each field, whether it was quoted (a doubled quote inside stands for two stream bytes).
        public var quoted: [Bool]
    }

    /// How the file's bytes are encoded.
    public enum Encoding: String, Sendable {
        case utf8
        case utf8BOM = "utf8-bom"
        case utf16LE = "utf16le"
        case utf16BE = "utf16be"
        /// Single-byte Vietnamese encodings, decoded field by field (see ``LegacyDecoder``).
        case cp1258, tcvn3, vni
        /// Valid UTF-8 (or xlsx) whose text was typed with a TCVN3 or VNI font (``LegacyFontDecoder``).
        case tcvn3Font = "tcvn3-font"
        case vniFont = "vni-font"
    }

    public private(set) var delimiter: UInt8 = comma
    public private(set) var encoding: Encoding = .utf8
    /// How the encoding was chosen when it was detected (no byte-order mark, `--encoding auto`).
    public private(set) var encodingGuess: EncodingDetector.Guess?
    /// Decodes each field when the file is in CP1258, TCVN3 or VNI.
    private(set) var legacyDecoder: (any LegacyDecoder)?
    /// Blank lines skipped so far.
    public private(set) var blankLines = 0
    /// Fields with characters after their closing quote (`"ab"c`), read leniently as `abc`.
    public private(set) var strayQuotes = 0

    static let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), lf: UInt8 = 10, cr: UInt8 = 13

    /// nil for a scanner over bytes in memory (``init(bytes:file:delimiter:final:row:line:streamOffset:)``).
    private let handle: FileHandle?
    /// In memory and not the end of the stream: running out of bytes inside a record is ``NeedMore``.
    private var final = true
    let file: String
    private var buffer: [UInt8] = []
    private var position = 0
    /// Bytes of the (UTF-8) stream consumed so far: with the file's size, how far the import is.
    public var bytesConsumed: Int { bufferStart + position }
    /// Stream offset of `buffer[0]`.
    private var bufferStart = 0
    private var atEnd = false
    private(set) var line = 1
    private(set) var row = 0
    private var transcoder: UTF16Transcoder?
    private var lastFieldCount = 8
    private let chunkSize: Int

    /// Opens `url`; the delimiter is given, or sniffed from the first line; the encoding is given,
    /// or told by a byte-order mark, or guessed from the first chunk (``EncodingDetector``).
    /// - Throws: ``ImportError`` when the file cannot be opened, or looks like UTF-16 without a BOM.
    public init(url: URL, delimiter: UInt8? = nil, encoding choice: EncodingChoice = .auto, chunkSize: Int = 1 << 20)
        throws
    {
        file = url.lastPathComponent
        self.chunkSize = max(chunkSize, 4)
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            throw ImportError(.fileNotFound, at: SourceLocation(file: file))
        }
        self.handle = handle
        try readChunk()
        if buffer.starts(with: [0xEF, 0xBB, 0xBF]) {
            encoding = .utf8BOM
            position = 3
        } else if buffer.starts(with: [0xFF, 0xFE]) || buffer.starts(with: [0xFE, 0xFF]) {
            encoding = buffer[0] == 0xFF ? .utf16LE : .utf16BE
            transcoder = UTF16Transcoder(bigEndian: encoding == .utf16BE)
            let raw = buffer
            buffer = []
            try transcoder?.append(Array(raw.dropFirst(2)), to: &buffer, file: file)
        } else {
            switch choice {
            case .auto:
                var guess = EncodingDetector.guess(buffer[...])
                if guess.encoding == .utf8, guess.confidence == 1,
                    let font = EncodingDetector.guessFont([
                        String(decoding: buffer[position..<min(buffer.count, position + 65_536)], as: UTF8.self)
                    ])
                {
                    guess = font
                }
                encodingGuess = guess
                encoding = guess.encoding
            case .utf8, .utf16: encoding = .utf8  // UTF-16 is read only with its byte-order mark
            case .cp1258: encoding = .cp1258
            case .tcvn3: encoding = .tcvn3
            case .vni: encoding = .vni
            }
            legacyDecoder = try encoding.makeLegacyDecoder()
        }
        // The whole first line is needed to sniff the delimiter, whatever the chunk size.
        while !atEnd, Self.firstLine(buffer[position...]).endIndex == buffer.endIndex { try readChunk() }
        let firstLine = Self.firstLine(buffer[position...])
        if transcoder == nil, firstLine.contains(0) {
            throw ImportError(.utf16, at: SourceLocation(file: file, row: 1))
        }
        self.delimiter = delimiter ?? CSVReader.sniffDelimiter(firstLine)
    }

    /// A scanner over `bytes`, a slice of a UTF-8 stream that starts at a record boundary at
    /// `streamOffset`, after `row` rows and `line` - 1 lines (the fast importer's blocks that hold quotes).
    /// When `final` is false the bytes may end inside a record: ``nextComplete()`` then stops before it.
    init(bytes: [UInt8], file: String, delimiter: UInt8, final: Bool, row: Int, line: Int, streamOffset: Int) {
        self.file = file
        self.handle = nil
        self.chunkSize = 4
        self.buffer = bytes
        self.atEnd = true
        self.final = final
        self.row = row
        self.line = line
        self.bufferStart = streamOffset
        self.delimiter = delimiter
    }

    /// Thrown inside ``next()`` when an in-memory, non-final scanner runs out of bytes.
    struct NeedMore: Error {}

    /// The next whole record of an in-memory scanner; nil when the bytes end (``position`` then
    /// tells whether an incomplete record was left for the next block).
    func nextComplete() throws -> Record? {
        let saved = (position, row, line, blankLines, strayQuotes)
        do { return try next() } catch is NeedMore {
            (position, row, line, blankLines, strayQuotes) = saved
            return nil
        }
    }

    /// Bytes of an in-memory scanner consumed so far.
    var consumed: Int { position }

    deinit { try? handle?.close() }

    /// The bytes of the first line (up to an unquoted line end).
    static func firstLine(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var quoted = false
        for index in bytes.indices {
            let byte = bytes[index]
            if byte == quote {
                quoted.toggle()
            } else if !quoted && (byte == lf || byte == cr) {
                return bytes[bytes.startIndex..<index]
            }
        }
        return bytes
    }

    // MARK: - Buffering

    private func readChunk() throws {
        guard let handle else {
            atEnd = true
            return
        }
        let data: Data?
        do { data = try handle.read(upToCount: chunkSize) } catch {
            throw ImportError(.unreadable(error.localizedDescription), at: SourceLocation(file: file))
        }
        guard let data, !data.isEmpty else {
            atEnd = true
            if let transcoder { try transcoder.finish(file: file) }
            return
        }
        if let transcoder {
            try transcoder.append(Array(data), to: &buffer, file: file)
        } else {
            buffer.append(contentsOf: data)
        }
    }

    /// Drops consumed bytes and reads the next chunk; false at end of file.
    private func refill() throws -> Bool {
        if handle == nil {
            if !final { throw NeedMore() }
            return false
        }
        if position > 0 {
            buffer.removeFirst(position)
            bufferStart += position
            position = 0
        }
        while !atEnd {
            let before = buffer.count
            try readChunk()
            if buffer.count > before { return true }
        }
        return false
    }

    /// True when a byte is available at `position`.
    @inline(__always) private func available() throws -> Bool {
        if position < buffer.count { return true }
        return try refill()
    }

    // MARK: - Records

    /// The next record, or nil at end of file.
    /// - Throws: ``ImportError/Kind/unterminatedQuote`` naming the row and column where the quote opened.
    public func next() throws -> Record? {
        // Blank lines: skipped, counted, and each one is a spreadsheet row.
        while try available() {
            let byte = buffer[position]
            guard byte == Self.lf || byte == Self.cr else { break }
            position += 1
            if byte == Self.cr, try available(), buffer[position] == Self.lf { position += 1 }
            line += 1
            row += 1
            blankLines += 1
        }
        guard try available() else { return nil }
        row += 1
        let startLine = line
        var fields: [[UInt8]] = []
        fields.reserveCapacity(lastFieldCount)
        var offsets: [Int] = []
        var quotedFlags: [Bool] = []
        offsets.reserveCapacity(lastFieldCount)
        quotedFlags.reserveCapacity(lastFieldCount)
        var field: [UInt8] = []
        var inQuotes = false
        var wasQuoted = false
        var stray = false
        var quoteLine = startLine
        offsets.append(bufferStart + position)

        func endField() {
            fields.append(field)
            quotedFlags.append(wasQuoted)
            field = []
            wasQuoted = false
            stray = false
        }
        while true {
            guard try available() else {
                if inQuotes {
                    throw ImportError(
                        .unterminatedQuote(line: quoteLine),
                        at: SourceLocation(file: file, row: row, columnIndex: fields.count))
                }
                endField()
                return finish(fields, offsets, quotedFlags, startLine)
            }
            let byte = buffer[position]
            position += 1
            if inQuotes {
                if byte == Self.quote {
                    if try available(), buffer[position] == Self.quote {
                        field.append(byte)
                        position += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if byte == Self.lf {
                        line += 1
                    } else if byte == Self.cr, !(try available() && buffer[position] == Self.lf) {
                        line += 1
                    }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case delimiter:
                endField()
                offsets.append(bufferStart + position)
            case Self.quote where field.isEmpty && !wasQuoted:
                inQuotes = true
                wasQuoted = true
                quoteLine = line
                offsets[offsets.count - 1] = bufferStart + position
            case Self.lf, Self.cr:
                if byte == Self.cr, try available(), buffer[position] == Self.lf { position += 1 }
                line += 1
                endField()
                return finish(fields, offsets, quotedFlags, startLine)
            default:
                if wasQuoted && !stray {
                    stray = true
                    strayQuotes += 1
                }
                field.append(byte)
            }
        }
    }

    private func finish(_ fields: [[UInt8]], _ offsets: [Int], _ quoted: [Bool], _ startLine: Int) -> Record {
        lastFieldCount = fields.count
        return Record(fields: fields, row: row, line: startLine, fieldOffsets: offsets, quoted: quoted)
    }
}
