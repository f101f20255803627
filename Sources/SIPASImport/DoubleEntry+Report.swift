import Foundation
import SIPASCore

extension DoubleEntryComparison {
    /// The comparison as text for `sipas validate … --second-entry`: counts, every differing field
    /// (form, column, both values, rows and keyers), forms and columns keyed once only, duplicate
    /// ids, and the agreement rate of each keyer. Percentages with a decimal comma in Vietnamese.
    public func report(language: Language) -> String {
        func percent(_ value: Double) -> String {
            let text = String(format: "%.1f", value)
            return language.pick(vi: text.replacingOccurrences(of: ".", with: ","), en: text)
        }
        func keyer(_ name: String) -> String { name.isEmpty ? "?" : name }
        let differing = differences.count
        var out = ImportMessage.doubleEntryHeading(
            first: firstFile, second: secondFile, forms: formsCompared,
            fields: fieldsCompared, differing: differing
        ).text(language)
        if fieldsCompared > 0 {
            out += " (\(percent(100 * Double(differing) / Double(fieldsCompared))) %)"
        }
        out += "\n"
        if !differences.isEmpty {
            out += "  " + ImportMessage.differingFields.text(language) + "\n"
            let blank = ImportMessage.blank.text(language)
            for d in differences {
                let first = d.first.isEmpty ? blank : "'\(d.first)'"
                let second = d.second.isEmpty ? blank : "'\(d.second)'"
                out +=
                    "    "
                    + ImportMessage.differingField(
                        form: d.formId, column: d.column, first: first, second: second,
                        firstRow: d.firstRow, secondRow: d.secondRow,
                        firstKeyer: keyer(d.firstKeyer), secondKeyer: keyer(d.secondKeyer)
                    ).text(language) + "\n"
            }
        }
        func forms(_ list: [Form], _ file: String, _ what: ImportMessage) {
            guard !list.isEmpty else { return }
            out += "  " + what.text(language) + " \(file) (\(list.count)): "
            out +=
                list.map { ImportMessage.formAtRow(id: $0.id, row: $0.row).text(language) }.joined(separator: ", ")
                + "\n"
        }
        forms(onlyInFirst, firstFile, .formsOnlyIn)
        forms(onlyInSecond, secondFile, .formsOnlyIn)
        forms(duplicatesInFirst, firstFile, .duplicateIdsIn)
        forms(duplicatesInSecond, secondFile, .duplicateIdsIn)
        for (columns, file) in [(columnsOnlyInFirst, firstFile), (columnsOnlyInSecond, secondFile)]
        where !columns.isEmpty {
            out +=
                "  " + ImportMessage.columnsOnlyIn(file: file).text(language) + " " + columns.joined(separator: ", ")
                + "\n"
        }
        if !keyers.isEmpty {
            out += "  " + ImportMessage.agreementByKeyer.text(language) + "\n"
            for k in keyers {
                out +=
                    "    "
                    + ImportMessage.keyerAgreement(
                        keyer: keyer(k.keyer), file: k.file, agreeing: k.agreeing, fields: k.fields,
                        percent: percent(k.rate)
                    ).text(language) + "\n"
            }
        }
        return out + "\n"
    }
}
