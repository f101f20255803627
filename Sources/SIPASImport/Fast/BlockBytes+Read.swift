import Foundation
import SIPASBlocks
import SIPASCore

extension BlockBytes {
    /// Reads up to `limit` bytes of `descriptor` straight after the bytes held (no `Data` in
    /// between, which cost an allocation, its page faults and a second copy per block); the number
    /// read, 0 at the end of the file.
    /// - Throws: ``ImportError/Kind/unreadable(_:)`` with the system's reason.
    func read(from descriptor: Int32, limit: Int, file: String) throws -> Int {
        let wanted = min(limit, capacity - count)
        var total = 0
        while total < wanted {
            let n = Foundation.read(descriptor, base + count + total, wanted - total)
            if n < 0 {
                if errno == EINTR { continue }
                throw ImportError(.unreadable(String(cString: strerror(errno))), at: SourceLocation(file: file))
            }
            if n == 0 { break }
            total += n
        }
        count += total
        return total
    }
}
