import SIPASCore

extension DesignMessage {
    /// The rule a value of a frame, selection or responses file breaks (the end of a
    /// ``DesignMessage/badValue(file:row:column:value:rule:)`` message).
    public enum ValueRule: Sendable, Hashable, LocalizedMessage {
        /// Not a number.
        case notNumber
        /// Not a number ≥ `minimum`.
        case notNumberAtLeast(Double)
        /// Not a size ≥ 0.
        case notSize
        /// Not a whole number of households in 0…1 000 000.
        case notHouseholds
        /// Not a whole number ≥ 0.
        case notWholeNumber
        /// A stratum given twice.
        case appearsTwice
        /// An id that repeats the one of `row`.
        case repeatsID(row: Int)
        /// A standard deviation different from the stratum's first one, `deviation`, given on `row`.
        case deviationDiffers(stratum: String, deviation: Double, row: Int)
        /// Not a positive design weight.
        case notPositiveWeight
        /// Not an inclusion probability in (0, 1].
        case notProbability
        /// A design weight below 1.
        case weightBelowOne
        /// A response id that is not in the selection `file`.
        case notInSelection(file: String)
        /// A response id answered twice.
        case answeredTwice

        public var key: String {
            switch self {
            case .notNumber: return "design.value.notNumber"
            case .notNumberAtLeast: return "design.value.notNumberAtLeast"
            case .notSize: return "design.value.notSize"
            case .notHouseholds: return "design.value.notHouseholds"
            case .notWholeNumber: return "design.value.notWholeNumber"
            case .appearsTwice: return "design.value.appearsTwice"
            case .repeatsID: return "design.value.repeatsID"
            case .deviationDiffers: return "design.value.deviationDiffers"
            case .notPositiveWeight: return "design.value.notPositiveWeight"
            case .notProbability: return "design.value.notProbability"
            case .weightBelowOne: return "design.value.weightBelowOne"
            case .notInSelection: return "design.value.notInSelection"
            case .answeredTwice: return "design.value.answeredTwice"
            }
        }

        public func text(_ language: Language) -> String {
            switch self {
            case .notNumber: return language.pick(vi: "không phải số", en: "is not a number")
            case .notNumberAtLeast(let minimum):
                let bound = FrameTable.format(minimum)
                return language.pick(vi: "không phải số ≥ \(bound)", en: "is not a number ≥ \(bound)")
            case .notSize:
                return language.pick(
                    vi: "không phải quy mô ≥ 0 (bỏ dòng trống hoặc âm khỏi khung mẫu)",
                    en: "is not a size ≥ 0 (remove blank or negative sizes from the frame)")
            case .notHouseholds:
                return language.pick(
                    vi: "không phải số hộ nguyên từ 0 đến 1 000 000",
                    en: "is not a whole number of households from 0 to 1 000 000")
            case .notWholeNumber: return language.pick(vi: "không phải số nguyên ≥ 0", en: "is not a whole number ≥ 0")
            case .appearsTwice: return language.pick(vi: "có hai lần", en: "appears twice")
            case .repeatsID(let row):
                return language.pick(vi: "trùng mã ở dòng \(row)", en: "repeats the id of row \(row)")
            case .deviationDiffers(let stratum, let deviation, let row):
                return language.pick(
                    vi: "khác độ lệch chuẩn \(deviation) của tầng '\(stratum)' ở dòng \(row)",
                    en: "differs from stratum '\(stratum)''s standard deviation \(deviation) on row \(row)")
            case .notPositiveWeight:
                return language.pick(vi: "không phải trọng số dương", en: "is not a positive weight")
            case .notProbability:
                return language.pick(vi: "không phải xác suất trong (0; 1]", en: "is not a probability in (0, 1]")
            case .weightBelowOne:
                return language.pick(vi: "cho trọng số thiết kế nhỏ hơn 1", en: "gives a design weight below 1")
            case .notInSelection(let file):
                return language.pick(vi: "không có trong mẫu đã chọn \(file)", en: "is not in the selection \(file)")
            case .answeredTwice: return language.pick(vi: "trả lời hai lần", en: "answered twice")
            }
        }
    }
}
