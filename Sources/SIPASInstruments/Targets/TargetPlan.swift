import Foundation
import SIPASCore
import Yams

/// A plan's satisfaction targets (a province, district or commune plan), read from YAML
/// (`Instruments/targets/`). See `Instruments/README.md` for the format.
public struct TargetPlan: Hashable, Sendable, Codable {
    public struct Unit: Hashable, Sendable, Codable {
        /// Province code (two digits) when the unit is a province.
        public var code: String?
        public var name: String
    }

    public struct Target: Hashable, Sendable, Codable {
        /// Instrument family the target is about: `sipas`, `land`, `health`, `education`.
        public var family: String
        /// Indicator id: `overall`, `area:services`, `element:procedures` …
        public var indicator: String
        /// "at least" threshold in percent (≥).
        public var minimum: Double?
        /// "above" threshold in percent (>).
        public var above: Double?
        /// Year by which the target applies (for multi-year goals).
        public var by: Int?
        public var label: LocalizedText
        /// Which part of the plan states it (`text`, `appendix`) when the plan gives two figures.
        public var part: String?

        /// The threshold in percent.
        public var threshold: Double { minimum ?? above ?? .nan }
        /// True for a strict inequality ("above 90 %").
        public var isStrict: Bool { minimum == nil && above != nil }
    }

    public var id: String
    public var plan: LocalizedText
    /// `province`, `district` or `commune`.
    public var level: String
    public var unit: Unit
    public var year: Int
    public var targets: [Target]

    /// Decodes a plan; every target needs exactly one of `minimum` or `above`, between 0 and 100.
    public static func load(yaml: String, file: String) throws -> TargetPlan {
        let plan: TargetPlan
        do {
            plan = try YAMLDecoder().decode(TargetPlan.self, from: yaml.nfc)
        } catch let error as DecodingError {
            throw InstrumentError.decoding(error, file: file, yaml: yaml)
        } catch {
            throw InstrumentError(file: file, line: nil, message: "\(error)")
        }
        for (i, target) in plan.targets.enumerated() {
            let line = YAMLLocator(yaml: yaml).line(of: [.key("targets"), .index(i)])
            guard (target.minimum == nil) != (target.above == nil) else {
                throw InstrumentError(file: file, line: line, message: "targets[\(i)]: give exactly one of minimum or above")
            }
            guard (0...100).contains(target.threshold) else {
                throw InstrumentError(file: file, line: line, message: "targets[\(i)]: the threshold is a percentage between 0 and 100")
            }
        }
        return plan
    }

    public static func load(contentsOf url: URL) throws -> TargetPlan {
        guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
            throw InstrumentError(file: url.path, line: nil, message: "cannot read the file as UTF-8 text")
        }
        return try load(yaml: text, file: url.lastPathComponent)
    }
}
