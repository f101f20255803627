import SIPASCore

/// Why an estimate could not be computed. Its message comes from the catalog: ``text(_:)`` in
/// Vietnamese or English; ``description`` is the English text.
public enum StatsError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedMessage {
    /// A GSL function returned NaN for these arguments.
    case numerical(function: String, arguments: [Double])
    /// An argument or input that does not fit: what failed, with its values.
    case invalid(Argument)
    /// The design has no degrees of freedom left (as many strata as PSUs).
    case noDegreesOfFreedom
    /// Strata with a single PSU under `lonely_psu: fail`.
    case lonelyPSU(strata: [String])
    /// No valid answers in the group.
    case emptyDomain(String)
    /// A weight that is negative, zero in a sampled row, or not a number.
    case invalidWeight(String)
    /// Raking still moved the weights after `sweeps` sweeps; `margins` are those not yet met, `gap` the
    /// largest relative distance of a margin level from its population total.
    case calibrationDidNotConverge(margins: [String], sweeps: Int, gap: Double)

    public var description: String { text(.en) }

    public var key: String {
        switch self {
        case .numerical: return "stats.numerical"
        case .invalid(let argument): return argument.key
        case .noDegreesOfFreedom: return "stats.noDegreesOfFreedom"
        case .lonelyPSU: return "stats.lonelyPSU"
        case .emptyDomain: return "stats.emptyDomain"
        case .invalidWeight: return "stats.invalidWeight"
        case .calibrationDidNotConverge: return "stats.calibrationDidNotConverge"
        }
    }

    public func text(_ language: Language) -> String {
        switch self {
        case .numerical(let function, let arguments):
            return language.pick(
                vi: "GSL \(function) không tính được giá trị với \(arguments)",
                en: "GSL \(function) could not compute a value for \(arguments)")
        case .invalid(let argument):
            return argument.text(language)
        case .noDegreesOfFreedom:
            return language.pick(
                vi: "thiết kế mẫu không còn bậc tự do (số tầng bằng số đơn vị mẫu cấp 1)",
                en: "the design has no degrees of freedom (as many strata as primary sampling units)")
        case .lonelyPSU(let strata):
            let list = strata.prefix(10).joined(separator: ", ") + (strata.count > 10 ? " …" : "")
            return language.pick(
                vi: "\(strata.count) tầng chỉ có một đơn vị mẫu cấp 1 (\(list)); "
                    + "chọn lonely_psu: remove, certainty, adjust hoặc average trong bộ công cụ, hoặc --lonely-psu",
                en: "\(strata.count) stratum(s) have a single primary sampling unit (\(list)); "
                    + "choose lonely_psu: remove, certainty, adjust or average in the instrument, or --lonely-psu")
        case .emptyDomain(let group):
            return language.pick(vi: "không có câu trả lời hợp lệ trong \(group)", en: "no valid answers in \(group)")
        case .invalidWeight(let text):
            return language.pick(vi: "trọng số không hợp lệ: \(text)", en: "invalid weight: \(text)")
        case .calibrationDidNotConverge(let margins, let sweeps, let gap):
            let list = margins.joined(separator: ", ")
            return language.pick(
                vi: "phép cào (raking) không hội tụ sau \(sweeps) vòng: các biên \(list) vẫn còn cách tổng thể "
                    + "đến \(gap) (tương đối); kiểm tra các biên có mô tả cùng một tổng thể không",
                en: "raking did not converge after \(sweeps) sweeps: the margins \(list) are still "
                    + "up to \(gap) (relative) from their population totals; check that the margins describe the same population"
            )
        }
    }
}
