import SIPASCore
import Testing

@testable import SIPASImport

struct RowValidatorTests {
    let validator: RowValidator
    init() throws { validator = try RowValidator(instrument: try miniInstrument(), file: "t") }
    func q(_ name: String) -> Int { validator.indexOfName[name]! }

    @Test func scaleCodesAndLabels() {
        let s1 = q("s1")
        #expect(validator.normalise("5", question: s1, year: 2024) == ("5", nil, nil))
        #expect(validator.normalise("5.0", question: s1, year: 2024) == ("5", "number → code", nil))
        #expect(validator.normalise("5,0", question: s1, year: 2024).value == "5")
        #expect(validator.normalise("Rất hài lòng", question: s1, year: 2024) == ("5", "label → code", nil))
        #expect(validator.normalise("RAT HAI LONG", question: s1, year: 2024) == ("5", "label → code", nil))
        #expect(validator.normalise("Don't know / no answer", question: s1, year: 2024) == ("9", "label → code", nil))
        #expect(
            validator.normalise("6", question: s1, year: 2024).broken
                == .outOfRange(list: "sat5", allowed: ["1", "2", "3", "4", "5", "9"]))
        #expect(
            validator.normalise("4.5", question: s1, year: 2024).broken
                == .outOfRange(list: "sat5", allowed: ["1", "2", "3", "4", "5", "9"]))
        #expect(validator.normalise("", question: s1, year: 2024) == ("", nil, nil))
    }

    /// The entry workbook's drop-down entries "code – label" (en dash, or a hyphen, between spaces).
    @Test func codeAndLabelEntriesAreTheirCodeWhenTheLabelIsTheCodes() {
        let s1 = q("s1")
        let sector = q("sector")
        let note = "code – label → code"
        #expect(validator.normalise("4 – Hài lòng", question: s1, year: nil) == ("4", note, nil))
        #expect(validator.normalise("4 - Hài lòng", question: s1, year: nil) == ("4", note, nil))
        #expect(validator.normalise("4  –\u{00A0}Hài  lòng", question: s1, year: nil) == ("4", note, nil))
        // NFD "Hài lòng" (combining grave, combining grave on o) is the same label after NFC.
        #expect(validator.normalise("4 – Ha\u{0300}i lo\u{0300}ng", question: s1, year: nil) == ("4", note, nil))
        #expect(validator.normalise("9 – Don't know / no answer", question: s1, year: nil) == ("9", note, nil))
        #expect(validator.normalise("xay_dung – Xây dựng", question: sector, year: nil) == ("xay_dung", note, nil))
        // A code of the list with another code's label, or another wording, is rejected.
        #expect(
            validator.normalise("4 – Rất hài lòng", question: s1, year: nil).broken
                == .labelMismatch(list: "sat5", code: "4", label: "Hài lòng"))
        #expect(
            validator.normalise("4 – hài lòng", question: s1, year: nil).broken
                == .labelMismatch(list: "sat5", code: "4", label: "Hài lòng"))
        // No code of the list before the dash: the rules as before.
        #expect(
            validator.normalise("7 – Hài lòng", question: s1, year: nil).broken
                == .outOfRange(list: "sat5", allowed: ["1", "2", "3", "4", "5", "9"]))
        #expect(
            validator.normalise("4–Hài lòng", question: s1, year: nil).broken
                == .outOfRange(list: "sat5", allowed: ["1", "2", "3", "4", "5", "9"]))
        let message = Rejection(
            location: SourceLocation(file: "e.xlsx, sheet Phiếu", row: 3, column: "s1", columnIndex: 7),
            value: "4 – Rất hài lòng", rule: .labelMismatch(list: "sat5", code: "4", label: "Hài lòng"), question: "s1")
        #expect(
            message.message(.en)
                == "e.xlsx, sheet Phiếu, row 3, column s1 (H): '4 – Rất hài lòng': the label does not match code 4 of list sat5 (“Hài lòng”)"
        )
        #expect(message.reason(.vi) == "'4 – Rất hài lòng': nhãn không khớp với mã 4 của danh sách sat5 (“Hài lòng”)")
        #expect(message.rule.key == "label mismatch")
    }

    @Test func otherListsAndNumbers() {
        #expect(validator.normalise("Xây dựng", question: q("sector"), year: nil) == ("xay_dung", "label → code", nil))
        #expect(validator.normalise("justice", question: q("sector"), year: nil) == ("tu_phap", "label → code", nil))
        #expect(validator.normalise("y_te", question: q("sector"), year: nil).broken == .notInList(list: "sector"))
        #expect(validator.normalise("12.0", question: q("visits"), year: nil) == ("12", "number → integer", nil))
        #expect(validator.normalise("mười", question: q("visits"), year: nil).broken == .notANumber(type: "integer"))
        #expect(validator.normalise("1,5", question: q("weight"), year: nil) == ("1.5", "decimal comma → dot", nil))
    }

    @Test func provincesFollowTheSurveyYear() {
        let province = q("province_code")
        #expect(validator.normalise("Hà Nội", question: province, year: 2024) == ("01", "province name → code", nil))
        #expect(
            validator.normalise("ha noi", question: province, year: 2024) == (
                "01", "province alias → code: 'ha noi' → 01", nil
            ))
        #expect(
            validator.normalise("Thành phố Huế", question: province, year: 2024) == (
                "46", "province alias → code: 'Thành phố Huế' → 46", nil
            ))
        #expect(
            validator.normalise("Kontum", question: province, year: 2025)
                == ("51", "former province → new code: 'Kontum' → 51 (Quảng Ngãi)", nil))
        #expect(validator.normalise("2", question: province, year: 2024) == ("02", "province code padded", nil))
        // 15 is Yên Bái before the merger and the new Lào Cai after it; 10 (old Lào Cai) is closed in 2025.
        #expect(validator.normalise("10", question: province, year: 2024) == ("10", nil, nil))
        #expect(validator.normalise("10", question: province, year: 2025).broken == .unknownProvince(year: 2025))
        #expect(validator.normalise("Lào Cai", question: province, year: 2025).value == "15")
        #expect(validator.normalise("Lào Cai", question: province, year: 2024).value == "10")
        // Without a year either coding is accepted.
        #expect(validator.normalise("10", question: province, year: nil).broken == nil)
        #expect(validator.normalise("99", question: province, year: nil).broken == .unknownProvince(year: nil))
    }

    @Test func aLabelSharedByTwoChoicesConvertsToNeither() throws {
        var instrument = try miniInstrument()
        instrument.choices["sector"]![1].label = .init(vi: "Dat dai", en: "Building")
        let shared = try RowValidator(instrument: instrument, file: "t")
        #expect(shared.normalise("Đất đai", question: q("sector"), year: nil).broken == .notInList(list: "sector"))
        #expect(shared.normalise("Building", question: q("sector"), year: nil).value == "xay_dung")
    }

    @Test(arguments: ["${s2} = ", "regex(., '[0-9')"])
    func badExpressionIsReportedAtLoad(expression: String) throws {
        var instrument = try miniInstrument()
        instrument.questions[7].relevant = expression
        let error = importError { _ = try RowValidator(instrument: instrument, file: "t") }
        guard case .badExpression(let question, let text, _) = error?.kind else {
            Issue.record("expected badExpression, got \(String(describing: error))")
            return
        }
        #expect(question == "s1" && text == expression)
    }
}
