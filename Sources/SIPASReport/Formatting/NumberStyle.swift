import Foundation
import SIPASCore

/// How numbers are written: human formats in Vietnamese use a decimal comma ("84,52"),
/// English and every machine format (CSV, JSON) a dot.
public struct NumberStyle: Sendable, Hashable {
    public var decimalSeparator: Character

    public static let machine = NumberStyle(decimalSeparator: ".")

    public static func human(_ language: Language) -> NumberStyle {
        NumberStyle(decimalSeparator: language == .vi ? "," : ".")
    }

    /// `value` with `digits` decimals, or "–" when absent.
    public func format(_ value: Double?, digits: Int) -> String {
        guard let value, value.isFinite else { return "–" }
        let text = String(format: "%.\(digits)f", value)
        return decimalSeparator == "." ? text : text.replacingOccurrences(of: ".", with: String(decimalSeparator))
    }
}
