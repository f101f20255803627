import Foundation
import SIPASCore
import SIPASInstruments

/// Provinces, clusters and their latent satisfaction levels: everything drawn before the rows.
///
/// Draw order (fixed, so a seed always gives the same file): province effects in code order,
/// then each province's clusters (number, population, effect), then element and item effects in
/// form order. Nothing iterates a dictionary, whose order changes between processes.
struct SampleFrame {
    struct Cluster {
        var province: Province
        /// Index of the province in ``SampleFrame/provinces``.
        var provinceIndex: Int
        /// Value of the design's cluster column (the commune code, or a hospital / school code).
        var code: String
        /// Synthetic commune code: province code + 3 digits ("01023").
        var commune: String
        var respondents: Int
        /// Synthetic adult population (or patients, pupils) the cluster's respondents represent.
        var population: Double
        /// Latent logit of satisfaction for the cluster, before calibration.
        var logit: Double

        /// Design weight: population / respondents (varies between clusters).
        var weight: Double { population / Double(max(respondents, 1)) }
        /// The weight as the file writes it, "%.2f", made once (not once per row).
        let weightText: String

        init(
            province: Province, provinceIndex: Int, code: String, commune: String, respondents: Int, population: Double,
            logit: Double
        ) {
            self.province = province
            self.provinceIndex = provinceIndex
            self.code = code
            self.commune = commune
            self.respondents = respondents
            self.population = population
            self.logit = logit
            weightText = String(format: "%.2f", population / Double(max(respondents, 1)))
        }
    }

    /// Respondent effect sd on the logit scale: makes a respondent's answers correlate.
    static let respondentSD = 0.6
    /// Province effect sd (share points), cluster effect sd, element and item effect sd (logit).
    static let provinceSD = 0.035
    static let clusterSD = 0.02
    static let elementSD = 0.15
    static let itemSD = 0.10

    let provinces: [Province]
    /// Target share of each province before calibration (level + province effect).
    private(set) var provinceTargets: [Double] = []
    private(set) var clusters: [Cluster] = []
    /// Latent logit shift per question (form order); 0 for questions that are not scored.
    private(set) var itemShift: [Double]
    /// Indices (form order) of the scored questions.
    private(set) var scoredIndices: [Int] = []
    /// Weight of each scored question in the overall index (aligned with `scoredIndices`).
    let indexWeights: [Double]
    /// Logit shift that makes the expected mean of provincial shares equal the level.
    private(set) var calibration = 0.0

    init(instrument: Instrument, spec: SampleSpec, level: Double, random: RandomSource) {
        let catalog = ProvinceCatalog.official
        provinces = catalog.provinces(forYear: spec.year)
        itemShift = Array(repeating: 0, count: instrument.questions.count)
        indexWeights = IndexWeights.of(instrument)
        drawProvinces(instrument: instrument, year: spec.year, level: level, random: random)
        drawClusters(instrument: instrument, spec: spec, catalog: catalog, random: random)
        drawItems(instrument: instrument, random: random)
        calibration = calibrate(to: level)
    }

    /// Province effects: the published top and bottom provinces (SIPAS 2023, 2024) at their fixed
    /// distances from the level, the others normal with sd 3.5 points (kept between the placed ones
    /// in those years, within ±2.3 sd otherwise).
    private mutating func drawProvinces(instrument: Instrument, year: Int, level: Double, random: RandomSource) {
        let placed = instrument.family == "sipas" ? PublishedFigures.placed[year] ?? [:] : [:]
        let bounds = instrument.family == "sipas" ? PublishedFigures.unplacedBounds[year] : nil
        let allowed = bounds ?? (-2.3 * Self.provinceSD)...(2.3 * Self.provinceSD)
        for province in provinces {
            var effect: Double
            if let fixed = placed[province.code] {
                effect = fixed + random.gaussian(sd: 0.003)
            } else {
                repeat { effect = random.gaussian(sd: Self.provinceSD) } while !allowed.contains(effect)
            }
            provinceTargets.append(min(0.985, max(0.30, level + effect)))
        }
    }

