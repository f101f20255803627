import SIPASCore
import SIPASInstruments

/// Agencies (cơ quan, đơn vị: departments, district and commune People's Committees) ranked within
/// their province on one indicator (the overall index by default), as provincial plans ask.
///
/// Each agency is a domain of the full design (the crossing `province_code*agency_code*agency_name`
/// of ``breakdown(for:)``). Within a province, agencies with at least `minimumN` respondents are
/// ranked by their estimate (highest first; equal estimates by code); an agency whose 95 % CI overlaps
/// the CI of the agency ranked just above or just below is flagged `tied`: the data do not order the
/// two. Agencies below `minimumN` are listed as "not enough answers" and not ranked. Rows without an
/// agency code are left out.
public struct AgencyRanking: Hashable, Sendable, Codable {
    public struct Entry: Hashable, Sendable, Codable {
        public var provinceCode: String
        public var agencyCode: String
        public var agencyName: String
        /// The indicator's share, nil when the agency has no valid answer.
        public var estimate: Estimate?
        /// Respondents of the agency.
        public var n: Int
        /// 1 for the highest estimate; nil when not ranked (fewer than `minimumN` respondents).
        public var rank: Int?
        /// The CI overlaps the CI of a neighbour in the ranking.
        public var tied: Bool
        /// Agencies ranked in the province.
        public var ranked: Int
    }

    /// Entries by province (province codes ascending), ranked agencies first, then the small ones by code.
    public var entries: [Entry]
    public var minimumN: Int
    public var indicator: String

    /// The breakdown that holds the agencies: province × agency code (× agency name when the
    /// instrument asks it); nil when the instrument has no `agency_code` question.
    public static func breakdown(for instrument: Instrument) -> String? {
        guard instrument.question(named: "agency_code") != nil else { return nil }
        let province = instrument.questions.first { $0.lookup == "province" }?.name ?? "province_code"
        return instrument.question(named: "agency_name") != nil
            ? "\(province)*agency_code*agency_name" : "\(province)*agency_code"
    }

    /// `breakdowns` with `agency` replaced by the instrument's agency breakdown (kept as written
    /// when the instrument has none, so that the plan reports it as an unknown column).
    public static func resolving(_ breakdowns: [String]?, for instrument: Instrument) -> [String]? {
        breakdowns?.map { $0 == "agency" ? breakdown(for: instrument) ?? $0 : $0 }
    }

    /// - Parameters:
    ///   - variable: the breakdown's name in `result` (``breakdown(for:)``).
    ///   - minimumN: the fewest respondents for an agency to be ranked.
    public init(result: AnalysisResult, variable: String, minimumN: Int, indicator: String = "overall") {
        self.minimumN = minimumN
        self.indicator = indicator
        var byProvince: [String: [Entry]] = [:]
        for row in result.results
        where row.group.variable == variable && row.indicator.id == indicator && row.statistic == .share {
            let values = row.group.values
            guard values.count >= 2, !values[1].isEmpty else { continue }
            let entry = Entry(
                provinceCode: values[0], agencyCode: values[1], agencyName: values.count > 2 ? values[2] : "",
                estimate: row.estimate, n: row.estimate?.n ?? 0, rank: nil, tied: false, ranked: 0)
            byProvince[values[0], default: []].append(entry)
        }
        var entries: [Entry] = []
        for province in byProvince.keys.sorted() {
            let all = byProvince[province]!
            var ranked = all.filter { $0.estimate != nil && $0.n >= minimumN }
                .sorted { ($0.estimate!.value, $1.agencyCode) > ($1.estimate!.value, $0.agencyCode) }
            for i in ranked.indices {
                ranked[i].rank = i + 1
                ranked[i].ranked = ranked.count
                let above = i > 0 ? Self.overlap(ranked[i - 1].estimate!, ranked[i].estimate!) : false
                let below = i + 1 < ranked.count ? Self.overlap(ranked[i].estimate!, ranked[i + 1].estimate!) : false
                ranked[i].tied = above || below
            }
            let small = all.filter { $0.estimate == nil || $0.n < minimumN }.sorted { $0.agencyCode < $1.agencyCode }
                .map { entry in
                    var e = entry
                    e.ranked = ranked.count
                    return e
                }
            entries += ranked + small
        }
        self.entries = entries
    }

    /// Two CIs overlap (a missing limit counts as overlapping: nothing tells the two apart).
    static func overlap(_ a: Estimate, _ b: Estimate) -> Bool {
        guard let aLow = a.ciLow, let aHigh = a.ciHigh, let bLow = b.ciLow, let bHigh = b.ciHigh else { return true }
        return aLow <= bHigh && bLow <= aHigh
    }
}
