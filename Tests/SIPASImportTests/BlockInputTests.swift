import Foundation
import Testing

@testable import SIPASImport

/// Blocks cover the file exactly, each ending after a line feed (but the last).
struct BlockInputTests {
    private func withFile<R>(_ bytes: [UInt8], _ body: (Int32) throws -> R) throws -> R {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("block-input-\(UUID().uuidString).csv")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let descriptor = open(url.path, O_RDONLY)
        defer { close(descriptor) }
        return try body(descriptor)
    }

    @Test(arguments: [16, 37, 256])
    func blocksCoverTheFileAndEndAfterLineFeeds(size: Int) throws {
        var text = ""
        for i in 0..<400 { text += i % 7 == 0 ? "\"q,\(i)\",x\n" : String(repeating: "a", count: i % 90) + ",\(i)\n" }
        text += "no line feed at the end"
        let bytes = Array(text.utf8)
        let read: [UInt8] = try withFile(bytes) { descriptor in
            var input = BlockInput(descriptor: descriptor, file: "t.csv", size: size)
            var all: [UInt8] = []
            var carried: [UInt8] = []
            while let block = try input.next(after: carried) {
                let part = Array(block.bytes.buffer[..<block.cut])
                #expect(block.final || part.last == 10)
                #expect(block.quoted == part.contains(UInt8(ascii: "\"")))
                all += part
                carried = Array(block.bytes.buffer[block.cut...])
                if block.final { break }
            }
            return all
        }
        #expect(read == bytes)
    }

    @Test func prependPutsBytesBeforeTheBlockReadAhead() throws {
        try withFile(Array("x,1\ny,2\nz".utf8)) { descriptor in
            var input = BlockInput(descriptor: descriptor, file: "t.csv", size: 64)
            let ahead = try #require(try input.next(after: []))
            let joined = input.prepend(Array("w,0\n".utf8), to: ahead)
            #expect(Array(joined.bytes.buffer) == Array("w,0\nx,1\ny,2\nz".utf8))
            // Not yet known to be the end (no read has returned 0): cut after the last line feed.
            #expect(!ahead.final && !joined.final && joined.cut == 12 && !joined.quoted)
            let alone = input.prepend(Array("\"a\"\n".utf8), to: nil)
            #expect(alone.final && alone.quoted && alone.cut == 4)
        }
    }
}
