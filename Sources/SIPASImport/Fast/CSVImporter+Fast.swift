import Dispatch
import Foundation
import SIPASBlocks
import SIPASCore

extension CSVImporter {
    /// Bytes read per block of the fast path (memory is a few times this, whatever the file's size);
    /// `SIPAS_FAST_BLOCK_BYTES` sets it smaller, for tests of rows across block boundaries.
    static let fastBlockSize =
        ProcessInfo.processInfo.environment["SIPAS_FAST_BLOCK_BYTES"].flatMap(Int.init).map { max($0, 16) } ?? 4 << 20

    /// Imports `file` like ``run(file:accept:)``, with the same summary, rejects file and
    /// respondent-id checks, handing the accepted rows to `sink`. A UTF-8 CSV file is read in blocks
    /// whose ordinary rows are checked on raw bytes on `threads` threads (``FastRules``); the other
    /// rows, and every row of other files, go through the full importer in input order.
    package func runFast(file: URL, threads: Int, sink: FastSink) throws -> ImportSummary {
        let source = try RecordSources.open(file, options.source)
        guard let scanner = source as? CSVScanner, scanner.encoding == .utf8 || scanner.encoding == .utf8BOM,
            scanner.legacyDecoder == nil
        else {
            return try run(file: file) { try sink.take($0) }
        }
        var summary = ImportSummary(file: scanner.name, layout: recordPlanLayout)
        summary.delimiter = scanner.delimiter
        summary.encoding = scanner.encoding
        summary.encodingGuess = scanner.encodingGuess
        let decoder = RecordSources.decoder(for: scanner)
        let fileSize = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? NSNumber)?.intValue ?? 0
        var header: [String] = []
        do {
            guard let first = try scanner.next() else {
                throw ImportError(.emptyFile, at: SourceLocation(file: scanner.name))
            }
            let (names, started, writer) = try start(first, decoder, &summary)
            header = names
            defer { writer.close() }
            var context = started
            registerRereadable(scanner, url: file, context: context)
            guard var rules = FastRules(importer: self, context: context, delimiter: scanner.delimiter) else {
                // Not for the fast rules: the rest of the file through the full importer.
                var records = 0
                while let record = try scanner.next() {
                    records += 1
                    if records % 64 == 0 {
                        knownRespondents.checkpoint(
                            file: context.fileNumber, offset: scanner.bytesConsumed, row: scanner.row,
                            line: scanner.line)
                    }
                    if let built = try process(
                        record, decoder: decoder, header: header, context: &context, summary: &summary, writer: writer,
                        fraction: { Double(scanner.bytesConsumed) / Double(max(fileSize, 1)) })
                    {
                        try sink.take(built)
                    }
                }
                summary.blankLines += scanner.blankLines
                if scanner.strayQuotes > 0 {
                    summary.normalisations["text after a closing quote kept", default: 0] += scanner.strayQuotes
                }
                return summary
            }
            if let wanted = sink.columnsRead(of: rules.columns) {
                rules.kept = KeptColumns(wanted, of: rules.columns, idColumn: rules.idColumn)
            }
            var reader = FastReader(file: file, scanner: scanner, rules: rules, threads: max(threads, 1))
            try reader.read(
                importer: self, decoder: decoder, header: header, context: &context, summary: &summary,
                writer: writer, fileSize: fileSize, sink: sink)
            summary.blankLines += reader.blankLines
            if reader.strayQuotes > 0 {
                summary.normalisations["text after a closing quote kept", default: 0] += reader.strayQuotes
            }
        } catch let error as ImportError { throw named(error, header) }
        return summary
    }

    var recordPlanLayout: RecordLayout { instrument.recordLayout }
}

