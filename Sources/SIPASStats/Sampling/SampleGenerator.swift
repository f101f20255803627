import Foundation
import SIPASCore
import SIPASInstruments

/// Writes a deterministic synthetic response file for any instrument, with GSL random numbers.
///
/// Design (like SIPAS 2024, methodology §3.3): every province of the survey year is a stratum
/// (63 before 2025, 34 from 2025); in each, clusters (communes, or the instrument's cluster column:
/// hospitals, schools) are the PSUs: 6 per pre-2025 province, so a merged 2025 province has 6 per
/// province it absorbed; respondents are spread evenly over clusters so that the total is exactly
/// `rows`; weight = synthetic adult population of the cluster / its respondents.
///
/// Answers to scored items follow a latent model on the logit scale: province effect (sd 3.5
/// points; the published top and bottom provinces placed high and low), cluster effect (sd 2
/// points), element and item effects (sd 0.15 and 0.1 logit, a few points) and a respondent effect
/// (sd 0.6 logit, which makes a respondent's items correlate), then one logit shift, computed from
/// the model, that puts the expected mean of provincial overall indices (the instrument's rollup,
/// unweighted within provinces; ``IndexWeights``) on the level. Codes: satisfied → 4
/// or 5, else 1, 2 or 3 (mostly 3); 3 % "don't know" (the scale's last excluded code), 1 % blank.
/// Other questions: choice lists with uneven probabilities, numbers within their constraints,
/// blanks where `relevant` is false. See ``SampleFrame`` and ``RowFiller``.
///
/// The file is UTF-8 without BOM, LF line ends, columns in form order then `data_source` (always
/// `synthetic`), written in 1 MB chunks.
public enum SampleGenerator {
    @discardableResult
    public static func write(instrument: Instrument, spec: SampleSpec, to url: URL) throws -> SampleSummary {
        guard spec.rows > 0 else { throw StatsError.invalid(.sampleRows(spec.rows)) }
        guard spec.communesPerProvince > 0 else {
            throw StatsError.invalid(.communesPerProvince(spec.communesPerProvince))
        }
        guard spec.instrumentId.isEmpty || spec.instrumentId == instrument.id else {
            throw StatsError.invalid(.sampleInstrument(expected: spec.instrumentId, actual: instrument.id))
        }
        if let years = instrument.years, !years.contains(spec.year) {
            let range = "\(years.from)–\(years.to.map(String.init) ?? "")"
            throw StatsError.invalid(.instrumentYear(instrument: instrument.id, range: range, year: spec.year))
        }
        let (level, source) =
            spec.level.map { ($0, "given") } ?? SampleSpec.defaultLevel(family: instrument.family, year: spec.year)
        guard level > 0, level < 1 else { throw StatsError.invalid(.sampleLevel(level)) }
        guard !instrument.scoredQuestions.isEmpty else {
            throw StatsError.invalid(.noScoredQuestions(instrument: instrument.id))
        }

        let random = RandomSource(seed: spec.seed)
        let frame = SampleFrame(instrument: instrument, spec: spec, level: level, random: random)
        let fill = try RowFiller(instrument: instrument, year: spec.year, random: random)

        guard let handle = OutputFile.open(url.path) else {
            throw StatsError.invalid(.cannotCreate(path: url.path))
        }
        defer { try? handle.close() }
        let writer = CSVWriter()
        // Last column: the synthetic-data marker every output made from the file shows (``DataProvenance``).
        var buffer = writer.line(instrument.questions.map(\.name) + [DataProvenance.column])
        let items = frame.scoredIndices.count
        // Per province and scored item: satisfied and valid answers.
        var satisfied = [Int](repeating: 0, count: frame.provinces.count * items)
        var valid = [Int](repeating: 0, count: frame.provinces.count * items)
        var serial = 0
        for cluster in frame.clusters {
            for _ in 0..<cluster.respondents {
                serial += 1
                let row = fill.row(serial: serial, cluster: cluster, frame: frame)
                let base = cluster.provinceIndex * items
                for (k, outcome) in row.outcomes.enumerated() where outcome > 0 {
                    valid[base + k] += 1
                    if outcome == 2 { satisfied[base + k] += 1 }
                }
                buffer += writer.line(row.fields + [DataProvenance.syntheticValue])
                if buffer.utf8.count > 1 << 20 {
                    try handle.write(contentsOf: Data(buffer.utf8))
                    buffer = ""
                }
            }
        }
        try handle.write(contentsOf: Data(buffer.utf8))

        var shares: [SampleSummary.ProvinceShare] = []
        for (p, province) in frame.provinces.enumerated() {
            let range = (p * items)..<((p + 1) * items)
            let yes = satisfied[range].reduce(0, +)
            let total = valid[range].reduce(0, +)
            guard total > 0 else { continue }
            // The overall index: Σ weight × item share (items without a valid answer left out).
            var index = 0.0
            var weightUsed = 0.0
            for (k, w) in frame.indexWeights.enumerated() where valid[p * items + k] > 0 {
                index += w * Double(satisfied[p * items + k]) / Double(valid[p * items + k])
                weightUsed += w
            }
            shares.append(
                .init(
                    code: province.code, name: province.name, share: Double(yes) / Double(total),
                    index: weightUsed > 0 ? index / weightUsed : 0))
        }
        func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(max(values.count, 1)) }
        return SampleSummary(
            rows: serial, provinces: shares.count, clusters: frame.clusters.filter { $0.respondents > 0 }.count,
            level: level, levelSource: source,
            meanOfProvinceShares: mean(shares.map(\.share)), meanOfProvinceIndices: mean(shares.map(\.index)),
            provinceShares: shares
        )
    }
}
