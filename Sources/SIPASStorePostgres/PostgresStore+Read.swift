import Foundation
import PostgresNIO
import SIPASCore
import SIPASStore

extension PostgresStore {
    /// The batches the connected role may see, in load order.
    public func batches() async throws -> [BatchInfo] {
        try await batches(where: "true", [])
    }

    /// The batches in force that hold responses of the selection (and that the role may read).
    /// - Throws: ``StoreError/Kind/noResponses(year:instrument:)``, ``StoreError/Kind/severalInstruments(_:)``.
    public func select(_ selection: ResponseSelection) async throws -> SelectionSummary {
        var binds = PostgresBindings()
        var sql = "SELECT b.id, count(*) FROM batch b JOIN response r ON r.batch_id = b.id WHERE b.replaced_by IS NULL"
        if let year = selection.year {
            binds.append(year, context: .default)
            sql += " AND r.year = $\(binds.count)"
        }
        if let instrument = selection.instrumentID {
            binds.append(instrument, context: .default)
            sql += " AND b.instrument_id = $\(binds.count)"
        }
        if let names = selection.batches {
            binds.append(names, context: .default)
            sql += " AND b.name = ANY($\(binds.count))"
        }
        var counts: [Int64: Int] = [:]
        for try await (id, n) in try await query(PostgresQuery(unsafeSQL: sql + " GROUP BY b.id", binds: binds)).decode(
            (Int64, Int).self)
        {
            counts[id] = n
        }
        let batches = try await batches(
            where: "id = ANY($1::bigint[])", ["{" + counts.keys.map(String.init).joined(separator: ",") + "}"])
        let instruments = Array(Set(batches.map(\.instrumentID))).sorted()
        guard let instrument = instruments.first else {
            throw StoreError(.noResponses(year: selection.year, instrument: selection.instrumentID), store: location)
        }
        guard instruments.count == 1 else { throw StoreError(.severalInstruments(instruments), store: location) }
        return SelectionSummary(instrumentID: instrument, batches: batches, responses: counts.values.reduce(0, +))
    }

