import SIPASCore
import SIPASImport

/// Byte strings interned to small ids (FNV-1a hash, then an exact comparison of the bytes).
struct ByteInterner {
    private var first: [UInt64: Int32] = [:]
    private var next: [Int32] = []
    private(set) var keys: [[UInt8]] = []

    /// The id of the bytes `a` (followed by 0x1F and `b` when given); `isNew` for a first sighting.
    mutating func id(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>? = nil, hash: UInt64) -> (id: Int32, isNew: Bool) {
        var candidate = first[hash] ?? -1
        while candidate >= 0 {
            if Self.matches(keys[Int(candidate)], a, b) { return (candidate, false) }
            candidate = next[Int(candidate)]
        }
        let id = Int32(keys.count)
        var key = Array(a)
        if let b { key.append(0x1f); key.append(contentsOf: b) }
        keys.append(key)
        next.append(first[hash] ?? -1)
        first[hash] = id
        return (id, true)
    }

    private static func matches(_ key: [UInt8], _ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>?) -> Bool {
        guard key.count == a.count + (b.map { $0.count + 1 } ?? 0) else { return false }
        for i in 0..<a.count where key[i] != a[i] { return false }
        if let b {
            guard key[a.count] == 0x1f else { return false }
            for i in 0..<b.count where key[a.count + 1 + i] != b[i] { return false }
        }
        return true
    }
}

/// The sums of the PSUs routed to one shard (see ``FastAccumulator``).
final class FastShard: @unchecked Sendable {
    let plan: AnalysisPlan
    private let items: Int
    private let width: Int
    /// Attributes whose values make domains or counts: breakdowns, unit, year.
    private let needed: [Int]
    private var psus = ByteInterner()
    private var psuKeys: [PSUKey] = []
    private var values: [Int: ByteInterner] = [:]
    private var domainOfKey: [DomainKey: Int32] = [.all: 0]
    private var domainKeys: [DomainKey] = [.all]
    private var domainRows: [Int] = [0]
    private var domainWeights: [Double] = [0]
    private var breakdownDomains: [[[Int32]: Int32]]
    private var unitDomains: [Int32: Int32] = [:]
    private var yearCounts: [Int32: Int] = [:]
    private var slots: [UInt64: Int] = [:]
    private var slotList: [(domain: Int32, psu: Int32, offset: Int)] = []
    private var sums: [Double] = []
    /// Per item: codes counted as excluded (the plan's don't-know codes).
    private let excluded: [Set<Int>]
    private var valueIds: [Int32]
    /// The current row's items: state (0 blank, 1 excluded, 2 valid, 3 valid and satisfied) and code.
    private var states: [UInt8]
    private var codes: [Int]
    /// State of codes 0..<64 per item for the fast rows (`item * 64 + code`), made at the first block.
    private var table: [UInt8] = []
    private static let tableWidth = 64

    init(plan: AnalysisPlan) {
        self.plan = plan
        items = plan.layout.items.count
        width = DomainTotals.slots * items + 2
        needed = Array(Set(plan.breakdowns.flatMap(\.attributes) + [plan.unitAttribute, plan.yearAttribute].compactMap { $0 })).sorted()
        breakdownDomains = plan.breakdowns.map { _ in [:] }
        excluded = plan.excludedCodes
        valueIds = Array(repeating: 0, count: plan.layout.attributeNames.count)
        states = Array(repeating: 0, count: items)
        codes = Array(repeating: 0, count: items)
    }

    /// The state of code `c` of item `j` (a record's don't-know codes, then the plan's).
    private func state(_ j: Int, _ c: Int, recordExcluded: Set<Int>) -> UInt8 {
        if recordExcluded.contains(c) || excluded[j].contains(c) { return 1 }
        return plan.satisfiedCodes[j].contains(c) ? 3 : 2
    }

