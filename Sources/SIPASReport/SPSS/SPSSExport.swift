import Foundation
import SIPASCore
import SIPASInstruments

/// The accepted responses as a CSV file plus an SPSS/PSPP syntax file that reads it
/// (`GET DATA /TYPE=TXT`) and sets variable labels, value labels and missing values (the
/// instrument's "don't know / not applicable" codes), then weights the cases.
///
/// Only the record's columns are written: the design and breakdown attributes and the scored items.
/// A column marked identifying in the instrument is never written. String cells that would start a
/// spreadsheet formula get a leading `'`, as in every CSV sipas writes. Run the syntax from the
/// folder holding the CSV (`pspp responses.sps`).
public struct SPSSExport: Sendable {
    public struct Variable: Sendable, Hashable {
        /// Column name in the instrument and the CSV header.
        public var column: String
        /// SPSS variable name (letters, digits, `_`; starts with a letter; ≤ 64 bytes).
        public var name: String
        public var label: String
        /// String width in bytes, or nil for a numeric variable.
        public var stringWidth: Int?
        public var decimals: Int
        public var valueLabels: [(value: String, label: String)]
        public var missing: [Int]

        public static func == (a: Variable, b: Variable) -> Bool { a.column == b.column && a.name == b.name }
        public func hash(into hasher: inout Hasher) { hasher.combine(column) }
    }

    public var variables: [Variable]
    /// Rows of cells in `variables` order (as written to the CSV).
    public var rows: [[String]]
    public var weight: String?
    /// The synthetic-data marker (``DataProvenance/banner(_:)``), written as a `DOCUMENT` of the
    /// dataset (kept in the .sav file PSPP saves, shown by `DISPLAY DOCUMENTS`) and in the header comment.
    public var banner: String?

