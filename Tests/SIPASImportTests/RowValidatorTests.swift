import Testing
@testable import SIPASImport

struct RowValidatorTests {
    @Test func normalisesCodesLabelsAndProvinces() throws {
        let validator = try RowValidator(instrument: try miniInstrument(), file: "t")
        let s1 = validator.indexOfName["s1"]!, province = validator.indexOfName["province_code"]!
        #expect(validator.normalise("5", question: s1, year: 2024) == ("5", nil, nil))
        #expect(validator.normalise("5,0", question: s1, year: 2024).value == "5")
        #expect(validator.normalise("Rất hài lòng", question: s1, year: 2024) == ("5", "label → code", nil))
        #expect(validator.normalise("6", question: s1, year: 2024).broken == .outOfRange(list: "sat5", allowed: ["1", "2", "3", "4", "5", "9"]))
        #expect(validator.normalise("Hà Nội", question: province, year: 2024) == ("01", "province name → code", nil))
        // 15 is Yên Bái before the merger and the new Lào Cai after it; 10 (old Lào Cai) is closed in 2025.
        #expect(validator.normalise("10", question: province, year: 2025).broken == .unknownProvince(year: 2025))
        #expect(validator.normalise("Lào Cai", question: province, year: 2025).value == "15")
    }

    @Test func badExpressionIsReportedAtLoad() throws {
        var instrument = try miniInstrument()
        instrument.questions[7].constraint = ". >> 3"
        #expect(throws: ImportError.self) { try RowValidator(instrument: instrument, file: "t") }
    }
}
