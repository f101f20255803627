import SIPASCore
import SIPASInstruments

/// Whether an estimate meets a plan's target, judged by its confidence interval.
///
/// - *met*: the lower limit reaches the target (≥; > for "above" targets);
/// - *not met*: the upper limit is below it (or at it, for "above");
/// - *not distinguishable*: the interval contains the target, so the sample cannot tell.
public struct TargetAssessment: Hashable, Sendable, Codable {
    public enum Status: String, Hashable, Sendable, Codable {
        case met
        case notMet = "not_met"
        case notDistinguishable = "not_distinguishable"
        /// The data hold no estimate for this target (another family, or no valid answers).
        case notMeasured = "not_measured"
    }

    public var target: TargetPlan.Target
    public var status: Status
    /// Estimate − target, in percentage points.
    public var gap: Double?
    public var estimate: Estimate?
    /// The group the estimate describes (the plan's province, or the whole sample).
    public var group: Group?
    public var note: String?

    /// Assesses every target of `plan` that concerns `family`, on `result`: the plan's province when
    /// the results break down by a province column holding its code, otherwise the whole sample.
    public static func assess(_ plan: TargetPlan, family: String, result: AnalysisResult, provinceColumn: String?) -> [TargetAssessment] {
        plan.targets.map { target in
            guard target.family == family else {
                return TargetAssessment(target: target, status: .notMeasured, gap: nil, estimate: nil, group: nil,
                                        note: "the data are a \(family) survey, the target concerns \(target.family)")
            }
            var group = Group.all
            var note: String? = plan.level == "province" ? "applied to the whole sample" : "applied to the whole sample (a \(plan.level) plan)"
            if let code = plan.unit.code, let column = provinceColumn,
               result.results.contains(where: { $0.group == Group(variable: column, values: [code]) }) {
                group = Group(variable: column, values: [code])
                note = nil
            }
            let row = result.results.first { $0.group == group && $0.indicator.id == target.indicator && $0.statistic == .share }
            guard let estimate = row?.estimate else {
                return TargetAssessment(target: target, status: .notMeasured, gap: nil, estimate: nil, group: group,
                                        note: "no estimate of \(target.indicator) for this group")
            }
            let threshold = target.threshold / 100
            let status: Status
            if let low = estimate.ciLow, target.isStrict ? low > threshold : low >= threshold {
                status = .met
            } else if let high = estimate.ciHigh, target.isStrict ? high <= threshold : high < threshold {
                status = .notMet
            } else {
                status = .notDistinguishable
            }
            return TargetAssessment(target: target, status: status, gap: (estimate.value - threshold) * 100,
                                    estimate: estimate, group: group, note: note)
        }
    }
}
