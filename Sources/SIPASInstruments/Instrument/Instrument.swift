import SIPASCore

/// A survey instrument: the questionnaire (XLSForm-like) plus what SIPAS needs to compute indices.
///
/// Instruments are YAML files (see `Instruments/README.md`) decoded into these typed structs with
/// Yams. Keys use snake_case in YAML (`method_version`) and camelCase here.
public struct Instrument: Hashable, Sendable, Codable {
    /// Short unique name used on the command line (`sipas-2023`).
    public var id: String
    public var title: LocalizedText
    /// The survey family: `sipas`, `health`, `education`, `land`.
    public var family: String
    /// The method the instrument implements (e.g. "1001/QĐ-BNV 2023–2026"). Comparisons across
    /// different method versions are marked as method breaks.
    public var methodVersion: String
    /// First and last survey year the instrument applies to.
    public var years: YearRange?
    /// What follows an official source and what is reconstructed.
    public var provenance: Provenance
    /// XLSForm `choices`: list name → options.
    public var choices: [String: [Choice]]
    /// For choice lists used as rating scales: which codes count as satisfied and which are
    /// "don't know / not applicable" (excluded from the denominator, counted).
    public var scales: [String: Scale]
    /// Sampling design columns.
    public var design: DesignSpec
    /// Areas (policy, public services) and their elements, in reporting order.
    public var areas: [Area]
    /// How item results roll up into element, area and overall indices.
    public var rollup: RollupSpec
    /// Grouping columns analysed by default (`sipas analyze` without `--by`).
    public var breakdowns: [String]
    /// Column holding a respondent / form id, checked for duplicates.
    public var respondentId: String?
    /// XLSForm `survey`: the questions, in form order.
    public var questions: [Question]
    /// The fewest respondents for a group (an agency) to be ranked (`minimum_n`, default 30).
    public var minimumN: Int
    /// What the key-driver regression explains (`drivers: {outcome: ITEM}`); nil: the only `overall` question.
    public var drivers: DriverSpec?

    public init(
        id: String, title: LocalizedText, family: String, methodVersion: String, years: YearRange? = nil,
        provenance: Provenance, choices: [String: [Choice]], scales: [String: Scale], design: DesignSpec,
        areas: [Area], rollup: RollupSpec, breakdowns: [String] = [], respondentId: String? = nil,
        questions: [Question], drivers: DriverSpec? = nil, minimumN: Int = 30
    ) {
        self.id = id
        self.title = title
        self.family = family
        self.methodVersion = methodVersion
        self.years = years
        self.provenance = provenance
        self.choices = choices
        self.scales = scales
        self.design = design
        self.areas = areas
        self.rollup = rollup
        self.breakdowns = breakdowns
        self.respondentId = respondentId
        self.questions = questions
        self.drivers = drivers
        self.minimumN = minimumN
    }

    enum CodingKeys: String, CodingKey {
        case id, title, family, years, provenance, choices, scales, design, areas, rollup, breakdowns, questions,
            drivers
        case methodVersion = "method_version"
        case respondentId = "respondent_id"
        case minimumN = "minimum_n"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        title = try c.decode(LocalizedText.self, forKey: .title)
        family = try c.decode(String.self, forKey: .family)
        methodVersion = try c.decode(String.self, forKey: .methodVersion)
        years = try c.decodeIfPresent(YearRange.self, forKey: .years)
        provenance = try c.decode(Provenance.self, forKey: .provenance)
        choices = try c.decodeIfPresent([String: [Choice]].self, forKey: .choices) ?? [:]
        scales = try c.decodeIfPresent([String: Scale].self, forKey: .scales) ?? [:]
        design = try c.decodeIfPresent(DesignSpec.self, forKey: .design) ?? DesignSpec()
        areas = try c.decodeIfPresent([Area].self, forKey: .areas) ?? []
        rollup = try c.decodeIfPresent(RollupSpec.self, forKey: .rollup) ?? RollupSpec()
        breakdowns = try c.decodeIfPresent([String].self, forKey: .breakdowns) ?? []
        respondentId = try c.decodeIfPresent(String.self, forKey: .respondentId)
        questions = try c.decode([Question].self, forKey: .questions)
        drivers = try c.decodeIfPresent(DriverSpec.self, forKey: .drivers)
        minimumN = try c.decodeIfPresent(Int.self, forKey: .minimumN) ?? 30
    }
}

/// The key-driver regression's outcome: one scored question of role `overall` or `element_overall`,
/// never an element's content item (the element scores built from those are the predictors).
public struct DriverSpec: Hashable, Sendable, Codable {
    public var outcome: String
    public init(outcome: String) { self.outcome = outcome }
}

public struct YearRange: Hashable, Sendable, Codable {
    public var from: Int
    public var to: Int?
    public init(from: Int, to: Int? = nil) {
        self.from = from
        self.to = to
    }
    public func contains(_ year: Int) -> Bool { year >= from && (to.map { year <= $0 } ?? true) }
}

/// Where an instrument's content comes from.
public struct Provenance: Hashable, Sendable, Codable {
    /// Parts that follow an official document, each with its source.
    public var official: [String]
    /// Parts reconstructed or inferred; every such choice is configurable in the file.
    public var reconstructed: [String]
    public init(official: [String], reconstructed: [String]) {
        self.official = official
        self.reconstructed = reconstructed
    }
}

/// One XLSForm choice: a code (`name`) and its labels.
public struct Choice: Hashable, Sendable, Codable {
    public var name: String
    public var label: LocalizedText
    public init(name: String, label: LocalizedText) {
        self.name = name
        self.label = label
    }
}

/// Scoring rules for a choice list used as a rating scale.
public struct Scale: Hashable, Sendable, Codable {
    /// Codes counted as satisfied (default 4 and 5 on the 1–5 scale).
    public var satisfied: [Int]
    /// Codes meaning "don't know / not applicable": excluded from the denominator and counted.
    public var excluded: [Int]
    public init(satisfied: [Int] = [4, 5], excluded: [Int] = []) {
        self.satisfied = satisfied
        self.excluded = excluded
    }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        satisfied = try c.decodeIfPresent([Int].self, forKey: .satisfied) ?? [4, 5]
        excluded = try c.decodeIfPresent([Int].self, forKey: .excluded) ?? []
    }
    enum CodingKeys: String, CodingKey { case satisfied, excluded }
}
