import SIPASCore

/// A ``FastSink`` that keeps nothing: for a dry run (`sipas validate`), where only the import's
/// summary matters. It asks for no column beyond the strata, cluster and respondent id, so the
/// fast reader keeps only the fields every row's checks need.
public final class DiscardingSink: FastSink {
    public init() {}
    public func take(_ block: FastBlock) throws {}
    public func take(_ record: ResponseRecord) throws {}
    public func columnsRead(of columns: FastColumns) -> Set<Int>? { [] }
}
