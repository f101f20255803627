import Foundation
import SIPASCore
import SIPASInstruments

/// A data-entry workbook for keying paper forms into Excel (research/collection-formats.md §2–3).
///
/// - Sheet `Phiếu` (first, so the importer reads it by default): row 1 holds the question names
///   exactly as the importer matches them (every question that takes an answer, in form order),
///   then `keyer_id` and `entry_date`, which the importer keeps aside as metadata. The header row and
///   the first column are frozen; the header is locked (sheet protection without a password), the
///   cells below are not. Required questions have a yellow header.
/// - Each question's column carries a data validation on rows 2 to 5001 (``EntryRule``):
///   drop-downs of "code – label" entries (province codes for a province lookup), whole and decimal
///   ranges, an input message with the label and codes.
///   Excel checks typed values only (not pasted ones), so the importer checks every rule again.
/// - Sheet `Mã số`: list, code, Vietnamese and English label, and the "code – label" entry; the
///   drop-downs read the entries (the codes for provinces); locked.
/// - Sheet `Hướng dẫn`: instructions in Vietnamese and one line per column with its rule.
enum EntryWorkbook {
    static let dataSheet = "Phiếu"
    static let codesSheet = "Mã số"
    static let instructionsSheet = "Hướng dẫn"
    static let keyerColumn = "keyer_id"
    static let dateColumn = "entry_date"
    /// Rows 2 … `rows + 1` carry the validations.
    static let rows = 5000

    /// cellXfs of ``styles``.
    enum Style {
        static let header = 1, requiredHeader = 2, textEntry = 3, entry = 4, dateEntry = 5, title = 6
    }

    static func write(_ instrument: Instrument, to url: URL) throws {
        try XLSXWriter.write(sheets(instrument), styles: styles, to: url)
    }

    /// One column of the `Phiếu` sheet.
    struct Column {
        var name: String
        var question: Question?
        var rule: EntryRule?
    }

    static func sheets(_ instrument: Instrument) -> [XLSXWriter.Sheet] {
        let (codes, ranges) = codesSheet(instrument)
        var columns: [Column] = []
        for q in instrument.questions where FormLayout.isAnswered(q) {
            let cell = "\(XLSXWriter.columnLetter(columns.count))2"
            columns.append(
                Column(name: q.name, question: q, rule: rule(q, instrument: instrument, ranges: ranges, cell: cell)))
        }
        columns.append(Column(name: keyerColumn))
        columns.append(Column(name: dateColumn))

        var data = XLSXWriter.Sheet(
            name: dataSheet,
            rows: [
                columns.map { column in
                    .text(column.name, style: column.question?.required == true ? Style.requiredHeader : Style.header)
                }
            ])
        data.frozenRows = 1
        data.frozenColumns = 1
        data.protected = true
        data.widths = columns.map { Double(max($0.name.count, 6)) * 1.2 + 2 }
        data.columnStyles = columns.map { column in
            if column.name == dateColumn { return Style.dateEntry }
            guard let q = column.question else { return Style.textEntry }
            if case .text = q.type { return Style.textEntry }
            return q.lookup == nil ? Style.entry : Style.textEntry
        }
        for (c, column) in columns.enumerated() {
            let letter = XLSXWriter.columnLetter(c)
            data.validations.append(validation(column, range: "\(letter)2:\(letter)\(rows + 1)"))
        }
        return [data, codes, instructions(instrument, columns)]
    }

    /// The rule of one question's column.
    static func rule(_ q: Question, instrument: Instrument, ranges: [String: String], cell: String) -> EntryRule? {
        if q.lookup == "province", let range = ranges[provinceList] {
            return EntryRule(
                kind: .list, formula1: range, text: "mã tỉnh (trang \(codesSheet), danh sách \(provinceList))")
        }
        switch q.type {
        case .selectOne(let list):
            guard let range = ranges[list] else { return nil }
            return EntryRule.list(instrument.choices[list] ?? [], range: range)
        case .selectMultiple(let list):
            let codes = instrument.choices[list] ?? []
            return EntryRule(
                kind: .none,
                text: "một hoặc nhiều mã, cách nhau bằng dấu cách: " + codes.map(\.name).joined(separator: ", "),
                promptLines: ["Nhiều mã, cách nhau bằng dấu cách:"] + codes.map { "\($0.name) – \($0.label.vi)" })
        case .integer: return EntryRule.numeric(q, integer: true, cell: cell)
        case .decimal: return EntryRule.numeric(q, integer: false, cell: cell)
        default:
            return EntryRule(kind: .none, text: q.constraint.map { "văn bản; điều kiện \($0)" } ?? "văn bản")
        }
    }

