import SIPASCore

/// One question (XLSForm `survey` row), with the SIPAS tags that place it in the index.
public struct Question: Hashable, Sendable, Codable {
    /// Column name in data files. Starts with a letter or `_`; letters, digits, `-`, `_`, `.`.
    public var name: String
    public var type: QuestionType
    public var label: LocalizedText
    public var hint: LocalizedText?
    public var required: Bool
    /// XLSForm constraint, `.` is the current value (`. >= 18 and . <= 120`).
    public var constraint: String?
    public var constraintMessage: LocalizedText?
    /// XLSForm relevance (skip logic), `${other} = '1'`.
    public var relevant: String?
    /// Area name (see ``Instrument/areas``) for scored items.
    public var area: String?
    /// Element name within the area.
    public var element: String?
    /// Criterion (tiêu chí) within the element, when the method names one.
    public var criterion: String?
    /// What the question is for in the index; defaults from its type (see ``QuestionRole``).
    public var role: QuestionRole?
    /// A built-in code list the values must come from: `province` (the GSO province codes in force
    /// in the survey year; labels come from the compiled-in crosswalk).
    public var lookup: String?
    /// The question identifies a person (name, phone, address, ID number): its values never reach a
    /// report, a table or an exported data file. YAML `identifying: true`.
    public var identifying: Bool = false

    public init(
        name: String, type: QuestionType, label: LocalizedText, hint: LocalizedText? = nil,
        required: Bool = false, constraint: String? = nil, constraintMessage: LocalizedText? = nil,
        relevant: String? = nil, area: String? = nil, element: String? = nil, criterion: String? = nil,
        role: QuestionRole? = nil, lookup: String? = nil
    ) {
        self.name = name
        self.type = type
        self.label = label
        self.hint = hint
        self.required = required
        self.constraint = constraint
        self.constraintMessage = constraintMessage
        self.relevant = relevant
        self.area = area
        self.element = element
        self.criterion = criterion
        self.role = role
        self.lookup = lookup
    }

    enum CodingKeys: String, CodingKey {
        case name, type, label, hint, required, constraint, relevant, area, element, criterion, role, lookup,
            identifying
        case constraintMessage = "constraint_message"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        type = try c.decode(QuestionType.self, forKey: .type)
        label = try c.decode(LocalizedText.self, forKey: .label)
        hint = try c.decodeIfPresent(LocalizedText.self, forKey: .hint)
        // XLSForm writes `yes`/`no`/`true()`; YAML may write a boolean.
        if let flag = try? c.decodeIfPresent(Bool.self, forKey: .required) {
            required = flag
        } else if let text = try c.decodeIfPresent(String.self, forKey: .required) {
            required = ["yes", "true", "true()", "1"].contains(text.lowercased())
        } else {
            required = false
        }
        constraint = try c.decodeIfPresent(String.self, forKey: .constraint)
        constraintMessage = try c.decodeIfPresent(LocalizedText.self, forKey: .constraintMessage)
        relevant = try c.decodeIfPresent(String.self, forKey: .relevant)
        area = try c.decodeIfPresent(String.self, forKey: .area)
        element = try c.decodeIfPresent(String.self, forKey: .element)
        criterion = try c.decodeIfPresent(String.self, forKey: .criterion)
        role = try c.decodeIfPresent(QuestionRole.self, forKey: .role)
        lookup = try c.decodeIfPresent(String.self, forKey: .lookup)
        identifying = try c.decodeIfPresent(Bool.self, forKey: .identifying) ?? false
    }
}

/// What a question contributes to the analysis.
public enum QuestionRole: String, Hashable, Sendable, Codable {
    /// A scored satisfaction item; rolls up into its element.
    case item
    /// The element's "in general" satisfaction item (used when `rollup.element: overall_item`).
    case elementOverall = "element_overall"
    /// The dedicated overall satisfaction item (used when `rollup.overall: overall_item`).
    case overall
    /// A characteristic used for breakdowns or design (province, sector, commune, sex …).
    case attribute
    /// A categorical perception, expectation or channel question (harassment, interest in a policy,
    /// filing channel): kept like an attribute (so it can also break results down), and the weighted
    /// share of each of its answers is reported in the perception table.
    case perception
    /// Collected and checked, not analysed (free text, follow-up numbers).
    case info
}

/// XLSForm question types, from their spelling in the `type` column (`select_one sat5`).
public enum QuestionType: Hashable, Sendable, Codable, CustomStringConvertible {
    case integer
    case decimal
    case text
    case selectOne(list: String)
    case selectMultiple(list: String)
    case date
    case dateTime
    case calculate
    case note
    /// Any other XLSForm type (`start`, `end`, `geopoint` …), kept as written.
    case other(String)

    public init(parsing raw: String) {
        let parts = raw.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        switch parts.first ?? "" {
        case "integer", "int": self = .integer
        case "decimal": self = .decimal
        case "text", "string": self = .text
        case "select_one" where parts.count >= 2: self = .selectOne(list: parts[1])
        case "select_multiple" where parts.count >= 2: self = .selectMultiple(list: parts[1])
        case "date": self = .date
        case "dateTime", "datetime": self = .dateTime
        case "calculate": self = .calculate
        case "note": self = .note
        default: self = .other(raw)
        }
    }

    public init(from decoder: any Decoder) throws {
        self.init(parsing: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }

    /// The choice list a select question draws from.
    public var listName: String? {
        switch self {
        case .selectOne(let list), .selectMultiple(let list): return list
        default: return nil
        }
    }

    public var description: String {
        switch self {
        case .integer: return "integer"
        case .decimal: return "decimal"
        case .text: return "text"
        case .selectOne(let list): return "select_one \(list)"
        case .selectMultiple(let list): return "select_multiple \(list)"
        case .date: return "date"
        case .dateTime: return "dateTime"
        case .calculate: return "calculate"
        case .note: return "note"
        case .other(let raw): return raw
        }
    }
}
