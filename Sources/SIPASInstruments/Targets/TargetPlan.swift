import Foundation
import SIPASCore
import Yams

/// A plan's satisfaction targets (a province, district or commune plan), read from YAML
/// (`Instruments/targets/`). See `Instruments/README.md` for the format.
public struct TargetPlan: Hashable, Sendable, Codable {
    public struct Unit: Hashable, Sendable, Codable {
        /// Province code (two digits) when the unit is a province; the commune or district code
        /// (as the data write it) when it is one.
        public var code: String?
        public var name: String
        /// For a province: the coding its code belongs to (`old`: the 63 provinces before 1 July 2025,
        /// `new`: the 34 from then). When absent it follows from the name (Bắc Giang 24 is old, Bắc
        /// Ninh 24 new), else from the plan's year.
        public var coding: ProvinceCoding?

        public init(code: String? = nil, name: String, coding: ProvinceCoding? = nil) {
            self.code = code
            self.name = name
            self.coding = coding
        }
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
        /// A relative target: the index is to be higher than in this year ("cao hơn năm 2022"),
        /// judged by `compare` on the change between the two years.
        public var higherThan: Int?

        enum CodingKeys: String, CodingKey {
            case family, indicator, minimum, above, by, label, part
            case higherThan = "higher_than"
        }

        public init(
            family: String, indicator: String, minimum: Double? = nil, above: Double? = nil, by: Int? = nil,
            label: LocalizedText, part: String? = nil, higherThan: Int? = nil
        ) {
            self.family = family
            self.indicator = indicator
            self.minimum = minimum
            self.above = above
            self.by = by
            self.label = label
            self.part = part
            self.higherThan = higherThan
        }

        /// The threshold in percent.
        public var threshold: Double { minimum ?? above ?? .nan }
        /// True for a strict inequality ("above 90 %", "higher than 2022").
        public var isStrict: Bool { minimum == nil && (above != nil || higherThan != nil) }
        /// True for a target relative to an earlier year.
        public var isRelative: Bool { higherThan != nil }
    }

    public var id: String
    public var plan: LocalizedText
    /// `province`, `district` or `commune`.
    public var level: String
    public var unit: Unit
    public var year: Int
    public var targets: [Target]

    /// The year a target falls due: its own `by`, else the plan's year.
    public func dueYear(of target: Target) -> Int { target.by ?? year }

    /// The coding of the plan's province code: as written, else told by the unit's name, else the
    /// plan's year (nil for a unit without a code).
    public var unitCoding: ProvinceCoding? {
        guard let code = unit.code, level == "province" else { return nil }
        return unit.coding ?? ProvinceCatalog.official.coding(ofCode: code, name: unit.name)
            ?? ProvinceCatalog.official.coding(forYear: year)
    }

    /// Decodes a plan; every target needs exactly one of `minimum`, `above` (a percentage between
    /// 0 and 100) or `higher_than` (a year before the target's).
    public static func load(yaml: String, file: String) throws -> TargetPlan {
        let plan: TargetPlan
        do {
            plan = try YAMLDecoder().decode(TargetPlan.self, from: yaml.nfc)
        } catch let error as DecodingError {
            throw InstrumentError.decoding(error, file: file, yaml: yaml)
        } catch {
            throw InstrumentError(file: file, line: nil, .yaml("\(error)"))
        }
        for (i, target) in plan.targets.enumerated() {
            let line = YAMLLocator(yaml: yaml).line(of: [.key("targets"), .index(i)])
            guard [target.minimum, target.above, target.higherThan.map(Double.init)].compactMap({ $0 }).count == 1
            else {
                throw InstrumentError(file: file, line: line, .targetBound(index: i))
            }
            if let earlier = target.higherThan {
                guard earlier < plan.dueYear(of: target) else {
                    throw InstrumentError(
                        file: file, line: line,
                        .targetEarlierYear(index: i, earlier: earlier, due: plan.dueYear(of: target)))
                }
                continue
            }
            guard (0...100).contains(target.threshold) else {
                throw InstrumentError(file: file, line: line, .targetThreshold(index: i))
            }
        }
        return plan
    }

    public static func load(contentsOf url: URL) throws -> TargetPlan {
        guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8)
        else {
            throw InstrumentError(file: url.path, line: nil, .cannotReadUTF8)
        }
        return try load(yaml: text, file: url.lastPathComponent)
    }
}
