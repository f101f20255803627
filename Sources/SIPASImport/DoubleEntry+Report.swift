import Foundation
import SIPASCore

extension DoubleEntryComparison {
    /// The comparison as text for `sipas validate … --second-entry`: counts, every differing field
    /// (form, column, both values, rows and keyers), forms and columns keyed once only, duplicate
    /// ids, and the agreement rate of each keyer. Percentages with a decimal comma in Vietnamese.
    public func report(language: Language) -> String {
        let vi = language == .vi
        func percent(_ value: Double) -> String {
            let text = String(format: "%.1f", value)
            return vi ? text.replacingOccurrences(of: ".", with: ",") : text
        }
        func keyer(_ name: String) -> String { name.isEmpty ? "?" : name }
        let differing = differences.count
        var out = vi
            ? "Nhập hai lần: \(firstFile) và \(secondFile): so \(formsCompared) phiếu, \(fieldsCompared) ô; khác nhau \(differing) ô"
            : "Double entry: \(firstFile) and \(secondFile): \(formsCompared) forms, \(fieldsCompared) fields compared; \(differing) differ"
        if fieldsCompared > 0 {
            out += " (\(percent(100 * Double(differing) / Double(fieldsCompared))) %)"
        }
        out += "\n"
        if !differences.isEmpty {
            out += vi ? "  Ô khác nhau (phiếu, cột: lần 1 | lần 2):\n" : "  Differing fields (form, column: first | second):\n"
            for d in differences {
                let first = d.first.isEmpty ? (vi ? "(trống)" : "(blank)") : "'\(d.first)'"
                let second = d.second.isEmpty ? (vi ? "(trống)" : "(blank)") : "'\(d.second)'"
                out += vi
                    ? "    phiếu \(d.formId), cột \(d.column): \(first) | \(second) (dòng \(d.firstRow) | \(d.secondRow); người nhập \(keyer(d.firstKeyer)) | \(keyer(d.secondKeyer)))\n"
                    : "    form \(d.formId), column \(d.column): \(first) | \(second) (rows \(d.firstRow) | \(d.secondRow); keyers \(keyer(d.firstKeyer)) | \(keyer(d.secondKeyer)))\n"
            }
        }
        func forms(_ list: [Form], _ file: String, _ what: (String, String)) {
            guard !list.isEmpty else { return }
            out += "  " + (vi ? what.0 : what.1) + " \(file) (\(list.count)): "
            out += list.map { "\($0.id) (\(vi ? "dòng" : "row") \($0.row))" }.joined(separator: ", ") + "\n"
        }
        forms(onlyInFirst, firstFile, ("Phiếu chỉ có trong", "Forms only in"))
        forms(onlyInSecond, secondFile, ("Phiếu chỉ có trong", "Forms only in"))
        forms(duplicatesInFirst, firstFile, ("Mã phiếu nhập nhiều lần (không so) trong", "Ids keyed more than once (not compared) in"))
        forms(duplicatesInSecond, secondFile, ("Mã phiếu nhập nhiều lần (không so) trong", "Ids keyed more than once (not compared) in"))
        for (columns, file) in [(columnsOnlyInFirst, firstFile), (columnsOnlyInSecond, secondFile)] where !columns.isEmpty {
            out += (vi ? "  Cột chỉ có trong \(file): " : "  Columns only in \(file): ") + columns.joined(separator: ", ") + "\n"
        }
        if !keyers.isEmpty {
            out += vi ? "  Tỷ lệ khớp theo người nhập:\n" : "  Agreement by keyer:\n"
            for k in keyers {
                out += vi
                    ? "    \(keyer(k.keyer)) (\(k.file)): \(k.agreeing)/\(k.fields) ô khớp, \(percent(k.rate)) %\n"
                    : "    \(keyer(k.keyer)) (\(k.file)): \(k.agreeing)/\(k.fields) fields agree, \(percent(k.rate)) %\n"
            }
        }
        return out + "\n"
    }
}