    static func validation(_ column: Column, range: String) -> XLSXWriter.Validation {
        guard let q = column.question else {
            let keyer = column.name == keyerColumn
            return XLSXWriter.Validation(
                kind: keyer ? .none : .date, operator: keyer ? nil : "between",
                formula1: keyer ? nil : "DATE(2015,1,1)", formula2: keyer ? nil : "DATE(2035,12,31)", range: range,
                promptTitle: column.name, prompt: keyer ? "Mã người nhập phiếu" : "Ngày nhập phiếu (ngày/tháng/năm)",
                errorTitle: "Ngày không hợp lệ", error: "Nhập một ngày từ 01/01/2015 đến 31/12/2035")
        }
        let rule = column.rule ?? EntryRule(kind: .none, text: "")
        var prompt = [q.label.vi]
        if q.required { prompt.append("Bắt buộc.") }
        prompt += rule.promptLines
        if let relevant = q.relevant { prompt.append("Chỉ trả lời khi \(relevant)") }
        return XLSXWriter.Validation(
            kind: rule.kind, operator: rule.operator, formula1: rule.formula1, formula2: rule.formula2, range: range,
            promptTitle: q.name, prompt: prompt.joined(separator: "\n"),
            errorTitle: "Giá trị không hợp lệ", error: "\(q.name): \(rule.text)", errorStyle: rule.errorStyle)
    }

    /// The list name of the province codes on the codes sheet.
    static let provinceList = "lookup:province"

    /// The codes sheet and, for each list, the absolute range of its drop-down entries: the
    /// "code – label" column (`'Mã số'!$E$2:$E$8`), the codes (column B) for the provinces.
    static func codesSheet(_ instrument: Instrument) -> (XLSXWriter.Sheet, [String: String]) {
        var rows: [[XLSXWriter.Cell]] = [
            ["Danh sách", "Mã", "Nhãn (tiếng Việt)", "Label (English)", "Mã – nhãn (danh sách chọn)"]
                .map { .text($0, style: Style.header) }
        ]
        var ranges: [String: String] = [:]
        func add(_ list: String, _ choices: [Choice]) {
            guard !choices.isEmpty else { return }
            let first = rows.count + 1
            for choice in choices {
                let numeric = Int(choice.name).map { String($0) == choice.name } ?? false
                rows.append([
                    .text(list), numeric ? .number(choice.name) : .text(choice.name), .text(choice.label.vi),
                    choice.label.en.map { XLSXWriter.Cell.text($0) } ?? XLSXWriter.Cell.empty,
                    .text(EntryText.entry(code: choice.name, label: choice.label.vi)),
                ])
            }
            let column = list == provinceList ? "B" : "E"
            ranges[list] = "'\(codesSheet)'!$\(column)$\(first):$\(column)$\(rows.count)"
        }
        for list in FormLayout.listOrder(instrument) { add(list, instrument.choices[list] ?? []) }
        if instrument.questions.contains(where: { $0.lookup == "province" }) {
            add(provinceList, provinces(instrument.years))
        }
        var sheet = XLSXWriter.Sheet(name: codesSheet, rows: rows)
        sheet.frozenRows = 1
        sheet.widths = [18, 10, 40, 40, 44]
        sheet.protected = true
        return (sheet, ranges)
    }

    /// The province codes of the survey years, with their names (two names when a code names
    /// different provinces before and after 1 July 2025).
    static func provinces(_ years: YearRange?) -> [Choice] {
        let catalog = ProvinceCatalog.official
        let before = (years?.from ?? 0) < 2025 ? catalog.provincesBefore2025 : []
        let after = (years?.to ?? 9999) >= 2025 ? catalog.provincesFrom2025 : []
        var names: [String: [String]] = [:]
        for p in before + after where !(names[p.code]?.contains(p.name) ?? false) {
            names[p.code, default: []].append(p.name)
        }
        return names.keys.sorted().map {
            Choice(name: $0, label: LocalizedText(vi: names[$0]!.joined(separator: " / ")))
        }
    }

