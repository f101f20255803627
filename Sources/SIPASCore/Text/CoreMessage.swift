/// The catalog of SIPASCore's own texts (its errors are catalogs themselves: ``CSVReader/ReadError``,
/// ``Crosswalk/ReadError``), each with its Vietnamese and English text.
public enum CoreMessage: Sendable, Hashable, LocalizedMessage {
    /// The marker every output of synthetic data shows.
    case syntheticBanner
    /// Appended to the marker for mixed inputs: how many rows are synthetic (starts with a space).
    case syntheticRows(synthetic: Int, rows: Int)

    public var key: String {
        switch self {
        case .syntheticBanner: return "core.syntheticBanner"
        case .syntheticRows: return "core.syntheticRows"
        }
    }

    public func text(_ language: Language) -> String {
        switch self {
        case .syntheticBanner:
            return language.pick(
                vi: "Dữ liệu mô phỏng — không phải kết quả chính thức", en: "Synthetic data — not official results")
        case .syntheticRows(let synthetic, let rows):
            return language.pick(
                vi: " (\(synthetic)/\(rows) dòng là dữ liệu mô phỏng)", en: " (\(synthetic)/\(rows) rows are synthetic)"
            )
        }
    }
}