    /// - Parameters:
    ///   - records: accepted responses (the importer's ``ResponseRecord``s) in `layout` order.
    public init(
        instrument: Instrument, layout: RecordLayout, records: [ResponseRecord], language: Language, year: Int?,
        provenance: DataProvenance = .init()
    ) {
        self.banner = provenance.banner(language)
        let identifying = Set(instrument.questions.filter(\.identifying).map(\.name))
        let attributes = layout.attributeNames.enumerated().filter { !identifying.contains($0.element) }
        let items = layout.items.enumerated().filter { !identifying.contains($0.element) }
        var used = Set<String>()
        func spssName(_ column: String) -> String {
            var name = String(column.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") ? $0 : "_" })
            if !(name.first?.isLetter ?? false) { name = "v" + name }
            name = String(name.prefix(60))
            var candidate = name
            var k = 2
            while used.contains(candidate.lowercased()) {
                candidate = name + "_\(k)"
                k += 1
            }
            used.insert(candidate.lowercased())
            return candidate
        }
        var rows = records.map { record in
            attributes.map { record.attributes[$0.offset] }
                + items.map { item -> String in
                    switch record.answers[item.offset] {
                    case .blank: return ""
                    case .excluded(let code), .code(let code): return String(code)
                    }
                }
        }
        var variables: [Variable] = []
        for (position, (_, column)) in attributes.enumerated() {
            let question = instrument.question(named: column)
            let values = rows.map { $0[position] }
            let numeric = Self.isNumeric(question, values: values)
            var labels: [(String, String)] = []
            if question?.lookup == "province" {
                let codes = Set(values).sorted()
                labels = codes.compactMap { code in
                    year.flatMap { ProvinceCatalog.official.name(ofCode: code, year: $0) }.map { (code, $0) }
                }
            } else if let list = question?.type.listName, let choices = instrument.choices[list] {
                labels = choices.map { ($0.name, $0.label.text(language)) }
            }
            let decimals =
                numeric ? values.map { $0.split(separator: ".").dropFirst().first?.count ?? 0 }.max() ?? 0 : 0
            variables.append(
                Variable(
                    column: column, name: spssName(column), label: question?.label.text(language) ?? column,
                    stringWidth: numeric ? nil : max(values.map(\.utf8.count).max() ?? 1, 1),
                    decimals: decimals, valueLabels: labels, missing: []))
        }
        for (_, column) in items {
            let question = instrument.question(named: column)
            let list = question?.type.listName
            let choices = list.flatMap { instrument.choices[$0] } ?? []
            variables.append(
                Variable(
                    column: column, name: spssName(column), label: question?.label.text(language) ?? column,
                    stringWidth: nil, decimals: 0,
                    valueLabels: choices.map { ($0.name, $0.label.text(language)) },
                    missing: list.flatMap { instrument.scales[$0]?.excluded } ?? []))
        }
        for (i, variable) in variables.enumerated() where variable.stringWidth != nil {
            for r in rows.indices { rows[r][i] = CellSafety.spreadsheet(rows[r][i]) }
            variables[i].stringWidth = max(rows.map { $0[i].utf8.count }.max() ?? 1, 1)
        }
        self.variables = variables
        self.rows = rows
        self.weight = instrument.design.weight.flatMap { w in variables.first { $0.column == w }?.name }
    }

    static func isNumeric(_ question: Question?, values: [String]) -> Bool {
        let looksNumeric = values.allSatisfy {
            $0.isEmpty || (Double($0) != nil && !($0.hasPrefix("0") && $0.count > 1 && !$0.hasPrefix("0.")))
        }
        switch question?.type {
        case .integer?, .decimal?: return looksNumeric
        case .selectOne?: return looksNumeric && question?.lookup == nil
        default: return false
        }
    }

    /// The responses CSV (UTF-8, header of column names).
    public func csv() -> String {
        let writer = CSVWriter()
        return writer.line(variables.map(\.name)) + rows.map(writer.line).joined()
    }

    /// The syntax file; `dataFile` is the CSV's name, relative to where PSPP runs.
    public func syntax(dataFile: String, title: String) -> String {
        func quoted(_ text: String) -> String {
            "'" + text.replacingOccurrences(of: "'", with: "''").replacingOccurrences(of: "\n", with: " ") + "'"
        }
        var out = "* \(title.replacingOccurrences(of: "\n", with: " ")).\n"
        if let banner { out += "* \(banner).\n" }
        out +=
            "* Written by sipas \(SIPASVersion.string). Run from the folder holding \(dataFile): pspp \(dataFile.replacingOccurrences(of: ".csv", with: ".sps")).\n\n"
        out +=
            "GET DATA\n  /TYPE=TXT\n  /FILE=\(quoted(dataFile))\n  /ENCODING='UTF-8'\n  /ARRANGEMENT=DELIMITED\n  /DELCASE=LINE\n  /FIRSTCASE=2\n  /DELIMITERS=\",\"\n  /QUALIFIER='\"'\n  /VARIABLES=\n"
        for v in variables {
            let format = v.stringWidth.map { "A\($0)" } ?? (v.decimals > 0 ? "F12.\(v.decimals)" : "F8.0")
            out += "    \(v.name) \(format)\n"
        }
        out += ".\n\nVARIABLE LABELS\n"
        out += variables.map { "  \($0.name) \(quoted($0.label))" }.joined(separator: "\n  /") + ".\n\n"
        let labelled = variables.filter { !$0.valueLabels.isEmpty }
        if !labelled.isEmpty {
            out += "VALUE LABELS\n"
            out +=
                labelled.map { v in
                    "  /\(v.name)\n"
                        + v.valueLabels.map { pair in
                            let value = v.stringWidth == nil ? pair.value : quoted(pair.value)
                            return "    \(value) \(quoted(pair.label))"
                        }.joined(separator: "\n")
                }.joined(separator: "\n") + ".\n\n"
        }
        let byCodes = Dictionary(grouping: variables.filter { !$0.missing.isEmpty && $0.stringWidth == nil }) {
            $0.missing
        }
        for (codes, group) in byCodes.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
            out +=
                "MISSING VALUES \(group.map(\.name).joined(separator: " ")) (\(codes.map(String.init).joined(separator: ", "))).\n"
        }
        if let banner { out += "DOCUMENT \(banner.replacingOccurrences(of: ".", with: ",")).\n" }
        if let weight { out += "WEIGHT BY \(weight).\n" }
        out += "EXECUTE.\n"
        return out
    }
}
