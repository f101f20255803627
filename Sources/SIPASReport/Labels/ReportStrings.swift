import SIPASCore

/// Fixed texts of the reports, in Vietnamese and English.
enum ReportStrings {
    static func text(_ key: Key, _ language: Language) -> String {
        let pair = table[key]!
        return language == .vi ? pair.0 : pair.1
    }

    enum Key: Hashable {
        case national, group, indicator, share, mean, ci, se, n, excluded, level
        case overall, area, element, item, byGroup, items, design, records, strata, psus, df
        case rows, accepted, rejected, noEstimate, instrument, file, nationalMethod, pooled, meanOfUnits
    }

    private static let table: [Key: (String, String)] = [
        .national: ("Cả nước", "National"),
        .group: ("Nhóm", "Group"),
        .indicator: ("Chỉ số", "Indicator"),
        .share: ("Tỷ lệ hài lòng (%)", "Satisfied (%)"),
        .mean: ("Điểm TB", "Mean score"),
        .ci: ("KTC 95%", "95% CI"),
        .se: ("Sai số chuẩn", "SE"),
        .n: ("n", "n"),
        .excluded: ("Không biết/KAD", "Don't know/NA"),
        .level: ("Cấp", "Level"),
        .overall: ("Chung", "Overall"),
        .area: ("Lĩnh vực", "Area"),
        .element: ("Yếu tố", "Element"),
        .item: ("Câu hỏi", "Item"),
        .byGroup: ("Theo", "By"),
        .items: ("Từng câu hỏi", "Items"),
        .design: ("Thiết kế mẫu", "Design"),
        .records: ("phiếu", "records"),
        .strata: ("tầng", "strata"),
        .psus: ("đơn vị mẫu cấp 1", "PSUs"),
        .df: ("bậc tự do", "degrees of freedom"),
        .rows: ("Số dòng đọc", "Rows read"),
        .accepted: ("nhận", "accepted"),
        .rejected: ("loại", "rejected"),
        .noEstimate: ("không có câu trả lời hợp lệ", "no valid answers"),
        .instrument: ("Bộ công cụ", "Instrument"),
        .file: ("Tệp", "File"),
        .nationalMethod: ("Cách tính toàn bộ mẫu", "Whole-sample method"),
        .pooled: ("gộp có trọng số", "pooled, design-weighted"),
        .meanOfUnits: ("trung bình cộng các đơn vị", "unweighted mean of units"),
    ]
}
