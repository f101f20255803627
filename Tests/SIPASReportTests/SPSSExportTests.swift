import SIPASCore
import SIPASInstruments
import Testing

@testable import SIPASReport

struct SPSSExportTests {
    static func export() -> SPSSExport {
        let sat = [
            Choice(name: "1", label: LocalizedText(vi: "Rất không hài lòng")),
            Choice(name: "5", label: LocalizedText(vi: "Rất hài lòng")),
            Choice(name: "9", label: LocalizedText(vi: "Không biết")),
        ]
        let instrument = Instrument(
            id: "t", title: LocalizedText(vi: "T"), family: "sipas", methodVersion: "v",
            provenance: Provenance(official: [], reconstructed: []),
            choices: ["sat5": sat], scales: ["sat5": Scale(satisfied: [4, 5], excluded: [9])],
            design: DesignSpec(weight: "weight", strata: "province_code", cluster: nil), areas: [],
            rollup: RollupSpec(),
            questions: [
                Question(
                    name: "province_code", type: .text, label: LocalizedText(vi: "Tỉnh"), role: .attribute,
                    lookup: "province"),
                Question(name: "weight", type: .decimal, label: LocalizedText(vi: "Trọng số"), role: .attribute),
                Question(name: "unit-name", type: .text, label: LocalizedText(vi: "Đơn vị 'A'"), role: .attribute),
                Question(name: "full_name", type: .text, label: LocalizedText(vi: "Họ tên"), role: .attribute),
                Question(name: "s1", type: .selectOne(list: "sat5"), label: LocalizedText(vi: "Câu 1")),
            ])
        var marked = instrument
        marked.questions[3].identifying = true
        let layout = RecordLayout(items: ["s1"], attributeNames: ["province_code", "weight", "unit-name", "full_name"])
        let records = [
            ResponseRecord(
                location: SourceLocation(file: "t.csv", row: 2), weight: 1.5, stratum: "01", cluster: "a",
                attributes: ["01", "1.5", "=HYPERLINK(\"x\")", "Nguyễn Văn A"], answers: [.code(5)]),
            ResponseRecord(
                location: SourceLocation(file: "t.csv", row: 3), weight: 2.25, stratum: "79", cluster: "b",
                attributes: ["79", "2.25", "Phường 1", "Trần Thị B"], answers: [.excluded(code: 9)]),
            ResponseRecord(
                location: SourceLocation(file: "t.csv", row: 4), weight: 1, stratum: "79", cluster: "c",
                attributes: ["79", "1", "Phường 2", "Lê C"], answers: [.blank]),
        ]
        return SPSSExport(instrument: marked, layout: layout, records: records, language: .vi, year: 2024)
    }

    @Test func dataFileLeavesOutIdentifyingColumnsAndNeutralisesFormulas() {
        let csv = Self.export().csv()
        #expect(
            csv
                == "province_code,weight,unit_name,s1\n01,1.5,\"'=HYPERLINK(\"\"x\"\")\",5\n79,2.25,Phường 1,9\n79,1,Phường 2,\n"
        )
        #expect(!csv.contains("Nguyễn") && !csv.contains("full_name"))
    }

    @Test func syntaxDeclaresTypesLabelsAndMissingValues() {
        let sps = Self.export().syntax(dataFile: "responses.csv", title: "Báo cáo")
        #expect(sps.contains("/FILE='responses.csv'"))
        #expect(sps.contains("/ENCODING='UTF-8'"))
        #expect(sps.contains("    province_code A2\n    weight F12.2\n    unit_name A16\n    s1 F8.0\n"))
        #expect(sps.contains("unit_name 'Đơn vị ''A'''"))
        #expect(sps.contains("    '01' 'Hà Nội'\n    '79' 'Hồ Chí Minh'"))
        #expect(sps.contains("  /s1\n    1 'Rất không hài lòng'\n    5 'Rất hài lòng'\n    9 'Không biết'"))
        #expect(sps.contains("MISSING VALUES s1 (9).\n"))
        #expect(sps.contains("WEIGHT BY weight.\n"))
        #expect(!sps.contains("full_name"))
    }
}
