import SIPASCore

/// Turns UTF-16 bytes (Excel's "Unicode Text", with a byte-order mark) into UTF-8 as they stream in,
/// so that the scanner works on UTF-8 whatever the file's encoding.
///
/// An odd trailing byte or a high surrogate at the end of a chunk is carried to the next chunk.
/// An unpaired surrogate is an error (with its byte offset in the file), never a replacement
/// character: a garbled value must not reach the analysis.
final class UTF16Transcoder {
    private let bigEndian: Bool
    private var carry: [UInt8] = []
    private var pendingHigh: UInt16?
    /// File offset of the next byte to arrive (the 2-byte BOM comes first).
    private var offset = 2

    init(bigEndian: Bool) { self.bigEndian = bigEndian }

    func append(_ bytes: [UInt8], to out: inout [UInt8], file: String) throws {
        var input = carry
        input.append(contentsOf: bytes)
        let pairs = input.count / 2
        out.reserveCapacity(out.count + pairs * 2)
        for i in 0..<pairs {
            let a = UInt16(input[2 * i])
            let b = UInt16(input[2 * i + 1])
            let unit = bigEndian ? (a << 8 | b) : (b << 8 | a)
            let unitOffset = offset + 2 * i - carry.count
            if let high = pendingHigh {
                guard (0xDC00...0xDFFF).contains(unit) else { throw error(file, at: unitOffset - 2) }
                let scalar = 0x10000 + ((UInt32(high) - 0xD800) << 10) + (UInt32(unit) - 0xDC00)
                Self.encode(scalar, to: &out)
                pendingHigh = nil
            } else if (0xD800...0xDBFF).contains(unit) {
                pendingHigh = unit
            } else if (0xDC00...0xDFFF).contains(unit) {
                throw error(file, at: unitOffset)
            } else {
                Self.encode(UInt32(unit), to: &out)
            }
        }
        offset += bytes.count
        carry = input.count % 2 == 1 ? [input[input.count - 1]] : []
    }

    /// Checks that the file did not end in the middle of a character.
    func finish(file: String) throws {
        if pendingHigh != nil { throw error(file, at: offset - 2) }
        if !carry.isEmpty { throw error(file, at: offset - 1) }
    }

    private func error(_ file: String, at byteOffset: Int) -> ImportError {
        ImportError(.badUTF16(byteOffset: byteOffset), at: SourceLocation(file: file))
    }

    static func encode(_ scalar: UInt32, to out: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            out.append(UInt8(scalar))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | scalar >> 6))
            out.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | scalar >> 12))
            out.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            out.append(UInt8(0x80 | scalar & 0x3F))
        default:
            out.append(UInt8(0xF0 | scalar >> 18))
            out.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            out.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            out.append(UInt8(0x80 | scalar & 0x3F))
        }
    }
}
