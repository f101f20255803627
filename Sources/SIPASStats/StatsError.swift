/// Why an estimate could not be computed.
public enum StatsError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A GSL function returned NaN for these arguments.
    case numerical(function: String, arguments: [Double])
    case invalidArgument(String)
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

    public var description: String {
        switch self {
        case .numerical(let function, let arguments):
            return "GSL \(function) could not compute a value for \(arguments)"
        case .invalidArgument(let text):
            return text
        case .noDegreesOfFreedom:
            return "the design has no degrees of freedom (as many strata as primary sampling units)"
        case .lonelyPSU(let strata):
            let list = strata.prefix(10).joined(separator: ", ") + (strata.count > 10 ? " …" : "")
            return "\(strata.count) stratum(s) have a single primary sampling unit (\(list)); "
                + "choose lonely_psu: remove, certainty, adjust or average in the instrument, or --lonely-psu"
        case .emptyDomain(let group):
            return "no valid answers in \(group)"
        case .invalidWeight(let text):
            return "invalid weight: \(text)"
        case .calibrationDidNotConverge(let margins, let sweeps, let gap):
            return "raking did not converge after \(sweeps) sweeps: the margins \(margins.joined(separator: ", ")) are still "
                + "up to \(gap) (relative) from their population totals; check that the margins describe the same population"
        }
    }
}
