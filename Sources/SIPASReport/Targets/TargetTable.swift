import SIPASCore
import SIPASInstruments
import SIPASStats
import TextTable

/// The target-attainment table of a plan, for the human formats.
public struct TargetTable: Sendable {
    public var plan: TargetPlan
    public var assessments: [TargetAssessment]

    public init(plan: TargetPlan, assessments: [TargetAssessment]) {
        self.plan = plan
        self.assessments = assessments
    }

    static func statusText(_ status: TargetAssessment.Status, _ language: Language) -> String {
        switch (status, language) {
        case (.met, .vi): return "Đạt"
        case (.met, .en): return "met"
        case (.notMet, .vi): return "Không đạt"
        case (.notMet, .en): return "not met"
        case (.notDistinguishable, .vi): return "Chưa phân định"
        case (.notDistinguishable, .en): return "not distinguishable"
        case (.notMeasured, .vi): return "Không đo trong tệp này"
        case (.notMeasured, .en): return "not measured here"
        }
    }

    func render(labeler: ResultLabeler, markdown: Bool) -> String {
        let language = labeler.language
        let numbers = NumberStyle.human(language)
        let vi = language == .vi
        var out = markdown ? "## " : ""
        let heading = (vi ? "Mục tiêu: " : "Targets: ") + plan.plan.text(language)
        out += heading + "\n" + (markdown ? "\n" : String(repeating: "=", count: heading.count) + "\n")
        let table = TextTable<TargetAssessment> { a in
            let sign = a.target.isStrict ? ">" : "≥"
            let ci = a.estimate.flatMap { e in e.ciLow.flatMap { low in e.ciHigh.map { (low, $0) } } }
            return [
                Column(title: vi ? "Mục tiêu" : "Target", value: a.target.label.text(language)),
                Column(title: vi ? "Ngưỡng" : "Threshold", value: "\(sign) \(numbers.format(a.target.threshold, digits: 0)) %" + (a.target.by.map { " (\($0))" } ?? ""), align: .right),
                Column(title: vi ? "Ước lượng" : "Estimate", value: numbers.format(a.estimate.map { $0.value * 100 }, digits: 2), align: .right),
                Column(title: vi ? "KTC 95%" : "95% CI", value: ci.map { numbers.format($0.0 * 100, digits: 2) + "–" + numbers.format($0.1 * 100, digits: 2) } ?? "–", align: .right),
                Column(title: vi ? "Chênh lệch" : "Gap", value: a.gap.map { ($0 > 0 ? "+" : "") + numbers.format($0, digits: 2) } ?? "–", align: .right),
                Column(title: vi ? "Đánh giá" : "Status", value: Self.statusText(a.status, language)),
                Column(title: vi ? "Nhóm" : "Group", value: a.group.map { labeler.label(of: $0) } ?? "–"),
            ]
        }
        out += (table.string(for: assessments, style: markdown ? Style.pipe : Style.simple) ?? "") + "\n"
        if assessments.contains(where: { $0.target.part != nil }) {
            out += vi ? "Kế hoạch nêu hai mức cho cùng chỉ tiêu (nội dung và phụ lục); cả hai được đánh giá.\n"
                : "The plan states two figures for the same target (text and appendix); both are assessed.\n"
        }
        return out + "\n"
    }
}
