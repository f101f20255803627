import SIPASCore

extension SurveyAccumulator {
    /// The attribute positions a cell must be grouped on for this plan: every breakdown attribute,
    /// the unit of `mean_of_units` and the year.
    public var cellAttributes: [Int] {
        Array(Set(plan.breakdowns.flatMap(\.attributes) + [plan.unitAttribute, plan.yearAttribute].compactMap { $0 }))
            .sorted()
    }

    /// Adds the pre-summed statistics of several records (a server-side aggregation's output).
    /// - Throws: ``StatsError/invalid(_:)`` with ``StatsError/Argument/cellSums(stratum:cluster:sums:items:)``
    ///   for a cell whose sums do not fit the plan's items, or
    ///   ``StatsError/Argument/cellFPCDiffers(fpc:earlier:stratum:)`` for a finite population
    ///   correction that differs within a stratum; ``StatsError/invalidWeight(_:)`` for a
    ///   non-positive weight sum.
    public mutating func add(_ cell: ResponseCell) throws {
        guard cell.sums.count == ItemSlot.count * plan.layout.items.count,
            cell.attributes.count == plan.layout.attributeNames.count
        else {
            throw StatsError.invalid(
                .cellSums(
                    stratum: cell.stratum, cluster: cell.cluster, sums: cell.sums.count, items: plan.layout.items.count)
            )
        }
        guard cell.weightSum.isFinite, cell.weightSum > 0, cell.rows > 0 else {
            throw StatsError.invalidWeight("cell \(cell.stratum)/\(cell.cluster): \(cell.weightSum)")
        }
        let psu = PSUKey(stratum: cell.stratum, cluster: cell.cluster)
        if let fpc = cell.populationPSUs {
            if let known = fpcByStratum[psu.stratum], known != fpc {
                throw StatsError.invalid(.cellFPCDiffers(fpc: fpc, earlier: known, stratum: psu.stratum))
            }
            fpcByStratum[psu.stratum] = fpc
        }
        psusByStratum[psu.stratum, default: []].insert(psu.cluster)
        addCounts(rows: cell.rows, weight: cell.weightSum, year: plan.yearAttribute.map { cell.attributes[$0] })
        // The per-PSU vector ends with the row count and the weight sum (ItemSlot.rowsIndex, weightIndex).
        let sums = cell.sums + [Double(cell.rows), cell.weightSum]
        addSums(sums, rows: cell.rows, weight: cell.weightSum, psu: psu, to: .all)
        for (index, breakdown) in plan.breakdowns.enumerated() {
            let key = DomainKey(
                breakdown: index,
                values: breakdown.attributes.map { attribute in
                    breakdown.value(cell.attributes[attribute], attribute: attribute, plan: plan.recodes)
                })
            addSums(sums, rows: cell.rows, weight: cell.weightSum, psu: psu, to: key)
        }
        if let unit = plan.unitAttribute {
            addSums(sums, rows: cell.rows, weight: cell.weightSum, psu: psu, to: Self.unitKey(cell.attributes[unit]))
        }
    }

    private mutating func addSums(_ sums: [Double], rows: Int, weight: Double, psu: PSUKey, to key: DomainKey) {
        var totals = domains.removeValue(forKey: key) ?? DomainTotals()
        totals.rows += rows
        totals.weightSum += weight
        var existing = totals.perPSU.removeValue(forKey: psu) ?? [Double](repeating: 0, count: sums.count)
        for i in existing.indices { existing[i] += sums[i] }
        totals.perPSU[psu] = existing
        domains[key] = totals
    }
}
