import Foundation
import SIPASBlocks

/// The fields a fast row keeps after its checks, when its sink reads only some of them.
///
/// Each fast row's field positions are 8 bytes per column (start and end), the largest part of a
/// decoded block: 27 columns make 8 MB beside a 4 MiB block, written by one thread and read by
/// another. An analysis reads the strata, cluster, respondent id and a few attributes; the others
/// are checked and dropped, and the block's ``FastBlock/columns`` name the kept fields' places.
struct KeptColumns: Sendable {
    /// The file's columns kept, ascending.
    let columns: [Int]
    /// ``FastRules/columns`` with every column replaced by its place among ``columns`` (nil where
    /// not kept; `count` is the number kept).
    let layout: FastColumns
    /// The place of the respondent id's column.
    let idColumn: Int?

    /// `wanted` plus the strata, cluster and respondent-id columns, which the reader and every
    /// sink read; nil when that is every column.
    init?(_ wanted: Set<Int>, of columns: FastColumns, idColumn: Int?) {
        var all = wanted.filter { (0..<columns.count).contains($0) }
        all.insert(columns.cluster)
        if let strata = columns.strata { all.insert(strata) }
        if let idColumn { all.insert(idColumn) }
        guard all.count < columns.count else { return nil }
        self.columns = all.sorted()
        var place = [Int?](repeating: nil, count: columns.count)
        for (i, column) in self.columns.enumerated() { place[column] = i }
        layout = FastColumns(
            count: self.columns.count,
            strata: columns.strata.flatMap { place[$0] },
            cluster: place[columns.cluster]!,
            attributes: columns.attributes.map { $0.flatMap { place[$0] } },
            items: columns.items.map { $0.flatMap { place[$0] } },
            excluded: columns.excluded
        )
        self.idColumn = idColumn.flatMap { place[$0] }
    }
}
