import SIPASCore
import SIPASStats

/// The province standing as official reports write it ("xếp thứ 5/63, tăng 2 bậc"), and each
/// element's lowest and highest province.
extension AnnualReportBuilder {
    /// The standing column of the province table (``StandingText``): the change's significance is
    /// p < 0.05 after the comparison's adjustment.
    func standing(rank: Int?, of ranked: Int, previousRank: Int?, row: YearComparison.Row?) -> ReportValue {
        guard let rank else { return .text("") }
        let significant = row.flatMap { $0.latestChange == nil ? nil : $0.isSignificant() }
        return .text(
            StandingText.make(
                rank: rank, of: ranked, previousRank: previousRank, significant: significant, language: input.language))
    }

    /// For each indicator, its lowest and highest province (among provinces with at least the
    /// minimum n): value and name; nil without a province breakdown.
    func provinceRange(_ current: [Key: IndicatorResult], indicator: String) -> (
        low: (Double, String), high: (Double, String)
    )? {
        guard let column = input.provinceColumn else { return nil }
        let values = groups(of: column).compactMap { group -> (Double, String)? in
            guard let e = current[Key(group: group, indicator: indicator, statistic: .share)]?.estimate,
                e.n >= input.minimumN
            else { return nil }
            return (e.value * 100, labeler.label(of: group))
        }
        guard let low = values.min(by: { $0.0 < $1.0 }), let high = values.max(by: { $0.0 < $1.0 }) else { return nil }
        return (low, high)
    }

    /// The element table's min–max columns, when the results break down by province.
    var rangeColumns: [ReportColumn] {
        guard input.provinceColumn != nil else { return [] }
        return [
            ReportColumn("province_min", text(.lowestProvinceShare), .percent),
            ReportColumn("province_min_name", text(.lowestProvince), .text),
            ReportColumn("province_max", text(.highestProvinceShare), .percent),
            ReportColumn("province_max_name", text(.highestProvince), .text),
        ]
    }

    func rangeCells(_ current: [Key: IndicatorResult], indicator: String) -> [ReportValue] {
        guard input.provinceColumn != nil else { return [] }
        guard let range = provinceRange(current, indicator: indicator) else {
            return [.missing, .text(""), .missing, .text("")]
        }
        return [.number(range.low.0), .text(range.low.1), .number(range.high.0), .text(range.high.1)]
    }
}
