import Foundation
import SIPASCore
import SIPASInstruments

/// Fills one synthetic row, question by question, in form order.
///
/// Columns are filled by name, role or lookup: the id, year, province, commune, weight and cluster
/// columns from the frame; scored items from the latent model; select questions from their choice
/// lists with uneven probabilities; numbers within their constraints. A question whose `relevant`
/// expression is false (evaluated as the importer does) is left blank.
struct RowFiller {
    struct Row {
        var fields: [String]
        /// Per scored question (in `scoredQuestions` order): 2 satisfied, 1 valid and not satisfied,
        /// 0 blank, excluded code or not asked.
        var outcomes: [UInt8]
    }

    private enum Column {
        case formId, year, provinceCode, provinceName, commune, cluster, weight, agencyCode, agencyName
        case scored(Scale, satisfied: [Int], dissatisfied: [Int])
        case choice(list: String, multiple: Bool)
        case number(decimal: Bool, range: ClosedRange<Double>, isAge: Bool)
        case date
        case blank

        var isAgencyCode: Bool { if case .agencyCode = self { return true } else { return false } }
    }

    /// Share of blank scored answers, and of "don't know" (the scale's last excluded code).
    static let blankShare = 0.01
    static let dontKnowShare = 0.03
    /// Among satisfied answers, the share of the top code (5 "very satisfied").
    static let topCodeShare = 0.42

    private let year: Int
    private let random: RandomSource
    private let columns: [Column]
    private let relevant: [FormExpression?]
    private let constraint: [FormExpression?]
    private let index: [String: Int]
    /// Position among the scored questions of each column (nil when not scored).
    private let scoredPosition: [Int?]
    private let scoredCount: Int
    /// Per choice list: choices and their probabilities (the first option most common).
    private let lists: [String: (codes: [String], weights: [Double])]

    init(instrument: Instrument, year: Int, random: RandomSource) throws {
        self.year = year
        self.random = random
        relevant = try instrument.questions.map { try $0.relevant.map(FormExpression.init(parsing:)) }
        constraint = try instrument.questions.map { try $0.constraint.map(FormExpression.init(parsing:)) }
        var index: [String: Int] = [:]
        for (i, q) in instrument.questions.enumerated() { index[q.name] = i }
        self.index = index
        let scored = Set(instrument.scoredQuestions.map(\.name))
        var position = 0
        scoredPosition = instrument.questions.map { q in
            guard scored.contains(q.name) else { return nil }
            defer { position += 1 }
            return position
        }
        scoredCount = scored.count
        var lists: [String: (codes: [String], weights: [Double])] = [:]
        var columns: [Column] = []
        for q in instrument.questions {
            let column = Self.column(for: q, in: instrument, scored: scored.contains(q.name))
            if case .choice(let list, _) = column, lists[list] == nil {
                lists[list] = Self.choiceWeights(
                    instrument.choices[list] ?? [], role: instrument.role(of: q), list: list, year: year, random: random
                )
            }
            columns.append(column)
        }
        self.columns = columns
        self.lists = lists
    }

    private static func column(for q: Question, in instrument: Instrument, scored: Bool) -> Column {
        let design = instrument.design
        if q.name == instrument.respondentId || q.name == "form_id" { return .formId }
        if q.name == design.weight { return .weight }
        if q.lookup == "province" || q.name == design.strata || q.name == "province_code" { return .provinceCode }
        if q.name == "province_name" { return .provinceName }
        if q.name == "commune_code" { return .commune }
        if q.name == design.cluster { return .cluster }
        if q.name == "year" || q.name == "survey_year" { return .year }
        if q.name == "agency_code" { return .agencyCode }
        if q.name == "agency_name" { return .agencyName }
        if scored, let scale = instrument.scale(of: q) {
            let codes = (instrument.choices[q.type.listName ?? ""] ?? []).compactMap { Int($0.name) }
            let dissatisfied = codes.filter { !scale.satisfied.contains($0) && !scale.excluded.contains($0) }.sorted()
            return .scored(scale, satisfied: scale.satisfied.sorted(), dissatisfied: dissatisfied)
        }
        switch q.type {
        case .selectOne(let list): return .choice(list: list, multiple: false)
        case .selectMultiple(let list): return .choice(list: list, multiple: true)
        case .integer, .decimal:
            let decimal = q.type == .decimal
            let isAge = q.name.lowercased().hasPrefix("age") || q.name.lowercased().hasSuffix("_age")
            return .number(decimal: decimal, range: NumberRange.of(q.constraint, isAge: isAge), isAge: isAge)
        case .date, .dateTime: return .date
        default: return .blank
        }
    }

