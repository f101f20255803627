import Foundation

/// Where the fast importer finds a record's design values, attributes and items in a file's
/// columns (from its header), for the statistics side to read accepted rows without records.
package struct FastColumns: Sendable {
    package var count: Int
    package var strata: Int?
    package var cluster: Int
    /// Column of each attribute of the instrument's ``RecordLayout`` (nil: absent, value "").
    package var attributes: [Int?]
    /// Column of each scored item (nil: absent, blank).
    package var items: [Int?]
    /// Codes each item's record carries as "excluded" (the scale's don't-know codes).
    package var excluded: [Set<Int>]

    package init(count: Int, strata: Int?, cluster: Int, attributes: [Int?], items: [Int?], excluded: [Set<Int>]) {
        self.count = count
        self.strata = strata
        self.cluster = cluster
        self.attributes = attributes
        self.items = items
        self.excluded = excluded
    }
}
