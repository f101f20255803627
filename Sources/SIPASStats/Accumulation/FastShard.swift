import Foundation
import SIPASBlocks
import SIPASCore

/// The sums of the PSUs routed to one shard (see ``FastAccumulator``).
///
/// The class only owns the state; the work happens in ``ShardState``'s mutating methods, where
/// every access is checked for exclusivity at compile time (a class's stored properties are checked
/// at run time, on every access, which in this per-row code is a large share of the work).
final class FastShard: @unchecked Sendable {
    private var state: ShardState

    init(plan: AnalysisPlan) { state = ShardState(plan: plan) }

    deinit { state.deallocate() }

    /// Adds the rows of `block` whose PSU hash falls in `shard`, in input order.
    func add(_ block: FastBlock, hashes: [UInt64], shard: Int, of count: Int) {
        state.add(block, hashes: hashes, shard: shard, of: count)
    }

    /// Adds a record of the full importer.
    func add(_ record: ResponseRecord) { state.add(record) }

    /// Puts this shard's sums into `accumulator` (its PSUs are in no other shard).
    func export(into accumulator: inout SurveyAccumulator) { state.export(into: &accumulator) }

    /// The shard hash of a record (``PSUHash``, as ``FastBatch`` computes it from the bytes).
    @inline(__always)
    static func hash(_ record: ResponseRecord) -> UInt64 {
        PSUHash.hash(stratum: record.stratum, cluster: record.cluster)
    }
}

/// One shard's domains, PSUs and sums. Its per-row buffers are ``UnsafeGrowableBuffer``s, freed
/// by ``deallocate()`` (called once, by ``FastShard``).
struct ShardState {
    private let plan: AnalysisPlan
    private let items: Int
    private let width: Int
    /// Attributes whose values make domains or counts: breakdowns, unit, year.
    private let needed: [Int]
    private let breakdownAttributes: [[Int]]
    private var psus = ByteInterner()
    private var psuKeys: [PSUKey] = []
    private var values: [ByteInterner]
    private var domainOfKey: [DomainKey: Int32] = [.all: 0]
    private var domainKeys: [DomainKey] = [.all]
    private var domainRows = UnsafeGrowableBuffer<Int>()
    private var domainWeights = UnsafeGrowableBuffer<Double>()
    /// Per breakdown of one or two attributes: its domain by the attributes' value ids packed in a word.
    private var breakdownDomains: [WordTable]
    /// Per breakdown of more attributes: its domain by the value ids.
    private var wideBreakdownDomains: [[[Int32]: Int32]]
    /// Per value id of the unit attribute: its domain (-1: none yet).
    private var unitDomains: [Int32] = []
    /// Rows per value id of the year attribute.
    private var yearCounts = UnsafeGrowableBuffer<Int>()
    /// Slot of each (domain, PSU) seen: its sums are `sums[slot * width ..< (slot + 1) * width]`.
    private var slots = WordTable()
    /// The slot of each PSU in the whole-sample domain (-1: none yet), looked up without hashing.
    private var allSlots: [Int32] = []
    private var slotList: [(domain: Int32, psu: Int32)] = []
    private var sums = UnsafeGrowableBuffer<Double>(capacity: 1 << 12)
    /// Per item: codes counted as excluded (the plan's don't-know codes).
    private let excluded: [Set<Int>]
    /// State of codes 0..<64 per item for the fast rows (`item * 64 + code`), made at the first block.
    private var table: [UInt8] = []
    private static let tableWidth = 64

    init(plan: AnalysisPlan) {
        self.plan = plan
        items = plan.layout.items.count
        width = ItemSlot.weightIndex(items: items) + 1
        needed = Self.neededAttributes(of: plan)
        breakdownAttributes = plan.breakdowns.map { Array($0.attributes) }
        breakdownDomains = plan.breakdowns.map { _ in WordTable() }
        wideBreakdownDomains = plan.breakdowns.map { _ in [:] }
        values = Array(repeating: ByteInterner(), count: plan.layout.attributeNames.count)
        excluded = plan.excludedCodes
        domainRows.append(0)
        domainWeights.append(0)
    }

    /// The attributes whose values a shard reads: breakdowns, unit, year (as layout indices).
    static func neededAttributes(of plan: AnalysisPlan) -> [Int] {
        Array(Set(plan.breakdowns.flatMap(\.attributes) + [plan.unitAttribute, plan.yearAttribute].compactMap { $0 }))
            .sorted()
    }

