import SIPASCore
import SIPASInstruments

/// What synthetic sample to make.
public struct SampleSpec: Hashable, Sendable {
    public var year: Int
    public var rows: Int
    public var seed: UInt
    /// Target share satisfied (0–1) for the unweighted mean of provincial indices; nil for the
    /// published or assumed level of the instrument's family and year (``SampleSpec/defaultLevel``).
    public var level: Double?
    /// Clusters (communes, hospitals, schools) per pre-2025 province.
    public var clustersPerProvince: Int

    public init(year: Int, rows: Int, seed: UInt, level: Double? = nil, clustersPerProvince: Int = 6) {
        self.year = year
        self.rows = rows
        self.seed = seed
        self.level = level
        self.clustersPerProvince = clustersPerProvince
    }

    /// Levels the generator aims at when none is given: published national figures where they exist.
    /// - sipas 2023: 82.66 %, 2024: 83.94 % (Bộ Nội vụ reports); other years: 84.5 % (assumed).
    /// - health: 80.8 % (inpatients 2018, Bộ Y tế); education: 88 % (assumed, between the 85 % target
    ///   and TP.HCM's 90.2 %); land / construction: 80 % (assumed; land is the lowest-rated domain).
    public static func defaultLevel(family: String, year: Int) -> (level: Double, source: String) {
        switch (family, year) {
        case ("sipas", 2023): return (0.8266, "published national SIPAS 2023")
        case ("sipas", 2024): return (0.8394, "published national SIPAS 2024")
        case ("sipas", _): return (0.845, "assumed")
        case ("health", _): return (0.808, "published inpatient satisfaction 2018")
        case ("education", _): return (0.88, "assumed")
        case ("land", _): return (0.80, "assumed")
        default: return (0.80, "assumed")
        }
    }

    /// Provinces published at the top and bottom of SIPAS, placed high and low in the synthetic data
    /// (2023: Quảng Ninh 90.61 … Bắc Kạn 75.03; 2024 top and bottom five).
    static let published: [Int: (top: [String], bottom: [String])] = [
        2023: (["Quảng Ninh", "Thái Nguyên", "Hải Dương", "Hải Phòng"], ["Bắc Kạn", "Cao Bằng", "Lạng Sơn", "Quảng Nam"]),
        2024: (["Hải Phòng", "Thái Nguyên", "Hải Dương", "Quảng Ninh", "Bà Rịa - Vũng Tàu"],
               ["Bắc Kạn", "Lạng Sơn", "Quảng Nam", "An Giang", "Quảng Ngãi"]),
    ]
}

/// What the generator made.
public struct SampleSummary: Hashable, Sendable {
    public var rows: Int
    public var provinces: Int
    public var clusters: Int
    public var level: Double
    public var levelSource: String
    /// Unweighted mean over provinces of the share of satisfied answers among valid scored answers.
    public var meanOfProvinceShares: Double
}
