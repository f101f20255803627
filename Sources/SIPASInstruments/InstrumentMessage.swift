import SIPASCore

/// What is wrong in an instrument, targets or XLSForm file, with the values that show it; an
/// ``InstrumentError`` adds the file and line. YAML keys, roles and rule names stay as written in
/// the file in both languages.
public enum InstrumentMessage: Sendable, Hashable, LocalizedMessage {
    /// The file cannot be read; `detail` is the system's reason, when known.
    case cannotRead(detail: String?)
    /// The file is not UTF-8 text.
    case notUTF8
    /// A targets file that cannot be read as UTF-8 text.
    case cannotReadUTF8
    /// The YAML parser's own message (English), or another error met while decoding.
    case yaml(String)
    /// A required key missing at `path` (dotted, e.g. `design`).
    case missingKey(path: String, key: String)
    /// A value at `path` that does not decode; `detail` is the decoder's own message (English).
    case decoding(path: String, detail: String)
    /// A semantic problem of an instrument that decodes.
    case check(Problem)
    /// Every problem of an instrument that must have none (a built-in).
    case problems([InstrumentMessage])
    /// A target (`targets[index]`) with none or several of minimum, above and higher_than.
    case targetBound(index: Int)
    /// A target whose `higher_than` year is not before its own year `due`.
    case targetEarlierYear(index: Int, earlier: Int, due: Int)
    /// A target threshold outside 0–100.
    case targetThreshold(index: Int)
    /// An XLSForm choice name repeated in its list without `allow_choice_duplicates`.
    case choiceNameTwice(name: String, list: String, firstRow: Int)

    public var key: String {
        switch self {
        case .cannotRead: return "instrument.cannotRead"
        case .notUTF8: return "instrument.notUTF8"
        case .cannotReadUTF8: return "instrument.cannotReadUTF8"
        case .yaml: return "instrument.yaml"
        case .missingKey: return "instrument.missingKey"
        case .decoding: return "instrument.decoding"
        case .check(let problem): return problem.key
        case .problems: return "instrument.problems"
        case .targetBound: return "instrument.targetBound"
        case .targetEarlierYear: return "instrument.targetEarlierYear"
        case .targetThreshold: return "instrument.targetThreshold"
        case .choiceNameTwice: return "instrument.choiceNameTwice"
        }
    }

    public func text(_ language: Language) -> String {
        switch self {
        case .cannotRead(let detail):
            guard let detail else { return language.pick(vi: "không đọc được tệp", en: "cannot read the file") }
            return language.pick(vi: "không đọc được tệp: \(detail)", en: "cannot read the file: \(detail)")
        case .notUTF8:
            return language.pick(vi: "tệp không phải văn bản UTF-8", en: "the file is not UTF-8 text")
        case .cannotReadUTF8:
            return language.pick(
                vi: "không đọc được tệp dưới dạng văn bản UTF-8", en: "cannot read the file as UTF-8 text")
        case .yaml(let detail):
            return language.pick(vi: "YAML không hợp lệ: \(detail)", en: detail)
        case .missingKey(let path, let key):
            return language.pick(
                vi: "\(path): thiếu khoá bắt buộc '\(key)'", en: "\(path): required key '\(key)' is missing")
        case .decoding(let path, let detail):
            return language.pick(vi: "\(path): giá trị không đúng kiểu (\(detail))", en: "\(path): \(detail)")
        case .check(let problem):
            return problem.text(language)
        case .problems(let problems):
            let list = problems.map { $0.text(language) }.joined(separator: "; ")
            return language.pick(vi: "\(problems.count) lỗi: \(list)", en: "\(problems.count) problem(s): \(list)")
        case .targetBound(let index):
            return language.pick(
                vi: "targets[\(index)]: cần đúng một trong minimum, above hoặc higher_than",
                en: "targets[\(index)]: give exactly one of minimum, above or higher_than")
        case .targetEarlierYear(let index, let earlier, let due):
            return language.pick(
                vi: "targets[\(index)]: higher_than \(earlier) không phải một năm trước năm \(due) của chỉ tiêu",
                en: "targets[\(index)]: higher_than \(earlier) is not a year before the target's \(due)")
        case .targetThreshold(let index):
            return language.pick(
                vi: "targets[\(index)]: ngưỡng là tỷ lệ phần trăm từ 0 đến 100",
                en: "targets[\(index)]: the threshold is a percentage between 0 and 100")
        case .choiceNameTwice(let name, let list, let firstRow):
            return language.pick(
                vi: "tên '\(name)' được dùng hai lần trong danh sách '\(list)' (lần đầu ở dòng \(firstRow)); "
                    + "pyxform không chấp nhận điều này trừ khi settings có allow_choice_duplicates: yes",
                en: "name '\(name)' is used twice in list '\(list)' (first on row \(firstRow)); "
                    + "pyxform refuses this unless settings has allow_choice_duplicates: yes")
        }
    }
}
