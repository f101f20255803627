import Foundation

/// A provincial-level unit (tỉnh / thành phố trực thuộc trung ương).
public struct Province: Hashable, Sendable, Codable {
    /// Two-digit GSO code, kept as a string ("01").
    public var code: String
    public var name: String

    public init(code: String, name: String) {
        self.code = code
        self.name = name.nfc
    }
}

/// The 63 provinces in use until 30 June 2025, the 34 in force from 1 July 2025, and the official
/// crosswalk between them (Resolution 202/2025/QH15; codes from Decision 19/2025/QĐ-TTg).
///
/// The data are `Resources/vn-provinces-2025.csv`, compiled into the binary.
/// Always map old to new through ``newProvince(forOldCode:)``: an old code equal to a new code
/// does not mean the same territory (old 15 Yên Bái is part of new 15 Lào Cai).
public struct ProvinceCatalog: Sendable {
    public struct Row: Hashable, Sendable {
        public var old: Province
        public var new: Province
        public var merged: Bool
    }

    public let rows: [Row]
    /// Provinces by ``ProvinceNames/key(_:)`` of their name, in each coding (made once, for matching names).
    let oldByNameKey: [String: Province]
    let newByNameKey: [String: Province]

    /// The catalogue shipped with sipas.
    public static let official: ProvinceCatalog = {
        let text = String(decoding: PackageResources.vn_provinces_2025_csv, as: UTF8.self)
        do {
            return try ProvinceCatalog(csv: text)
        } catch {
            preconditionFailure("the compiled-in province crosswalk is malformed: \(error)")
        }
    }()

    public init(rows: [Row]) {
        self.rows = rows
        oldByNameKey = Dictionary(
            rows.map { (ProvinceNames.key($0.old.name), $0.old) }, uniquingKeysWith: { a, _ in a })
        newByNameKey = Dictionary(
            rows.map { (ProvinceNames.key($0.new.name), $0.new) }, uniquingKeysWith: { a, _ in a })
    }

    /// Parses `old_code,old_name,new_code,new_name,merged`.
    public init(csv: String) throws {
        var rows: [Row] = []
        let records = try CSVReader().records(csv, file: "vn-provinces-2025.csv")
        guard let header = records.first, header.fields == ["old_code", "old_name", "new_code", "new_name", "merged"]
        else { throw CrosswalkError.badHeader }
        for record in records.dropFirst() {
            let f = record.fields
            guard f.count == 5, f[4] == "yes" || f[4] == "no" else {
                throw CrosswalkError.badRow(record.row)
            }
            rows.append(
                Row(old: Province(code: f[0], name: f[1]), new: Province(code: f[2], name: f[3]), merged: f[4] == "yes")
            )
        }
        self.init(rows: rows)
    }

    /// Provinces in force before 1 July 2025 (63), in code order.
    public var provincesBefore2025: [Province] {
        rows.map(\.old).sorted { $0.code < $1.code }
    }

    /// Provinces in force from 1 July 2025 (34), in code order.
    public var provincesFrom2025: [Province] {
        var seen = Set<String>()
        return rows.map(\.new).filter { seen.insert($0.code).inserted }.sorted { $0.code < $1.code }
    }

    /// The provinces a survey of `year` uses: the 34 new ones from 2025 on (the reorganisation took
    /// effect on 1 July 2025 and SIPAS fieldwork runs in the second half of the year).
    public func provinces(forYear year: Int) -> [Province] {
        year >= 2025 ? provincesFrom2025 : provincesBefore2025
    }

    /// Old code → new code, for regrouping pre-2025 data into the 34 provinces.
    public var newCodeOfOldCode: [String: String] {
        Dictionary(uniqueKeysWithValues: rows.map { ($0.old.code, $0.new.code) })
    }

    /// The merged provinces, described as "Bắc Ninh (24) ← Bắc Giang (24) + Bắc Ninh (27)", in new-code order.
    public var mergeDescriptions: [String] {
        provincesFrom2025.compactMap { new in
            let parts = rows.filter { $0.new.code == new.code }
            guard parts.count > 1 else { return nil }
            return "\(new.name) (\(new.code)) ← "
                + parts.map { "\($0.old.name) (\($0.old.code))" }.joined(separator: " + ")
        }
    }

    public func newProvince(forOldCode code: String) -> Province? {
        rows.first { $0.old.code == code }?.new
    }

    /// The province name for a code, looked up in the coding of `year`.
    public func name(ofCode code: String, year: Int) -> String? {
        provinces(forYear: year).first { $0.code == code }?.name
    }

    public enum CrosswalkError: Error, Sendable, Hashable {
        case badHeader
        case badRow(Int)
    }
}
