import Foundation
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

    @Test func parseErrorsNameWhatIsWrong() {
        #expect(throws: FormExpression.ParseError.unclosedReference) { try FormExpression(parsing: "${a = 1") }
        #expect(throws: FormExpression.ParseError.unclosedString) { try FormExpression(parsing: ". = 'open") }
        #expect(throws: FormExpression.ParseError.unexpectedCharacter("#")) { try FormExpression(parsing: ". # 1") }
        #expect(throws: FormExpression.ParseError.expected(")")) { try FormExpression(parsing: "(. = 1") }
        #expect(throws: FormExpression.ParseError.unexpectedEnd) { try FormExpression(parsing: "${a} = ") }
        #expect(throws: FormExpression.ParseError.unknownName("foo")) { try FormExpression(parsing: "foo(.)") }
        #expect(throws: FormExpression.ParseError.unexpectedToken(")")) { try FormExpression(parsing: ". = 1)") }
        #expect(throws: FormExpression.ParseError.arity(function: "regex", arguments: 2...2)) {
            try FormExpression(parsing: "regex(.)")
        }
    }

    /// Every case in both languages, keys unique; English as the parser has always written it.
    @Test func parseErrorsSpeakBothLanguages() {
        let all: [FormExpression.ParseError] = [
            .unexpectedToken(")"), .unclosedReference, .unclosedString, .unexpectedCharacter("#"), .expected(")"),
            .unexpectedEnd, .arity(function: "regex", arguments: 2...2), .unknownName("foo"), .invalidPattern("[0-9"),
        ]
        #expect(Set(all.map(\.key)).count == all.count)
        for error in all {
            let vi = error.text(.vi)
            #expect(!vi.isEmpty && vi != error.text(.en), "\(error.key)")
            #expect(vi == vi.precomposedStringWithCanonicalMapping, "\(error.key)")
        }
        #expect(
            FormExpression.ParseError.arity(function: "regex", arguments: 2...2).text(.en)
                == "regex() takes 2 argument(s)")
        #expect(FormExpression.ParseError.unexpectedEnd.text(.en) == "unexpected end")
        #expect(FormExpression.ParseError.unknownName("foo").text(.vi) == "không biết tên 'foo'")
    }
}
