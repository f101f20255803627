import SIPASCore
import SIPASStats

/// The catalog of the annual report's texts (``AnnualReportBuilder``): its title, the tables' titles,
/// sheet names, column headings and notes, the highlight sentences and the methodology's rows, each
/// with its Vietnamese and English text. Headings the analysis reports share come from
/// ``ReportMessage``. Numbers arrive formatted.
enum AnnualMessage: Sendable, Hashable, LocalizedMessage {
    // The report's title.
    /// The title of a report of an instrument outside the SIPAS family.
    case reportTitle(year: String)
    /// The index's official name, as the Ministry of Home Affairs publishes it.
    case sipasTitle(year: String)
    // Columns several tables share.
    case ciLow, ciHigh, changePoints, note
    /// Last year's value, e.g. "Năm 2023 (%)".
    case previousYear(String)
    /// A cell resting on fewer than the minimum n answers.
    case suppressed(n: Int, minimumN: Int)
    // The national summary.
    case summaryTitle, summarySheet, meanOfProvincesMethod
    // The province table.
    case provincesTitle, provincesSheet, placesGained, standing, provinceRankRule
    /// Last year's rank, e.g. "Hạng năm 2023".
    case previousRank(year: String)
    /// Before the list of provinces whose previous year is regrouped into the new units.
    case previousYearRegrouped
    case methodBreakNote
    // The top 5 and bottom 5 provinces.
    case topBottomTitle, topBottomSheet, top5, bottom5
    // The element table.
    case indicatorId, elementCriterion, elementsTitle, elementsSheet
    case lowestProvinceShare, lowestProvince, highestProvinceShare, highestProvince
    // Sheet names of breakdowns whose "By …" heading is longer than Excel's 31 characters.
    case byProcedureDomain, byAgencyLevel, byAgency
    // The target table.
    case targetsSheet, unit, estimatePercent, gapPoints, neededPerYearPoints, targetRule
    /// The target table's title, before the plan's name.
    case targetsTitle(plan: String)
    // The key drivers.
    case driversTitle, driversSheet, priority, effect, potential
    /// How the drivers are estimated; `outcome` is the quoted outcome question.
    case driversNote(outcome: String, used: Int, leftOut: Int)
    // The agency table.
    case agenciesSheet
    // The perception results.
    case perceptionTitle, perceptionSheet, question, answer, answerShare, respondentsChoosing, respondentsAnswering
    case perceptionNote(degreesOfFreedom: Int)
    /// `questions` lists the quoted multiple-choice questions.
    case multipleChoiceNote(questions: String)
    // The highlights; `value`, `low`, `high`, `points` and the shares are formatted numbers.
    case overallHighlight(value: String)
    case ciHighlight(low: String, high: String)
    case risenSince(points: String, year: String)
    case fallenSince(points: String, year: String)
    case highestAndLowest(highest: String, highestShare: String, lowest: String, lowestShare: String)
    case provinceMovements(YearComparison.Movement)
    case improveFirst(element: String)
    // The data-quality annex: rows accepted and rejected per file.
    case filesTitle, filesSheet, year, rowsAccepted, rowsRejected, rejectedShare
    // Respondents per province.
    case respondentsTitle, respondentsSheet, warning, belowMinimum
    case minimumPerCell(minimumN: Int)
    // Item non-response.
    case itemsTitle, itemsSheet, itemsNote, itemLabel, valid, blank, nonResponse
    // Cells below the minimum n.
    case smallCellsTitle, smallCellsSheet, smallCellsSuppressed, breakdown
    case noSmallCells(minimumN: Int)
    // The field-work annex (``FieldworkAnnex``).
    case fieldWorkTitle, fieldWorkSheet, planned, received, formsAccepted, responseRate, behindColumn, behind
    /// `percent` is the threshold, formatted; `late` the number of groups behind.
    case fieldWorkNote(sample: String, percent: String, late: Int)
    // The methodology annex.
    case methodologyTitle, methodologySheet, methodologyItem, methodologyValue
    case methodVersion, lonelyPSUs, confidenceInterval, minimumNPerCell, surveyStore, yearsCompared, testOfChange
    case sipasVersion
    /// The whole-sample method of a pooled estimate.
    case pooledEstimate
    /// The whole-sample method of an unweighted mean of the units named by `attribute`.
    case meanOfUnitsMethod(attribute: String)
    /// The design: its counts, then the instrument's weight, strata and cluster columns ("–" if none).
    case designValue(
        records: Int, strata: Int, psus: Int, df: Int, weight: String, strataColumn: String, cluster: String)
    /// The confidence interval's level in percent and how it is computed.
    case confidenceValue(level: Int)
    /// The store and its batches read, listed.
    case storeValue(store: String, batches: String)
    /// The row of a file's SHA-256.
    case sha256(file: String)
    /// The test of change and the p-value adjustment's name.
    case testOfChangeValue(adjustment: String)

