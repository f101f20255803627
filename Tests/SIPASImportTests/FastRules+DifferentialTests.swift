import Foundation
import SIPASCore
import SIPASInstruments
import SIPASTestSupport
import Testing

@testable import SIPASImport

/// The fast path's contract, tested differentially: on random instruments and random rows (valid
/// cells, blanks, codes outside their list, numbers outside their constraint, padded or decimal
/// codes, labels, "code – label" entries, quoted fields, decomposed Vietnamese, repeated ids, bad
/// weights and province codes of the wrong year), `runFast` — the fast rules plus the full importer
/// for the rows they cannot decide — gives exactly the full importer's summary: counts, every
/// rejection with its message, counts by rule and column, normalisations, and the accepted rows'
/// weights in input order. A fast rule that accepted a row the full importer rejects, or that
/// skipped a normalisation, changes one of them.
///
/// Seeded (SplitMix64), so a failure can be replayed; `SIPAS_DIFFERENTIAL_CASES` instruments
/// (default 60), each with 40 rows.
struct FastRulesDifferentialTests {
    static let cases = ProcessInfo.processInfo.environment["SIPAS_DIFFERENTIAL_CASES"].flatMap(Int.init) ?? 60

    @Test func fastAndFullImportersAgreeOnRandomInstrumentsAndRows() throws {
        var generator = ImportFuzzTests.Generator(state: 0x5EED_D1FF)
        var fastRows = 0
        var acceptedRows = 0
        for index in 0..<Self.cases {
            let form = RandomForm(using: &generator)
            let instrument = try InstrumentLoader.load(yaml: form.yaml, file: "random-\(index).yaml")
            let url = try temporaryFile("differential-\(index).csv", form.file(rows: 40, using: &generator))
            let sink = FastRulesTests.Collector()
            let fast = try CSVImporter(instrument: instrument).runFast(file: url, threads: 2, sink: sink)
            let (full, records) = try importMini(url, instrument: instrument)
            let context = "case \(index)\n\(form.yaml)\n\(try String(contentsOf: url, encoding: .utf8))"
            #expect(
                fast.rowsRead == full.rowsRead && fast.accepted == full.accepted && fast.rejected == full.rejected,
                "\(context)")
            #expect(fast.rejections.map { $0.message(.en) } == full.rejections.map { $0.message(.en) }, "\(context)")
            #expect(
                fast.rejectionsByRule == full.rejectionsByRule && fast.rejectionsByColumn == full.rejectionsByColumn,
                "\(context)")
            #expect(fast.normalisations == full.normalisations, "\(context)")
            #expect(sink.weights == records.map(\.weight), "\(context)")
            fastRows += sink.fastRows
            acceptedRows += full.accepted
        }
        // Not vacuous: the fast rules decide a good share of the accepted rows themselves.
        #expect(fastRows * 5 > acceptedRows, "fast rows \(fastRows) of \(acceptedRows) accepted")
        #expect(acceptedRows * 10 > Self.cases * 40, "accepted \(acceptedRows)")
    }
}

/// A random instrument in the shape of the built-in ones (design columns, satisfaction items on a
/// five-point scale with a "don't know" code, optional questions of every type the importer
/// checks) and a source of random rows for it.
private struct RandomForm {
    enum Kind {
        case code([String])
        case integer(ClosedRange<Int>)
        case decimal
        case phone
        case multiple([String])
    }
    struct Column {
        let name: String
        let kind: Kind
    }

    static let sat5 = ["1", "2", "3", "4", "5", "9"]
    static let yesno = ["1", "2"]
    static let fruit = ["a", "b", "c"]
    var columns: [Column] = []
    var yaml = ""

