import Foundation

/// Hands the pieces of a file being read on a thread of its own to the task that writes them,
/// with at most `depth` pieces sent and not yet written: the reader waits in ``send(_:)`` until
/// the writer has written one (``taken()``), so memory stays a few pieces whatever the file's size.
///
/// A blocking semaphore rather than an `AsyncStream`'s buffering policy: the reader is synchronous
/// code (the importer), and a stream's bounded buffer drops pieces instead of making it wait.
final class PiecePipe<Piece: Sendable>: @unchecked Sendable {
    let pieces: AsyncThrowingStream<Piece, any Error>
    private let continuation: AsyncThrowingStream<Piece, any Error>.Continuation
    private let room: DispatchSemaphore
    private let lock = NSLock()
    private var stopped = false

    init(depth: Int) {
        (pieces, continuation) = AsyncThrowingStream.makeStream()
        // Made empty and filled: libdispatch stops the process when a semaphore goes while its
        // value is below the one it was made with, as it is when the writer stopped with pieces unwritten.
        room = DispatchSemaphore(value: 0)
        for _ in 0..<depth { room.signal() }
    }

    /// Sends `piece` once fewer than `depth` pieces wait.
    /// - Throws: `CancellationError` once the writer has stopped (``stop()``).
    func send(_ piece: Piece) throws {
        room.wait()
        guard !lock.withLock({ stopped }) else {
            room.signal()
            throw CancellationError()
        }
        continuation.yield(piece)
    }

    /// The writer has written a piece: the reader may send one more.
    func taken() { room.signal() }

    /// Ends ``pieces`` after the last piece sent, with `error` when the reading failed.
    func finish(throwing error: (any Error)? = nil) { continuation.finish(throwing: error) }

    /// The writer failed and takes no more pieces: a waiting or later ``send(_:)`` throws.
    func stop() {
        lock.withLock { stopped = true }
        room.signal()
    }
}
