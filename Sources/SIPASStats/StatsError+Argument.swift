import SIPASCore

extension StatsError {
    /// An argument or input of a computation that does not fit, with the values that failed; its
    /// text in Vietnamese and English comes from ``text(_:)``.
    public enum Argument: Sendable, Hashable, LocalizedMessage {
        // Distributions and GSL.
        /// A quantile of `distribution` (normal, t, F) asked for at `p` outside (0, 1).
        case quantileProbability(distribution: String, p: Double)
        /// A beta quantile asked for outside 0 ≤ p ≤ 1, a, b ≥ 0.
        case betaQuantile(p: Double, a: Double, b: Double)
        /// GSL could not allocate an n × n matrix.
        case matrixAllocation(size: Int)
        /// GSL could not allocate the key-driver regression.
        case regressionAllocation
        /// Key drivers with no more respondents than parameters.
        case tooFewRespondents(respondents: Int, parameters: Int)
        /// A Rao–Scott test with fewer than two groups that have answers.
        case tooFewGroups
        // Variance.
        /// Replicate-weight variance asked for records without replicate weights.
        case noReplicateWeights
        /// A bootstrap with fewer than 2 replicates.
        case bootstrapReplicates(Int)
        /// Bootstrap or replicate-weight variance asked for a calibrated design.
        case calibratedReplicates
        // Calibration.
        /// Calibration asked for with no calibration in the plan, or no records.
        case noCalibration
        /// A level crossing `variables` found in the sample but not in the population margin.
        case levelNotInPopulation(variables: [String], level: [String])
        /// A level of the population margin with a positive `population` and no respondent.
        case levelWithoutRespondents(variables: [String], level: [String], population: Double)
        /// Post-stratification given `count` margins instead of one.
        case postStratificationMargins(count: Int)
        /// Calibration gave a weight factor that is infinite or not a number.
        case nonFiniteCalibrationFactor
        // Accumulating records and cells.
        /// A record with `count` replicate weights where earlier records had `expected` (or none).
        case replicateWeightCount(location: SourceLocation, count: Int, expected: Int)
        /// A record's finite population correction that is not a positive number.
        case fpcNotPositive(location: SourceLocation, fpc: Double)
        /// A record's finite population correction that differs from the one given earlier for its stratum.
        case fpcDiffers(location: SourceLocation, fpc: Double, earlier: Double, stratum: String)
        /// A record's second-stage finite population correction that is not a positive number.
        case secondStageFPCNotPositive(location: SourceLocation, fpc: Double)
        /// A record's second-stage finite population correction that differs from the one given
        /// earlier for its PSU.
        case secondStageFPCDiffers(location: SourceLocation, fpc: Double, earlier: Double, psu: String)
        /// A cell (stratum/cluster) with `sums` sums for a plan of `items` items.
        case cellSums(stratum: String, cluster: String, sums: Int, items: Int)
        /// A cell's finite population correction that differs from the one given for its stratum.
        case cellFPCDiffers(fpc: Double, earlier: Double, stratum: String)
        // A margins CSV.
        /// The header does not name the variables and end with `population`.
        case marginHeader(file: String, row: Int)
        /// A row with `found` fields for the `header`'s columns.
        case marginFieldCount(file: String, row: Int, header: [String], found: Int)
        /// A population field (column `column`) that is not a count ≥ 0.
        case marginPopulation(file: String, row: Int, column: Int, value: String)
        /// A level given a second time; `firstRow` is where it was first.
        case marginLevelRepeated(file: String, row: Int, level: [String], firstRow: Int)
        // Synthetic samples.
        /// A number of rows that is not positive.
        case sampleRows(Int)
        /// A number of communes per province that is not positive.
        case communesPerProvince(Int)
        /// A sample specification for instrument `expected` applied to instrument `actual`.
        case sampleInstrument(expected: String, actual: String)
        /// A year outside the years the instrument applies to (`range`, e.g. `2021–`).
        case instrumentYear(instrument: String, range: String, year: Int)
        /// A satisfaction level (a share) that is not strictly between 0 and 1.
        case sampleLevel(Double)
        /// An instrument with no scored question.
        case noScoredQuestions(instrument: String)
        /// An output file that cannot be created.
        case cannotCreate(path: String)