    /// Clusters: `communesPerProvince` per pre-2025 province (a merged 2025 province gets that many
    /// per old province it absorbed), distinct synthetic commune numbers, rows spread as evenly as
    /// possible so that the total is exactly `rows`, log-normal populations.
    private mutating func drawClusters(
        instrument: Instrument, spec: SampleSpec, catalog: ProvinceCatalog, random: RandomSource
    ) {
        let counts = provinces.map { province in
            spec.communesPerProvince
                * (spec.year >= 2025 ? max(1, catalog.rows.filter { $0.new.code == province.code }.count) : 1)
        }
        let total = counts.reduce(0, +)
        let clusterColumn = instrument.design.cluster ?? "commune_code"
        let prefix = clusterColumn.contains("hospital") ? "BV" : clusterColumn.contains("school") ? "TR" : "C"
        let correction = (1 + Double.pi * Self.respondentSD * Self.respondentSD / 8).squareRoot()
        var assigned = 0
        var index = 0
        for (p, province) in provinces.enumerated() {
            var used = Set<Int>()
            for _ in 0..<counts[p] {
                var number = 1 + random.uniformInt(below: 998)
                while used.contains(number) { number = 1 + random.uniformInt(below: 998) }
                used.insert(number)
                let commune = province.code + String(format: "%03d", number)
                let code = clusterColumn == "commune_code" ? commune : prefix + commune
                index += 1
                let respondents = spec.rows * index / total - assigned
                assigned += respondents
                let share = min(0.995, max(0.2, provinceTargets[p] + random.gaussian(sd: Self.clusterSD)))
                let population = (6000 * exp(random.gaussian(sd: 0.5))).rounded()
                // × correction: undoes the pull towards 1/2 of averaging over respondent effects
                // (E expit(a + u) ≈ expit(a / √(1 + πσ²/8))); the calibration does the rest.
                clusters.append(
                    Cluster(
                        province: province, provinceIndex: p, code: code, commune: commune,
                        respondents: respondents, population: population,
                        logit: log(share / (1 - share)) * correction))
            }
        }
    }

    /// Element effects (sd 0.15 logit ≈ 2 points) and item effects within them (sd 0.1), centred
    /// (with the index weights) so that items differ without moving the level.
    private mutating func drawItems(instrument: Instrument, random: RandomSource) {
        let scored = Set(instrument.scoredQuestions.map(\.name))
        var elementShift: [String: Double] = [:]
        for (i, q) in instrument.questions.enumerated() where scored.contains(q.name) {
            let key = "\(q.area ?? "")/\(q.element ?? "")"
            if elementShift[key] == nil { elementShift[key] = random.gaussian(sd: Self.elementSD) }
            itemShift[i] = elementShift[key]! + random.gaussian(sd: Self.itemSD)
            scoredIndices.append(i)
        }
        guard !scoredIndices.isEmpty else { return }
        let mean = zip(scoredIndices, indexWeights).map { itemShift[$0] * $1 }.reduce(0, +)
        for i in scoredIndices { itemShift[i] -= mean }
    }

    /// The logit shift Δ solving mean_provinces mean_rows Σ_j w_j E[expit(a_c + s_j + Δ + u)] = level
    /// (w_j: the index weights, so the target is the overall index of the instrument's rollup),
    /// u ~ N(0, σ²) integrated on a 41-point grid, by bisection. This aims the model, not the
    /// output: the generated share still varies with the sample (a few tenths of a point).
    private func calibrate(to level: Double) -> Double {
        let sd = Self.respondentSD
        let grid = (-20...20).map { Double($0) / 20 * 4 * sd }
        let density = grid.map { exp(-$0 * $0 / (2 * sd * sd)) }
        let densityTotal = density.reduce(0, +)
        let shifts = scoredIndices.map { itemShift[$0] }
        guard !shifts.isEmpty else { return 0 }
        var byProvince = [[Cluster]](repeating: [], count: provinces.count)
        for cluster in clusters where cluster.respondents > 0 { byProvince[cluster.provinceIndex].append(cluster) }
        byProvince.removeAll { $0.isEmpty }
        func expected(_ delta: Double) -> Double {
            var total = 0.0
            for members in byProvince {
                var share = 0.0
                var rows = 0.0
                for cluster in members {
                    var clusterShare = 0.0
                    for (shift, w) in zip(shifts, indexWeights) where w > 0 {
                        var item = 0.0
                        for (u, d) in zip(grid, density) { item += d / (1 + exp(-(cluster.logit + shift + delta + u))) }
                        clusterShare += w * item
                    }
                    share += clusterShare * Double(cluster.respondents)
                    rows += Double(cluster.respondents)
                }
                total += share / (densityTotal * rows)
            }
            return total / Double(max(byProvince.count, 1))
        }
        var low = -4.0
        var high = 4.0
        for _ in 0..<32 {
            let middle = (low + high) / 2
            if expected(middle) < level { low = middle } else { high = middle }
        }
        return (low + high) / 2
    }

}
