import SIPASCore

extension DesignMessage: LocalizedMessage {
    public func text(_ language: Language) -> String {
        switch self {
        case .confidence(let confidence):
            return language.pick(
                vi: "độ tin cậy phải nằm giữa 0 và 100 %, nhận \(confidence * 100)",
                en: "confidence must be between 0 and 100 %, got \(confidence * 100)")
        case .expectedShare(let share):
            return language.pick(
                vi: "tỷ lệ dự kiến phải nằm giữa 0 và 100 %, nhận \(share * 100)",
                en: "the expected share must be between 0 and 100 %, got \(share * 100)")
        case .designEffect(let deff):
            return language.pick(
                vi: "hệ số thiết kế (deff) phải dương, nhận \(deff)",
                en: "the design effect (deff) must be positive, got \(deff)")
        case .populationSize(let population):
            return language.pick(
                vi: "quy mô tổng thể phải ít nhất 2, nhận \(population)",
                en: "the population size must be at least 2, got \(population)")
        case .margin(let margin):
            return language.pick(
                vi: "sai số phải nằm giữa 0 và 100 điểm %, nhận \(margin * 100)",
                en: "the margin must be between 0 and 100 percentage points, got \(margin * 100)")
        case .responseRate(let rate):
            return language.pick(
                vi: "tỷ lệ phản hồi phải trong (0; 1], nhận \(rate)",
                en: "the response rate must be in (0, 1], got \(rate)")
        case .sampleSizeBelowOne(let n):
            return language.pick(
                vi: "cỡ mẫu phải ít nhất 1, nhận \(n)", en: "the sample size must be at least 1, got \(n)")
        case .sampleExceedsPopulation(let n, let population):
            return language.pick(
                vi: "cỡ mẫu \(n) lớn hơn tổng thể \(population)",
                en: "the sample size \(n) exceeds the population \(population)")
        case .sampleSizeNotPositive(let n):
            return language.pick(vi: "cỡ mẫu phải dương, nhận \(n)", en: "the sample size must be positive, got \(n)")
        case .noStrata:
            return language.pick(vi: "khung mẫu không có tầng nào", en: "the frame has no strata")
        case .minimumTooLarge(let strata, let minimum, let total, let n):
            return language.pick(
                vi: "\(strata) tầng × tối thiểu \(minimum) = \(total) phiếu, nhiều hơn cỡ mẫu \(n)",
                en: "\(strata) strata × minimum \(minimum) = \(total) forms, more than the sample size \(n)")
        case .allocationExceedsPopulation(let n, let population):
            return language.pick(
                vi: "cỡ mẫu \(n) lớn hơn tổng thể \(population)",
                en: "the sample size \(n) exceeds the population \(population)")
        case .neymanNeedsDeviations:
            return language.pick(
                vi: "phân bổ Neyman cần cột độ lệch chuẩn (--sd)",
                en: "Neyman allocation needs a standard-deviation column (--sd)")
        case .zeroDeviations:
            return language.pick(vi: "mọi độ lệch chuẩn đều bằng 0", en: "every standard deviation is 0")
        case .tilleTooLarge(let stratum, let units, let limit):
            return language.pick(
                vi:
                    "tầng '\(stratum)' có \(units) đơn vị: phương pháp Tillé tốn O(N²), tối đa \(limit); dùng pps-systematic",
                en:
                    "stratum '\(stratum)' has \(units) units: Tillé's method takes O(N²), at most \(limit); use pps-systematic"
            )
        case .tooFewUnits(let stratum, let wanted, let available):
            return language.pick(
                vi:
                    "tầng '\(stratum)': cần \(wanted) đơn vị nhưng khung mẫu chỉ có \(available) đơn vị có quy mô dương",
                en:
                    "stratum '\(stratum)': \(wanted) units wanted but the frame has only \(available) with a positive size"
            )
        case .maximumEntropyCells(let units, let n, let limit):
            return language.pick(
                vi:
                    "phương pháp entropy cực đại cần \(units)×\(n) ô, tối đa \(limit); dùng pps-systematic hoặc chia tầng",
                en:
                    "maximum-entropy sampling needs \(units)×\(n) cells, at most \(limit); use pps-systematic or more strata"
            )
        case .maximumEntropyDiverged:
            return language.pick(
                vi: "entropy cực đại: không tìm được xác suất làm việc (các π quá gần 1?)",
                en: "maximum entropy: the working probabilities did not converge (π too close to 1?)")
        case .methodNeedsSize(let method):
            return language.pick(
                vi: "--method \(method) cần --size (cột quy mô)",
                en: "--method \(method) needs --size (the size column)")
        case .startNeedsOneStratum:
            return language.pick(
                vi: "--start chỉ dùng với pps-systematic và một tầng",
                en: "--start works only with pps-systematic and a single stratum")
        case .startRange(let start):
            return language.pick(
                vi: "--start phải trong [0; 1), nhận \(start)", en: "--start must be in [0, 1), got \(start)")
        case .allocationMissingStratum(let stratum):
            return language.pick(
                vi: "tệp phân bổ không có tầng '\(stratum)' của khung mẫu",
                en: "the allocation file has no row for the frame's stratum '\(stratum)'")
        case .sampleSizeNeeded:
            return language.pick(vi: "cần --n hoặc --allocation TỆP", en: "give --n, or --allocation FILE")
        case .cellWithoutRespondents(let cell, let sampled):
            return language.pick(
                vi: "ô điều chỉnh '\(cell)': \(sampled) đơn vị mẫu nhưng không ai trả lời; gộp ô (bỏ bớt cột --cells)",
                en: "adjustment cell '\(cell)': \(sampled) sampled units but no respondent; "
                    + "collapse cells (fewer --cells columns)")
        case .postStratificationMargins(let count):
            return language.pick(
                vi: "hậu phân tầng nhận một biên (ghép các biến trong một tệp), nhận \(count)",
                en: "post-stratification takes one margin (cross the variables in one file), got \(count)")
        case .trimmingBounds(let lower, let upper, let mean):
            return language.pick(
                vi: "giới hạn cắt trọng số [\(lower); \(upper)] không chứa trọng số trung bình \(mean)",
                en: "the trimming bounds [\(lower), \(upper)] do not contain the mean weight \(mean)")
        case .singularCalibration:
            return language.pick(
                vi: "hiệu chỉnh tuyến tính: ma trận suy biến (một mức của biên không có người trả lời?)",
                en: "linear calibration: singular matrix (a margin level without respondents?)")
        case .noResponses(let file):
            return language.pick(vi: "\(file): không có phiếu trả lời nào", en: "\(file): no responses")
        case .stats(let error):
            return error.text(language)
        case .noFile(let path):
            return language.pick(vi: "không có tệp \(path)", en: "no file \(path)")
        case .unreadable(let file, let detail):
            return language.pick(vi: "\(file): không đọc được (\(detail))", en: "\(file): cannot be read (\(detail))")
        case .cannotRead(let path):
            return language.pick(vi: "không đọc được tệp \(path)", en: "cannot read \(path)")
        case .csv(let error):
            return error.text(language)
        case .emptyFile(let file):
            return language.pick(vi: "\(file): tệp rỗng", en: "\(file): the file is empty")
        case .frameWithoutRows(let file):
            return language.pick(vi: "\(file): khung mẫu không có dòng nào", en: "\(file): the frame has no rows")
        case .fieldCount(let file, let row, let fields, let header):
            return language.pick(
                vi: "\(file), dòng \(row): \(fields) trường, tiêu đề có \(header)",
                en: "\(file), row \(row): \(fields) fields, the header has \(header)")
        case .notUTF8(let file, let row, let column):
            return language.pick(
                vi: "\(file), dòng \(row), cột \(column): không phải UTF-8",
                en: "\(file), row \(row), column \(column): not UTF-8")
        case .missingColumn(let file, let column, let header):
            let list = header.joined(separator: ", ")
            return language.pick(
                vi: "\(file): không có cột '\(column)' (các cột: \(list))",
                en: "\(file): no column '\(column)' (columns: \(list))")
        case .badValue(let file, let row, let column, let value, let rule):
            return language.pick(
                vi: "\(file), dòng \(row), cột \(column): '\(value)' ",
                en: "\(file), row \(row), column \(column): '\(value)' ") + rule.text(language)
        case .idTwice(let file, let column, let id):
            return language.pick(
                vi: "\(file), cột \(column): mã '\(id)' có hai lần",
                en: "\(file), column \(column): id '\(id)' appears twice")
        case .minimumNegative(let minimum):
            return language.pick(vi: "--minimum phải ≥ 0, nhận \(minimum)", en: "--minimum must be ≥ 0, got \(minimum)")
        case .listedWithPerCluster:
            return language.pick(
                vi: "--listed và --per-cluster đi cùng nhau", en: "--listed and --per-cluster go together")
        case .drawCounts:
            return language.pick(
                vi: "--per-cluster phải dương, --reserves, --reserve-clusters và --minimum ≥ 0",
                en: "--per-cluster must be positive, --reserves, --reserve-clusters and --minimum ≥ 0")
        case .neymanNeedsAllocationFile:
            return language.pick(
                vi: "Neyman cần độ lệch chuẩn: dùng `sipas design allocate --rule neyman --sd …` rồi --allocation TỆP",
                en: "Neyman needs standard deviations: run `sipas design allocate --rule neyman --sd …`, "
                    + "then --allocation FILE")
        case .storeOrResponses:
            return language.pick(
                vi: "cần đúng một trong --store và --responses", en: "give exactly one of --store and --responses")
        case .marginNeeded:
            return language.pick(
                vi: "cần --margin (hoặc --n để tính sai số)", en: "give --margin (or --n for the margin of error)")
        case .optionNeedsNumber(let option, let text):
            return language.pick(
                vi: "\(option) cần một số, nhận '\(text)' (tên cột chỉ dùng với --frame)",
                en: "\(option) needs a number, got '\(text)' (a column name works only with --frame)")
        case .storeWithBatch:
            return language.pick(vi: "--store và --batch đi cùng nhau", en: "--store and --batch go together")
        case .noStore(let location):
            return language.pick(vi: "không có kho \(location)", en: "no store \(location)")
        case .noRespondentID(let instrument):
            return language.pick(
                vi: "bộ công cụ \(instrument) không có cột mã phiếu (respondent_id): "
                    + "không ghép được trọng số với phiếu trong kho",
                en: "instrument \(instrument) has no respondent id column (respondent_id): "
                    + "the weights cannot be matched to the stored responses")
        }
    }
}
