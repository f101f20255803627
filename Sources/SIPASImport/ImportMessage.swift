import SIPASCore

/// The catalog of the import's notes and report lines (errors and rejections have their own:
/// ``ImportError/Kind``, ``Rejection``), each with its Vietnamese and English text.
public enum ImportMessage: Sendable, Hashable, LocalizedMessage {
    // Notes on what an import assumes because of the file's columns; a design column's name in
    // parentheses when the instrument names one.
    /// No weight column: every row has weight 1.
    case noWeightColumn(String?)
    /// No strata column: one stratum.
    case noStrataColumn(String?)
    /// No cluster column: every row is its own PSU.
    case noClusterColumn(String?)
    /// No year column: province codes checked against both lists.
    case noYearColumn
    /// The relevant of `question` reads `absent` columns: not checked.
    case relevantNotChecked(question: String, absent: String)
    // The double-entry report (``DoubleEntryComparison/report(language:)``); `percent` is formatted.
    /// The first line: the files and the counts compared.
    case doubleEntryHeading(first: String, second: String, forms: Int, fields: Int, differing: Int)
    /// The heading of the differing fields.
    case differingFields
    /// A blank field.
    case blank
    /// One differing field: form, column, both values, rows and keyers.
    case differingField(
        form: String, column: String, first: String, second: String, firstRow: Int, secondRow: Int,
        firstKeyer: String, secondKeyer: String)
    /// "Forms only in", before a file name.
    case formsOnlyIn
    /// "Ids keyed more than once (not compared) in", before a file name.
    case duplicateIdsIn
    /// A form's id and row in a list of forms.
    case formAtRow(id: String, row: Int)
    /// The heading of the columns only in `file`.
    case columnsOnlyIn(file: String)
    /// The heading of the keyers' agreement rates.
    case agreementByKeyer
    /// One keyer's agreement: fields agreeing out of those keyed, as a formatted percentage.
    case keyerAgreement(keyer: String, file: String, agreeing: Int, fields: Int, percent: String)

    public var key: String {
        switch self {
        case .noWeightColumn: return "import.note.noWeightColumn"
        case .noStrataColumn: return "import.note.noStrataColumn"
        case .noClusterColumn: return "import.note.noClusterColumn"
        case .noYearColumn: return "import.note.noYearColumn"
        case .relevantNotChecked: return "import.note.relevantNotChecked"
        case .doubleEntryHeading: return "import.doubleEntry.heading"
        case .differingFields: return "import.doubleEntry.differingFields"
        case .blank: return "import.doubleEntry.blank"
        case .differingField: return "import.doubleEntry.differingField"
        case .formsOnlyIn: return "import.doubleEntry.formsOnlyIn"
        case .duplicateIdsIn: return "import.doubleEntry.duplicateIdsIn"
        case .formAtRow: return "import.doubleEntry.formAtRow"
        case .columnsOnlyIn: return "import.doubleEntry.columnsOnlyIn"
        case .agreementByKeyer: return "import.doubleEntry.agreementByKeyer"
        case .keyerAgreement: return "import.doubleEntry.keyerAgreement"
        }
    }

    public func text(_ language: Language) -> String {
        func named(_ column: String?) -> String { column.map { " (\($0))" } ?? "" }
        switch self {
        case .noWeightColumn(let column):
            return language.pick(
                vi: "không có cột trọng số\(named(column)): mọi dòng có trọng số 1",
                en: "no weight column\(named(column)): every row has weight 1")
        case .noStrataColumn(let column):
            return language.pick(
                vi: "không có cột tầng\(named(column)): một tầng duy nhất",
                en: "no strata column\(named(column)): one stratum")
        case .noClusterColumn(let column):
            return language.pick(
                vi: "không có cột cụm\(named(column)): mỗi dòng là một đơn vị mẫu cấp 1",
                en: "no cluster column\(named(column)): every row is its own primary sampling unit")
        case .noYearColumn:
            return language.pick(
                vi: "không có cột năm: mã tỉnh được kiểm theo cả 63 mã trước 2025 và 34 mã từ 2025",
                en: "no year column: province codes checked against both the 63 codes before 2025 and the 34 from 2025")
        case .relevantNotChecked(let question, let absent):
            return language.pick(
                vi:
                    "điều kiện relevant của \(question) không kiểm được (thiếu cột \(absent)); câu này không bị coi là bắt buộc",
                en:
                    "relevant of \(question) not checked (column \(absent) absent); the question is not treated as required"
            )
        case .doubleEntryHeading(let first, let second, let forms, let fields, let differing):
            return language.pick(
                vi: "Nhập hai lần: \(first) và \(second): so \(forms) phiếu, \(fields) ô; khác nhau \(differing) ô",
                en:
                    "Double entry: \(first) and \(second): \(forms) forms, \(fields) fields compared; \(differing) differ"
            )
        case .differingFields:
            return language.pick(
                vi: "Ô khác nhau (phiếu, cột: lần 1 | lần 2):", en: "Differing fields (form, column: first | second):")
        case .blank:
            return language.pick(vi: "(trống)", en: "(blank)")
        case .differingField(
            let form, let column, let first, let second, let firstRow, let secondRow, let firstKeyer, let secondKeyer):
            return language.pick(
                vi:
                    "phiếu \(form), cột \(column): \(first) | \(second) (dòng \(firstRow) | \(secondRow); người nhập \(firstKeyer) | \(secondKeyer))",
                en:
                    "form \(form), column \(column): \(first) | \(second) (rows \(firstRow) | \(secondRow); keyers \(firstKeyer) | \(secondKeyer))"
            )
        case .formsOnlyIn:
            return language.pick(vi: "Phiếu chỉ có trong", en: "Forms only in")
        case .duplicateIdsIn:
            return language.pick(
                vi: "Mã phiếu nhập nhiều lần (không so) trong", en: "Ids keyed more than once (not compared) in")
        case .formAtRow(let id, let row):
            return language.pick(vi: "\(id) (dòng \(row))", en: "\(id) (row \(row))")
        case .columnsOnlyIn(let file):
            return language.pick(vi: "Cột chỉ có trong \(file):", en: "Columns only in \(file):")
        case .agreementByKeyer:
            return language.pick(vi: "Tỷ lệ khớp theo người nhập:", en: "Agreement by keyer:")
        case .keyerAgreement(let keyer, let file, let agreeing, let fields, let percent):
            return language.pick(
                vi: "\(keyer) (\(file)): \(agreeing)/\(fields) ô khớp, \(percent) %",
                en: "\(keyer) (\(file)): \(agreeing)/\(fields) fields agree, \(percent) %")
        }
    }
}
