import Foundation
import SIPASCore

extension XLSForm {
    /// The form as a sipas instrument file (YAML, in the layout of the shipped instruments).
    ///
    /// `id` comes from `settings.form_id` (else the file name), the title from `form_title`, the
    /// method version from `version`. Questions keep the form's order; group rows become comments.
    public func instrumentYAML() -> String {
        let id = settings["form_id"] ?? URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        let title = settings["form_title"] ?? id
        var out = """
            # Converted from the XLSForm \(file) by `sipas instrument import`.
            # Names, types, labels (vi/en), hints, choices, required, constraint and relevant are as in the form.
            # Still to add by hand (Instruments/README.md): scales, design, areas and elements, and the
            # area/element/role of each question.
            id: \(quote(id))
            title: {vi: \(quote(title))}
            family: \(quote(id))
            method_version: \(quote(settings["version"] ?? "xlsform"))
            provenance:
              official: [\(quote("XLSForm " + file))]
              reconstructed: []

            """
        // Choices, by list in the order the lists first appear.
        var lists: [String] = []
        var byList: [String: [Row]] = [:]
        for row in choices {
            guard let list = row.cells["list_name"] ?? row.cells["list name"], row.cells["name"] != nil else { continue }
            if byList[list] == nil { lists.append(list) }
            byList[list, default: []].append(row)
        }
        out += lists.isEmpty ? "choices: {}\n" : "choices:\n"
        for list in lists {
            out += "  \(quote(list)):\n"
            for row in byList[list] ?? [] {
                out += "    - {name: \(quote(row.cells["name"] ?? "")), label: \(localized(texts("label", in: row.cells), fallback: row.cells["name"] ?? ""))}"
                out += extras(row, sheet: "choices") + "\n"
            }
        }
        out += "questions:\n"
        var groups: [String] = []
        for row in survey {
            let type = row.cells["type"] ?? ""
            let kind = type.lowercased().replacingOccurrences(of: "_", with: " ")
            if kind.hasPrefix("begin group") || kind.hasPrefix("begin repeat") {
                groups.append(row.cells["name"] ?? "")
                out += "  # row \(row.row): \(type) \(row.cells["name"] ?? "")" + (texts("label", in: row.cells)["vi"].map { " (\($0))" } ?? "") + "\n"
                continue
            }
            if kind.hasPrefix("end group") || kind.hasPrefix("end repeat") {
                out += "  # row \(row.row): \(type) \(groups.popLast() ?? "")\n"
                continue
            }
            guard let name = row.cells["name"], !type.isEmpty else {
                if !row.cells.isEmpty { out += "  # row \(row.row) has no type or name: \(describe(row.cells))\n" }
                continue
            }
            var fields = ["name: \(quote(name))", "type: \(quote(type))", "label: \(localized(texts("label", in: row.cells), fallback: name))"]
            let hint = texts("hint", in: row.cells)
            if !hint.isEmpty { fields.append("hint: \(localized(hint, fallback: ""))") }
            if let required = row.cells["required"], ["yes", "true", "true()", "1"].contains(required.lowercased()) { fields.append("required: yes") }
            if let constraint = row.cells["constraint"] { fields.append("constraint: \(quote(constraint))") }
            let message = texts("constraint_message", in: row.cells)
            if !message.isEmpty { fields.append("constraint_message: \(localized(message, fallback: ""))") }
            if let relevant = row.cells["relevant"] { fields.append("relevant: \(quote(relevant))") }
            out += "  - {" + fields.joined(separator: ", ") + "}" + extras(row, sheet: "survey") + "\n"
        }
        return out
    }

    /// `{vi: "…", en: "…"}`; a form without Vietnamese uses English (or `fallback`) for vi, said in a comment.
    private func localized(_ texts: [String: String], fallback: String) -> String {
        let vi = texts["vi"] ?? texts["en"] ?? texts.values.first ?? fallback
        var text = "{vi: \(quote(vi))"
        if let en = texts["en"] { text += ", en: \(quote(en))" }
        return text + "}"
    }

    /// The row's columns the instrument has no field for, as a trailing comment.
    private func extras(_ row: Row, sheet: String) -> String {
        let rest = row.cells.filter { !Self.isCarried($0.key, sheet: sheet) }
        var notes: [String] = rest.isEmpty ? [] : [describe(rest)]
        if sheet == "survey", let required = row.cells["required"], !["yes", "true", "true()", "1", "no", "false", "false()", "0"].contains(required.lowercased()) {
            notes.append("required = \(required) (an expression: not carried)")
        }
        if texts("label", in: row.cells)["vi"] == nil, !texts("label", in: row.cells).isEmpty { notes.append("no Vietnamese label: vi repeats the other language") }
        return notes.isEmpty ? "" : "  # row \(row.row): " + notes.joined(separator: "; ")
    }

    private func describe(_ cells: [String: String]) -> String {
        cells.sorted { $0.key < $1.key }.map { "\($0.key) = \($0.value.replacingOccurrences(of: "\n", with: " "))" }.joined(separator: "; ")
    }

    /// A YAML double-quoted scalar.
    func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