    /// Probabilities decreasing with list position: nearly even for two options (sex 54 / 46),
    /// steeper for longer attribute lists, steep for info items (the first option, e.g. "no
    /// harassment", about 70 %); jittered per list. From 2025 the district level ("huyen") is
    /// dropped: districts ceased on 1 July 2025.
    private static func choiceWeights(
        _ choices: [Choice], role: QuestionRole, list: String, year: Int, random: RandomSource
    )
        -> (codes: [String], weights: [Double])
    {
        let kept = choices.filter { !(year >= 2025 && list == "agency_level" && $0.name == "huyen") }
        let decay = kept.count <= 2 ? 0.85 : role == .info || role == .perception ? 0.3 : 0.6
        let weights = kept.indices.map { pow(decay, Double($0)) * (0.8 + 0.4 * random.uniform()) }
        return (kept.map(\.name), weights)
    }

    /// `value` in decimal with zeros in front up to `width` digits, as "%0*d" (no `String(format:)`
    /// per row: Foundation's formatting parses its format string on every call).
    static func zeroPadded(_ value: Int, width: Int) -> String {
        let digits = String(value.magnitude)
        let padded = String(repeating: "0", count: max(width - digits.count - (value < 0 ? 1 : 0), 0)) + digits
        return value < 0 ? "-" + padded : padded
    }

    func row(serial: Int, cluster: SampleFrame.Cluster, frame: SampleFrame) -> Row {
        var values = [String](repeating: "", count: columns.count)
        let person = random.gaussian(sd: SampleFrame.respondentSD)
        var outcomes = [UInt8](repeating: 0, count: scoredCount)
        for (i, column) in columns.enumerated() {
            if let rule = relevant[i], !rule.isTrue(current: "", lookup: { index[$0].map { values[$0] } ?? "" }) {
                continue
            }
            switch column {
            case .formId: values[i] = "\(year)-\(cluster.province.code)-\(Self.zeroPadded(serial, width: 5))"
            case .year: values[i] = String(year)
            case .provinceCode: values[i] = cluster.province.code
            case .provinceName: values[i] = cluster.province.name
            case .commune: values[i] = cluster.commune
            case .cluster: values[i] = cluster.code
            case .weight: values[i] = cluster.weightText
            case .agencyCode, .agencyName:
                let agency = SyntheticAgencies.agency(
                    province: cluster.province.code, commune: cluster.commune, year: year, serial: serial,
                    level: index["agency_level"].map { values[$0] }, sector: index["sector"].map { values[$0] } ?? "")
                values[i] = column.isAgencyCode ? agency.code : agency.name
            case .scored(let scale, let happy, let unhappy):
                let logit = cluster.logit + frame.itemShift[i] + frame.calibration + person
                values[i] = answer(scale: scale, satisfiedCodes: happy, otherCodes: unhappy, logit: logit)
                if let code = Int(values[i]), !scale.excluded.contains(code), let k = scoredPosition[i] {
                    outcomes[k] = scale.satisfied.contains(code) ? 2 : 1
                }
            case .choice(let list, let multiple):
                values[i] = choice(list, multiple: multiple)
            case .number(let decimal, let range, let isAge):
                values[i] = number(decimal: decimal, range: range, isAge: isAge, constraint: constraint[i])
            case .date:
                values[i] = String(
                    format: "%04d-%02d-%02d", year, 8 + random.uniformInt(below: 4), 1 + random.uniformInt(below: 28))
            case .blank: break
            }
        }
        return Row(fields: values, outcomes: outcomes)
    }

