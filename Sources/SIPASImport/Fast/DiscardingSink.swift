import SIPASBlocks
import SIPASCore

/// A ``FastSink`` that keeps nothing: for a dry run (`sipas validate`), where only the import's
/// summary matters. It asks for no column beyond the strata, cluster and respondent id, so the
/// fast reader keeps only the fields every row's checks need.
package final class DiscardingSink: FastSink {
    package init() {}
    package func take(_ block: FastBlock) throws {}
    package func take(_ record: ResponseRecord) throws {}
    package func columnsRead(of columns: FastColumns) -> Set<Int>? { [] }
}
