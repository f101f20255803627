import Foundation
import SIPASCore
import SIPASInstruments
import Testing

@testable import SIPASReport

/// The entry workbook's sheets as built (openpyxl reads the written file back in
/// sipasTests/InstrumentExportCommandTests, and the importer reads it filled in).
struct EntryWorkbookTests {
    static func text(_ cell: XLSXWriter.Cell) -> String {
        switch cell {
        case .text(let t, _), .number(let t, _): return t
        case .empty: return ""
        }
    }

    @Test(arguments: try BuiltinInstruments.all().map(\.id))
    func everyQuestionColumnHasItsRuleAndTheListsPointAtTheirCodes(_ id: String) throws {
        let instrument = try #require(try BuiltinInstruments.named(id))
        let sheets = EntryWorkbook.sheets(instrument)
        #expect(sheets.map(\.name) == ["Phiếu", "Mã số", "Hướng dẫn"])
        let data = sheets[0]
        let codes = sheets[1].rows
        let header = data.rows[0].map(Self.text)
        #expect(header == instrument.questions.map(\.name) + ["keyer_id", "entry_date"])
        #expect(data.validations.count == header.count)
        for (c, name) in header.enumerated() {
            let letter = XLSXWriter.columnLetter(c)
            let v = try #require(data.validations.first { $0.range == "\(letter)2:\(letter)5001" }, "\(name)")
            guard let q = instrument.questions.first(where: { $0.name == name }) else { continue }
            #expect(v.promptTitle == name && v.prompt?.hasPrefix(q.label.vi) == true)
            switch q.type {
            case .selectOne(let list) where q.lookup == nil:
                // `'Mã số'!$E$first:$E$last` → the "code – label" entries on those rows of the codes
                // sheet, in order, beside their codes; a bare code typed only warns.
                #expect(v.kind == .list && v.formula1?.hasPrefix("'Mã số'!$E$") == true && v.errorStyle == "warning")
                let bounds = try #require(
                    v.formula1?.split(separator: "$").compactMap {
                        Int($0.trimmingCharacters(in: CharacterSet(charactersIn: ":")))
                    })
                #expect(bounds.count == 2)
                let listed = codes[(bounds[0] - 1)...(bounds[1] - 1)]
                let choices = instrument.choices[list]!
                #expect(listed.map { Self.text($0[1]) } == choices.map(\.name), "\(name)")
                #expect(listed.map { Self.text($0[4]) } == choices.map { "\($0.name) – \($0.label.vi)" }, "\(name)")
                #expect(listed.allSatisfy { Self.text($0[0]) == list })
            case .integer: #expect(v.kind == .whole, "\(name)")
            case .decimal: #expect(v.kind == .decimal || v.kind == .custom, "\(name)")
            default: break
            }
            if q.required { #expect(v.prompt?.contains("\nBắt buộc.") == true) }
        }
    }

    @Test func theDataSheetIsFrozenLockedAndInSchemaOrder() throws {
        let instrument = try #require(try BuiltinInstruments.named("sipas-2023"))
        let data = EntryWorkbook.sheets(instrument)[0]
        let xml = data.xml
        let order = ["<sheetViews>", "<cols>", "<sheetData>", "<sheetProtection", "<dataValidations"].map {
            xml.range(of: $0)!.lowerBound
        }
        #expect(order == order.sorted())
        #expect(
            xml.contains(#"<pane xSplit="1" ySplit="1" topLeftCell="B2" activePane="bottomRight" state="frozen"/>"#))
        // form_id (required text): yellow header, text-format entry cells; age: a whole-number range.
        #expect(xml.contains(#"<c r="A1" t="inlineStr" s="2"><is><t xml:space="preserve">form_id</t></is></c>"#))
        #expect(xml.contains(#"<col min="1" max="1" width="10.4" style="3" customWidth="1"/>"#))
        let age = try #require(data.validations.first { $0.promptTitle == "age" })
        #expect(
            age.xml.hasPrefix(
                #"<dataValidation type="whole" operator="between" allowBlank="1" showInputMessage="1" showErrorMessage="1" errorTitle="Giá trị không hợp lệ" error="age: số nguyên từ 18 đến 100" promptTitle="age" prompt="Tuổi" sqref="#
            ))
        #expect(age.xml.hasSuffix("<formula1>18</formula1><formula2>100</formula2></dataValidation>"))
        let province = try #require(data.validations.first { $0.promptTitle == "province_code" })
        #expect(
            province.kind == .list && province.formula1?.hasPrefix("'Mã số'!$B$") == true && province.errorStyle == nil)
        let item = try #require(data.validations.first { $0.promptTitle == "POL_econ_quality" })
        #expect(item.xml.hasPrefix(#"<dataValidation type="list" errorStyle="warning" allowBlank="1""#))
        #expect(
            item.xml.contains(
                #"error="POL_econ_quality: chọn “mã – nhãn” trong danh sách hoặc gõ mã 1, 2, 3, 4, 5, 8, 9""#))
    }

    @Test func provinceCodesFollowTheInstrumentsYears() {
        #expect(EntryWorkbook.provinces(YearRange(from: 2017, to: 2021)).count == 63)
        #expect(EntryWorkbook.provinces(YearRange(from: 2026)).count == 34)
        let both = EntryWorkbook.provinces(YearRange(from: 2023, to: 2026))
        #expect(both.count == 63 && both.first { $0.name == "24" }?.label.vi == "Bắc Giang / Bắc Ninh")
    }

    @Test func messagesAreCutToExcelsLimits() {
        let v = XLSXWriter.Validation(
            kind: .none, range: "A2:A3", promptTitle: String(repeating: "t", count: 40),
            prompt: String(repeating: "p", count: 300), errorTitle: nil, error: "a & b\nc")
        #expect(v.xml.contains("promptTitle=\"\(String(repeating: "t", count: 31))…\""))
        #expect(v.xml.contains("prompt=\"\(String(repeating: "p", count: 254))…\""))
        #expect(v.xml.contains(#"error="a &amp; b&#10;c""#))
    }
}