    var key: String {
        // The case name, without the values it carries.
        let name = Mirror(reflecting: self).children.first?.label ?? String(describing: self)
        return "annual." + name
    }

    func text(_ language: Language) -> String {
        switch self {
        case .reportTitle(let year):
            return language.pick(vi: "Báo cáo chỉ số hài lòng năm \(year)", en: "Satisfaction index report \(year)")
        case .sipasTitle(let year):
            return language.pick(
                vi:
                    "Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước (SIPAS) năm \(year)",
                en: "Satisfaction Index of Public Administrative Services (SIPAS) \(year)")
        case .ciLow: return language.pick(vi: "KTC 95% dưới", en: "95% CI low")
        case .ciHigh: return language.pick(vi: "KTC 95% trên", en: "95% CI high")
        case .changePoints: return language.pick(vi: "Thay đổi (điểm %)", en: "Change (points)")
        case .note: return language.pick(vi: "Ghi chú", en: "Note")
        case .previousYear(let year): return language.pick(vi: "Năm \(year) (%)", en: "\(year) (%)")
        case .suppressed(let n, let minimumN):
            return language.pick(
                vi: "n = \(n) < \(minimumN): không công bố", en: "n = \(n) < \(minimumN): suppressed")
        case .summaryTitle: return language.pick(vi: "Kết quả chung", en: "National summary")
        case .summarySheet: return language.pick(vi: "Tổng hợp", en: "Summary")
        case .meanOfProvincesMethod:
            return language.pick(vi: "trung bình cộng các tỉnh", en: "unweighted mean of provinces")
        case .provincesTitle:
            return language.pick(vi: "Chỉ số chung theo tỉnh, thành phố", en: "Overall index by province")
        case .provincesSheet: return language.pick(vi: "Theo tỉnh", en: "Provinces")
        case .placesGained: return language.pick(vi: "Tăng/giảm bậc", en: "Places gained")
        case .standing: return language.pick(vi: "Thứ hạng", en: "Standing")
        case .provinceRankRule:
            return language.pick(
                vi: "Xếp hạng theo chỉ số chung; 1 = cao nhất.", en: "Ranked by the overall index; 1 = highest.")
        case .previousRank(let year): return language.pick(vi: "Hạng năm \(year)", en: "Rank \(year)")
        case .previousYearRegrouped:
            return language.pick(
                vi: "Năm trước được gộp theo đơn vị hành chính mới (từ 01/7/2025): ",
                en: "The previous year is regrouped into the units in force from 1 July 2025: ")
        case .methodBreakNote:
            return language.pick(
                vi: "Thay đổi phương pháp giữa hai năm: thay đổi không so sánh được trực tiếp.",
                en: "Method break between the years: changes are not directly comparable.")
        case .topBottomTitle:
            return language.pick(vi: "5 tỉnh cao nhất và 5 tỉnh thấp nhất", en: "Top 5 and bottom 5 provinces")
        case .topBottomSheet: return language.pick(vi: "Cao nhất, thấp nhất", en: "Top and bottom")
        case .top5: return language.pick(vi: "5 cao nhất", en: "Top 5")
        case .bottom5: return language.pick(vi: "5 thấp nhất", en: "Bottom 5")
        case .indicatorId: return language.pick(vi: "Mã", en: "Id")
        case .elementCriterion: return language.pick(vi: "Yếu tố, tiêu chí", en: "Element, criterion")
        case .elementsTitle:
            return language.pick(vi: "Theo lĩnh vực, yếu tố và tiêu chí", en: "By area, element and criterion")
        case .elementsSheet: return language.pick(vi: "Yếu tố, tiêu chí", en: "Elements")
        case .lowestProvinceShare: return language.pick(vi: "Tỉnh thấp nhất (%)", en: "Lowest province (%)")
        case .lowestProvince: return language.pick(vi: "Tỉnh thấp nhất", en: "Lowest province")
        case .highestProvinceShare: return language.pick(vi: "Tỉnh cao nhất (%)", en: "Highest province (%)")
        case .highestProvince: return language.pick(vi: "Tỉnh cao nhất", en: "Highest province")
        case .byProcedureDomain: return language.pick(vi: "Theo lĩnh vực TTHC", en: "By procedure domain")
        case .byAgencyLevel: return language.pick(vi: "Theo cấp cơ quan", en: "By agency level")
        case .byAgency: return language.pick(vi: "Theo cơ quan, đơn vị", en: "By agency")
        case .targetsSheet: return language.pick(vi: "Mục tiêu", en: "Targets")
        case .unit: return language.pick(vi: "Đơn vị", en: "Unit")
        case .estimatePercent: return language.pick(vi: "Ước lượng (%)", en: "Estimate (%)")
        case .gapPoints: return language.pick(vi: "Chênh lệch (điểm %)", en: "Gap (points)")
        case .neededPerYearPoints: return language.pick(vi: "Cần tăng/năm (điểm %)", en: "Needed per year (points)")
        case .targetRule:
            return language.pick(
                vi:
                    "Đạt: cận dưới KTC 95% đạt ngưỡng; Không đạt: cận trên dưới ngưỡng; còn lại: chưa phân định. Mục tiêu so với năm trước: KTC của mức thay đổi.",
                en:
                    "Met: the 95% CI's lower limit reaches the threshold; not met: its upper limit is below; otherwise not distinguishable. Targets relative to an earlier year: the CI of the change."
            )
        case .targetsTitle(let plan):
            return language.pick(vi: "Mức độ đạt mục tiêu: \(plan)", en: "Target attainment: \(plan)")
        case .driversTitle:
            return language.pick(vi: "Yếu tố tác động: cần cải thiện trước", en: "Key drivers: what to improve first")
        case .driversSheet: return language.pick(vi: "Yếu tố tác động", en: "Key drivers")
        case .priority: return language.pick(vi: "Ưu tiên", en: "Priority")
        case .effect: return language.pick(vi: "Tác động (điểm % / 1 điểm)", en: "Effect (points per score point)")
        case .potential:
            return language.pick(vi: "Dư địa cải thiện (điểm %)", en: "Improvement potential (points)")
        case .driversNote(let outcome, let used, let leftOut):
            return language.pick(
                vi:
                    "Hồi quy có trọng số tỷ lệ hài lòng với câu hỏi \(outcome) theo điểm các yếu tố (sai số theo thiết kế mẫu); biến phụ thuộc là câu hỏi riêng, không phải chỉ số chung tạo từ chính các câu hỏi của yếu tố. \(used) người, \(leftOut) thiếu câu trả lời hoặc điểm yếu tố. Dư địa = tác động × (5 − điểm TB).",
                en:
                    "Weighted regression of satisfaction with the question \(outcome) on element scores (design-based SEs); the outcome is a question of its own, not the overall index built from the elements' own items. \(used) respondents, \(leftOut) left out for a missing answer or element score. Potential = effect × (5 − mean score)."
            )
        case .agenciesSheet: return language.pick(vi: "Cơ quan, đơn vị", en: "Agencies")
        case .perceptionTitle:
            return language.pick(vi: "Kết quả nhận định của người dân, tổ chức", en: "Perception results")
        case .perceptionSheet: return language.pick(vi: "Nhận định", en: "Perception")
        case .question: return language.pick(vi: "Câu hỏi", en: "Question")
        case .answer: return language.pick(vi: "Trả lời", en: "Answer")
        case .answerShare: return language.pick(vi: "Tỷ lệ (%)", en: "Share (%)")
        case .respondentsChoosing: return language.pick(vi: "Số người chọn", en: "Respondents choosing")
        case .respondentsAnswering: return language.pick(vi: "Số người trả lời câu hỏi", en: "Respondents answering")
        case .perceptionNote(let df):
            return language.pick(
                vi:
                    "Tỷ lệ có trọng số trên số người trả lời câu hỏi (không tính ô để trống); KTC 95% logit theo thiết kế mẫu, \(df) bậc tự do.",
                en:
                    "Weighted shares of the respondents who answered the question (blank cells left out); design-based 95% logit CI, \(df) degrees of freedom."
            )
        case .multipleChoiceNote(let questions):
            return language.pick(
                vi: "Câu nhiều lựa chọn (\(questions)): tổng các tỷ lệ có thể vượt 100%.",
                en: "Multiple-choice questions (\(questions)): the shares may add up to more than 100%.")
        case .overallHighlight(let value):
            return language.pick(vi: "Chỉ số hài lòng chung: \(value) %", en: "Overall satisfaction index: \(value) %")
        case .ciHighlight(let low, let high):
            return language.pick(vi: " (KTC 95%: \(low)–\(high))", en: " (95% CI: \(low)–\(high))")
        case .risenSince(let points, let year):
            return language.pick(
                vi: ", tăng \(points) điểm % so với năm \(year)", en: ", up \(points) points on \(year)")
        case .fallenSince(let points, let year):
            return language.pick(
                vi: ", giảm \(points) điểm % so với năm \(year)", en: ", down \(points) points on \(year)")
        case .highestAndLowest(let highest, let highestShare, let lowest, let lowestShare):
            return language.pick(
                vi: "Cao nhất: \(highest) (\(highestShare) %); thấp nhất: \(lowest) (\(lowestShare) %).",
                en: "Highest: \(highest) (\(highestShare) %); lowest: \(lowest) (\(lowestShare) %).")
        case .provinceMovements(let m):
            return language.pick(
                vi:
                    "\(m.up) tỉnh tăng, \(m.down) tỉnh giảm (có ý nghĩa thống kê: \(m.significantlyUp) tăng, \(m.significantlyDown) giảm).",
                en:
                    "\(m.up) provinces up, \(m.down) down (significant: \(m.significantlyUp) up, \(m.significantlyDown) down)."
            )
        case .improveFirst(let element):
            return language.pick(vi: "Cần cải thiện trước: \(element).", en: "Improve first: \(element).")
        case .filesTitle:
            return language.pick(vi: "Phụ lục: số phiếu nhận và loại", en: "Annex: rows accepted and rejected")
        case .filesSheet: return language.pick(vi: "PL Tệp dữ liệu", en: "Annex files")
        case .year: return language.pick(vi: "Năm", en: "Year")
        case .rowsAccepted: return language.pick(vi: "Nhận", en: "Accepted")
        case .rowsRejected: return language.pick(vi: "Loại", en: "Rejected")
        case .rejectedShare: return language.pick(vi: "Tỷ lệ loại (%)", en: "Rejected (%)")
        case .respondentsTitle:
            return language.pick(vi: "Phụ lục: số người trả lời theo tỉnh", en: "Annex: respondents per province")
        case .respondentsSheet: return language.pick(vi: "PL Cỡ mẫu tỉnh", en: "Annex n per province")
        case .warning: return language.pick(vi: "Cảnh báo", en: "Warning")
        case .belowMinimum: return language.pick(vi: "Dưới mức tối thiểu", en: "Below the minimum")
        case .minimumPerCell(let minimumN):
            return language.pick(
                vi: "Tối thiểu \(minimumN) người trả lời mỗi ô.", en: "Minimum \(minimumN) respondents per cell.")
        case .itemsTitle:
            return language.pick(vi: "Phụ lục: tỷ lệ không trả lời theo câu hỏi", en: "Annex: item non-response")
        case .itemsSheet: return language.pick(vi: "PL Không trả lời", en: "Annex non-response")
        case .itemsNote:
            return language.pick(
                vi: "Không biết/KAD: mã loại khỏi mẫu số; để trống: không trả lời hoặc bỏ qua theo điều kiện.",
                en: "Don't know/NA: codes left out of the denominator; blank: no answer or skipped by a condition.")
        case .itemLabel: return language.pick(vi: "Nội dung", en: "Label")
        case .valid: return language.pick(vi: "Hợp lệ", en: "Valid")
        case .blank: return language.pick(vi: "Để trống", en: "Blank")
        case .nonResponse: return language.pick(vi: "Không trả lời (%)", en: "Non-response (%)")
        case .smallCellsTitle:
            return language.pick(vi: "Phụ lục: ô dưới cỡ mẫu tối thiểu", en: "Annex: cells below the minimum n")
        case .smallCellsSheet: return language.pick(vi: "PL Ô cỡ mẫu nhỏ", en: "Annex small cells")
        case .smallCellsSuppressed:
            return language.pick(
                vi: "Các ô này không được công bố trong báo cáo.", en: "These cells are suppressed in the report.")
        case .breakdown: return language.pick(vi: "Phân tổ", en: "Breakdown")
        case .noSmallCells(let minimumN):
            return language.pick(
                vi: "Không có ô nào dưới \(minimumN) người trả lời.",
                en: "No cell rests on fewer than \(minimumN) respondents.")
        case .fieldWorkTitle:
            return language.pick(
                vi: "Phụ lục: tiến độ thu phiếu so với kế hoạch", en: "Annex: field work against the plan")
        case .fieldWorkSheet: return language.pick(vi: "PL Tiến độ", en: "Annex field work")
        case .planned: return language.pick(vi: "Kế hoạch", en: "Planned")
        case .received: return language.pick(vi: "Đã nhận", en: "Received")
        case .formsAccepted: return language.pick(vi: "Hợp lệ", en: "Accepted")
        case .responseRate: return language.pick(vi: "Tỷ lệ trả lời (%)", en: "Response rate (%)")
        case .behindColumn: return language.pick(vi: "Chậm", en: "Behind")
        case .behind: return language.pick(vi: "chậm", en: "behind")
        case .fieldWorkNote(let sample, let percent, let late):
            return language.pick(
                vi:
                    "Kế hoạch: các đơn vị chính của mẫu \(sample) (không tính dự phòng); đã nhận = hợp lệ + bị loại; tỷ lệ = hợp lệ / kế hoạch; nhóm chậm (dưới \(percent) %): \(late).",
                en:
                    "Planned: the main units of the selection \(sample) (reserves left out); received = accepted + rejected; rate = accepted / planned; groups behind (below \(percent) %): \(late)."
            )
        case .methodologyTitle: return language.pick(vi: "Phụ lục: phương pháp", en: "Annex: methodology")
        case .methodologySheet: return language.pick(vi: "PL Phương pháp", en: "Annex methodology")
        case .methodologyItem: return language.pick(vi: "Mục", en: "Item")
        case .methodologyValue: return language.pick(vi: "Nội dung", en: "Value")
        case .methodVersion: return language.pick(vi: "Phiên bản phương pháp", en: "Method version")
        case .lonelyPSUs: return language.pick(vi: "Đơn vị mẫu cấp 1 duy nhất trong tầng", en: "Lonely PSUs")
        case .confidenceInterval: return language.pick(vi: "Khoảng tin cậy", en: "Confidence interval")
        case .minimumNPerCell: return language.pick(vi: "Cỡ mẫu tối thiểu mỗi ô", en: "Minimum n per cell")
        case .surveyStore: return language.pick(vi: "Kho dữ liệu khảo sát", en: "Survey store")
        case .yearsCompared: return language.pick(vi: "So sánh năm", en: "Years compared")
        case .testOfChange: return language.pick(vi: "Kiểm định thay đổi", en: "Test of change")
        case .sipasVersion: return language.pick(vi: "Phiên bản sipas", en: "sipas version")
        case .pooledEstimate: return language.pick(vi: "ước lượng gộp có trọng số", en: "pooled, design-weighted")
        case .meanOfUnitsMethod(let attribute):
            return language.pick(
                vi: "trung bình cộng (không trọng số) các đơn vị (\(attribute))",
                en: "unweighted mean of the units (\(attribute))")
        case .designValue(let records, let strata, let psus, let df, let weight, let strataColumn, let cluster):
            return language.pick(
                vi:
                    "\(records) phiếu, \(strata) tầng, \(psus) đơn vị mẫu cấp 1, \(df) bậc tự do; trọng số \(weight), tầng \(strataColumn), cụm \(cluster)",
                en:
                    "\(records) records, \(strata) strata, \(psus) PSUs, \(df) degrees of freedom; weight \(weight), strata \(strataColumn), clusters \(cluster)"
            )
        case .confidenceValue(let level):
            return language.pick(
                vi:
                    "\(level) %, tỷ lệ: logit với t(bậc tự do thiết kế); điểm TB: t; sai số chuẩn tuyến tính hoá Taylor",
                en: "\(level) %, shares: logit with t(design df); means: t; Taylor-linearised standard errors")
        case .storeValue(let store, let batches):
            return language.pick(vi: "\(store); các lô: \(batches)", en: "\(store); batches: \(batches)")
        case .sha256(let file): return language.pick(vi: "SHA-256 của tệp \(file)", en: "SHA-256 of \(file)")
        case .testOfChangeValue(let adjustment):
            return language.pick(
                vi: "t mẫu độc lập, hiệu chỉnh p: \(adjustment)", en: "independent samples t, p adjusted: \(adjustment)"
            )
        }
    }
}
