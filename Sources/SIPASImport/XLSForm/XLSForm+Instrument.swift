import Foundation
import SIPASCore
import SIPASInstruments

extension XLSForm {
    /// The form as a sipas instrument file (YAML, in the layout of the shipped instruments).
    ///
    /// `id` comes from `settings.form_id` (else the file name), the title from `form_title`, the
    /// method version from `version`. Questions keep the form's order; group rows become comments.
    /// A choice name repeated in its list is kept once, the repeat as a comment, when the settings
    /// allow it (`allow_choice_duplicates: yes`, for `choice_filter` lists).
    /// - Throws: ``InstrumentError`` naming the choices row of a repeated name the settings do not allow.
    public func instrumentYAML() throws -> String {
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
            guard let list = row.cells["list_name"], row.cells["name"] != nil else { continue }
            if byList[list] == nil { lists.append(list) }
            byList[list, default: []].append(row)
        }
        let duplicatesAllowed = ["yes", "true", "true()", "1"].contains(
            (settings["allow_choice_duplicates"] ?? "").lowercased())
        out += lists.isEmpty ? "choices: {}\n" : "choices:\n"
        for list in lists {
            out += "  \(quote(list)):\n"
            var seen: [String: Int] = [:]
            for row in byList[list] ?? [] {
                let name = row.cells["name"] ?? ""
                if let first = seen[name] {
                    guard duplicatesAllowed else {
                        throw InstrumentError(
                            file: "\(file), sheet choices", line: row.row,
                            .choiceNameTwice(name: name, list: list, firstRow: first))
                    }
                    out +=
                        "    # row \(row.row): '\(name)' again in list \(list) (allow_choice_duplicates, for choice_filter), kept once: \(describe(row.cells))\n"
                    continue
                }
                seen[name] = row.row
                out +=
                    "    - {name: \(quote(name)), label: \(localized(texts("label", in: row.cells), fallback: name))}"
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
                out +=
                    "  # row \(row.row): \(type) \(row.cells["name"] ?? "")"
                    + (texts("label", in: row.cells)["vi"].map { " (\($0))" } ?? "") + "\n"
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
            let (carried, typeNote) = Self.carriedType(type)
            var fields = [
                "name: \(quote(name))", "type: \(quote(carried))",
                "label: \(localized(texts("label", in: row.cells), fallback: name))",
            ]
            let hint = texts("hint", in: row.cells)
            if !hint.isEmpty { fields.append("hint: \(localized(hint, fallback: ""))") }
            if let required = row.cells["required"], ["yes", "true", "true()", "1"].contains(required.lowercased()) {
                fields.append("required: yes")
            }
            if let constraint = row.cells["constraint"] { fields.append("constraint: \(quote(constraint))") }
            let message = texts("constraint_message", in: row.cells)
            if !message.isEmpty { fields.append("constraint_message: \(localized(message, fallback: ""))") }
            if let relevant = row.cells["relevant"] { fields.append("relevant: \(quote(relevant))") }
            out +=
                "  - {" + fields.joined(separator: ", ") + "}" + extras(row, sheet: "survey", typeNote: typeNote) + "\n"
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
    private func extras(_ row: Row, sheet: String, typeNote: String? = nil) -> String {
        let rest = row.cells.filter { !Self.isCarried($0.key, sheet: sheet) }
        var notes: [String] = rest.isEmpty ? [] : [describe(rest)]
        if let typeNote { notes.append(typeNote) }
        if sheet == "survey", let required = row.cells["required"],
            !["yes", "true", "true()", "1", "no", "false", "false()", "0"].contains(required.lowercased())
        {
            notes.append("required = \(required) (an expression: not carried)")
        }
        if texts("label", in: row.cells)["vi"] == nil, !texts("label", in: row.cells).isEmpty {
            notes.append("no Vietnamese label: vi repeats the other language")
        }
        return notes.isEmpty ? "" : "  # row \(row.row): " + notes.joined(separator: "; ")
    }

    /// The type written to the instrument for the form's `type` cell, and a note when it differs.
    ///
    /// pyxform's spellings of selects (`select one from L`, `select1 L` …, pyxform/aliases.py) become
    /// `select_one L` / `select_multiple L`. A select whose choices are outside the form
    /// (`select_one_from_file F`, `select_multiple_from_file F`, `select_one_external L`) becomes
    /// `text`, since sipas cannot check its answers against a list it does not have.
    static func carriedType(_ raw: String) -> (type: String, note: String?) {
        let words = raw.split(separator: " ").map(String.init)
        let lower = words.map { $0.lowercased() }.joined(separator: " ")
        func rest(after prefix: String) -> String {
            words.dropFirst(prefix.split(separator: " ").count).joined(separator: " ")
        }
        for prefix in [
            "select_one_from_file", "select one from file", "select_multiple_from_file", "select multiple from file",
        ] where lower.hasPrefix(prefix + " ") {
            return (
                "text",
                "type \(raw): the choices are in the file \(rest(after: prefix)), which sipas does not read: carried as text, answers not checked against a list"
            )
        }
        if lower.hasPrefix("select_one_external ") {
            return (
                "text",
                "type \(raw): the choices are on the external_choices sheet, which sipas does not read: carried as text, answers not checked against a list"
            )
        }
        let aliases: [(String, String)] = [
            ("add select one prompt using", "select_one"), ("select one from", "select_one"),
            ("select one", "select_one"), ("select1", "select_one"),
            ("add select multiple prompt using", "select_multiple"), ("select all that apply from", "select_multiple"),
            ("select all that apply", "select_multiple"), ("select multiple", "select_multiple"),
        ]
        for (alias, type) in aliases where lower.hasPrefix(alias + " ") {
            let carried = type + " " + rest(after: alias)
            return (carried, "type \(raw) written as \(carried)")
        }
        return (raw, nil)
    }

    private func describe(_ cells: [String: String]) -> String {
        cells.sorted { $0.key < $1.key }.map { "\($0.key) = \($0.value.replacingOccurrences(of: "\n", with: " "))" }
            .joined(separator: "; ")
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