    static func instructions(_ instrument: Instrument, _ columns: [Column]) -> XLSXWriter.Sheet {
        var rows: [[XLSXWriter.Cell]] = [[.text("Hướng dẫn nhập phiếu: \(instrument.title.vi)", style: Style.title)]]
        let lines = [
            "Mỗi dòng của trang “\(dataSheet)” là một phiếu. Không sửa, không xoá, không đổi chỗ dòng tiêu đề (dòng 1): sipas đọc tên cột ở dòng này.",
            "Cột có tiêu đề nền vàng là câu hỏi bắt buộc. Chọn một ô để xem câu hỏi, các mã và điều kiện của cột.",
            "Câu chọn mã: chọn “mã – nhãn” trong danh sách (ví dụ “4 – Hài lòng”), hoặc gõ mã in trên phiếu giấy rồi bấm “Yes” khi Excel hỏi; sipas đọc cả hai thành mã. Nghĩa của từng mã ở trang “\(codesSheet)”.",
            "Để trống ô khi người trả lời bỏ qua câu hỏi, hoặc khi câu hỏi không áp dụng theo hướng dẫn chuyển câu (cột “Chỉ hỏi khi”).",
            "Excel chỉ kiểm giá trị gõ vào: giá trị dán (Ctrl+V) hay kéo xuống không được kiểm. sipas kiểm lại mọi quy tắc khi nhập dữ liệu.",
            "\(keyerColumn): mã người nhập; \(dateColumn): ngày nhập. Hai cột này không được phân tích.",
            "Kiểm tra tệp trước khi gửi: sipas validate tệp.xlsx --instrument \(instrument.id)",
            "Nhập hai lần (hai người nhập cùng các phiếu vào hai tệp) rồi so sánh: sipas validate lần1.xlsx --second-entry lần2.xlsx --instrument \(instrument.id)",
        ]
        rows += lines.map { [.text($0)] }
        rows.append([])
        rows.append(
            ["Cột", "Tên cột", "Câu hỏi", "Bắt buộc", "Giá trị hợp lệ", "Chỉ hỏi khi"].map {
                .text($0, style: Style.header)
            })
        for (c, column) in columns.enumerated() {
            guard let q = column.question else {
                rows.append([
                    .text(XLSXWriter.columnLetter(c)), .text(column.name),
                    .text(column.name == keyerColumn ? "Mã người nhập phiếu" : "Ngày nhập phiếu"),
                ])
                continue
            }
            rows.append([
                .text(XLSXWriter.columnLetter(c)), .text(q.name), .text(CellSafety.spreadsheet(q.label.vi)),
                q.required ? XLSXWriter.Cell.text("có") : XLSXWriter.Cell.empty,
                .text(CellSafety.spreadsheet(column.rule?.text ?? "")),
                q.relevant.map { XLSXWriter.Cell.text(CellSafety.spreadsheet($0)) } ?? XLSXWriter.Cell.empty,
            ])
        }
        var sheet = XLSXWriter.Sheet(name: instructionsSheet, rows: rows)
        sheet.widths = [8, 24, 60, 10, 50, 30]
        return sheet
    }

    /// Fonts: 0 regular, 1 bold, 2 bold 14 pt. Fill 2 light yellow. cellXfs: 0 default, 1 bold
    /// header, 2 bold header on yellow (required), 3 text `@` unlocked, 4 general unlocked, 5 date
    /// `dd/mm/yyyy`-style (14) unlocked, 6 title.
    static let styles =
        #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        + #"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
        + #"<fonts count="3"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="14"/><name val="Calibri"/></font></fonts>"#
        + #"<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>"#
        + #"<fill><patternFill patternType="solid"><fgColor rgb="FFFFE699"/><bgColor indexed="64"/></patternFill></fill></fills>"#
        + #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
        + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
        + #"<cellXfs count="7"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
        + #"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>"#
        + #"<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/>"#
        + #"<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyProtection="1"><protection locked="0"/></xf>"#
        + #"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyProtection="1"><protection locked="0"/></xf>"#
        + #"<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyProtection="1"><protection locked="0"/></xf>"#
        + #"<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>"#
        + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
        + "</styleSheet>"
}
