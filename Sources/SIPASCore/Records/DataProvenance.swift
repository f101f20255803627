/// Where the rows of an analysis came from, read from the `data_source` column of the response files.
///
/// A file without the column, or a row whose value is empty or anything but `synthetic`, counts as
/// unmarked (survey data). Rule for mixed inputs: as soon as one row is `synthetic`, every output is
/// marked, and the marker states how many of the rows are synthetic ("1 200/12 000 rows"): an estimate
/// that rests even partly on synthetic rows is not an official result.
public struct DataProvenance: Sendable, Hashable, Codable {
    /// The column name in response files (and in the frame files of `SampleData/`).
    public static let column = "data_source"
    /// The value marking a synthetic row.
    public static let syntheticValue = "synthetic"
    /// ``syntheticValue`` in UTF-8.
    public static let syntheticBytes: [UInt8] = Array(syntheticValue.utf8)

    /// Rows read whose `data_source` is `synthetic`.
    public var syntheticRows: Int
    /// Rows read, over every input.
    public var rows: Int

    public init(syntheticRows: Int = 0, rows: Int = 0) {
        self.syntheticRows = syntheticRows
        self.rows = rows
    }

    /// True when any row is synthetic: every output shows the marker.
    public var isSynthetic: Bool { syntheticRows > 0 }
    /// True when some rows, not all, are synthetic.
    public var isMixed: Bool { syntheticRows > 0 && syntheticRows < rows }

    /// The value written as `data_source` in machine outputs: `synthetic`, `mixed` or `survey`.
    public var value: String {
        isMixed ? "mixed" : isSynthetic ? Self.syntheticValue : "survey"
    }

    /// The two provenances of two inputs together (e.g. this year and the previous year).
    public func adding(_ other: DataProvenance) -> DataProvenance {
        DataProvenance(syntheticRows: syntheticRows + other.syntheticRows, rows: rows + other.rows)
    }

    /// The marker every output shows, nil for survey data:
    /// "Dữ liệu mô phỏng — không phải kết quả chính thức" / "Synthetic data — not official results",
    /// with the count of synthetic rows for mixed inputs.
    public func banner(_ language: Language) -> String? {
        guard isSynthetic else { return nil }
        let text = CoreMessage.syntheticBanner.text(language)
        guard isMixed else { return text }
        return text + CoreMessage.syntheticRows(synthetic: syntheticRows, rows: rows).text(language)
    }
}
