import Testing

@testable import SIPASInstruments

struct FormExpressionTests {
    func truth(_ text: String, _ current: String = "", _ others: [String: String] = [:]) throws -> Bool {
        try FormExpression(parsing: text).isTrue(current: current) { others[$0] ?? "" }
    }

    @Test func comparisonsAreNumericWhenBothSidesAreNumbers() throws {
        #expect(try truth(". >= 18 and . <= 100", "45"))
        #expect(try !truth(". >= 18 and . <= 100", "17"))
        #expect(try truth(". > 0", "0.5"))
        #expect(try truth("${q1} = '1'", "", ["q1": "1"]))
        #expect(try truth("${q1} = 1", "", ["q1": "1.0"]))
        #expect(try !truth("${q1} != 'co'", "", ["q1": "co"]))
    }

    @Test func functionsAndLogic() throws {
        #expect(try truth("regex(., '^[0-9]{5}$')", "01001"))
        #expect(try !truth("regex(., '^[0-9]{5}$')", "1001"))
        #expect(try truth("string-length(.) <= 3", "abc"))
        #expect(try truth("selected(${m}, 'b')", "", ["m": "a b c"]))
        #expect(try truth("not(${a} = '2') or (${b} > 3 and ${b} < 5)", "", ["a": "2", "b": "4"]))
        #expect(try truth("${a} + ${b} * 2 = 7", "", ["a": "1", "b": "3"]))
        #expect(try truth("true()"))
    }

    @Test func referencesAreListed() throws {
        #expect(try FormExpression(parsing: "${a} = '1' and selected(${b}, 'x')").references == ["a", "b"])
    }

    @Test(arguments: ["${a} = ", "foo(.)", "'open", ". >> 3", "(. = 1"])
    func unparsableExpressionsAreErrors(text: String) {
        #expect(throws: FormExpression.ParseError.self) { try FormExpression(parsing: text) }
    }
}