    func deallocate() {
        domainRows.deallocate()
        domainWeights.deallocate()
        yearCounts.deallocate()
        sums.deallocate()
    }

    /// The state of code `c` of item `j` (0 blank, 1 excluded, 2 valid, 3 valid and satisfied):
    /// a record's don't-know codes, then the plan's.
    private func state(_ j: Int, _ c: Int, recordExcluded: Set<Int>) -> UInt8 {
        if recordExcluded.contains(c) || excluded[j].contains(c) { return 1 }
        return plan.satisfiedCodes[j].contains(c) ? 3 : 2
    }

    /// A row's values while it is added: item states and codes, and the value id of each attribute.
    private struct Row {
        let states: UnsafeMutablePointer<UInt8>
        let codes: UnsafeMutablePointer<Int>
        let valueIds: UnsafeMutablePointer<Int32>
        /// What the row adds to each of its domains' sums (``contribution(of:weight:)``).
        let contribution: UnsafeMutablePointer<Double>
    }

    private static func withRow<R>(items: Int, attributes: Int, width: Int, _ body: (Row) -> R) -> R {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(items, 1)) { states in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: max(items, 1)) { codes in
                withUnsafeTemporaryAllocation(of: Int32.self, capacity: max(attributes, 1)) { ids in
                    withUnsafeTemporaryAllocation(of: Double.self, capacity: width) { contribution in
                        ids.initialize(repeating: 0)
                        return body(
                            Row(
                                states: states.baseAddress!, codes: codes.baseAddress!, valueIds: ids.baseAddress!,
                                contribution: contribution.baseAddress!))
                    }
                }
            }
        }
    }

    /// Adds the rows of `block` whose PSU hash falls in `shard`, in input order.
    mutating func add(_ block: FastBlock, hashes: [UInt64], shard: Int, of count: Int) {
        let columns = block.columns
        let columnCount = columns.count
        if table.isEmpty {
            table = (0..<(items * Self.tableWidth)).map { k in
                state(k / Self.tableWidth, k % Self.tableWidth, recordExcluded: columns.excluded[k / Self.tableWidth])
            }
        }
        // Thread-private copies of what each row reads.
        let neededColumns = needed.map { columns.attributes[$0] ?? -1 }
        let strataColumn = columns.strata ?? -1
        let clusterColumn = columns.cluster
        let excludedByRecord = columns.excluded
        let table = self.table
        let items = self.items
        let bytes = block.bytes
        Self.withRow(items: items, attributes: values.count, width: width) { row in
            table.withUnsafeBufferPointer { table in
                var batchIndex = -1
                var starts = UnsafeBufferPointer<Int32>(start: nil, count: 0)
                var ends = starts
                var codes = starts
                var weights = UnsafeBufferPointer<Double>(start: nil, count: 0)
                var psuHashes = UnsafeBufferPointer<UInt64>(start: nil, count: 0)
                @inline(__always) func cell(_ fields: Int, _ column: Int) -> UnsafeBufferPointer<UInt8> {
                    guard column >= 0 else { return UnsafeBufferPointer(start: nil, count: 0) }
                    let s = Int(starts[fields + column])
                    let e = Int(ends[fields + column])
                    return UnsafeBufferPointer(start: bytes + s, count: e - s)
                }
                for entry in block.order {
                    if entry < 0 {
                        let index = Int(~entry)
                        if PSUHash.shard(of: hashes[index], among: count) == shard { add(block.records[index]) }
                        continue
                    }
                    let b = Int(entry >> 32)
                    if b != batchIndex {
                        let batch = block.batches[b]
                        batchIndex = b
                        (starts, ends, codes, weights, psuHashes) = (
                            batch.starts, batch.ends, batch.codes, batch.weights, batch.psuHashes
                        )
                    }
                    let rank = Int(entry & 0xFFFF_FFFF)
                    let hash = psuHashes[rank]
                    guard PSUHash.shard(of: hash, among: count) == shard else { continue }
                    let fields = rank * columnCount
                    let psu = psuId(cell(fields, strataColumn), cell(fields, clusterColumn), hash: hash)
                    for (k, a) in needed.enumerated() {
                        let value = cell(fields, neededColumns[k])
                        row.valueIds[a] = values[a].id(value, hash: FNV1a.hash(value)).id
                    }
                    let first = rank * items
                    for j in 0..<items {
                        let code = codes[first + j]
                        if code == FastBatch.blank {
                            row.states[j] = 0
                        } else {
                            let c = Int(code)
                            row.codes[j] = c
                            row.states[j] =
                                c >= 0 && c < Self.tableWidth
                                ? table[j * Self.tableWidth + c]
                                : state(j, c, recordExcluded: excludedByRecord[j])
                        }
                    }
                    accumulate(row, psu: psu, weight: weights[rank])
                }
            }
        }
    }

    /// Adds a record of the full importer.
    mutating func add(_ record: ResponseRecord) {
        let stratum = Array(record.stratum.utf8)
        let cluster = Array(record.cluster.utf8)
        let psu = stratum.withUnsafeBufferPointer { s in
            cluster.withUnsafeBufferPointer { c in psuId(s, c, hash: FastShard.hash(record)) }
        }
        Self.withRow(items: items, attributes: values.count, width: width) { row in
            for a in needed {
                let value = Array(record.attributes[a].utf8)
                row.valueIds[a] = value.withUnsafeBufferPointer { values[a].id($0, hash: FNV1a.hash($0)).id }
            }
            for j in 0..<items {
                switch record.answers[j] {
                case .blank: row.states[j] = 0
                case .excluded(let code):
                    row.states[j] = 1
                    row.codes[j] = code
                case .code(let code):
                    row.states[j] = state(j, code, recordExcluded: [])
                    row.codes[j] = code
                }
            }
            accumulate(row, psu: psu, weight: record.weight)
        }
    }

    private mutating func psuId(
        _ stratum: UnsafeBufferPointer<UInt8>, _ cluster: UnsafeBufferPointer<UInt8>, hash: UInt64
    ) -> Int32 {
        let (id, isNew) = psus.id(stratum, cluster, hash: hash)
        if isNew {
            psuKeys.append(
                PSUKey(
                    stratum: String(decoding: stratum, as: UTF8.self), cluster: String(decoding: cluster, as: UTF8.self)
                ))
            allSlots.append(-1)
        }
        return id
    }

    private func value(_ attribute: Int, _ id: Int32) -> String {
        String(decoding: values[attribute].key(id), as: UTF8.self)
    }

    private mutating func domain(_ key: DomainKey) -> Int32 {
        if let id = domainOfKey[key] { return id }
        let id = Int32(domainKeys.count)
        domainOfKey[key] = id
        domainKeys.append(key)
        domainRows.append(0)
        domainWeights.append(0)
        return id
    }

    /// One row's contribution to its domains × PSU, with the arithmetic of `SurveyAccumulator.add`:
    /// per item Σw, Σw·satisfied, Σw·code, count, excluded count, Σw·code²; then rows and Σw.
    private mutating func accumulate(_ row: Row, psu: Int32, weight: Double) {
        contribution(of: row, weight: weight)
        if let year = plan.yearAttribute {
            let id = Int(row.valueIds[year])
            while yearCounts.count <= id { yearCounts.append(0) }
            yearCounts[id] += 1
        }
        var slot = allSlots[Int(psu)]
        if slot < 0 {
            slot = newSlot(domain: 0, psu: psu)
            allSlots[Int(psu)] = slot
        }
        add(row, to: 0, slot: slot, weight: weight)
        for (index, attributes) in breakdownAttributes.enumerated() {
            let d: Int32
            if attributes.count <= 2 {
                var key = UInt64(0)
                for a in attributes { key = key << 32 | UInt64(UInt32(bitPattern: row.valueIds[a])) }
                let known = breakdownDomains[index].value(key)
                if known >= 0 {
                    d = known
                } else {
                    d = breakdownDomain(index, row)
                    breakdownDomains[index].insert(key, d)
                }
            } else {
                let ids = attributes.map { row.valueIds[$0] }
                if let known = wideBreakdownDomains[index][ids] {
                    d = known
                } else {
                    d = breakdownDomain(index, row)
                    wideBreakdownDomains[index][ids] = d
                }
            }
            // The slot first, in its own statement: it may grow `sums`, which `add` then reads.
            let slot = slotOf(domain: d, psu: psu)
            add(row, to: d, slot: slot, weight: weight)
        }
        if let unit = plan.unitAttribute {
            let id = Int(row.valueIds[unit])
            while unitDomains.count <= id { unitDomains.append(-1) }
            if unitDomains[id] < 0 { unitDomains[id] = domain(SurveyAccumulator.unitKey(value(unit, Int32(id)))) }
            let d = unitDomains[id]
            // The slot first, in its own statement: it may grow `sums`, which `add` then reads.
            let slot = slotOf(domain: d, psu: psu)
            add(row, to: d, slot: slot, weight: weight)
        }
    }

    /// The domain of breakdown `index` for the row's values (recoded as the plan says).
    private mutating func breakdownDomain(_ index: Int, _ row: Row) -> Int32 {
        let breakdown = plan.breakdowns[index]
        return domain(
            DomainKey(
                breakdown: index,
                values: breakdownAttributes[index].map { attribute in
                    breakdown.value(
                        self.value(attribute, row.valueIds[attribute]), attribute: attribute, plan: plan.recodes)
                }))
    }

    @inline(__always)
    private mutating func slotOf(domain: Int32, psu: Int32) -> Int32 {
        let key = UInt64(UInt32(bitPattern: domain)) << 32 | UInt64(UInt32(bitPattern: psu))
        let known = slots.value(key)
        return known >= 0 ? known : newSlot(domain: domain, psu: psu)
    }

    private mutating func newSlot(domain: Int32, psu: Int32) -> Int32 {
        let slot = Int32(slotList.count)
        sums.append(repeating: 0, count: width)
        slots.insert(UInt64(UInt32(bitPattern: domain)) << 32 | UInt64(UInt32(bitPattern: psu)), slot)
        slotList.append((domain, psu))
        return slot
    }

    /// The row's contribution, made once for all its domains, with the arithmetic of
    /// `SurveyAccumulator.add`: per item Σw, Σw·satisfied, Σw·code, count, excluded count, Σw·code²;
    /// then rows and Σw. A blank item adds +0.0, which leaves every sum as it is (no sum is ever
    /// −0.0: they start at +0.0 and w > 0), so the sums stay bit for bit the slow path's.
    private func contribution(of row: Row, weight w: Double) {
        let v = row.contribution
        for j in 0..<items {
            let state = row.states[j]
            if state < 2 {
                (v + ItemSlot.validWeight.index(item: j)).update(repeating: 0, count: ItemSlot.count)
                if state == 1 { v[ItemSlot.excludedCount.index(item: j)] = 1 }
                continue
            }
            let c = row.codes[j]
            let satisfied: Double = state == 3 ? 1 : 0
            v[ItemSlot.validWeight.index(item: j)] = w * 1
            v[ItemSlot.satisfiedWeight.index(item: j)] = w * satisfied
            v[ItemSlot.codeWeight.index(item: j)] = w * Double(c)
            v[ItemSlot.validCount.index(item: j)] = 1
            v[ItemSlot.excludedCount.index(item: j)] = 0
            v[ItemSlot.codeSquareWeight.index(item: j)] = w * Double(c * c)
        }
        v[ItemSlot.rowsIndex(items: items)] = 1
        v[ItemSlot.weightIndex(items: items)] = w
    }

    /// Adds the row's contribution to one (domain, PSU) slot: a plain loop over the sums.
    @inline(__always)
    private func add(_ row: Row, to domain: Int32, slot: Int32, weight w: Double) {
        domainRows[Int(domain)] += 1
        domainWeights[Int(domain)] += w
        let s = sums.base + Int(slot) * width
        let v = row.contribution
        for k in 0..<width { s[k] += v[k] }
    }

    /// Puts this shard's sums into `accumulator` (its PSUs are in no other shard).
    func export(into accumulator: inout SurveyAccumulator) {
        for (d, key) in domainKeys.enumerated() where domainRows[d] > 0 {
            var totals = accumulator.domains.removeValue(forKey: key) ?? DomainTotals()
            totals.rows += domainRows[d]
            totals.weightSum += domainWeights[d]
            accumulator.domains[key] = totals
        }
        for (slot, entry) in slotList.enumerated() {
            let key = domainKeys[Int(entry.domain)]
            let start = sums.base + slot * width
            accumulator.domains[key]!.perPSU[psuKeys[Int(entry.psu)]] = Array(
                UnsafeBufferPointer(start: start, count: width))
        }
        for psu in psuKeys { accumulator.psusByStratum[psu.stratum, default: []].insert(psu.cluster) }
        if let year = plan.yearAttribute {
            for id in 0..<yearCounts.count where yearCounts[id] > 0 {
                accumulator.yearCounts[value(year, Int32(id)), default: 0] += yearCounts[id]
            }
        }
    }
}
