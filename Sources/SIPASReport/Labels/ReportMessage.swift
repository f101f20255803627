import SIPASCore
import SIPASStats

/// The catalog of the reports' fixed texts, table titles and sentences, each with its Vietnamese
/// and English text. The annual report's own texts are in ``AnnualMessage`` and ``AnnexMessage``.
enum ReportMessage: Sendable, Hashable, LocalizedMessage {
    // Labels of the analysis tables.
    case national, group, indicator, share, mean, ci, se, n, excluded, level
    case overall, area, element, item, byGroup, items, design, records, strata, psus, df
    case rows, accepted, rejected, noEstimate, instrument, file, nationalMethod, pooled, meanOfUnits
    /// The areas of a 1001/QĐ-BNV instrument.
    case contentArea
    /// The elements of the policy area of a 1001/QĐ-BNV instrument.
    case policyGroup
    // The target table (``TargetTable``).
    /// "Targets: ", before the plan and its unit.
    case targetsHeading
    case target, thresholdYear, estimate, gap, neededPerYear, statusCI, pointEstimate
    /// A target's verdict.
    case targetStatus(TargetAssessment.Status)
    /// A relative target's threshold: higher than `year`.
    case higherThan(year: Int)
    case notYetDueNote, severalFiguresNote
    // A province's standing (``StandingText``).
    case rank(Int, of: Int)
    case movedUp(Int)
    case movedDown(Int)
    case sameRank
    case changeSignificant
    case changeNotSignificant
    // The agency table.
    case agenciesTitle, province, agency, code, overallIndex, rankInProvince
    /// An agency below the minimum number of answers.
    case notEnoughAnswers(minimumN: Int)
    /// How agencies are ranked, under the table.
    case agencyRule(minimumN: Int)
    // The comparison's baselines; `percent` texts are formatted.
    /// "95% CI " before an interval in a sentence.
    case ciPrefix
    case meanOfProvinces(Int)
    case nationalBaseline(year: String, published: String, publishedNote: String, regrouped: String, units: Int)
    case regroupedBaselineNote
    // The HTML and Word reports.
    case provincesChartTitle, elementsChartTitle
    case changeSince(year: String)
    /// A table too long for Word, read in the workbook or CSV `id`.
    case tableInWorkbook(rows: Int, id: String)
    // The comparison (``ComparisonReport``).
    case files, methodBreak, notDirectlyComparable, regroupedInto, changeLegend, change, nationalShare, rankColumn,
        overallIndexBy
    case movements(YearComparison.Movement)
    // The paper form (``PaperForm``).
    case generalInformation, otherQuestions
    /// "Method: ", before the instrument's method.
    case methodPrefix
    case formId, page, instructionsTitle
    case instructionReadAloud, instructionRequired, instructionDigits, instructionDontKnow
    /// "Ask only if: ", before a question's condition.
    case askOnlyIf
    case severalAnswers
    /// A question by its number on the form, in a condition.
    case questionNumber(Int)

    var key: String {
        switch self {
        case .targetStatus(let status): return "report.targetStatus.\(status.rawValue)"
        default:
            // The case name, without the values it carries.
            let name = Mirror(reflecting: self).children.first?.label ?? String(describing: self)
            return "report." + name
        }
    }

