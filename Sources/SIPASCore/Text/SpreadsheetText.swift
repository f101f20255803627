/// Text bound for a spreadsheet (a CSV file opened in Excel or LibreOffice, an `.xlsx` cell),
/// neutralised against formula injection as OWASP's "CSV injection" page recommends: a cell whose
/// first character is `=`, `+`, `-`, `@`, a tab, a carriage return or NUL gets a leading `'`, so
/// `=HYPERLINK(…)` or `@SUM(…)` stays text.
///
/// A negative number such as `-5` is prefixed too (`'-5`), as OWASP does: a spreadsheet reads
/// `-2+3` or `-1+cmd|…` as a formula, and telling a plain number from the start of a formula is
/// left to no heuristic.
public enum SpreadsheetText {
    /// The first characters (Unicode scalars) that make a spreadsheet read a cell as a formula.
    public static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r", "\0"]

    /// `'` + text when the text would start a formula; the text otherwise.
    public static func neutralised(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, formulaStarts.contains(first) else { return text }
        return "'" + text
    }
}
