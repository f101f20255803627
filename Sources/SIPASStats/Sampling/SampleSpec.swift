import SIPASCore
import SIPASInstruments

/// What synthetic sample to make.
public struct SampleSpec: Hashable, Sendable {
    /// The instrument the sample is for (its `id`); empty to accept whichever instrument is passed.
    public var instrumentId: String
    public var year: Int
    public var rows: Int
    public var seed: UInt
    /// Target share satisfied (0–1) for the unweighted mean of provincial overall indices; nil for the
    /// published or assumed level of the instrument's family and year (``SampleSpec/defaultLevel``).
    public var level: Double?
    /// Clusters (communes, or hospitals / schools when the design names another cluster column) per
    /// pre-2025 province. A 2025 province gets this many per old province it absorbed.
    public var communesPerProvince: Int

    public init(
        instrumentId: String = "", year: Int, rows: Int, seed: UInt, level: Double? = nil, communesPerProvince: Int = 6
    ) {
        self.instrumentId = instrumentId
        self.year = year
        self.rows = rows
        self.seed = seed
        self.level = level
        self.communesPerProvince = communesPerProvince
    }

    /// The level the generator aims at when none is given: the published national figure where
    /// one exists, else an assumption (the second value says which).
    /// - sipas: 2019 84.45, 2020 85.48, 2021 87.16, 2022 80.08, 2023 82.66, 2024 83.94 (Bộ Nội vụ
    ///   national reports); other years 84.5 (assumed: 2024 plus about half of the recent yearly rise).
    /// - health: 80.8 (inpatient satisfaction 2018, Bộ Y tế); education: 88 (assumed, between the
    ///   85 % target of QĐ 2034/QĐ-BGDĐT and TP.HCM's 90.2 % in 2023); land / construction: 80
    ///   (assumed; land procedures are the lowest-rated domain in every published breakdown).
    public static func defaultLevel(family: String, year: Int) -> (level: Double, source: String) {
        switch family {
        case "sipas":
            if let published = PublishedFigures.sipasNational[year] {
                return (published, "published national SIPAS \(year)")
            }
            return (0.845, "assumed (no published figure for \(year))")
        case "health": return (0.808, "published inpatient satisfaction 2018 (assumed for \(year))")
        case "education": return (0.88, "assumed")
        case "land": return (0.80, "assumed")
        default: return (0.80, "assumed (unknown family '\(family)')")
        }
    }
}

/// Published figures the synthetic data imitate (methodology §4).
enum PublishedFigures {
    /// National SIPAS, share satisfied (0–1).
    static let sipasNational: [Int: Double] = [
        2019: 0.8445, 2020: 0.8548, 2021: 0.8716, 2022: 0.8008, 2023: 0.8266, 2024: 0.8394,
    ]

    /// Provinces placed at fixed distances (share points) from the national level, by old GSO code.
    /// 2023, at their published distances from 82.66: Quảng Ninh 90.61, Thái Nguyên 90.29, Hải Dương
    /// 90.23, Hải Phòng 88.90, Gia Lai 83.84, Hà Nội 83.57, Đà Nẵng 83.38, Cần Thơ 83.12, Hồ Chí Minh
    /// 81.78, Bắc Kạn 75.03. 2024: Hà Nội 86.50 against 83.94, and the published top and bottom five
    /// in their published order (those distances are assumed).
    static let placed: [Int: [String: Double]] = [
        2023: [
            "22": 0.0795, "19": 0.0763, "30": 0.0757, "31": 0.0624, "64": 0.0118,
            "01": 0.0091, "48": 0.0072, "92": 0.0046, "79": -0.0088, "06": -0.0763,
        ],
        2024: [
            "31": 0.070, "19": 0.066, "30": 0.062, "22": 0.059, "77": 0.056, "01": 0.0256,
            "51": -0.054, "89": -0.058, "49": -0.062, "20": -0.068, "06": -0.075,
        ],
    ]

    /// Bounds (share points around the level) for the provinces not placed, in years with placed
    /// provinces: the others stay between the published bottom and top.
    static let unplacedBounds: [Int: ClosedRange<Double>] = [
        2023: -0.055...0.060,
        2024: -0.045...0.048,
    ]
}

/// What the generator made.
public struct SampleSummary: Hashable, Sendable {
    public struct ProvinceShare: Hashable, Sendable {
        public var code: String
        public var name: String
        /// Satisfied answers / valid answers over all scored items of the province's rows.
        public var share: Double
        /// The province's overall index under the instrument's rollup, unweighted (0–1).
        public var index: Double
    }

    public var rows: Int
    public var provinces: Int
    public var clusters: Int
    public var level: Double
    public var levelSource: String
    /// Unweighted mean over provinces of the share of satisfied answers among valid scored answers
    /// (all scored items pooled).
    public var meanOfProvinceShares: Double
    /// Unweighted mean over provinces of their overall index (the instrument's rollup of item
    /// shares, unweighted within provinces): the figure the level is aimed at.
    public var meanOfProvinceIndices: Double
    /// Each province's share, in code order.
    public var provinceShares: [ProvinceShare]
}
