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
        ReportMessage.targetStatus(status).text(language)
    }

    /// "≥ 90 % (2025)", "> 90 % (2025)", "cao hơn 2022 (2023)".
    public static func thresholdText(_ a: TargetAssessment, _ language: Language) -> String {
        let numbers = NumberStyle.human(language)
        if let earlier = a.target.higherThan {
            return ReportMessage.higherThan(year: earlier).text(language) + " (\(a.dueYear))"
        }
        let sign = a.target.isStrict ? ">" : "≥"
        return "\(sign) \(numbers.format(a.target.threshold, digits: 0)) % (\(a.dueYear))"
    }

    /// The notes under the table: the unit, each distinct note of a target, the plan's two figures.
    public func notes(_ language: Language) -> [String] {
        var out = [scope.note.text(language)]
        for note in assessments.compactMap(\.note) where !out.contains(note.text(language)) {
            out.append(note.text(language))
        }
        if assessments.contains(where: { $0.status == .notYetDue }) {
            out.append(ReportMessage.notYetDueNote.text(language))
        }
        if assessments.contains(where: { $0.target.part != nil }) {
            out.append(ReportMessage.severalFiguresNote.text(language))
        }
        return out
    }

    func render(labeler: ResultLabeler, markdown: Bool) -> String {
        let language = labeler.language
        let numbers = NumberStyle.human(language)
        func title(_ message: ReportMessage) -> String { message.text(language) }
        var out = markdown ? "## " : ""
        let heading = title(.targetsHeading) + plan.plan.text(language) + " — " + scope.unit.text(language)
        out += heading + "\n" + (markdown ? "\n" : String(repeating: "=", count: heading.count) + "\n")
        func points(_ value: Double?) -> String {
            value.map { ($0 > 0 ? "+" : "") + numbers.format($0, digits: 2) } ?? "–"
        }
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
                Column(title: title(.target), value: a.target.label.text(language)),
                Column(title: title(.thresholdYear), value: Self.thresholdText(a, language), align: .right),
                Column(
                    title: title(.estimate), value: numbers.format(a.estimate.map { $0.value * 100 }, digits: 2),
                    align: .right),
                Column(title: title(.ci), value: ci, align: .right),
                Column(title: title(.gap), value: points(a.gap), align: .right),
                Column(
                    title: title(.neededPerYear),
                    value: a.yearlyChangeNeeded.map { numbers.format($0, digits: 2) } ?? "–", align: .right),
                Column(title: title(.statusCI), value: Self.statusText(a.status, language)),
                Column(title: title(.pointEstimate), value: a.pointStatus.map { Self.statusText($0, language) } ?? "–"),
            ]
        }
        out +=
            (table.string(for: assessments, style: markdown ? Style.pipe : Style.simple) ?? "") + "\n"
            + (markdown ? "\n" : "")
        for note in notes(language) { out += (markdown ? "- " : "") + note + "\n" }
        return out + "\n"
    }
}