/// Reads a UTF-8 file after its header in blocks ending at a line feed, split into lines and checked
/// in parallel slices. A line whose quoted fields are plain byte ranges can pass the fast rules; the
/// scanner reads the other quoted lines one by one for the full importer. A record whose quoted
/// field holds a line feed is joined across its lines and goes to the full importer the same way
/// (``join(_:_:_:)`` decodes again a slice that began inside it); a block with a lone carriage
/// return is read by ``CSVScanner`` itself, record by record. Quoted fields keep their exact RFC 4180
/// reading and row and line numbers either way.
struct FastReader {
    let file: URL
    let rules: FastRules
    let threads: Int
    let delimiter: UInt8
    var row: Int, line: Int
    var blankLines: Int, strayQuotes: Int
    /// Stream offset of the next unread byte (after the header).
    var offset: Int
    /// Threads decoding the slices after the first (one fewer than ``threads``).
    var workers: [WorkerThread] = []
    /// Whether the respondent-id table was sized for the file.
    var reservedIds = false
    /// The words read ahead of the id checks (kept so that the loads are not optimised away).
    var peeked: UInt64 = 0
    /// How many ids' table slots are read at once, ahead of their checks
    /// (``CSVImporter/RespondentRegistry/peek(_:)``): 256 cache lines, well within the L2 cache.
    static let readAhead = 256

    init(file: URL, scanner: CSVScanner, rules: FastRules, threads: Int) {
        self.file = file
        self.rules = rules
        self.threads = threads
        delimiter = scanner.delimiter
        row = scanner.row
        line = scanner.line
        blankLines = scanner.blankLines
        strayQuotes = scanner.strayQuotes
        offset = scanner.bytesConsumed
    }

    mutating func read(
        importer: CSVImporter, decoder: CellDecoder, header: [String], context: inout RowContext,
        summary: inout ImportSummary, writer: RejectsWriter, fileSize: Int, sink: FastSink
    ) throws {
        let descriptor = open(file.path, O_RDONLY)
        guard descriptor >= 0 else {
            throw ImportError(.fileNotFound, at: SourceLocation(file: file.lastPathComponent))
        }
        defer { close(descriptor) }
        workers = (1..<max(threads, 1)).map { WorkerThread(name: "sipas-decode-\($0)") }
        defer { for worker in workers { worker.stop() } }
        guard lseek(descriptor, off_t(offset), SEEK_SET) == off_t(offset) else {
            throw ImportError(
                .unreadable(String(cString: strerror(errno))), at: SourceLocation(file: file.lastPathComponent))
        }
        var input = BlockInput(descriptor: descriptor, file: file.lastPathComponent)
        // A decoded block not yet checked in order: its bytes, length, slices and stream offset.
        var pending: (block: BlockBytes, count: Int, batches: [FastBatch], offset: Int)?
        // `helpers`: the threads decoding the next block, offered to the sink for its work on this one.
        func finishPending(helpers: FastHelpers? = nil) throws {
            guard let block = pending else { return }
            pending = nil
            try finish(
                block.block, block.count, block.batches, at: block.offset,
                importer, decoder, header, &context, &summary, writer, fileSize, sink, helpers)
        }
        var next = try input.next(after: [])
        while let block = next {
            next = nil
            PhaseTrace.mark("block read: \(block.cut) bytes\(block.quoted ? ", quoted" : "")")
            // This block is decoded on the workers while the previous one is checked in order and
            // handed to the sink here, and the next one read; then this thread helps with what is
            // left. The next block starts at this one's cut; should the scanner stop short of the
            // cut (a quoted line break across it), what it left is put before the next block.
            let bounds = sliceBounds(block.bytes, block.cut)
            let decoding = ParallelSlices.start(
                bounds: bounds, base: UnsafePointer(block.bytes.base), quotes: block.quoted,
                spanning: block.quoted, rules: rules, workers: workers)
            do {
                try finishPending(helpers: FastHelpers(run: { decoding.run($0) }))
                PhaseTrace.mark("previous block checked in order")
                next = try input.next(after: Array(block.bytes.buffer[block.cut...]))
            } catch {
                _ = decoding.finish()
                throw error
            }
            var batches = decoding.finish()
            PhaseTrace.mark("block decoded")
            var cut = block.cut
            if block.quoted {
                let (joined, end) = join(batches, bounds, UnsafePointer(block.bytes.base))
                // Else the scanner: no whole record in the block, or the file's last quote never
                // closed (the scanner names where it opened).
                if end == block.cut || !block.final && end > 0 {
                    batches = joined
                    cut = end
                    if cut < block.cut {
                        next = input.prepend(Array(block.bytes.buffer[cut..<block.cut]), to: next)
                    }
                } else {
                    batches[0].needsScanner = true
                }
            }
            if batches.contains(where: \.needsScanner) {
                let consumed = try scan(
                    Array(block.bytes.buffer[..<block.cut]), final: block.final,
                    importer, decoder, header, &context, &summary, writer, fileSize, sink)
                // The scanner stops short of the cut when a quoted field runs past it: what it
                // left goes before the block read ahead.
                if consumed < block.cut {
                    next = input.prepend(Array(block.bytes.buffer[consumed..<block.cut]), to: next)
                }
                offset += consumed
            } else {
                pending = (block.bytes, cut, batches, offset)
                offset += cut
            }
        }
        try finishPending()
    }

