import Foundation
import SIPASCore
import SIPASImport
import SIPASInstruments

/// Fills one synthetic row, question by question, in form order.
struct RowFiller {
    struct Row {
        var fields: [String]
        var satisfied: Double
        var valid: Double
    }

    let instrument: Instrument
    let year: Int
    let random: RandomSource
    let relevant: [FormExpression?]
    let constraint: [FormExpression?]
    /// Per choice list: probabilities decreasing with position (the first option most common).
    let listWeights: [String: [Double]]

    init(instrument: Instrument, year: Int, random: RandomSource) throws {
        self.instrument = instrument
        self.year = year
        self.random = random
        relevant = try instrument.questions.map { try $0.relevant.map(FormExpression.init(parsing:)) }
        constraint = try instrument.questions.map { try $0.constraint.map(FormExpression.init(parsing:)) }
        var weights: [String: [Double]] = [:]
        for (name, choices) in instrument.choices {
            weights[name] = choices.indices.map { pow(0.55, Double($0)) * (0.7 + 0.6 * random.uniform()) }
        }
        listWeights = weights
    }

    func row(serial: Int, cluster: SampleFrame.Cluster, frame: SampleFrame) -> Row {
        let questions = instrument.questions
        var values = [String](repeating: "", count: questions.count)
        var index: [String: Int] = [:]
        for (i, q) in questions.enumerated() { index[q.name] = i }
        let person = random.gaussian(sd: frame.respondentSD)
        var satisfied = 0.0, valid = 0.0
        for (i, q) in questions.enumerated() {
            if let rule = relevant[i], !rule.isTrue(current: "", lookup: { index[$0].map { values[$0] } ?? "" }) { continue }
            if let scale = instrument.scale(of: q), instrument.role(of: q) != .attribute, instrument.role(of: q) != .info {
                values[i] = answer(q, scale: scale, logit: cluster.logit + (frame.itemShift[q.name] ?? 0) + frame.calibration + person)
                if let code = Int(values[i]), !scale.excluded.contains(code) {
                    valid += 1
                    if scale.satisfied.contains(code) { satisfied += 1 }
                }
                continue
            }
            values[i] = attribute(q, at: i, serial: serial, cluster: cluster)
        }
        return Row(fields: values, satisfied: satisfied, valid: valid)
    }

    private func answer(_ q: Question, scale: Scale, logit: Double) -> String {
        let u = random.uniform()
        if u < 0.01 { return "" }
        if u < 0.04, let dontKnow = scale.excluded.max() { return String(dontKnow) }
        let p = 1 / (1 + exp(-logit))
        if random.bernoulli(p) {
            let happy = scale.satisfied.sorted()
            return String(happy.count > 1 && random.bernoulli(0.42) ? happy[happy.count - 1] : happy[0])
        }
        let codes = (instrument.choices[q.type.listName ?? ""] ?? []).compactMap { Int($0.name) }
            .filter { !scale.satisfied.contains($0) && !scale.excluded.contains($0) }.sorted()
        guard !codes.isEmpty else { return "" }
        // Mostly the middle code (3), then 2, then 1.
        let weights = codes.indices.map { pow(2.2, Double($0)) }
        return String(codes[random.categorical(weights)])
    }

    private func attribute(_ q: Question, at i: Int, serial: Int, cluster: SampleFrame.Cluster) -> String {
        switch q.name {
        case "form_id": return "\(year)-\(cluster.province.code)-\(String(format: "%06d", serial))"
        case "year": return String(year)
        case "province_code": return cluster.province.code
        case "province_name": return cluster.province.name
        case "commune_code": return cluster.commune
        case instrument.design.cluster ?? "": return cluster.code
        case instrument.design.weight ?? "":
            return String(format: "%.2f", cluster.weightBase / Double(max(cluster.respondents, 1)))
        default: break
        }
        switch q.type {
        case .selectOne(let list):
            var choices = instrument.choices[list] ?? []
            var weights = listWeights[list] ?? []
            // District-level agencies ceased on 1 July 2025.
            if list == "agency_level", year >= 2025, let district = choices.firstIndex(where: { $0.name == "huyen" }) {
                choices.remove(at: district)
                weights.remove(at: district)
            }
            guard !choices.isEmpty else { return "" }
            return choices[random.categorical(weights)].name
        case .selectMultiple(let list):
            let choices = instrument.choices[list] ?? []
            guard !choices.isEmpty else { return "" }
            let first = random.uniformInt(below: choices.count)
            return choices[first].name
        case .integer, .decimal:
            return number(for: q, at: i)
        default:
            return ""
        }
    }

    /// A number satisfying the question's constraint (ages around 45; other numbers uniform in 0–100).
    private func number(for q: Question, at i: Int) -> String {
        for _ in 0..<50 {
            let value: Double
            if q.name == "age" { value = (45 + random.gaussian(sd: 15)).rounded() } else { value = (random.uniform() * 100).rounded() }
            let text = String(Int(value))
            if constraint[i]?.isTrue(current: text, lookup: { _ in "" }) ?? true { return text }
        }
        return ""
    }
}