    func text(_ language: Language) -> String {
        switch self {
        case .national: return language.pick(vi: "Cả nước", en: "National")
        case .group: return language.pick(vi: "Nhóm", en: "Group")
        case .indicator: return language.pick(vi: "Chỉ số", en: "Indicator")
        case .share: return language.pick(vi: "Tỷ lệ hài lòng (%)", en: "Satisfied (%)")
        case .mean: return language.pick(vi: "Điểm TB", en: "Mean score")
        case .ci: return language.pick(vi: "KTC 95%", en: "95% CI")
        case .se: return language.pick(vi: "Sai số chuẩn", en: "SE")
        case .n: return "n"
        case .excluded: return language.pick(vi: "Không biết/KAD", en: "Don't know/NA")
        case .level: return language.pick(vi: "Cấp", en: "Level")
        case .overall: return language.pick(vi: "Chung", en: "Overall")
        case .area: return language.pick(vi: "Lĩnh vực", en: "Area")
        case .element: return language.pick(vi: "Yếu tố", en: "Element")
        case .item: return language.pick(vi: "Câu hỏi", en: "Item")
        case .byGroup: return language.pick(vi: "Theo", en: "By")
        case .items: return language.pick(vi: "Từng câu hỏi", en: "Items")
        case .design: return language.pick(vi: "Thiết kế mẫu", en: "Design")
        case .records: return language.pick(vi: "phiếu", en: "records")
        case .strata: return language.pick(vi: "tầng", en: "strata")
        case .psus: return language.pick(vi: "đơn vị mẫu cấp 1", en: "PSUs")
        case .df: return language.pick(vi: "bậc tự do", en: "degrees of freedom")
        case .rows: return language.pick(vi: "Số dòng đọc", en: "Rows read")
        case .accepted: return language.pick(vi: "nhận", en: "accepted")
        case .rejected: return language.pick(vi: "loại", en: "rejected")
        case .noEstimate: return language.pick(vi: "không có câu trả lời hợp lệ", en: "no valid answers")
        case .instrument: return language.pick(vi: "Bộ công cụ", en: "Instrument")
        case .file: return language.pick(vi: "Tệp", en: "File")
        case .nationalMethod: return language.pick(vi: "Cách tính toàn bộ mẫu", en: "Whole-sample method")
        case .pooled: return language.pick(vi: "gộp có trọng số", en: "pooled, design-weighted")
        case .meanOfUnits: return language.pick(vi: "trung bình cộng các đơn vị", en: "unweighted mean of units")
        case .contentArea: return language.pick(vi: "Nội dung", en: "Content area")
        case .policyGroup: return language.pick(vi: "Nhóm chính sách", en: "Policy group")
        case .targetsHeading: return language.pick(vi: "Mục tiêu: ", en: "Targets: ")
        case .target: return language.pick(vi: "Mục tiêu", en: "Target")
        case .thresholdYear: return language.pick(vi: "Ngưỡng (năm)", en: "Threshold (year)")
        case .estimate: return language.pick(vi: "Ước lượng", en: "Estimate")
        case .gap: return language.pick(vi: "Chênh lệch", en: "Gap")
        case .neededPerYear: return language.pick(vi: "Cần tăng/năm", en: "Needed per year")
        case .statusCI: return language.pick(vi: "Đánh giá (KTC)", en: "Status (CI)")
        case .pointEstimate: return language.pick(vi: "Theo giá trị điểm", en: "Point estimate")
        case .targetStatus(let status):
            switch status {
            case .met: return language.pick(vi: "Đạt", en: "met")
            case .notMet: return language.pick(vi: "Không đạt", en: "not met")
            case .notDistinguishable: return language.pick(vi: "Chưa phân định", en: "not distinguishable")
            case .notYetDue: return language.pick(vi: "Chưa đến hạn", en: "not yet due")
            case .notMeasured: return language.pick(vi: "Không đo trong tệp này", en: "not measured here")
            }
        case .higherThan(let year): return language.pick(vi: "cao hơn năm \(year)", en: "higher than \(year)")
        case .notYetDueNote:
            return language.pick(
                vi:
                    "Chưa đến hạn: năm của mục tiêu sau năm của dữ liệu; cột “Cần tăng/năm” là mức tăng mỗi năm (điểm %) để đạt ngưỡng đúng hạn.",
                en:
                    "Not yet due: the target's year is after the data's; “Needed per year” is the rise per year (points) that reaches it on time."
            )
        case .severalFiguresNote:
            return language.pick(
                vi: "Kế hoạch nêu nhiều mức cho cùng chỉ tiêu (nội dung và phụ lục); mỗi mức được đánh giá.",
                en: "The plan states several figures for the same target (text and appendix); each is assessed.")
        case .rank(let rank, let count): return language.pick(vi: "Xếp thứ \(rank)/\(count)", en: "\(rank) of \(count)")
        case .movedUp(let places): return language.pick(vi: ", tăng \(places) bậc", en: ", up \(places) places")
        case .movedDown(let places): return language.pick(vi: ", giảm \(places) bậc", en: ", down \(places) places")
        case .sameRank: return language.pick(vi: ", giữ nguyên thứ hạng", en: ", same rank")
        case .changeSignificant:
            return language.pick(vi: "; thay đổi có ý nghĩa thống kê", en: "; the change is significant")
        case .changeNotSignificant:
            return language.pick(vi: "; thay đổi không có ý nghĩa thống kê", en: "; the change is not significant")
        case .agenciesTitle:
            return language.pick(vi: "Xếp hạng cơ quan, đơn vị trong tỉnh", en: "Agencies ranked within their province")
        case .province: return language.pick(vi: "Tỉnh, thành phố", en: "Province")
        case .agency: return language.pick(vi: "Cơ quan, đơn vị", en: "Agency")
        case .code: return language.pick(vi: "Mã", en: "Code")
        case .overallIndex: return language.pick(vi: "Chỉ số chung (%)", en: "Overall index (%)")
        case .rankInProvince: return language.pick(vi: "Xếp hạng trong tỉnh", en: "Rank in province")
        case .notEnoughAnswers(let minimumN):
            return language.pick(
                vi: "không đủ câu trả lời (n < \(minimumN))", en: "not enough answers (n < \(minimumN))")
        case .agencyRule(let minimumN):
            return language.pick(
                vi:
                    "Xếp theo chỉ số chung, cao nhất là 1. ≈: KTC 95% chồng lên KTC của cơ quan liền trên hoặc liền dưới, số liệu chưa phân định thứ bậc giữa hai cơ quan. Cơ quan dưới \(minimumN) người trả lời không được xếp hạng.",
                en:
                    "Ranked by the overall index, highest first. ≈: the 95% CI overlaps the CI of the agency just above or below; the data do not order the two. Agencies with fewer than \(minimumN) respondents are not ranked."
            )
        case .ciPrefix: return language.pick(vi: "KTC 95% ", en: "95% CI ")
        case .meanOfProvinces(let count):
            return language.pick(vi: "trung bình \(count) tỉnh", en: "mean of \(count) provinces")
        case .nationalBaseline(let year, let published, let publishedNote, let regrouped, let units):
            return language.pick(
                vi:
                    "Cả nước năm \(year): \(published) như đã công bố (\(publishedNote)); \(regrouped) khi gộp theo \(units) đơn vị mới (trung bình \(units) đơn vị). Mức thay đổi dùng số như đã công bố.",
                en:
                    "National \(year): \(published) as published (\(publishedNote)); \(regrouped) regrouped into the \(units) new units (mean of \(units) units). The change uses the published figure."
            )
        case .regroupedBaselineNote:
            return language.pick(
                vi:
                    "Giá trị năm trước của tỉnh gộp: phiếu của các tỉnh cũ gộp lại theo trọng số khảo sát (một ước lượng miền; các tỉnh cũ vẫn là tầng), không phải trung bình chỉ số của các tỉnh cũ.",
                en:
                    "Earlier values of a regrouped province: the old provinces' responses pooled with their survey weights (one domain estimate; the old provinces stay strata), not the mean of the old provinces' indices."
            )
        case .provincesChartTitle:
            return language.pick(vi: "Chỉ số chung theo tỉnh (KTC 95%)", en: "Overall index by province (95% CI)")
        case .elementsChartTitle: return language.pick(vi: "Chỉ số theo yếu tố", en: "Element profile")
        case .changeSince(let year): return language.pick(vi: "Thay đổi so với năm \(year)", en: "Change since \(year)")
        case .tableInWorkbook(let rows, let id):
            return language.pick(
                vi: "Bảng có \(rows) dòng: xem report.xlsx hoặc csv/\(id).csv.",
                en: "This table has \(rows) rows: see report.xlsx or csv/\(id).csv.")
        case .files: return language.pick(vi: "Tệp", en: "Files")
        case .methodBreak: return language.pick(vi: "Thay đổi phương pháp", en: "Method break")
        case .notDirectlyComparable:
            return language.pick(
                vi: " — các thay đổi không so sánh được trực tiếp.", en: " — changes are not directly comparable.")
        case .regroupedInto:
            return language.pick(
                vi: "Đã gộp theo đơn vị hành chính mới (từ 01/7/2025): ",
                en: "Regrouped into the units in force from 1 July 2025: ")
        case .changeLegend:
            return language.pick(
                vi:
                    "Thay đổi: điểm phần trăm, KTC 95%, kiểm định t mẫu độc lập; * p < 0,05, ** p < 0,01, *** p < 0,001 sau hiệu chỉnh ",
                en:
                    "Change: percentage points, 95% CI, independent-samples t test; * p < 0.05, ** p < 0.01, *** p < 0.001 after "
            )
        case .change: return language.pick(vi: "Thay đổi", en: "Change")
        case .nationalShare: return language.pick(vi: "Cả nước (% hài lòng)", en: "National (% satisfied)")
        case .rankColumn: return language.pick(vi: "Xếp hạng", en: "Rank")
        case .overallIndexBy: return language.pick(vi: "Chỉ số chung theo ", en: "Overall index by ")
        case .movements(let m):
            return language.pick(
                vi:
                    "\(m.up) tăng, \(m.down) giảm, \(m.unchanged) không đổi (có ý nghĩa: \(m.significantlyUp) tăng, \(m.significantlyDown) giảm); thứ hạng: \(m.rankUp) tăng bậc, \(m.rankDown) giảm bậc, \(m.rankSame) giữ nguyên.",
                en:
                    "\(m.up) up, \(m.down) down, \(m.unchanged) unchanged (significant: \(m.significantlyUp) up, \(m.significantlyDown) down); ranks: \(m.rankUp) up, \(m.rankDown) down, \(m.rankSame) same."
            )
        case .generalInformation: return language.pick(vi: "Thông tin chung", en: "General information")
        case .otherQuestions: return language.pick(vi: "Câu hỏi khác", en: "Other questions")
        case .methodPrefix: return language.pick(vi: "Phương pháp: ", en: "Method: ")
        case .formId: return language.pick(vi: "Mã phiếu", en: "Form id")
        case .page: return language.pick(vi: "Trang", en: "Page")
        case .instructionsTitle:
            return language.pick(vi: "Hướng dẫn cho điều tra viên", en: "Instructions for the interviewer")
        case .instructionReadAloud:
            return language.pick(
                vi:
                    "Đọc từng câu hỏi cho người trả lời; đánh dấu vào ô trước mã của câu trả lời (mỗi câu một ô, trừ câu ghi “nhiều lựa chọn”).",
                en:
                    "Read each question to the respondent; tick the box before the code of the answer (one box per question unless it says “several answers”)."
            )
        case .instructionRequired:
            return language.pick(
                vi:
                    "Câu có dấu * là câu bắt buộc. Câu ghi “Chỉ hỏi khi” chỉ hỏi khi điều kiện đúng; nếu không, bỏ qua và để trống.",
                en:
                    "Questions marked * are required. A question marked “Ask only if” is asked only when the condition holds; otherwise skip it and leave it blank."
            )
        case .instructionDigits:
            return language.pick(
                vi:
                    "Ghi số vào các ô, mỗi ô một chữ số, căn phải. Người nhập liệu gõ đúng mã in đậm vào tệp nhập liệu.",
                en: "Write numbers one digit per box, right-aligned. Keyers type the bold code into the entry workbook."
            )
        case .instructionDontKnow:
            return language.pick(
                vi:
                    "Người trả lời không biết hoặc không muốn trả lời: chọn mã “không biết / không trả lời” nếu có, nếu không để trống.",
                en:
                    "If the respondent does not know or will not answer: tick the “don't know / no answer” code where there is one, else leave it blank."
            )
        case .askOnlyIf: return language.pick(vi: "Chỉ hỏi khi: ", en: "Ask only if: ")
        case .severalAnswers:
            return language.pick(
                vi: "Nhiều lựa chọn: đánh dấu mọi ô phù hợp.", en: "Several answers: tick every box that applies.")
        case .questionNumber(let number): return language.pick(vi: "câu \(number)", en: "question \(number)")
        }
    }
}
