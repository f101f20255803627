import Foundation
import SIPASInstruments
import Testing

@testable import SIPASImport

/// The fast importer's compiled expressions give what ``FormExpression`` gives on the same cells.
struct FastExpressionsTests {
    /// Questions 0 (`.` when checking it), 1 `${a}`, 2 `${b}`; question 3 has no column.
    private let names = ["self": 0, "a": 1, "b": 2, "missing": 3]

    private func compare(_ source: String, _ rows: [[String]]) throws {
        let expression = try FormExpression(parsing: source)
        var program = FastExpressions(indexOfName: names)
        let index = program.add(expression)
        let columnOf: [Int32] = [0, 1, 2, -1]
        for row in rows {
            var bytes: [UInt8] = []
            var starts: [Int32] = []
            var ends: [Int32] = []
            for cell in row {
                starts.append(Int32(bytes.count))
                bytes += Array(cell.utf8)
                ends.append(Int32(bytes.count))
            }
            bytes.append(0)
            let fast = bytes.withUnsafeBufferPointer { b in
                starts.withUnsafeBufferPointer { s in
                    ends.withUnsafeBufferPointer { e in
                        columnOf.withUnsafeBufferPointer { c in
                            let cells = FastExpressions.Cells(
                                base: b.baseAddress!, starts: s.baseAddress!, ends: e.baseAddress!,
                                columnOf: c.baseAddress!)
                            return program.withEvaluator(cells) { $0.isTrue(index, current: 0) }
                        }
                    }
                }
            }
            let lookup: (String) -> String = { name in self.names[name].flatMap { $0 < row.count ? row[$0] : "" } ?? ""
            }
            let slow = expression.isTrue(current: row[0], lookup: lookup)
            #expect(fast == slow, "\(source) on \(row)")
        }
    }

    private let rows: [[String]] = [
        ["18", "truc_tiep", "3"], ["17", "qua_mang", ""], ["100", "", "2.5"], ["101", "truc_tiep", "-1"],
        ["", "truc_tiep", "x"], ["abc", "1", "1.0"], ["1e2", "01", "1"], ["2035", "2015", "0"], ["NaN", "nan", "inf"],
        ["-0", "0", "+0"], ["4.50", "4.5", "true"], ["2024", "false", "5"],
    ]

    @Test func comparisonsOfTheCheckedCellWithNumbers() throws {
        for source in [
            ". >= 18", ". > 18", ". <= 100", ". < 100", ". >= 18 and . <= 100", ". >= 2015 and . <= 2035", ". > 0",
            ". = 18", ". != 18", "18 <= .", "not(. > 5)",
        ] {
            try compare(source, rows)
        }
    }

    @Test func referencesStringsArithmeticAndLogic() throws {
        for source in [
            "${a} = 'truc_tiep'", "${a} != 'truc_tiep'", "${a} = ''", "${missing} = ''", "${a} = 1", "${b} + 1 > 3",
            "${b} * 2 = 5", "${b} div 2 >= 1", "${b} mod 2 = 1", ". - ${b} > 10", "${a} or ${b}", "${a} and ${missing}",
            "true()", "false() or . = 17", "${a} = 'truc_tiep' and (. > 17 or ${b} = 'x')", "${b} = 'true'", ". = ${a}",
        ] {
            try compare(source, rows)
        }
    }

    @Test func expressionsItCannotCompileFallBackToFormExpression() throws {
        for source in [
            "string-length(.) > 2", "regex(., '^[0-9]+$')", "selected(${a}, 'truc_tiep')", "${a} = 'trực_tiếp'",
        ] {
            try compare(source, rows)
        }
    }

    @Test func byteSetsHoldExactlyTheirStrings() {
        let members = [
            "1", "2", "9", "01", "96", "truc_tiep", "khac", "abcdefg", "a-much-longer-code", "Hà Nội", "xay_dung",
            "sixteen-bytes-ab", "fifteen-bytes-a",
        ]
        let probes =
            members + [
                "", "0", "3", "10", "1 ", "001", "97", "truc_tie", "truc_tiepx", "abcdefgh", "a-much-longer-cod",
                "Ha Noi",
                "xay_dunh", "yay_dung", "sixteen-bytes-ac", "sixteen-bytes-a", "fifteen-bytes-b", "fifteen-bytes-ab",
            ]
        // Few 8–16-byte members are searched in a list, many in a set: both sizes.
        let many = (0..<40).map { "code-number-\($0)" }
        for (set, members) in [(ByteSet(members), members), (ByteSet(members + many), members + many)] {
            for probe in probes + many + ["code-number-40", "code-number-4 "] {
                let inSet = Array(probe.utf8).withUnsafeBufferPointer { set.contains($0) }
                #expect(inSet == members.contains(probe), "\(probe)")
            }
        }
    }

    /// A constraint of comparisons with numbers, checked as a range on the cell's number, holds
    /// exactly where ``FormExpression`` says it does.
    @Test func numericRangesAgreeWithTheExpressions() throws {
        let cells =
            rows.map { $0[0] } + ["18.0", "17.999", "100.0000001", "-5", "0", "0.0", "1e400", "-inf", " 18", "020"]
        let ranges = [
            ". >= 18", ". > 18", ". <= 100", ". < 100", ". >= 18 and . <= 100", ". > 0", ". >= 1 and . <= 20",
            ". > 0 and . >= 0", ". < 5 and . <= 5", ". >= 2 and . > 2", ". >= 18 and (. <= 100 and . < 50)",
        ]
        for source in ranges {
            let expression = try FormExpression(parsing: source)
            let range = try #require(FastExpressions.range(of: expression), "\(source)")
            for cell in cells {
                let number = Array(cell.utf8).withUnsafeBufferPointer { ByteText.number($0) }
                #expect(
                    range.contains(number) == expression.isTrue(current: cell, lookup: { _ in "" }),
                    "\(source) on \(cell)")
            }
        }
        for source in [
            ". = 18", "18 <= .", ". >= 18 or . <= 5", "not(. > 5)", ". >= ${a}", ". + 1 > 5", "${a} > 5 and . > 5",
        ] {
            #expect(FastExpressions.range(of: try FormExpression(parsing: source)) == nil, "\(source)")
        }
    }
}
