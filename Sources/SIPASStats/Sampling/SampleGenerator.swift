import Foundation
import SIPASCore
import SIPASImport
import SIPASInstruments

/// Writes a deterministic synthetic response file for any instrument, with GSL random numbers.
///
/// Design (like SIPAS 2024, methodology §3.3): every province of the survey year is a stratum
/// (63 before 2025, 34 from 2025); in each, clusters (communes, or the instrument's cluster column:
/// hospitals, schools) are the PSUs — 6 per pre-2025 province, so a merged province has 6 per
/// province it absorbed; respondents are spread evenly over clusters; weight = synthetic adult
/// population of the cluster / its respondents.
///
/// Answers to scored items follow a latent model on the logit scale: province effect (sd 3.5 points,
/// published top and bottom provinces placed high and low), cluster effect (sd 2 points), element and
/// item effects (sd 1 point each) and a respondent effect (sd 0.6 on the logit scale, which makes
/// items correlate); the level is corrected for the respondent effect (E expit(a + u) ≈
/// expit(a/√(1 + πσ²/8))). Then 3 % "don't know" (the scale's last excluded code), 1 % blank.
/// Other questions: choice lists with decreasing probabilities, numbers within their constraints,
/// blanks where `relevant` is false.
public enum SampleGenerator {
    public static func write(instrument: Instrument, spec: SampleSpec, to url: URL) throws -> SampleSummary {
        guard spec.rows > 0 else { throw StatsError.invalidArgument("--rows must be positive") }
        let random = RandomSource(seed: spec.seed)
        let (level, source) = spec.level.map { ($0, "given") } ?? SampleSpec.defaultLevel(family: instrument.family, year: spec.year)
        guard level > 0, level < 1 else { throw StatsError.invalidArgument("the level must be between 0 and 100 %") }
        let frame = SampleFrame(instrument: instrument, spec: spec, level: level, random: random)
        let fill = try RowFiller(instrument: instrument, year: spec.year, random: random)

        guard FileManager.default.createFile(atPath: url.path, contents: nil), let handle = FileHandle(forWritingAtPath: url.path) else {
            throw StatsError.invalidArgument("cannot create \(url.path)")
        }
        defer { try? handle.close() }
        let writer = CSVWriter()
        var buffer = writer.line(instrument.questions.map(\.name))
        var satisfied: [String: (yes: Double, valid: Double)] = [:]
        var serial = 0
        for cluster in frame.clusters {
            for _ in 0..<cluster.respondents {
                serial += 1
                let row = fill.row(serial: serial, cluster: cluster, frame: frame)
                satisfied[cluster.province.code, default: (0, 0)].yes += row.satisfied
                satisfied[cluster.province.code, default: (0, 0)].valid += row.valid
                buffer += writer.line(row.fields)
                if buffer.utf8.count > 1 << 20 {
                    handle.write(Data(buffer.utf8))
                    buffer = ""
                }
            }
        }
        handle.write(Data(buffer.utf8))
        let shares = satisfied.values.filter { $0.valid > 0 }.map { $0.yes / $0.valid }
        return SampleSummary(
            rows: serial, provinces: frame.provinces.count, clusters: frame.clusters.count, level: level,
            levelSource: source, meanOfProvinceShares: shares.reduce(0, +) / Double(max(shares.count, 1))
        )
    }
}

/// Provinces, clusters and their latent satisfaction levels.
struct SampleFrame {
    struct Cluster {
        var province: Province
        var code: String
        var commune: String
        var respondents: Int
        var weightBase: Double
        /// Latent logit of satisfaction for the cluster.
        var logit: Double
    }

    let provinces: [Province]
    var clusters: [Cluster] = []
    /// Latent logit shift per scored item.
    var itemShift: [String: Double] = [:]
    /// Respondent effect sd (logit scale).
    let respondentSD = 0.6
    /// Logit shift that makes the expected mean of provincial shares equal the level.
    var calibration = 0.0