    /// Reads records from `block` with ``CSVScanner``; the bytes consumed.
    private mutating func scan(
        _ block: [UInt8], final: Bool, _ importer: CSVImporter, _ decoder: CellDecoder, _ header: [String],
        _ context: inout RowContext, _ summary: inout ImportSummary, _ writer: RejectsWriter,
        _ fileSize: Int, _ sink: FastSink
    ) throws -> Int {
        let scanner = CSVScanner(
            bytes: block, file: file.lastPathComponent, delimiter: delimiter, final: final,
            row: row, line: line, streamOffset: offset)
        let start = offset
        var records = 0
        while let record = try scanner.nextComplete() {
            records += 1
            if records % 64 == 0 {
                importer.knownRespondents.checkpoint(
                    file: context.fileNumber, offset: start + scanner.consumed, row: scanner.row, line: scanner.line)
            }
            if let built = try importer.process(
                record, decoder: decoder, header: header, context: &context, summary: &summary, writer: writer,
                fraction: { Double(start + scanner.consumed) / Double(max(fileSize, 1)) })
            {
                try sink.take(built)
            }
        }
        row = scanner.row
        line = scanner.line
        blankLines += scanner.blankLines
        strayQuotes += scanner.strayQuotes
        return scanner.consumed
    }

    /// Goes through the decoded lines of `block[0..<count]` (at stream offset `blockOffset`) in
    /// order: blank lines counted, slow rows to the full importer, respondent ids registered; then
    /// hands the block to the sink.
    private mutating func finish(
        _ block: BlockBytes, _ count: Int, _ batches: [FastBatch], at blockOffset: Int,
        _ importer: CSVImporter, _ decoder: CellDecoder, _ header: [String], _ context: inout RowContext,
        _ summary: inout ImportSummary, _ writer: RejectsWriter, _ fileSize: Int, _ sink: FastSink,
        _ helpers: FastHelpers?
    ) throws {
        let base = UnsafePointer(block.base)
        if !reservedIds, rules.idColumn != nil, count > 0 {
            // The ids of the whole file, estimated from this block's rows per byte.
            let rows = batches.reduce(0) { $0 + $1.kind.count }
            importer.knownRespondents.reserve(
                Int(Double(max(fileSize - blockOffset, count)) * Double(rows) / Double(count) * 1.05))
            reservedIds = true
        }
        var order: [Int64] = []
        var rows: [Int] = []
        order.reserveCapacity(batches.reduce(0) { $0 + $1.kind.count })
        rows.reserveCapacity(order.capacity)
        var records: [ResponseRecord] = []
        let idColumn = rules.rowIdColumn
        let columnCount = rules.rowColumns.count
        for (b, batch) in batches.enumerated() {
            let kinds = batch.kind
            let lines = batch.lines
            let fastIndex = batch.fastIndex
            let idHashes = batch.idHashes
            let starts = batch.starts
            let ends = batch.ends
            var readUpTo = 0
            summary.syntheticRows += batch.syntheticRows
            for l in kinds.indices {
                if l % 64 == 0 {
                    importer.knownRespondents.checkpoint(
                        file: context.fileNumber, offset: blockOffset + Int(lines[2 * l]), row: row, line: line)
                }
                row += 1
                defer { line += 1 }
                // Cases matched, not compared: `==` on a type of SIPASBlocks is a witness call.
                switch kinds[l] {
                case .blankLine:
                    blankLines += 1
                case .fast, .slow:
                    let passed: Bool
                    if case .fast = kinds[l] { passed = true } else { passed = false }
                    var slow = !passed
                    let rank = Int(fastIndex[l])
                    if !slow, rank >= readUpTo {
                        readUpTo = min(rank + Self.readAhead, idHashes.count)
                        peeked ^= importer.knownRespondents.peek(
                            UnsafeBufferPointer(rebasing: idHashes[rank..<readUpTo]))
                    }
                    if !slow, let idColumn {
                        let s = Int(starts[rank * columnCount + idColumn])
                        let e = Int(ends[rank * columnCount + idColumn])
                        if e > s {
                            // A repeated id: the full importer rejects the row, naming the first one.
                            let id = UnsafeBufferPointer(start: base + s, count: e - s)
                            if importer.knownRespondents.firstOccurrence(
                                of: id, hash: idHashes[rank], file: context.fileNumber, row: row) != nil
                            {
                                slow = true
                            }
                        }
                    }
                    if slow {
                        let record = try self.record(
                            base, Int(lines[2 * l]), Int(lines[2 * l + 1]), row: row, streamOffset: blockOffset)
                        // A fast row sent on (its id repeats): the full importer counts its marker, not the batch.
                        if passed, let marker = rules.markerColumn, marker < record.fields.count,
                            record.fields[marker] == DataProvenance.syntheticBytes
                        {
                            summary.syntheticRows -= 1
                        }
                        let position = blockOffset + Int(lines[2 * l + 1])
                        if let built = try importer.process(
                            record, decoder: decoder, header: header, context: &context, summary: &summary,
                            writer: writer, fraction: { Double(position) / Double(max(fileSize, 1)) })
                        {
                            order.append(~Int64(records.count))
                            rows.append(row)
                            records.append(built)
                        }
                    } else {
                        summary.rowsRead += 1
                        summary.accepted += 1
                        if let onProgress = importer.onProgress, summary.rowsRead % importer.progressInterval == 0 {
                            onProgress(
                                summary.rowsRead, Double(blockOffset + Int(lines[2 * l + 1])) / Double(max(fileSize, 1))
                            )
                        }
                        order.append(Int64(b) << 32 | Int64(rank))
                        rows.append(row)
                    }
                }
            }
        }
        let done = FastBlock(
            storage: block, columns: rules.rowColumns, batches: batches, order: order, rows: rows, records: records)
        if let helpers { try sink.take(done, helpers: helpers) } else { try sink.take(done) }
    }

