import SIPASCore
import SIPASInstruments

@testable import SIPASStats

/// A one-item instrument whose item `x` takes any integer code, for reference-value tests.
func oneItemInstrument(
    satisfied: [Int] = [], excluded: [Int] = [], attributes: [String] = [], lonely: LonelyPSU = .fail
) -> Instrument {
    var questions = attributes.map { Question(name: $0, type: .text, label: LocalizedText(vi: $0), role: .attribute) }
    questions.append(
        Question(name: "x", type: .selectOne(list: "codes"), label: LocalizedText(vi: "x"), area: "a", element: "e"))
    return Instrument(
        id: "test", title: LocalizedText(vi: "test"), family: "test", methodVersion: "test",
        provenance: Provenance(official: [], reconstructed: []),
        choices: ["codes": []], scales: ["codes": Scale(satisfied: satisfied, excluded: excluded)],
        design: DesignSpec(weight: "w", strata: "s", cluster: "c", lonelyPSU: lonely),
        areas: [
            Area(
                name: "a", label: LocalizedText(vi: "a"), elements: [Element(name: "e", label: LocalizedText(vi: "e"))])
        ],
        rollup: RollupSpec(), questions: questions
    )
}

func record(stratum: String, cluster: String, weight: Double, codes: [Int?], attributes: [String] = [], row: Int = 0)
    -> ResponseRecord
{
    ResponseRecord(
        location: SourceLocation(file: "test", row: row), weight: weight, stratum: stratum, cluster: cluster,
        attributes: attributes, answers: codes.map { $0.map { ItemAnswer.code($0) } ?? .blank }
    )
}

extension AnalysisResult {
    func find(_ indicator: String, _ statistic: Statistic, group: Group = .all) -> Estimate? {
        results.first { $0.indicator.id == indicator && $0.statistic == statistic && $0.group == group }?.estimate
    }
}

/// |a − b| ≤ tolerance · max(|b|, tiny).
func close(_ a: Double?, _ b: Double, relative tolerance: Double) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= tolerance * max(abs(b), 1e-300)
}
