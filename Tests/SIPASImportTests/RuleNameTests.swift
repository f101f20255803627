import Foundation
import SIPASCore
import Testing

@testable import SIPASImport

/// The catalog of rule names: every rule named in both languages, names distinct, keys stable.
struct RuleNameTests {
    @Test func everyRuleHasDistinctNonEmptyNamesInBothLanguages() {
        for rule in RuleName.allCases {
            let vi = rule.text(.vi)
            let en = rule.text(.en)
            #expect(!vi.isEmpty && !en.isEmpty, "\(rule)")
            #expect(vi != en, "\(rule): the same name in both languages")
            #expect(
                vi.unicodeScalars.elementsEqual(vi.precomposedStringWithCanonicalMapping.unicodeScalars),
                "\(rule): not NFC")
            #expect(en == rule.key, "\(rule): the English name is the key")
        }
        #expect(Set(RuleName.allCases.map { $0.text(.vi) }).count == RuleName.allCases.count)
        #expect(Set(RuleName.allCases.map { $0.text(.en) }).count == RuleName.allCases.count)
    }

    /// The keys counted in summaries and written in rejects files and JSON: unchanged.
    @Test func rowRulesKeepTheirKeys() {
        let rules: [(Rejection.Rule, String)] = [
            (.outOfRange(list: "sat5", allowed: ["1"]), "out of range"), (.notInList(list: "l"), "not in list"),
            (.labelMismatch(list: "l", code: "1", label: "x"), "label mismatch"),
            (.notANumber(type: "integer"), "not a number"),
            (.required, "required"), (.constraint(expression: ". > 0"), "constraint"),
            (.notRelevant(expression: "x"), "relevant"),
            (.unknownProvince(year: 2024), "unknown province"), (.badWeight, "weight"),
            (.duplicateRespondent(firstRow: 2), "duplicate id"),
            (.duplicateRespondentElsewhere(file: "a.csv", row: 2), "duplicate id"),
            (.ragged(expected: 3, found: 2), "field count"),
        ]
        for (rule, key) in rules {
            #expect(rule.key == key)
            #expect(rule.name == RuleName(rawValue: key))
        }
    }

    @Test func fileRulesKeepTheirKeys() {
        let at = SourceLocation(file: "f.csv")
        let errors: [(ImportError.Kind, String)] = [
            (.fileNotFound, "no such file"), (.unreadable("x"), "unreadable"), (.emptyFile, "empty file"),
            (.notUTF8(byteOffset: 0, bytes: [0xFF]), "not UTF-8"),
            (.undecodable(encoding: "vni", byteOffset: 0, byte: 0x81), "undecodable byte"),
            (.utf16, "UTF-16 without BOM"), (.badUTF16(byteOffset: 0), "broken UTF-16"),
            (.unterminatedQuote(line: 2), "unterminated quote"),
            (.missingColumns([], header: []), "missing columns"),
            (.ambiguousColumns(question: "q", columns: []), "ambiguous columns"),
            (.ambiguousMatch(column: "c", questions: []), "ambiguous match"),
            (.wrongDelimiter(guess: ";"), "wrong delimiter"),
            (.noInstrumentMatches([]), "no instrument"),
            (.badExpression(question: "q", expression: "e", reason: .unexpectedEnd), "bad expression"),
            (.badWorkbook("x"), "bad workbook"),
            (.workbookTooLarge(.entries, part: nil, bound: 1), "workbook too large"),
            (.noSuchSheet("s", available: []), "no such sheet"),
        ]
        for (kind, key) in errors {
            let error = ImportError(kind, at: at)
            #expect(error.key == key)
            #expect(error.ruleName.key == key)
        }
    }

    @Test func anUnknownKeyIsShownAsItIs() {
        #expect(RuleName.text(forKey: "out of range", .vi) == "ngoài các mã của thang")
        #expect(RuleName.text(forKey: "out of range", .en) == "out of range")
        #expect(RuleName.text(forKey: "something else", .vi) == "something else")
    }
}