        public var key: String {
            switch self {
            case .quantileProbability: return "stats.argument.quantileProbability"
            case .betaQuantile: return "stats.argument.betaQuantile"
            case .matrixAllocation: return "stats.argument.matrixAllocation"
            case .regressionAllocation: return "stats.argument.regressionAllocation"
            case .tooFewRespondents: return "stats.argument.tooFewRespondents"
            case .tooFewGroups: return "stats.argument.tooFewGroups"
            case .noReplicateWeights: return "stats.argument.noReplicateWeights"
            case .bootstrapReplicates: return "stats.argument.bootstrapReplicates"
            case .calibratedReplicates: return "stats.argument.calibratedReplicates"
            case .noCalibration: return "stats.argument.noCalibration"
            case .levelNotInPopulation: return "stats.argument.levelNotInPopulation"
            case .levelWithoutRespondents: return "stats.argument.levelWithoutRespondents"
            case .postStratificationMargins: return "stats.argument.postStratificationMargins"
            case .nonFiniteCalibrationFactor: return "stats.argument.nonFiniteCalibrationFactor"
            case .replicateWeightCount: return "stats.argument.replicateWeightCount"
            case .fpcNotPositive: return "stats.argument.fpcNotPositive"
            case .fpcDiffers: return "stats.argument.fpcDiffers"
            case .secondStageFPCNotPositive: return "stats.argument.secondStageFPCNotPositive"
            case .secondStageFPCDiffers: return "stats.argument.secondStageFPCDiffers"
            case .cellSums: return "stats.argument.cellSums"
            case .cellFPCDiffers: return "stats.argument.cellFPCDiffers"
            case .marginHeader: return "stats.argument.marginHeader"
            case .marginFieldCount: return "stats.argument.marginFieldCount"
            case .marginPopulation: return "stats.argument.marginPopulation"
            case .marginLevelRepeated: return "stats.argument.marginLevelRepeated"
            case .sampleRows: return "stats.argument.sampleRows"
            case .communesPerProvince: return "stats.argument.communesPerProvince"
            case .sampleInstrument: return "stats.argument.sampleInstrument"
            case .instrumentYear: return "stats.argument.instrumentYear"
            case .sampleLevel: return "stats.argument.sampleLevel"
            case .noScoredQuestions: return "stats.argument.noScoredQuestions"
            case .cannotCreate: return "stats.argument.cannotCreate"
            }
        }

