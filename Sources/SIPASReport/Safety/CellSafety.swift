import SIPASCore

/// Escaping and neutralising of strings that come from data files, for every output format.
///
/// - HTML and XML: `&`, `<`, `>`, `"` and `'` become entities, so no data string can open a tag,
///   an attribute or a script.
/// - Spreadsheets (CSV opened in Excel, `.xlsx`): a text cell beginning with `=`, `+`, `-`, `@`,
///   a tab, a carriage return or NUL gets a leading `'`, so `=HYPERLINK(…)` stays text (OWASP
///   "CSV injection", ``SpreadsheetText``, shared with the importer's rejects file).
/// - Markdown: `|`, `\`, `<`, `>`, `&`, `*`, `_`, `[`, `]` and backticks are escaped and line
///   breaks become spaces, so a data string neither breaks a table nor becomes HTML or a link.
public enum CellSafety {
    public static func html(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }

    /// XML text and attribute content: as ``html(_:)``, and characters XML 1.0 forbids removed.
    public static func xml(_ text: String) -> String {
        html(
            String(
                String.UnicodeScalarView(
                    text.unicodeScalars.filter { scalar in
                        scalar.value == 0x9 || scalar.value == 0xA || scalar.value == 0xD || scalar.value >= 0x20
                    })))
    }

    /// `'` + text when the text would start a formula; the text otherwise (``SpreadsheetText``).
    public static func spreadsheet(_ text: String) -> String { SpreadsheetText.neutralised(text) }

    public static func markdown(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "|", "\\", "*", "_", "[", "]", "`": out += "\\" + String(c)
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\n", "\r", "\r\n": out += " "
            default: out.append(c)
            }
        }
        return out
    }
}
