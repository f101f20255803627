import SIPASCore
import SIPASInstruments
import SIPASStats

/// The JSON style of every document sipas writes (docs/json.md, docs/sipas-output.schema.json):
/// snake_case keys; shares, their standard errors, limits and changes in percent (84.3, not 0.843);
/// means in score points; an absent value is `null` or left out; labels in the output's language.
/// These records map the statistics' own types onto that style.
enum MachineRecords {
    /// An estimate in the result records' units (`scale` 100 for shares, 1 for means).
    struct EstimateRecord: Encodable {
        var estimate: Double
        var se: Double
        var ciLow: Double?
        var ciHigh: Double?
        var ciMethod: String
        var df: Int
        var n: Int
        var nExcluded: Int

        enum CodingKeys: String, CodingKey {
            case estimate
            case se
            case ciLow = "ci_low"
            case ciHigh = "ci_high"
            case ciMethod = "ci_method"
            case df
            case n
            case nExcluded = "n_excluded"
        }

        init(_ e: Estimate, scale: Double = 100) {
            estimate = e.value * scale
            se = e.standardError * scale
            ciLow = e.ciLow.map { $0 * scale }
            ciHigh = e.ciHigh.map { $0 * scale }
            ciMethod = e.ciMethod.rawValue
            df = e.degreesOfFreedom
            n = e.n
            nExcluded = e.nExcluded
        }
    }

    /// The design as seen in the data.
    struct DesignRecord: Encodable {
        var records: Int
        var weightSum: Double
        var strata: Int
        var psus: Int
        var df: Int
        var lonelyStrata: [String]
        var lonelyPSU: String

        enum CodingKeys: String, CodingKey {
            case records
            case weightSum = "weight_sum"
            case strata
            case psus
            case df
            case lonelyStrata = "lonely_strata"
            case lonelyPSU = "lonely_psu"
        }

        init(_ d: DesignSummary) {
            records = d.records
            weightSum = d.weightSum
            strata = d.strata
            psus = d.psus
            df = d.degreesOfFreedom
            lonelyStrata = d.lonelyStrata
            lonelyPSU = d.lonelyPSU
        }
    }

    /// Where a plan's targets are judged.
    struct ScopeRecord: Encodable {
        var unit: String
        var groupVariable: String?
        var groupValue: String?
        var note: String
        var dataYear: Int?

        enum CodingKeys: String, CodingKey {
            case unit
            case groupVariable = "group_variable"
            case groupValue = "group_value"
            case note
            case dataYear = "data_year"
        }

        init(_ s: TargetScope, language: Language) {
            unit = s.unit.text(language)
            groupVariable = s.group?.variable
            groupValue = s.group?.values.joined(separator: "*")
            note = s.note.text(language)
            dataYear = s.dataYear
        }
    }

    /// One target and its verdict; the threshold, gap and changes in percent (points).
    struct TargetRecord: Encodable {
        var family: String
        var indicator: String
        var label: String
        var part: String?
        /// `at_least` (≥), `above` (>) or `higher_than` (a change above 0 since `higher_than_year`).
        var comparison: String
        var threshold: Double?
        var higherThanYear: Int?
        var dueYear: Int
        var dataYear: Int?
        var status: String
        var pointStatus: String?
        var groupVariable: String?
        var groupValue: String?
        var estimate: EstimateRecord?
        var gap: Double?
        var yearlyChangeNeeded: Double?
        var change: Double?
        var changeSE: Double?
        var changeCILow: Double?
        var changeCIHigh: Double?
        var changePValue: Double?
        var note: String?

        enum CodingKeys: String, CodingKey {
            case family
            case indicator
            case label
            case part
            case comparison
            case threshold
            case higherThanYear = "higher_than_year"
            case dueYear = "due_year"
            case dataYear = "data_year"
            case status
            case pointStatus = "point_status"
            case groupVariable = "group_variable"
            case groupValue = "group_value"
            case estimate
            case gap
            case yearlyChangeNeeded = "yearly_change_needed"
            case change
            case changeSE = "change_se"
            case changeCILow = "change_ci_low"
            case changeCIHigh = "change_ci_high"
            case changePValue = "change_p_value"
            case note
        }

        init(_ a: TargetAssessment, language: Language) {
            let t = a.target
            family = t.family
            indicator = t.indicator
            label = t.label.text(language)
            part = t.part
            comparison = t.higherThan != nil ? "higher_than" : t.minimum != nil ? "at_least" : "above"
            threshold = t.higherThan == nil ? t.threshold : nil
            higherThanYear = t.higherThan
            dueYear = a.dueYear
            dataYear = a.dataYear
            status = a.status.rawValue
            pointStatus = a.pointStatus?.rawValue
            groupVariable = a.group?.variable
            groupValue = a.group?.values.joined(separator: "*")
            estimate = a.estimate.map { EstimateRecord($0) }
            gap = a.gap
            yearlyChangeNeeded = a.yearlyChangeNeeded
            change = a.change.map { $0.estimate * 100 }
            changeSE = a.change.map { $0.standardError * 100 }
            changeCILow = a.change?.ciLow.map { $0 * 100 }
            changeCIHigh = a.change?.ciHigh.map { $0 * 100 }
            changePValue = a.change?.pValue
            note = a.note?.text(language)
        }
    }

    /// How the groups of one breakdown moved between the last two years.
    struct MovementRecord: Encodable {
        var variable: String
        var up: Int
        var down: Int
        var unchanged: Int
        var significantlyUp: Int
        var significantlyDown: Int
        var rankUp: Int
        var rankDown: Int
        var rankSame: Int

        enum CodingKeys: String, CodingKey {
            case variable
            case up
            case down
            case unchanged
            case significantlyUp = "significantly_up"
            case significantlyDown = "significantly_down"
            case rankUp = "rank_up"
            case rankDown = "rank_down"
            case rankSame = "rank_same"
        }

        init(_ m: YearComparison.Movement) {
            variable = m.variable
            up = m.up
            down = m.down
            unchanged = m.unchanged
            significantlyUp = m.significantlyUp
            significantlyDown = m.significantlyDown
            rankUp = m.rankUp
            rankDown = m.rankDown
            rankSame = m.rankSame
        }
    }

    /// A pre-merger year's national figure, as published and regrouped into the 34 units.
    struct BaselineRecord: Encodable {
        var year: String
        var published: EstimateRecord
        var publishedNote: String?
        var regrouped: EstimateRecord
        var regroupedUnits: Int
        var changeUses: String

        enum CodingKeys: String, CodingKey {
            case year
            case published
            case publishedNote = "published_note"
            case regrouped
            case regroupedUnits = "regrouped_units"
            case changeUses = "change_uses"
        }

        init(_ b: NationalBaseline) {
            year = b.year
            published = EstimateRecord(b.published)
            publishedNote = b.publishedNote
            regrouped = EstimateRecord(b.regrouped)
            regroupedUnits = b.regroupedUnits
            changeUses = b.changeUses
        }
    }
}
