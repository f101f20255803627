import SIPASCore
import SIPASInstruments

/// Whether an estimate meets a plan's target, on the plan's own unit (``TargetScope``).
///
/// Judged by the confidence interval:
/// - *met*: the lower limit reaches the target (≥; > for "above" targets);
/// - *not met*: the upper limit is below it (or at it, for "above");
/// - *not distinguishable*: the interval contains the target, so the sample cannot tell;
/// - *not yet due*: the target's year is after the data's; the estimate, the gap and the change per
///   year that would reach it are given instead of a verdict.
/// A relative target ("higher than 2022") is judged the same way on the change since that year and
/// its interval (``Difference``), in `compare`. Beside it, ``pointStatus`` judges the point estimate
/// alone, the figure officials quote.
public struct TargetAssessment: Hashable, Sendable, Codable {
    public enum Status: String, Hashable, Sendable, Codable {
        case met
        case notMet = "not_met"
        case notDistinguishable = "not_distinguishable"
        /// The target falls due after the data's year.
        case notYetDue = "not_yet_due"
        /// The data hold no estimate for this target (another family, not the plan's unit, no valid
        /// answers, or a relative target outside `compare`).
        case notMeasured = "not_measured"
    }

    public var target: TargetPlan.Target
    public var status: Status
    /// The verdict on the point estimate alone (met or not met); nil when not yet due or not measured.
    public var pointStatus: Status?
    /// Estimate − target in percentage points; for a relative target, the change in points.
    public var gap: Double?
    public var estimate: Estimate?
    /// The group the estimate describes (the plan's unit).
    public var group: Group?
    /// The year the target falls due and the data's year.
    public var dueYear: Int
    public var dataYear: Int?
    /// For a target not yet due: the change per year, in points, that reaches it by its year (0 when
    /// the estimate is already there).
    public var yearlyChangeNeeded: Double?
    /// For a relative target: the change since the year it names, with its confidence interval.
    public var change: Difference?
    public var note: LocalizedText?

    /// Assesses every target of `plan` on the results of a `family` survey, on `scope`'s unit;
    /// relative targets on `changes` (a `compare` run) with intervals at `level`.
    public static func assess(
        _ plan: TargetPlan, family: String, result: AnalysisResult, scope: TargetScope,
        changes: YearComparison? = nil, level: Double = 0.95
    ) -> [TargetAssessment] {
        plan.targets.map { target in
            var a = TargetAssessment(
                target: target, status: .notMeasured, group: scope.group,
                dueYear: plan.dueYear(of: target), dataYear: scope.dataYear)
            guard target.family == family else {
                a.note = LocalizedText(TargetMessage.otherFamily(family: family, targetFamily: target.family))
                return a
            }
            guard let group = scope.group else {
                a.note = scope.note
                return a
            }
            let row = result.results.first {
                $0.group == group && $0.indicator.id == target.indicator && $0.statistic == .share
            }
            guard let estimate = row?.estimate else {
                a.note = LocalizedText(TargetMessage.noEstimate(indicator: target.indicator))
                return a
            }
            a.estimate = estimate
            let due = a.dueYear
            if let earlier = target.higherThan {
                return a.judgeChange(since: earlier, group: group, comparison: changes, level: level)
            }
            let threshold = target.threshold
            a.gap = estimate.value * 100 - threshold
            if let year = scope.dataYear, year < due {
                a.status = .notYetDue
                a.yearlyChangeNeeded = max(0, -a.gap!) / Double(due - year)
                return a
            }
            a.status = verdict(
                low: estimate.ciLow.map { $0 * 100 }, high: estimate.ciHigh.map { $0 * 100 }, threshold: threshold,
                strict: target.isStrict)
            a.pointStatus = pointVerdict(estimate.value * 100, threshold: threshold, strict: target.isStrict)
            return a
        }
    }

    /// A relative target on the change between `earlier` and the latest year of the comparison.
    private func judgeChange(since earlier: Int, group: Group, comparison: YearComparison?, level: Double)
        -> TargetAssessment
    {
        var a = self
        guard let comparison else {
            a.note = LocalizedText(TargetMessage.relativeTarget(year: earlier))
            return a
        }
        guard let first = comparison.years.firstIndex(of: String(earlier)),
            let row = comparison.rows.first(where: {
                $0.group == group && $0.indicator.id == target.indicator && $0.statistic == .share
            }),
            let before = row.estimates[first], let after = row.estimates.last ?? nil, first < row.estimates.count - 1
        else {
            a.note = LocalizedText(TargetMessage.noEarlierEstimate(year: earlier))
            return a
        }
        if let year = a.dataYear, year < a.dueYear {
            a.status = .notYetDue
            return a
        }
        let change: Difference
        do {
            change = try Difference(from: before, to: after, level: level)
        } catch {
            // The change has no interval to judge: the status stays "not measured" and the note says why.
            a.note = (error as? StatsError).map { LocalizedText($0) } ?? LocalizedText(vi: "\(error)", en: "\(error)")
            return a
        }
        a.change = change
        a.gap = change.estimate * 100
        a.status = Self.verdict(
            low: change.ciLow.map { $0 * 100 }, high: change.ciHigh.map { $0 * 100 }, threshold: 0, strict: true)
        a.pointStatus = Self.pointVerdict(change.estimate * 100, threshold: 0, strict: true)
        if comparison.methodBreak {
            a.note = LocalizedText(TargetMessage.methodBreak)
        }
        return a
    }

    /// The interval's verdict against `threshold` (all in percent).
    static func verdict(low: Double?, high: Double?, threshold: Double, strict: Bool) -> Status {
        if let low, strict ? low > threshold : low >= threshold { return .met }
        if let high, strict ? high <= threshold : high < threshold { return .notMet }
        return .notDistinguishable
    }

    /// The point estimate's verdict against `threshold` (in percent).
    static func pointVerdict(_ value: Double, threshold: Double, strict: Bool) -> Status {
        (strict ? value > threshold : value >= threshold) ? .met : .notMet
    }

    init(target: TargetPlan.Target, status: Status, group: Group?, dueYear: Int, dataYear: Int?) {
        self.target = target
        self.status = status
        self.group = group
        self.dueYear = dueYear
        self.dataYear = dataYear
    }
}
