import SIPASCore
import SIPASInstruments
import SIPASStats
import TextTable

/// The target-attainment table of a plan, for the human formats: each target judged on the plan's
/// unit (``TargetScope``) by its confidence interval and by its point estimate.
public struct TargetTable: Sendable {
    public var plan: TargetPlan
    public var scope: TargetScope
    public var assessments: [TargetAssessment]

    public init(plan: TargetPlan, scope: TargetScope, assessments: [TargetAssessment]) {
        self.plan = plan
        self.scope = scope
        self.assessments = assessments
    }

    public static func statusText(_ status: TargetAssessment.Status, _ language: Language) -> String {
        switch (status, language) {
        case (.met, .vi): return "Đạt"
        case (.met, .en): return "met"
        case (.notMet, .vi): return "Không đạt"
        case (.notMet, .en): return "not met"
        case (.notDistinguishable, .vi): return "Chưa phân định"
        case (.notDistinguishable, .en): return "not distinguishable"
        case (.notYetDue, .vi): return "Chưa đến hạn"
        case (.notYetDue, .en): return "not yet due"
        case (.notMeasured, .vi): return "Không đo trong tệp này"
        case (.notMeasured, .en): return "not measured here"
        }
    }

    /// "≥ 90 % (2025)", "> 90 % (2025)", "cao hơn 2022 (2023)".
    public static func thresholdText(_ a: TargetAssessment, _ language: Language) -> String {
        let numbers = NumberStyle.human(language)
        if let earlier = a.target.higherThan {
            return (language == .vi ? "cao hơn năm \(earlier)" : "higher than \(earlier)") + " (\(a.dueYear))"
        }
        let sign = a.target.isStrict ? ">" : "≥"
        return "\(sign) \(numbers.format(a.target.threshold, digits: 0)) % (\(a.dueYear))"
    }

    /// The notes under the table: the unit, each distinct note of a target, the plan's two figures.
    public func notes(_ language: Language) -> [String] {
        let vi = language == .vi
        var out = [scope.note.text(language)]
        for note in assessments.compactMap(\.note) where !out.contains(note.text(language)) { out.append(note.text(language)) }
        if assessments.contains(where: { $0.status == .notYetDue }) {
            out.append(vi ? "Chưa đến hạn: năm của mục tiêu sau năm của dữ liệu; cột “Cần tăng/năm” là mức tăng mỗi năm (điểm %) để đạt ngưỡng đúng hạn."
                          : "Not yet due: the target's year is after the data's; “Needed per year” is the rise per year (points) that reaches it on time.")
        }
        if assessments.contains(where: { $0.target.part != nil }) {
            out.append(vi ? "Kế hoạch nêu nhiều mức cho cùng chỉ tiêu (nội dung và phụ lục); mỗi mức được đánh giá."
                          : "The plan states several figures for the same target (text and appendix); each is assessed.")
        }
        return out
    }

    func render(labeler: ResultLabeler, markdown: Bool) -> String {
        let language = labeler.language
        let numbers = NumberStyle.human(language)
        let vi = language == .vi
        var out = markdown ? "## " : ""
        let heading = (vi ? "Mục tiêu: " : "Targets: ") + plan.plan.text(language) + " — " + scope.unit.text(language)
        out += heading + "\n" + (markdown ? "\n" : String(repeating: "=", count: heading.count) + "\n")
        func points(_ value: Double?) -> String { value.map { ($0 > 0 ? "+" : "") + numbers.format($0, digits: 2) } ?? "–" }
        let table = TextTable<TargetAssessment> { a in
            let ci: String
            if let change = a.change, let low = change.ciLow, let high = change.ciHigh {
                ci = "Δ " + numbers.format(low * 100, digits: 2) + "–" + numbers.format(high * 100, digits: 2)
            } else if let e = a.estimate, let low = e.ciLow, let high = e.ciHigh {
                ci = numbers.format(low * 100, digits: 2) + "–" + numbers.format(high * 100, digits: 2)
            } else {
                ci = "–"
            }
            return [
                Column(title: vi ? "Mục tiêu" : "Target", value: a.target.label.text(language)),
                Column(title: vi ? "Ngưỡng (năm)" : "Threshold (year)", value: Self.thresholdText(a, language), align: .right),
                Column(title: vi ? "Ước lượng" : "Estimate", value: numbers.format(a.estimate.map { $0.value * 100 }, digits: 2), align: .right),
                Column(title: vi ? "KTC 95%" : "95% CI", value: ci, align: .right),
                Column(title: vi ? "Chênh lệch" : "Gap", value: points(a.gap), align: .right),
                Column(title: vi ? "Cần tăng/năm" : "Needed per year", value: a.yearlyChangeNeeded.map { numbers.format($0, digits: 2) } ?? "–", align: .right),
                Column(title: vi ? "Đánh giá (KTC)" : "Status (CI)", value: Self.statusText(a.status, language)),
                Column(title: vi ? "Theo giá trị điểm" : "Point estimate", value: a.pointStatus.map { Self.statusText($0, language) } ?? "–"),
            ]
        }
        out += (table.string(for: assessments, style: markdown ? Style.pipe : Style.simple) ?? "") + "\n" + (markdown ? "\n" : "")
        for note in notes(language) { out += (markdown ? "- " : "") + note + "\n" }
        return out + "\n"
    }
}