    /// The scanner's record for `base[start..<end]` (one record, without carriage returns, on one
    /// line or, with line feeds inside quotes, on several): split on the delimiter, or read by
    /// ``CSVScanner`` when it holds a quote.
    private mutating func record(
        _ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int, row: Int, streamOffset: Int
    ) throws -> CSVScanner.Record {
        guard memchr(base + start, Int32(CSVScanner.quote), end - start) != nil else {
            return Self.record(
                base, start, end, delimiter: delimiter, row: row, line: line, streamOffset: streamOffset)
        }
        let scanner = CSVScanner(
            bytes: Array(UnsafeBufferPointer(start: base + start, count: end - start)) + [CSVScanner.lf],
            file: file.lastPathComponent, delimiter: delimiter, final: true, row: row - 1, line: line,
            streamOffset: streamOffset + start)
        // The decoding saw the record's quotes close by its end, so the scanner reads exactly it.
        guard let record = try scanner.next(), scanner.consumed == end - start + 1 else {
            preconditionFailure("a decoded line is not one CSV record")
        }
        strayQuotes += scanner.strayQuotes
        // Line feeds inside its quoted fields: the record's last line is further on.
        line += scanner.line - line - 1
        return record
    }

    /// The scanner's record for an unquoted line without carriage returns.
    static func record(
        _ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int, delimiter: UInt8, row: Int, line: Int, streamOffset: Int
    ) -> CSVScanner.Record {
        var fields: [[UInt8]] = []
        var offsets: [Int] = []
        var fieldStart = start
        for i in start...end where i == end || base[i] == delimiter {
            fields.append(Array(UnsafeBufferPointer(start: base + fieldStart, count: i - fieldStart)))
            offsets.append(streamOffset + fieldStart)
            fieldStart = i + 1
        }
        return CSVScanner.Record(
            fields: fields, row: row, line: line, fieldOffsets: offsets,
            quoted: Array(repeating: false, count: fields.count))
    }
}