    init(using generator: inout ImportFuzzTests.Generator) {
        let items = Int.random(in: 2...5, using: &generator)
        var questions = [
            "  - {name: form_id, type: text, label: {vi: \"Mã phiếu\", en: \"Form id\"}, required: yes}",
            "  - {name: year, type: integer, label: {vi: \"Năm\", en: \"Year\"}, role: attribute}",
            "  - {name: province_code, type: text, label: {vi: \"Tỉnh\", en: \"Province\"}, lookup: province, role: attribute, required: yes}",
            "  - {name: commune_code, type: text, label: {vi: \"Xã\", en: \"Commune\"}, role: attribute, required: yes}",
            "  - {name: weight, type: decimal, label: {vi: \"Trọng số\", en: \"Weight\"}, role: attribute, required: yes}",
        ]
        for item in 0..<items {
            let element = item == 0 ? "a" : item == 1 ? "b" : Bool.random(using: &generator) ? "a" : "b"
            let required = Int.random(in: 0..<4, using: &generator) == 0 ? ", required: yes" : ""
            questions.append(
                "  - {name: s\(item), type: select_one sat5, label: {vi: \"Câu \(item)\", en: \"Item \(item)\"}, area: svc, element: \(element)\(required)}"
            )
            columns.append(Column(name: "s\(item)", kind: .code(Self.sat5)))
        }
        var gate: String?
        for extra in 0..<Int.random(in: 0...4, using: &generator) {
            let name = "q\(extra)"
            let required = Int.random(in: 0..<4, using: &generator) == 0 ? ", required: yes" : ""
            let relevant =
                gate.map { Int.random(in: 0..<2, using: &generator) == 0 ? ", relevant: \"${\($0)} = '1'\"" : "" } ?? ""
            let label = "label: {vi: \"Câu \(name)\", en: \"Question \(name)\"}"
            switch Int.random(in: 0..<6, using: &generator) {
            case 0:
                questions.append("  - {name: \(name), type: select_one yesno, \(label), role: info\(required)}")
                columns.append(Column(name: name, kind: .code(Self.yesno)))
                gate = gate ?? name
            case 1:
                let low = Int.random(in: 0...3, using: &generator)
                let high = low + Int.random(in: 2...40, using: &generator)
                questions.append(
                    "  - {name: \(name), type: integer, \(label), role: info, constraint: \". >= \(low) and . <= \(high)\"\(relevant)\(required)}"
                )
                columns.append(Column(name: name, kind: .integer(low...high)))
            case 2:
                questions.append(
                    "  - {name: \(name), type: decimal, \(label), role: info, constraint: \". > 0\"\(relevant)}")
                columns.append(Column(name: name, kind: .decimal))
            case 3:
                questions.append(
                    "  - {name: \(name), type: text, \(label), role: info, constraint: \"regex(., '^0[0-9]{9}$')\"\(relevant)}"
                )
                columns.append(Column(name: name, kind: .phone))
            case 4:
                questions.append("  - {name: \(name), type: select_multiple fruit, \(label), role: info\(required)}")
                columns.append(Column(name: name, kind: .multiple(Self.fruit)))
            default:
                questions.append("  - {name: \(name), type: select_one yesno, \(label), role: perception\(relevant)}")
                columns.append(Column(name: name, kind: .code(Self.yesno)))
            }
        }
        yaml = """
            id: random
            title: {vi: "Bộ ngẫu nhiên", en: "Random instrument"}
            family: test
            method_version: "test"
            provenance: {official: [], reconstructed: ["random test instrument"]}
            choices:
              sat5:
            \(Self.sat5.map { "    - {name: \"\($0)\", label: {vi: \"Mức \($0)\", en: \"Level \($0)\"}}" }.joined(separator: "\n"))
              yesno:
                - {name: "1", label: {vi: "Có", en: "Yes"}}
                - {name: "2", label: {vi: "Không", en: "No"}}
              fruit:
                - {name: a, label: {vi: "Táo", en: "Apple"}}
                - {name: b, label: {vi: "Chuối", en: "Banana"}}
                - {name: c, label: {vi: "Cam", en: "Orange"}}
            scales:
              sat5: {satisfied: [4, 5], excluded: [9]}
            design: {weight: weight, strata: province_code, cluster: commune_code, lonely_psu: fail}
            areas:
              - name: svc
                label: {vi: "Dịch vụ", en: "Services"}
                elements:
                  - {name: a, label: {vi: "Yếu tố a", en: "Element a"}}
                  - {name: b, label: {vi: "Yếu tố b", en: "Element b"}}
            rollup: {element: mean_of_items, area: mean_of_elements, overall: mean_of_areas, national: pooled}
            breakdowns: [province_code]
            respondent_id: form_id
            questions:
            \(questions.joined(separator: "\n"))

            """
    }

    /// A header and `rows` rows; most cells valid, the rest drawn from what data entry produces.
    func file(rows: Int, using generator: inout ImportFuzzTests.Generator) -> String {
        var lines = [
            (["form_id", "year", "province_code", "commune_code", "weight"] + columns.map(\.name)).joined(
                separator: ",")
        ]
        for row in 0..<rows {
            func odd(_ choices: [String]) -> String? {
                Int.random(in: 0..<12, using: &generator) == 0 ? choices.randomElement(using: &generator) : nil
            }
            var cells = [
                odd(["", "F1", "F\(max(0, row - 1))"]) ?? "F\(row)",
                odd(["2024.0", " 2024", "abc", ""]) ?? ["2024", "2025"].randomElement(using: &generator)!,
                odd(["99", "1", " 01", "Hà Nội", "24"]) ?? ["01", "79", "04"].randomElement(using: &generator)!,
                odd(["", " 01001"]) ?? ["01001", "79001", "04001"].randomElement(using: &generator)!,
                odd(["0", "-3", "1e3", " 12", "abc", "", "12,5"]) ?? ["120.5", "80", "1", "33.25"].randomElement(
                    using: &generator)!,
            ]
            for column in columns {
                switch column.kind {
                case .code(let codes):
                    cells.append(
                        odd([
                            "", "0", "7", "4.0", " 4", "Hài lòng", "Mức 4", "4 – Mức 4", "Có",
                            "Ha\u{0300}i lo\u{0300}ng",
                        ])
                            ?? codes.randomElement(using: &generator)!)
                case .integer(let range):
                    cells.append(
                        odd(["", "\(range.upperBound + 1)", "\(range.lowerBound - 1)", "3.0", "x", " 3"])
                            ?? "\(Int.random(in: range, using: &generator))")
                case .decimal:
                    cells.append(
                        odd(["", "-1", "0", "1,5", "2.50", "abc"]) ?? ["2.5", "10", "0.75"].randomElement(
                            using: &generator)!)
                case .phone:
                    cells.append(
                        odd(["", "12345", "0912 345 678", "Hà Nội", "09123456789"])
                            ?? "09\(Int.random(in: 10_000_000...99_999_999, using: &generator))")
                case .multiple(let codes):
                    cells.append(
                        odd(["", "a z", "b a", "a  b", "d"])
                            ?? codes.shuffled(using: &generator).prefix(Int.random(in: 1...2, using: &generator))
                            .joined(separator: " "))
                }
            }
            lines.append(
                cells.map {
                    $0.contains(",") || $0.contains("\"")
                        ? "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : $0
                }
                .joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
