import Foundation
import SIPASCore

/// Decodes the scanner's raw fields: checks UTF-8, trims surrounding spaces, normalises to NFC.
///
/// Every change is counted (`trimmed spaces`, `NFC`), never silent. A byte sequence that is not
/// UTF-8 stops the import with its file, row, column and byte offset: a garbled value must never
/// reach the analysis (see research/ecosystem.md §1.2 on Windows-1258 files).
struct CellDecoder {
    static let trimmedKey = "trimmed spaces"
    static let nfcKey = "NFC"

    /// A decoded cell: the text exactly as in the file, and the trimmed NFC value checked and kept.
    struct Cell {
        var original: String
        var value: String
    }

    static let decodedKey = "decoded from "

    let file: String
    /// The file's single-byte Vietnamese encoding, if any: fields are decoded before the UTF-8 check.
    var legacy: (any LegacyDecoder)? = nil

    /// Decodes every field of `record`. `header` names the columns (nil while reading the header).
    func decode(_ record: CSVScanner.Record, header: [String]?, counts: inout [String: Int]) throws -> [Cell] {
        var cells: [Cell] = []
        cells.reserveCapacity(record.fields.count)
        for (column, raw) in record.fields.enumerated() {
            var bytes = raw
            if let legacy, raw.contains(where: { $0 >= 0x80 }) {
                do {
                    bytes = try legacy.decode(raw)
                    if bytes != raw {
                        counts[Self.decodedKey + legacy.encoding.rawValue, default: 0] += 1
                    } else {
                        counts["kept as Unicode (not \(legacy.encoding.rawValue) text)", default: 0] += 1
                    }
                } catch let failure as Undecodable {
                    let doubled =
                        record.quoted[column] ? raw[..<failure.offset].filter { $0 == CSVScanner.quote }.count : 0
                    let name = header.flatMap { column < $0.count ? $0[column] : nil }
                    throw ImportError(
                        .undecodable(
                            encoding: legacy.encoding.rawValue,
                            byteOffset: record.fieldOffsets[column] + failure.offset + doubled,
                            byte: raw[failure.offset]),
                        at: SourceLocation(file: file, row: record.row, column: name, columnIndex: column))
                }
            }
            guard let text = String(validating: bytes, as: UTF8.self) else {
                let bad = Self.firstInvalidUTF8(bytes) ?? 0
                // Inside a quoted field each doubled quote stood for two bytes of the file.
                let doubled = record.quoted[column] ? bytes[..<bad].filter { $0 == CSVScanner.quote }.count : 0
                let name = header.flatMap { column < $0.count ? $0[column] : nil }
                throw ImportError(
                    .notUTF8(
                        byteOffset: record.fieldOffsets[column] + bad + doubled,
                        bytes: Array(bytes[bad..<min(bytes.count, bad + 3)])),
                    at: SourceLocation(file: file, row: record.row, column: name, columnIndex: column))
            }
            cells.append(Cell(original: text, value: Self.normalise(bytes, text, counts: &counts)))
        }
        return cells
    }

    /// Trims spaces, tabs and no-break spaces (U+00A0) and normalises to NFC, counting each change.
    ///
    /// Trimming works on the bytes: Foundation's `trimmingCharacters` cost more than the whole scan
    /// (measured on SampleData/2024.csv), and most cells need neither trimming nor NFC.
    static func normalise(_ bytes: [UInt8], _ text: String, counts: inout [String: Int]) -> String {
        var start = 0
        var end = bytes.count
        func isSpace(_ i: Int) -> Bool { bytes[i] == 0x20 || bytes[i] == 0x09 }
        while true {
            if start < end, isSpace(start) {
                start += 1
            } else if end - start >= 2, bytes[start] == 0xC2, bytes[start + 1] == 0xA0 {
                start += 2
            } else {
                break
            }
        }
        while true {
            if end > start, isSpace(end - 1) {
                end -= 1
            } else if end - start >= 2, bytes[end - 2] == 0xC2, bytes[end - 1] == 0xA0 {
                end -= 2
            } else {
                break
            }
        }
        var value = text
        if start != 0 || end != bytes.count {
            // Cutting at ASCII spaces or whole U+00A0 sequences keeps the bytes valid UTF-8.
            value = String(decoding: bytes[start..<end], as: UTF8.self)
            counts[trimmedKey, default: 0] += 1
        }
        guard bytes[start..<end].contains(where: { $0 >= 0x80 }) else { return value }
        let nfc = value.nfc
        if !nfc.utf8.elementsEqual(value.utf8) { counts[nfcKey, default: 0] += 1 }
        return nfc
    }

    /// ``normalise(_:_:counts:)`` for a string.
    static func normalise(_ text: String, counts: inout [String: Int]) -> String {
        normalise(Array(text.utf8), text, counts: &counts)
    }

    /// The offset of the first byte that does not start a well-formed UTF-8 sequence (overlong forms,
    /// surrogates and values above U+10FFFF are ill-formed, as in Unicode §3.9 table 3-7).
    static func firstInvalidUTF8<C: Collection>(_ bytes: C) -> Int? where C.Element == UInt8, C.Index == Int {
        // Contiguous bytes skip runs of ASCII eight at a time (the encoding guess checks the first
        // megabyte of every file).
        if let found = bytes.withContiguousStorageIfAvailable({ buffer in
            firstInvalidUTF8(buffer) { from in
                var k = from
                while k + 8 <= buffer.count,
                    UnsafeRawPointer(buffer.baseAddress! + k).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080
                        == 0
                { k += 8 }
                return k
            }
        }) {
            return found
        }
        return firstInvalidUTF8(bytes) { $0 }
    }

    /// ``firstInvalidUTF8(_:)`` with `skipASCII(i)`: the first index from `i` on that may not be ASCII.
    @inline(__always)
    private static func firstInvalidUTF8<C: Collection>(_ bytes: C, skipASCII: (Int) -> Int) -> Int?
    where C.Element == UInt8, C.Index == Int {
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            let b = bytes[i]
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch b {
            case 0x00...0x7F:
                i = skipASCII(i + 1)
                continue
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED:
                length = 3
                high = 0x9F
            case 0xF0:
                length = 4
                low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4:
                length = 4
                high = 0x8F
            default: return i - bytes.startIndex
            }
            guard i + length <= end else { return i - bytes.startIndex }
            guard (low...high).contains(bytes[i + 1]) else { return i - bytes.startIndex }
            for k in 2..<max(2, length) where !(0x80...0xBF).contains(bytes[i + k]) { return i - bytes.startIndex }
            i += length
        }
        return nil
    }
}
