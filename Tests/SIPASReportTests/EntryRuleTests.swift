import SIPASCore
import SIPASInstruments
import Testing

@testable import SIPASReport

struct EntryRuleTests {
    func rule(_ constraint: String?, integer: Bool = true) -> EntryRule {
        EntryRule.numeric(
            Question(
                name: "x", type: integer ? .integer : .decimal, label: LocalizedText(vi: "x"), constraint: constraint),
            integer: integer, cell: "C2")
    }

    @Test func boundsAreReadFromSimpleComparisonsOnly() {
        let age = EntryRule.bounds(". >= 18 and . <= 100")
        #expect(
            age?.low == EntryRule.Bound(value: 18, inclusive: true)
                && age?.high == EntryRule.Bound(value: 100, inclusive: true))
        let positive = EntryRule.bounds(". > 0")
        #expect(positive?.low == EntryRule.Bound(value: 0, inclusive: false) && positive?.high == nil)
        #expect(EntryRule.bounds("regex(., '^[0-9]+$')") == nil)
        #expect(EntryRule.bounds(". >= 1 or . = 99") == nil)
    }

    @Test func constraintsBecomeExcelRanges() {
        let age = rule(". >= 18 and . <= 100")
        #expect(age.kind == .whole && age.operator == "between" && age.formula1 == "18" && age.formula2 == "100")
        #expect(age.text == "số nguyên từ 18 đến 100")
        let weight = rule(". > 0", integer: false)
        #expect(
            weight.kind == .decimal && weight.operator == "greaterThan" && weight.formula1 == "0"
                && weight.text == "số > 0")
        // A strict bound on whole numbers is the next whole number.
        let count = rule(". > 0 and . < 10")
        #expect(count.kind == .whole && count.formula1 == "1" && count.formula2 == "9")
        let share = rule(". > 0 and . <= 1.5", integer: false)
        #expect(share.kind == .custom && share.formula1 == "AND(C2>0,C2<=1.5)")
        let any = rule(nil)
        #expect(any.kind == .whole && any.formula1 == "-1000000000" && any.formula2 == "1000000000")
        let odd = rule("regex(., '^[0-9]+$')")
        #expect(odd.kind == .whole && odd.text == "số nguyên; điều kiện regex(., '^[0-9]+$') (sipas kiểm khi nhập)")
    }

    @Test func aListShowsCodeAndLabelInTheMessage() {
        let list = EntryRule.list(
            [
                Choice(name: "4", label: LocalizedText(vi: "Hài lòng")),
                Choice(name: "9", label: LocalizedText(vi: "Không biết")),
            ],
            range: "'Mã số'!$E$2:$E$3")
        #expect(list.kind == .list && list.formula1 == "'Mã số'!$E$2:$E$3" && list.errorStyle == "warning")
        #expect(
            list.promptLines == ["4 – Hài lòng", "9 – Không biết"]
                && list.text == "chọn “mã – nhãn” trong danh sách hoặc gõ mã 4, 9")
    }
}