    /// Aggregates the selected responses on the server into one ``ResponseCell`` per stratum ×
    /// cluster × values of `groupAttributes` (0-based layout positions); the answers never leave
    /// the server. `satisfied[j]` and `excluded[j]` are item j's satisfied and "don't know" codes.
    /// A row's `codes` and `excluded` arrays are derived from its answers when it was stored
    /// without them (every row loaded since migration v6).
    /// - Complexity: O(rows × items) on the server; O(cells × items) sent back.
    public func aggregate(
        _ selection: SelectionSummary, year: Int?, layout: RecordLayout, groupAttributes: [Int],
        satisfied: [[Int]], excluded: [[Int]]
    ) async throws -> [ResponseCell] {
        let keys = groupAttributes.map { "r.attributes[\($0 + 1)]" }
        let ids = "{" + selection.batches.map { String($0.id) }.joined(separator: ",") + "}"
        let filter = "r.batch_id = ANY('\(ids)'::bigint[])" + (year.map { " AND r.year = \($0)" } ?? "")
        func array(_ sets: [[Int]]) -> String {
            sets.map { $0.map(String.init).joined(separator: ",") }.joined(separator: "|")
        }
        let cellKey = (["r.stratum", "r.cluster", "coalesce(r.population_psus, 'NaN'::double precision)"] + keys)
            .joined(separator: ", ")
        let groupCount = 3 + keys.count
        let sums = """
            WITH p AS (SELECT j::integer AS j, string_to_array(sat, ',', '')::integer[] AS sat, string_to_array(exc, ',', '')::integer[] AS exc
                       FROM unnest(string_to_array($1, '|'), string_to_array($2, '|')) WITH ORDINALITY AS t(sat, exc, j)),
            a AS (SELECT \(cellKey), p.j, r.weight AS w, r.codes[p.j]::double precision AS code, r.codes[p.j] = ANY(p.sat) AS ok,
                         (r.codes[p.j] IS NOT NULL AND (p.j = ANY(r.excluded) OR r.codes[p.j] = ANY(p.exc))) AS dk
                  FROM (SELECT stratum, cluster, population_psus, attributes, weight,
                               coalesce(codes, \(StoredRowCodec.postgresCodes(of: "answers"))) AS codes,
                               coalesce(excluded, \(StoredRowCodec.postgresExcluded(of: "answers"))) AS excluded
                        FROM response r WHERE \(filter) OFFSET 0) r CROSS JOIN p)
            SELECT \((1...groupCount).map { "g\($0)" }.joined(separator: ", ")), j,
                   \(ItemSlot.allCases.map(\.sqlAggregate).joined(separator: ",\n                   "))
            FROM a AS a(\((1...groupCount).map { "g\($0)" }.joined(separator: ", ")), j, w, code, ok, dk)
            GROUP BY \((1...groupCount).map { "g\($0)" }.joined(separator: ", ")), j
            """
        var binds = PostgresBindings()
        binds.append(array(satisfied), context: .default)
        binds.append(array(excluded), context: .default)
        var cells: [[String]: ResponseCell] = [:]
        func cell(_ values: [String], _ fpc: Double) -> ResponseCell {
            var attributes = [String](repeating: "", count: layout.attributeNames.count)
            for (k, position) in groupAttributes.enumerated() { attributes[position] = values[k] }
            return ResponseCell(
                stratum: values[values.count - 2], cluster: values[values.count - 1],
                populationPSUs: fpc.isNaN ? nil : fpc,
                attributes: attributes, rows: 0, weightSum: 0,
                sums: [Double](repeating: 0, count: ItemSlot.count * layout.items.count))
        }
        let rows = try await query(PostgresQuery(unsafeSQL: sums, binds: binds))
        for try await row in rows {
            let it = row.makeRandomAccess()
            let stratum = try it[0].decode(String.self)
            let cluster = try it[1].decode(String.self)
            let fpc = try it[2].decode(Double.self)
            let values = try (0..<keys.count).map { try it[3 + $0].decode(String?.self) ?? "" } + [stratum, cluster]
            let key = values + [String(fpc)]
            let j = try it[groupCount].decode(Int.self) - 1
            var current = cells[key] ?? cell(values, fpc)
            for slot in ItemSlot.allCases {
                current.sums[slot.index(item: j)] = try it[groupCount + 1 + slot.rawValue].decode(Double.self)
            }
            cells[key] = current
        }
        let counts = "SELECT \(cellKey), count(*), sum(r.weight) FROM response r WHERE \(filter) GROUP BY \(cellKey)"
        for try await row in try await query(PostgresQuery(unsafeSQL: counts)) {
            let it = row.makeRandomAccess()
            let stratum = try it[0].decode(String.self)
            let cluster = try it[1].decode(String.self)
            let fpc = try it[2].decode(Double.self)
            let values = try (0..<keys.count).map { try it[3 + $0].decode(String?.self) ?? "" } + [stratum, cluster]
            let key = values + [String(fpc)]
            var current = cells[key] ?? cell(values, fpc)
            current.rows = try it[groupCount].decode(Int.self)
            current.weightSum = try it[groupCount + 1].decode(Double.self)
            cells[key] = current
        }
        return cells.keys.sorted { $0.lexicographicallyPrecedes($1) }.compactMap { cells[$0] }
    }

    func batches(where condition: String, _ arguments: [String]) async throws -> [BatchInfo] {
        var binds = PostgresBindings()
        for argument in arguments { binds.append(argument, context: .default) }
        let sql = """
            SELECT id, name, team::text, file_name, sha256, instrument_id, method_version, rows_read, accepted, rejected,
                   loaded_at, replaced_by, synthetic_rows FROM batch WHERE \(condition) ORDER BY id
            """
        var found: [BatchInfo] = []
        for try await row in try await query(PostgresQuery(unsafeSQL: sql, binds: binds)) {
            let c = row.makeRandomAccess()
            var info = BatchInfo(
                id: try c[0].decode(Int64.self), name: try c[1].decode(String.self), team: try c[2].decode(String.self),
                fileName: try c[3].decode(String.self), sha256: try c[4].decode(String.self),
                instrumentID: try c[5].decode(String.self),
                methodVersion: try c[6].decode(String.self), rowsRead: Int(try c[7].decode(Int32.self)),
                accepted: Int(try c[8].decode(Int32.self)), rejected: Int(try c[9].decode(Int32.self)),
                loadedAt: try c[10].decode(String.self), replacedBy: try c[11].decode(Int64?.self))
            info.syntheticRows = Int(try c[12].decode(Int32.self))
            found.append(info)
        }
        return found
    }
}

extension PostgresStore {
    /// The single integer a query returns (for checks and tests), as the connected role.
    public func rawCount(_ sql: String) async throws -> Int {
        var count = 0
        do {
            for try await n in try await query(PostgresQuery(unsafeSQL: sql)).decode(Int.self) { count = n }
        } catch {
            throw Self.translate(error, store: location)
        }
        return count
    }
}