    /// A code of the scale: 1 % blank, 3 % "don't know", else satisfied with probability
    /// expit(logit) (4, or 5 for 42 % of them), dissatisfied otherwise (mostly the middle code 3).
    private func answer(scale: Scale, satisfiedCodes: [Int], otherCodes: [Int], logit: Double) -> String {
        let u = random.uniform()
        if u < Self.blankShare { return "" }
        if u < Self.blankShare + Self.dontKnowShare, let dontKnow = scale.excluded.max() { return String(dontKnow) }
        if random.bernoulli(p: 1 / (1 + exp(-logit))), !satisfiedCodes.isEmpty {
            let top = satisfiedCodes.count > 1 && random.bernoulli(p: Self.topCodeShare)
            return String(top ? satisfiedCodes[satisfiedCodes.count - 1] : satisfiedCodes[0])
        }
        guard !otherCodes.isEmpty else { return "" }
        // Weights 1 : 2.2 : 4.84 for codes 1, 2, 3: the middle code about 60 %.
        return String(otherCodes[random.categorical(probabilities: otherCodes.indices.map { pow(2.2, Double($0)) })])
    }

    private func choice(_ list: String, multiple: Bool) -> String {
        guard let (codes, weights) = lists[list], !codes.isEmpty else { return "" }
        let first = random.categorical(probabilities: weights)
        guard multiple, codes.count > 1, random.bernoulli(p: 0.35) else { return codes[first] }
        var second = random.categorical(probabilities: weights)
        if second == first { second = (first + 1) % codes.count }
        return [first, second].sorted().map { codes[$0] }.joined(separator: " ")
    }

    /// A number in the question's range that satisfies its constraint: ages about 45 ± 14 (18–80
    /// within the constraint), percentages (0–100) about 82 ± 12, integers on a short range (≤ 12
    /// steps) uniform, other integers (counts) the low end plus Poisson(a tenth of the range), other
    /// decimals uniform in the range.
    private func number(decimal: Bool, range: ClosedRange<Double>, isAge: Bool, constraint: FormExpression?) -> String {
        for attempt in 0..<50 {
            var value: Double
            if isAge {
                value = 45 + random.gaussian(sd: 14)
            } else if range.lowerBound >= 0, range.upperBound == 100 {
                value = 82 + random.gaussian(sd: 12)
            } else if !decimal, range.upperBound - range.lowerBound <= 12 {
                // Short integer scales (a school grade 1–12): uniform.
                value =
                    range.lowerBound + Double(random.uniformInt(below: Int(range.upperBound - range.lowerBound) + 1))
            } else if !decimal {
                // Counts (visits 1–20, days): the low end plus a small Poisson number.
                value =
                    range.lowerBound
                    + Double(random.poisson(mean: max(0.5, (range.upperBound - range.lowerBound) * 0.1)))
            } else {
                value = range.lowerBound + random.uniform() * (range.upperBound - range.lowerBound)
            }
            // Redraw outside the range (no pile-up at the bounds); clamp only on the last try.
            if !range.contains(value) {
                guard attempt == 49 else { continue }
                value = min(range.upperBound, max(range.lowerBound, value))
            }
            let text = decimal && !isAge ? String(format: "%.1f", value) : String(Int(value.rounded()))
            if constraint?.isTrue(current: text, lookup: { _ in "" }) ?? true { return text }
        }
        return ""
    }
}

/// The range a number question's constraint allows, read from its simple comparisons
/// (`. >= 18 and . <= 100`); 0–100 where a side is open, 18–80 for ages.
enum NumberRange {
    static func of(_ constraint: String?, isAge: Bool) -> ClosedRange<Double> {
        var low = isAge ? 18.0 : 0
        var high = isAge ? 80.0 : 100
        var lowSet = false
        var highSet = false
        if let constraint,
            let pattern = try? NSRegularExpression(pattern: #"\.\s*(>=|<=|>|<)\s*(-?[0-9]+(?:\.[0-9]+)?)"#)
        {
            let text = constraint as NSString
            for match in pattern.matches(in: constraint, range: NSRange(location: 0, length: text.length)) {
                let op = text.substring(with: match.range(at: 1))
                guard let bound = Double(text.substring(with: match.range(at: 2))) else { continue }
                switch op {
                case ">=":
                    low = isAge ? max(low, bound) : bound
                    lowSet = true
                case ">":
                    low = isAge ? max(low, bound + 1) : bound + (bound == bound.rounded() ? 1 : 0.1)
                    lowSet = true
                case "<=":
                    high = isAge ? min(high, bound) : bound
                    highSet = true
                default:
                    high = isAge ? min(high, bound - 1) : bound - 1
                    highSet = true
                }
            }
        }
        if lowSet && !highSet && low >= high { high = low + 100 }
        if highSet && !lowSet && low >= high { low = high - 100 }
        return low <= high ? low...high : high...high
    }
}
