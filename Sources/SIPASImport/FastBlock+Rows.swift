import SIPASCore

extension FastBlock {
    /// The row number of each entry of ``order``, given the row number of the line just before the
    /// block (every line of a fast block is one row: blank, rejected or accepted, as the reader counts
    /// them), or nil when that starting row cannot be right: a record of ``records`` whose row is not
    /// that of a line the full importer read, or entries left over.
    ///
    /// Written here, beside the fast reader, because a block does not carry its rows and a sink sees
    /// neither its blank lines nor its rejected rows; the records' own rows check the count.
    public func rowNumbers(after rowBefore: Int) -> [Int]? {
        var rows: [Int] = []
        rows.reserveCapacity(order.count)
        var next = 0
        var row = rowBefore
        for (b, batch) in batches.enumerated() {
            for l in batch.kind.indices {
                row += 1
                guard next < order.count else { continue }
                let entry = order[next]
                switch batch.kind[l] {
                case .blankLine:
                    continue
                case .fast:
                    // A fast line whose id was seen before went to the full importer (rejected).
                    if entry >= 0, Int(entry >> 32) == b, Int(entry & 0xFFFF_FFFF) == Int(batch.fastIndex[l]) {
                        rows.append(row)
                        next += 1
                    } else if entry < 0, records[Int(~entry)].location.row == row {
                        rows.append(row)
                        next += 1
                    }
                case .slow:
                    if entry < 0, records[Int(~entry)].location.row == row {
                        rows.append(row)
                        next += 1
                    }
                }
            }
        }
        return next == order.count ? rows : nil
    }

    /// Lines in the block (each one a row number).
    public var lineCount: Int { batches.reduce(0) { $0 + $1.kind.count } }
}
