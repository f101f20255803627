import SIPASInstruments

/// The weight of each scored question in a unit's overall index under the instrument's rollup
/// (element = mean of items or its "in general" item; area = mean of elements or of items;
/// overall = mean of areas, of elements, or the overall item). Every step is a mean, so the overall
/// index is Σ weight × item share: the generator aims this at the level, not the pooled share.
enum IndexWeights {
    /// Weights aligned with `instrument.scoredQuestions`, summing to 1. Equal weights when the
    /// rollup selects no question (an instrument without areas, say).
    static func of(_ instrument: Instrument) -> [Double] {
        let scored = instrument.scoredQuestions
        let rollup = instrument.rollup
        var weights = [Double](repeating: 0, count: scored.count)

        if rollup.overall == .overallItem {
            let overall = scored.indices.filter { instrument.role(of: scored[$0]) == .overall }
            for i in overall { weights[i] = 1 / Double(overall.count) }
            return normalised(weights)
        }

        /// Items standing for an element: its `item` questions, or its "in general" question.
        func members(area: String, element: String) -> [Int] {
            let inElement = scored.indices.filter { scored[$0].area == area && scored[$0].element == element }
            let role: QuestionRole = rollup.element == .overallItem ? .elementOverall : .item
            return inElement.filter { instrument.role(of: scored[$0]) == role }
        }
        /// Weights within one area, summing to 1 (or all 0 if nothing is selected).
        func areaWeights(_ area: Area) -> [Int: Double] {
            var out: [Int: Double] = [:]
            let groups = area.elements.map { members(area: area.name, element: $0.name) }.filter { !$0.isEmpty }
            switch rollup.area {
            case .meanOfElements:
                for group in groups { for i in group { out[i, default: 0] += 1 / Double(groups.count * group.count) } }
            case .meanOfItems:
                let all = groups.flatMap { $0 }
                for i in all { out[i, default: 0] += 1 / Double(all.count) }
            }
            return out
        }

        switch rollup.overall {
        case .meanOfAreas:
            let perArea = instrument.areas.map(areaWeights).filter { !$0.isEmpty }
            for area in perArea { for (i, w) in area { weights[i] += w / Double(perArea.count) } }
        case .meanOfElements, .overallItem:
            let groups = instrument.areas.flatMap { area in
                area.elements.map { members(area: area.name, element: $0.name) }
            }
            .filter { !$0.isEmpty }
            for group in groups { for i in group { weights[i] += 1 / Double(groups.count * group.count) } }
        }
        return normalised(weights)
    }

    private static func normalised(_ weights: [Double]) -> [Double] {
        let total = weights.reduce(0, +)
        guard total > 0 else {
            return weights.isEmpty ? [] : Array(repeating: 1 / Double(weights.count), count: weights.count)
        }
        return weights.map { $0 / total }
    }
}
