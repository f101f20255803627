import Foundation
import SIPASCore

/// An XLSForm workbook (the `survey`, `choices` and `settings` sheets of an ODK / KoboToolbox form),
/// read row by row, and its conversion to a sipas instrument file.
///
/// What the instrument format holds is carried over exactly: names, types, labels and hints in
/// Vietnamese and English (`label::Vietnamese (vi)`, `label::English (en)`, `label::vi`, or a plain
/// `label` in the form's default language), choices, `required`, `constraint`,
/// `constraint_message` and `relevant`. Everything else (groups, `appearance`, `calculation`,
/// `choice_filter`, other languages …) is written as a comment beside the question it belongs to,
/// so nothing is dropped silently. The SIPAS fields (areas, elements, scales, design) are then
/// added by hand (Instruments/README.md).
public struct XLSForm: Sendable {
    /// One sheet row: column header → cell text (trimmed, NFC; empty cells left out), and its row.
    public struct Row: Sendable {
        public var row: Int
        public var cells: [String: String]
    }

    public var file: String
    public var survey: [Row]
    public var choices: [Row]
    public var settings: [String: String]

    /// Reads the `survey` (required), `choices` and `settings` sheets of `url`.
    /// - Throws: ``ImportError`` (`badWorkbook`, `noSuchSheet` when there is no survey sheet).
    public init(url: URL) throws {
        file = url.lastPathComponent
        let names = try XLSXReader(url: url).sheetNames
        func read(_ sheet: String) throws -> [Row] {
            guard let name = names.first(where: { $0.lowercased() == sheet }) else { return [] }
            let reader = try XLSXReader(url: url, sheet: name)
            var header: [String] = []
            var rows: [Row] = []
            try reader.forEachRecord { record in
                let cells = record.fields.map {
                    String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines).nfc
                }
                if header.isEmpty {
                    header = cells.map(Self.canonicalColumn)
                    return
                }
                var row: [String: String] = [:]
                for (i, cell) in cells.enumerated() where i < header.count && !cell.isEmpty && !header[i].isEmpty {
                    row[header[i]] = cell
                }
                if !row.isEmpty { rows.append(Row(row: record.row, cells: row)) }
            }
            return rows
        }
        guard names.contains(where: { $0.lowercased() == "survey" }) else {
            throw ImportError(.noSuchSheet("survey", available: names), at: SourceLocation(file: file))
        }
        survey = try read("survey")
        choices = try read("choices")
        settings = (try read("settings")).first?.cells ?? [:]
    }

    /// A column header as pyxform reads it: the name before `::` in lower case (`TYPE` → type,
    /// `Label::English (en)` → `label::English (en)`; the language keeps its spelling), `list name`
    /// as `list_name`, and the older one-colon form `label:english` as `label::english`.
    static func canonicalColumn(_ header: String) -> String {
        var parts = header.components(separatedBy: "::")
        if parts.count == 1, let colon = header.firstIndex(of: ":"),
            translatable.contains(header[..<colon].trimmingCharacters(in: .whitespaces).lowercased())
        {
            parts = [String(header[..<colon]), String(header[header.index(after: colon)...])]
        }
        var base = parts[0].trimmingCharacters(in: .whitespaces).lowercased()
        if base == "list name" { base = "list_name" }
        return ([base] + parts.dropFirst()).joined(separator: "::")
    }

    /// Columns that take a language suffix.
    static let translatable: Set<String> = [
        "label", "hint", "guidance_hint", "constraint_message", "required_message", "image", "audio", "video", "media",
    ]

    /// The language code of a column suffix: `Vietnamese (vi)` → vi, `English` → en, `vi` → vi.
    static func language(_ suffix: String) -> String {
        if let open = suffix.lastIndex(of: "("), let close = suffix.lastIndex(of: ")"), open < close {
            return suffix[suffix.index(after: open)..<close].lowercased()
        }
        switch suffix.lowercased().folding(options: .diacriticInsensitive, locale: nil) {
        case "vietnamese", "tieng viet": return "vi"
        case "english", "tieng anh": return "en"
        default: return suffix.lowercased()
        }
    }

    /// The texts of a translatable column (`label`, `hint`, `constraint_message`) by language code;
    /// a column without a language is in the form's default language (Vietnamese when none is set).
    func texts(_ base: String, in cells: [String: String]) -> [String: String] {
        let fallback = settings["default_language"].map(Self.language) ?? "vi"
        var texts: [String: String] = [:]
        for (column, value) in cells {
            let parts = column.components(separatedBy: "::")
            guard parts[0].trimmingCharacters(in: .whitespaces).lowercased() == base else { continue }
            texts[parts.count > 1 ? Self.language(parts[1].trimmingCharacters(in: .whitespaces)) : fallback] = value
        }
        return texts
    }

    /// Whether `column` (with any language suffix) is carried into the instrument.
    static func isCarried(_ column: String, sheet: String) -> Bool {
        let base = column.components(separatedBy: "::")[0].trimmingCharacters(in: .whitespaces).lowercased()
        let carried: Set<String> =
            sheet == "survey"
            ? ["type", "name", "label", "hint", "required", "constraint", "constraint_message", "relevant"]
            : ["list_name", "name", "label"]
        return carried.contains(base)
            && (base == "type" || base == "name" || base.hasPrefix("list") || isKnownLanguage(column))
    }

    /// True for a column without a language or in Vietnamese or English.
    static func isKnownLanguage(_ column: String) -> Bool {
        let parts = column.components(separatedBy: "::")
        return parts.count == 1 || ["vi", "en"].contains(language(parts[1].trimmingCharacters(in: .whitespaces)))
    }
}
