import Foundation
import GRDB
import SIPASBlocks
import SIPASCore
import SIPASImport

extension SurveyStore {
    /// ``forEachBlock(in:year:layout:excluded:rowsPerBlock:readers:_:)`` on several connections:
    /// stepping through SQLite's rows and copying them into blocks is most of an analysis from the
    /// store, and one thread cannot keep up with the accumulator's.
    ///
    /// The rows of each batch are cut into ranges of `rowsPerBlock` row numbers, numbered in batch
    /// then row order; reader `k` of `readers` reads ranges k, k + readers, … on its own read-only
    /// connection, a few blocks ahead, and the calling thread takes the blocks range after range:
    /// `body` sees the rows in the order of one reader, whatever the timing. The first error in that
    /// order is thrown (as one reader would have met it first).
    ///
    /// The readers' snapshots may differ from the selection's, but a batch's rows never change once
    /// written (a replaced batch keeps them), so each reads the same rows.
    func forEachBlockInParallel(_ selection: SelectionSummary, year: Int?, layout: RecordLayout, columns: FastColumns,
                                rowsPerBlock: Int, readers: Int, _ body: (FastBlock) throws -> Void) throws {
        var ranges: [RowRange] = []
        try read { db in
            for batch in selection.batches.sorted(by: { $0.id < $1.id }) {
                try checkLayout(db, batch, layout)
                guard let bounds = try Row.fetchOne(db, sql: "SELECT min(row), max(row) FROM response WHERE batch_id = ?",
                                                    arguments: [batch.id]) else { continue }
                let first: Int? = bounds[0], last: Int? = bounds[1]
                guard let first, let last else { continue }
                for start in stride(from: first, through: last, by: rowsPerBlock) {
                    ranges.append(RowRange(batch: batch, rows: start..<min(start + rowsPerBlock, last + 1)))
                }
            }
        }
        let count = min(readers, ranges.count)
        var connections: [DatabaseQueue] = []
        do {
            var configuration = Configuration()
            configuration.readonly = true
            configuration.busyMode = .timeout(options.busyTimeout)
            configuration.label = "sipas-store-reader"
            for _ in 0..<count { connections.append(try DatabaseQueue(path: path, configuration: configuration)) }
        } catch {
            throw Self.translate(error, store: path, options: options)
        }
        let queues = (0..<count).map { _ in BlockQueue(capacity: 2) }
        let workers = (0..<count).map { WorkerThread(name: "sipas-store-reader-\($0)") }
        let shared = ReaderShare(ranges: ranges, columns: columns, rowsPerBlock: rowsPerBlock, year: year, store: path)
        for k in 0..<count {
            let (connection, queue) = (connections[k], queues[k])
            workers[k].submit { shared.run(reader: k, of: count, connection: connection, into: queue) }
        }
        defer {
            for queue in queues { queue.cancel() }
            for worker in workers {
                worker.wait()
                worker.stop()
            }
        }
        for i in ranges.indices {
            switch queues[i % count].take() {
            case .success(let blocks):
                for block in blocks { try body(block) }
            case .failure(let error as StoreError):
                throw error
            case .failure(let error as NeedsRecords):
                throw error
            case .failure(let error):
                throw Self.translate(error, store: path, options: options)
            }
        }
    }
}

/// The rows of one batch numbered `rows`.
private struct RowRange {
    var batch: BatchInfo
    var rows: Range<Int>
}

/// What every reader thread needs: the ranges (all of them; each reads its share), the columns.
private struct ReaderShare: @unchecked Sendable {
    let ranges: [RowRange]
    let columns: FastColumns
    let rowsPerBlock: Int
    let year: Int?
    let store: String

    /// Reads ranges `reader`, `reader + readers`, … into `queue`, the blocks of each range as one
    /// item; stops at the first error (put in the queue) or when the queue is cancelled.
    func run(reader: Int, of readers: Int, connection: DatabaseQueue, into queue: BlockQueue) {
        do {
            try connection.read { db in
                var blockReader = BlockReader(columns: columns, rowsPerBlock: rowsPerBlock)
                defer { blockReader.deallocate() }
                for i in stride(from: reader, to: ranges.count, by: readers) {
                    var blocks: [FastBlock] = []
                    try blockReader.read(db, batch: ranges[i].batch, rows: ranges[i].rows, year: year, store: store) { blocks.append($0) }
                    guard queue.put(.success(blocks)) else { return }
                }
            }
        } catch {
            _ = queue.put(.failure(error))
        }
    }
}

/// A bounded queue of one reader's results, taken in order by the calling thread.
private final class BlockQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [Result<[FastBlock], any Error>] = []
    private var cancelled = false
    private let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    /// Adds `item` once there is room; false when the queue was cancelled (the reader stops).
    func put(_ item: Result<[FastBlock], any Error>) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while items.count >= capacity && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        items.append(item)
        condition.broadcast()
        return true
    }

    /// The next item, waiting for it.
    func take() -> Result<[FastBlock], any Error> {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty { condition.wait() }
        condition.broadcast()
        return items.removeFirst()
    }

    /// Lets a reader waiting for room stop.
    func cancel() {
        condition.lock()
        cancelled = true
        items.removeAll()
        condition.broadcast()
        condition.unlock()
    }
}