    init(instrument: Instrument, spec: SampleSpec, level: Double, random: RandomSource) {
        let catalog = ProvinceCatalog.official
        provinces = catalog.provinces(forYear: spec.year)
        let correction = (1 + Double.pi * respondentSD * respondentSD / 8).squareRoot()
        let published = SampleSpec.published[spec.year]
        var counts: [Int] = []
        var drafts: [(Province, Double)] = []
        for province in provinces {
            // A post-2025 province has as many clusters as the old provinces it absorbed.
            let absorbed = spec.year >= 2025 ? max(1, catalog.rows.filter { $0.new.code == province.code }.count) : 1
            counts.append(spec.clustersPerProvince * absorbed)
            var share = level + random.gaussian(sd: 0.035)
            if published?.top.contains(province.name) ?? false { share = level + 0.06 + random.gaussian(sd: 0.01) }
            if published?.bottom.contains(province.name) ?? false { share = level - 0.07 + random.gaussian(sd: 0.01) }
            drafts.append((province, share))
        }
        let totalClusters = counts.reduce(0, +)
        var assigned = 0
        var clusterIndex = 0
        for (p, (province, share)) in drafts.enumerated() {
            var used = Set<Int>()
            for _ in 0..<counts[p] {
                var number = 1 + random.uniformInt(below: 998)
                while used.contains(number) { number = 1 + random.uniformInt(below: 998) }
                used.insert(number)
                let commune = province.code + String(format: "%03d", number)
                let code = instrument.design.cluster == "commune_code" || instrument.design.cluster == nil
                    ? commune : (instrument.family == "health" ? "BV" : "TR") + commune
                // Rows spread as evenly as possible over all clusters.
                let respondents = (spec.rows * (clusterIndex + 1)) / totalClusters - assigned
                assigned += respondents
                clusterIndex += 1
                let clusterShare = min(0.995, max(0.2, share + random.gaussian(sd: 0.02)))
                let population = 6000 * exp(random.gaussian(sd: 0.5))
                clusters.append(Cluster(province: province, code: code, commune: commune, respondents: respondents,
                                        weightBase: population, logit: log(clusterShare / (1 - clusterShare)) * correction))
            }
        }
        for area in instrument.areas {
            for element in area.elements {
                let elementShift = random.gaussian(sd: 0.1)
                for q in instrument.scoredQuestions where q.area == area.name && q.element == element.name {
                    itemShift[q.name] = elementShift + random.gaussian(sd: 0.1)
                }
            }
        }
        for q in instrument.scoredQuestions where itemShift[q.name] == nil { itemShift[q.name] = random.gaussian(sd: 0.1) }
        // Centre the shifts so that items differ without moving the overall level.
        let mean = itemShift.values.reduce(0, +) / Double(max(itemShift.count, 1))
        for key in itemShift.keys { itemShift[key]! -= mean }
        calibration = calibrate(to: level)
    }

    /// The logit shift Δ solving mean_provinces mean_clusters,items E[expit(a_c + s_j + Δ + u)] = level,
    /// u ~ N(0, σ²) integrated on a 41-point grid, by bisection. This aims the model, not the output:
    /// the generated share still varies with the sample (about ±0.3 points on 12 000 rows).
    private func calibrate(to level: Double) -> Double {
        let grid = (-20...20).map { Double($0) / 20 * 4 * respondentSD }
        let density = grid.map { exp(-$0 * $0 / (2 * respondentSD * respondentSD)) }
        let densityTotal = density.reduce(0, +)
        let shifts = Array(itemShift.values)
        let byProvince = Dictionary(grouping: clusters, by: { $0.province.code })
        func expected(_ delta: Double) -> Double {
            var total = 0.0
            for clustersOfProvince in byProvince.values {
                var share = 0.0
                for cluster in clustersOfProvince {
                    for shift in shifts {
                        for (u, d) in zip(grid, density) { share += d / (1 + exp(-(cluster.logit + shift + delta + u))) }
                    }
                }
                total += share / (densityTotal * Double(clustersOfProvince.count * max(shifts.count, 1)))
            }
            return total / Double(max(byProvince.count, 1))
        }
        var low = -3.0, high = 3.0
        for _ in 0..<30 {
            let middle = (low + high) / 2
            if expected(middle) < level { low = middle } else { high = middle }
        }
        return (low + high) / 2
    }
}