    static func fnv(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01b3
        }
        return h
    }

    /// The shard hash of a record: FNV-1a of its stratum, 0x1F and cluster, as ``FastBatch``.
    static func hash(_ record: ResponseRecord) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in record.stratum.utf8 + [0x1f] + record.cluster.utf8 {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01b3
        }
        return h
    }

    /// Adds the rows of `block` whose PSU hash falls in `shard`, in input order.
    func add(_ block: FastBlock, hashes: [UInt64], shard: Int, of count: Int) {
        let columns = block.columns
        let width = columns.count
        let empty = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        if table.isEmpty {
            table = (0..<(items * Self.tableWidth)).map { k in state(k / Self.tableWidth, k % Self.tableWidth, recordExcluded: columns.excluded[k / Self.tableWidth]) }
        }
        for entry in block.order {
            if entry < 0 {
                let index = Int(~entry)
                if Int(hashes[index] % UInt64(count)) == shard { add(block.records[index]) }
                continue
            }
            let batch = block.batches[Int(entry >> 32)]
            let rank = Int(entry & 0xFFFF_FFFF)
            let hash = batch.psuHashes[rank]
            guard Int(hash % UInt64(count)) == shard else { continue }
            let fields = rank * width
            func cell(_ column: Int?) -> UnsafeBufferPointer<UInt8> {
                guard let column else { return empty }
                let s = Int(batch.starts[fields + column]), e = Int(batch.ends[fields + column])
                return UnsafeBufferPointer(start: block.bytes + s, count: e - s)
            }
            let psu = psuId(cell(columns.strata), cell(columns.cluster), hash: hash)
            for a in needed { valueIds[a] = valueId(a, cell(columns.attributes[a])) }
            let first = rank * items
            for j in 0..<items {
                let code = batch.codes[first + j]
                if code == FastBatch.blank {
                    states[j] = 0
                } else {
                    let c = Int(code)
                    codes[j] = c
                    states[j] = c >= 0 && c < Self.tableWidth ? table[j * Self.tableWidth + c] : state(j, c, recordExcluded: columns.excluded[j])
                }
            }
            accumulate(psu: psu, weight: batch.weights[rank])
        }
    }

    /// Adds a record of the full importer.
    func add(_ record: ResponseRecord) {
        let stratum = Array(record.stratum.utf8), cluster = Array(record.cluster.utf8)
        let psu = stratum.withUnsafeBufferPointer { s in cluster.withUnsafeBufferPointer { c in psuId(s, c, hash: Self.hash(record)) } }
        for a in needed {
            let value = Array(record.attributes[a].utf8)
            valueIds[a] = value.withUnsafeBufferPointer { valueId(a, $0) }
        }
        for j in 0..<items {
            switch record.answers[j] {
            case .blank: states[j] = 0
            case .excluded(let code): states[j] = 1; codes[j] = code
            case .code(let code): states[j] = state(j, code, recordExcluded: []); codes[j] = code
            }
        }
        accumulate(psu: psu, weight: record.weight)
    }

    private func psuId(_ stratum: UnsafeBufferPointer<UInt8>, _ cluster: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32 {
        let (id, isNew) = psus.id(stratum, cluster, hash: hash)
        if isNew {
            psuKeys.append(PSUKey(stratum: String(decoding: stratum, as: UTF8.self), cluster: String(decoding: cluster, as: UTF8.self)))
        }
        return id
    }

    private func valueId(_ attribute: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        values[attribute, default: ByteInterner()].id(bytes, hash: Self.fnv(bytes)).id
    }

    private func value(_ attribute: Int, _ id: Int32) -> String {
        String(decoding: values[attribute]!.keys[Int(id)], as: UTF8.self)
    }

    private func domain(_ key: DomainKey) -> Int32 {
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
    private func accumulate(psu: Int32, weight: Double) {
        if let year = plan.yearAttribute { yearCounts[valueIds[year], default: 0] += 1 }
        add(to: 0, psu: psu, weight: weight)
        for (index, breakdown) in plan.breakdowns.enumerated() {
            let ids = breakdown.attributes.map { valueIds[$0] }
            let d: Int32
            if let known = breakdownDomains[index][ids] {
                d = known
            } else {
                d = domain(DomainKey(breakdown: index, values: breakdown.attributes.map { attribute in
                    let value = self.value(attribute, valueIds[attribute])
                    return plan.recodes[attribute]?[value] ?? value
                }))
                breakdownDomains[index][ids] = d
            }
            add(to: d, psu: psu, weight: weight)
        }
        if let unit = plan.unitAttribute {
            let id = valueIds[unit]
            let d = unitDomains[id] ?? domain(SurveyAccumulator.unitKey(value(unit, id)))
            unitDomains[id] = d
            add(to: d, psu: psu, weight: weight)
        }
    }

    private func add(to domain: Int32, psu: Int32, weight w: Double) {
        domainRows[Int(domain)] += 1
        domainWeights[Int(domain)] += w
        let key = UInt64(UInt32(bitPattern: domain)) << 32 | UInt64(UInt32(bitPattern: psu))
        let offset: Int
        if let known = slots[key] {
            offset = known
        } else {
            offset = sums.count
            sums.append(contentsOf: repeatElement(0, count: width))
            slots[key] = offset
            slotList.append((domain, psu, offset))
        }
        let slots = DomainTotals.slots
        let items = self.items, width = self.width
        let states = self.states, codes = self.codes
        sums.withUnsafeMutableBufferPointer { s in
            for j in 0..<items {
                let state = states[j]
                if state == 0 { continue }
                let base = offset + slots * j
                if state == 1 {
                    s[base + 4] += 1
                    continue
                }
                let c = codes[j]
                let satisfied: Double = state == 3 ? 1 : 0
                s[base] += w * 1
                s[base + 1] += w * satisfied
                s[base + 2] += w * Double(c)
                s[base + 3] += 1
                s[base + 5] += w * Double(c * c)
            }
            s[offset + width - 2] += 1
            s[offset + width - 1] += w
        }
    }

    /// Puts this shard's sums into `accumulator` (its PSUs are in no other shard).
    func export(into accumulator: inout SurveyAccumulator) {
        for (d, key) in domainKeys.enumerated() where domainRows[d] > 0 {
            var totals = accumulator.domains.removeValue(forKey: key) ?? DomainTotals()
            totals.rows += domainRows[d]
            totals.weightSum += domainWeights[d]
            accumulator.domains[key] = totals
        }
        for slot in slotList {
            let key = domainKeys[Int(slot.domain)]
            accumulator.domains[key]!.perPSU[psuKeys[Int(slot.psu)]] = Array(sums[slot.offset..<(slot.offset + width)])
        }
        for psu in psuKeys { accumulator.psusByStratum[psu.stratum, default: []].insert(psu.cluster) }
        if let year = plan.yearAttribute {
            for (id, count) in yearCounts { accumulator.yearCounts[value(year, id), default: 0] += count }
        }
    }
}
