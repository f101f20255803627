import Testing

@testable import SIPASReport

struct CellTextTests {
    @Test func humanNumbersFollowTheLanguage() {
        #expect(ReportValue.number(84.5).humanText(.percent, language: .vi, minimumN: 30) == "84,50")
        #expect(ReportValue.number(84.5).humanText(.percent, language: .en, minimumN: 30) == "84.50")
        #expect(ReportValue.number(1.256).humanText(.change, language: .vi, minimumN: 30) == "+1,26")
        #expect(ReportValue.number(-0.5).humanText(.change, language: .vi, minimumN: 30) == "-0,50")
        #expect(ReportValue.number(12).humanText(.integer, language: .vi, minimumN: 30) == "12")
        #expect(ReportValue.suppressed.humanText(.percent, language: .vi, minimumN: 30) == "n<30")
        #expect(ReportValue.number(0.00001).humanText(.probability, language: .vi, minimumN: 30) == "< 0,0001")
        #expect(ReportValue.number(0.0123).humanText(.probability, language: .en, minimumN: 30) == "0.0123")
        #expect(ReportValue.missing.humanText(.percent, language: .vi, minimumN: 30) == "–")
    }

    @Test func machineTextUsesDotsAndNeutralisesFormulas() {
        #expect(ReportValue.number(84.125).machineText == "84.125")
        #expect(ReportValue.number(63).machineText == "63")
        #expect(ReportValue.text("=1+1").machineText == "'=1+1")
        #expect(ReportValue.suppressed.machineText == "")
    }
}
