import Testing

@testable import SIPASReport

struct NumberStyleTests {
    @Test func vietnameseUsesDecimalComma() {
        #expect(NumberStyle.human(.vi).format(84.519, digits: 2) == "84,52")
        #expect(NumberStyle.human(.en).format(84.519, digits: 2) == "84.52")
        #expect(NumberStyle.machine.format(3.14159, digits: 3) == "3.142")
    }

    @Test func missingValuesAreADash() {
        #expect(NumberStyle.human(.vi).format(nil, digits: 2) == "–")
        #expect(NumberStyle.human(.vi).format(.nan, digits: 2) == "–")
    }
}