        public func text(_ language: Language) -> String {
            switch self {
            case .quantileProbability(let distribution, let p):
                return language.pick(
                    vi: "phân vị \(distribution) cần 0 < p < 1, nhận \(p)",
                    en: "\(distribution) quantile needs 0 < p < 1, got \(p)")
            case .betaQuantile(let p, let a, let b):
                return language.pick(
                    vi: "phân vị beta cần 0 ≤ p ≤ 1 và a, b ≥ 0, nhận p=\(p) a=\(a) b=\(b)",
                    en: "beta quantile needs 0 ≤ p ≤ 1 and a, b ≥ 0, got p=\(p) a=\(a) b=\(b)")
            case .matrixAllocation(let n):
                return language.pick(
                    vi: "GSL không cấp phát được ma trận \(n) × \(n)",
                    en: "GSL could not allocate a \(n) × \(n) matrix")
            case .regressionAllocation:
                return language.pick(
                    vi: "GSL không cấp phát được bộ nhớ cho hồi quy",
                    en: "GSL could not allocate the regression")
            case .tooFewRespondents(let n, let p):
                return language.pick(
                    vi: "phân tích yếu tố tác động cần số người trả lời (\(n)) lớn hơn số tham số (\(p))",
                    en: "key drivers need more respondents (\(n)) than parameters (\(p))")
            case .tooFewGroups:
                return language.pick(
                    vi: "kiểm định cần ít nhất hai nhóm có câu trả lời",
                    en: "the test needs at least two groups with answers")
            case .noReplicateWeights:
                return language.pick(
                    vi: "phương sai theo trọng số lặp cần các trọng số lặp đi kèm bản ghi",
                    en: "replicate-weight variance needs replicate weights with the records")
            case .bootstrapReplicates(let replicates):
                return language.pick(
                    vi: "bootstrap cần ít nhất 2 lần lặp, nhận \(replicates)",
                    en: "the bootstrap needs at least 2 replicates, got \(replicates)")
            case .calibratedReplicates:
                return language.pick(
                    vi:
                        "thiết kế đã hiệu chỉnh chỉ dùng tuyến tính hoá hoặc jackknife (các lần lặp bootstrap sẽ phải hiệu chỉnh lại)",
                    en:
                        "calibrated designs take linearisation or the jackknife (bootstrap replicates would need recalibrating)"
                )
            case .noCalibration:
                return language.pick(
                    vi: "kế hoạch không khai báo hiệu chỉnh, hoặc không có bản ghi",
                    en: "no calibration declared in the plan, or no records")
            case .levelNotInPopulation(let variables, let level):
                let name = variables.joined(separator: "×")
                let value = level.joined(separator: "×")
                return language.pick(
                    vi: "hiệu chỉnh: \(name) = \(value) có trong mẫu nhưng không có trong tổng thể",
                    en: "calibration: \(name) = \(value) is in the sample but not in the population margin")
            case .levelWithoutRespondents(let variables, let level, let population):
                let name = variables.joined(separator: "×")
                let value = level.joined(separator: "×")
                return language.pick(
                    vi: "hiệu chỉnh: \(name) = \(value) có tổng thể \(population) nhưng không có người trả lời",
                    en: "calibration: \(name) = \(value) has population \(population) but no respondents")
            case .postStratificationMargins(let count):
                return language.pick(
                    vi: "hậu phân tầng nhận một biên (ghép các biến trong biên đó), nhận \(count)",
                    en: "post-stratification takes one margin (cross the variables in it), got \(count)")
            case .nonFiniteCalibrationFactor:
                return language.pick(
                    vi: "hiệu chỉnh cho hệ số trọng số không hữu hạn",
                    en: "calibration gave a non-finite weight factor")
            case .replicateWeightCount(let location, let count, let expected):
                return language.pick(
                    vi: "\(location): \(count) trọng số lặp, cần \(expected)",
                    en: "\(location): \(count) replicate weights, expected \(expected)")
            case .fpcNotPositive(let location, let fpc):
                return language.pick(
                    vi: "\(location): hệ số hiệu chỉnh tổng thể hữu hạn \(fpc) không phải số dương",
                    en: "\(location): finite population correction \(fpc) is not a positive number")
            case .fpcDiffers(let location, let fpc, let earlier, let stratum):
                return language.pick(
                    vi: "\(location): hệ số hiệu chỉnh tổng thể hữu hạn \(fpc) khác với \(earlier) "
                        + "đã cho trước đó ở tầng \(stratum)",
                    en: "\(location): finite population correction \(fpc) differs from \(earlier) "
                        + "given earlier for stratum \(stratum)")
            case .secondStageFPCNotPositive(let location, let fpc):
                return language.pick(
                    vi: "\(location): fpc giai đoạn hai \(fpc) không phải số dương",
                    en: "\(location): second-stage fpc \(fpc) is not a positive number")
            case .secondStageFPCDiffers(let location, let fpc, let earlier, let psu):
                return language.pick(
                    vi: "\(location): fpc giai đoạn hai \(fpc) khác với \(earlier) "
                        + "đã cho trước đó ở đơn vị mẫu cấp 1 \(psu)",
                    en: "\(location): second-stage fpc \(fpc) differs from \(earlier) given earlier for PSU \(psu)")
            case .cellSums(let stratum, let cluster, let sums, let items):
                return language.pick(
                    vi: "ô \(stratum)/\(cluster): \(sums) tổng cho \(items) mục hỏi",
                    en: "cell \(stratum)/\(cluster): \(sums) sums for \(items) items")
            case .cellFPCDiffers(let fpc, let earlier, let stratum):
                return language.pick(
                    vi: "hệ số hiệu chỉnh tổng thể hữu hạn \(fpc) khác với \(earlier) đã cho ở tầng \(stratum)",
                    en: "finite population correction \(fpc) differs from \(earlier) given for stratum \(stratum)")
            case .marginHeader(let file, let row):
                return language.pick(
                    vi: "\(file), dòng \(row): dòng tiêu đề phải nêu các biến và kết thúc bằng 'population'",
                    en: "\(file), row \(row): the header must name the variables and end with 'population'")
            case .marginFieldCount(let file, let row, let header, let found):
                let columns = header.joined(separator: ",")
                return language.pick(
                    vi: "\(file), dòng \(row): cần \(header.count) ô (\(columns)), có \(found)",
                    en: "\(file), row \(row): expected \(header.count) fields (\(columns)), found \(found)")
            case .marginPopulation(let file, let row, let column, let value):
                return language.pick(
                    vi: "\(file), dòng \(row), cột \(column) (population): '\(value)' không phải số dân ≥ 0",
                    en: "\(file), row \(row), column \(column) (population): '\(value)' is not a population count ≥ 0")
            case .marginLevelRepeated(let file, let row, let level, let firstRow):
                let value = level.joined(separator: ",")
                return language.pick(
                    vi: "\(file), dòng \(row): \(value) xuất hiện hai lần (lần đầu ở dòng \(firstRow))",
                    en: "\(file), row \(row): \(value) given twice (first at row \(firstRow))")
            case .sampleRows(let rows):
                return language.pick(
                    vi: "số dòng phải dương, nhận \(rows)",
                    en: "the number of rows must be positive, got \(rows)")
            case .communesPerProvince(let communes):
                return language.pick(
                    vi: "số xã mỗi tỉnh phải dương, nhận \(communes)",
                    en: "communes per province must be positive, got \(communes)")
            case .sampleInstrument(let expected, let actual):
                return language.pick(
                    vi: "mẫu dành cho bộ công cụ '\(expected)', không phải '\(actual)'",
                    en: "the sample is for instrument '\(expected)', not '\(actual)'")
            case .instrumentYear(let instrument, let range, let year):
                return language.pick(
                    vi: "bộ công cụ '\(instrument)' áp dụng cho \(range), không cho \(year)",
                    en: "instrument '\(instrument)' applies to \(range), not to \(year)")
            case .sampleLevel(let level):
                return language.pick(
                    vi: "mức phải nằm giữa 0 và 100 %, nhận \(level * 100)",
                    en: "the level must be between 0 and 100 %, got \(level * 100)")
            case .noScoredQuestions(let instrument):
                return language.pick(
                    vi: "bộ công cụ '\(instrument)' không có câu hỏi tính điểm",
                    en: "instrument '\(instrument)' has no scored questions")
            case .cannotCreate(let path):
                return language.pick(vi: "không tạo được \(path)", en: "cannot create \(path)")
            }
        }
    }
}
