import Foundation
import SIPASCore
import SIPASTestSupport
import Testing

@testable import SIPASImport

struct XLSXReaderTests {
    /// Every record of `url`'s sheet as text cells, with its row.
    func records(_ url: URL, sheet: String? = nil) throws -> [(row: Int, cells: [String])] {
        var out: [(Int, [String])] = []
        try XLSXReader(url: url, sheet: sheet).forEachRecord { record in
            out.append((record.row, record.fields.map { String(decoding: $0, as: UTF8.self) }))
        }
        return out
    }

    @Test func cellTypesAreReadAsExcelShowsThem() throws {
        let url = try Fixtures.temporaryDirectory().appendingPathComponent("types.xlsx")
        try XLSXWriter.write(
            [
                (
                    "Data",
                    [
                        [.text("name"), .text("n"), .text("ok"), .text("when"), .text("f")],
                        [.text("Hà Nội"), .number("4"), .bool(true), .date(45_429), .formulaText("x")],
                        [.inline("Đất đai"), .number("120.5"), .bool(false), .date(45_429.5), nil],
                        [nil, .number("4.0000000000000009"), nil, .date(61), .inline(" a & b ")],
                    ]
                )
            ], to: url)
        let rows = try records(url)
        #expect(rows.map(\.row) == [1, 2, 3, 4])
        #expect(rows[1].cells == ["Hà Nội", "4", "TRUE", "2024-05-17", "x"])
        #expect(rows[2].cells == ["Đất đai", "120.5", "FALSE", "2024-05-17 12:00:00", ""])
        #expect(rows[3].cells == ["", "4", "", "1900-03-01", " a & b "])
    }

    @Test func sparseCellsAndMissingRowsKeepExcelsNumbering() throws {
        let url = try Fixtures.temporaryDirectory().appendingPathComponent("sparse.xlsx")
        try XLSXWriter.write(
            [
                (
                    "S",
                    [
                        [.text("a"), .text("b"), .text("c")],
                        [],
                        [nil, nil, .number("3")],
                        [.number("1")],
                    ]
                )
            ], to: url)
        let reader = try XLSXReader(url: url)
        var rows: [(Int, [String])] = []
        try reader.forEachRecord { rows.append(($0.row, $0.fields.map { String(decoding: $0, as: UTF8.self) })) }
        #expect(rows.map(\.0) == [1, 3, 4])
        #expect(rows[1].1 == ["", "", "3"])
        #expect(rows[2].1 == ["1", "", ""])  // padded to the header's width
        #expect(reader.blankLines == 1)
    }

    @Test func sheetsAreChosenByNamePositionOrLooseName() throws {
        let url = try Fixtures.temporaryDirectory().appendingPathComponent("two.xlsx")
        try XLSXWriter.write(
            [("Hướng dẫn", [[.text("read me")]]), ("Phiếu", [[.text("x")], [.number("1")]])], to: url)
        #expect(try records(url).first?.cells == ["read me"])
        #expect(try records(url, sheet: "Phiếu").count == 2)
        #expect(try records(url, sheet: "2").count == 2)
        #expect(try records(url, sheet: "phieu").count == 2)
        #expect(try XLSXReader(url: url, sheet: "Phiếu").name == "two.xlsx, sheet Phiếu")
        let error = importError { _ = try records(url, sheet: "Data") }
        #expect(error?.kind == .noSuchSheet("Data", available: ["Hướng dẫn", "Phiếu"]))
    }

    @Test func the1904DateSystemIsHonoured() throws {
        let url = try Fixtures.temporaryDirectory().appendingPathComponent("mac.xlsx")
        try XLSXWriter.write([("S", [[.text("d")], [.date(0)], [.date(43_967)]])], to: url, date1904: true)
        #expect(try records(url).dropFirst().map(\.cells) == [["1904-01-01"], ["2024-05-17"]])
    }

    @Test func brokenWorkbooksAreTypedErrors() throws {
        let directory = try Fixtures.temporaryDirectory()
        let notZip = directory.appendingPathComponent("fake.xlsx")
        try Data("form_id,s1\n".utf8).write(to: notZip)
        #expect(
            importError { _ = try XLSXReader(url: notZip) }.map {
                if case .badWorkbook = $0.kind { true } else { false }
            } == true)
        let missing = importError { _ = try XLSXReader(url: directory.appendingPathComponent("none.xlsx")) }
        #expect(missing?.kind == .fileNotFound)
    }

    @Test func aWorkbookImportsToTheSameRecordsAsItsCSV() throws {
        let csv =
            miniHeader
            + "\nF1,2024,01,Hà Nội,01001,120.5,dat_dai,5,4,9,\nF2,2024,02,Hà Giang,02001,80,tu_phap,1,2,3,4\n"
        let (_, expected) = try importMini(try temporaryFile("same.csv", csv))
        let url = try Fixtures.temporaryDirectory().appendingPathComponent("same.xlsx")
        try XLSXWriter.write([("Data", XLSXWriter.rows(fromCSV: csv))], to: url)
        let (summary, records) = try importMini(url)
        #expect(summary.file == "same.xlsx, sheet Data" && summary.isWorkbook)
        #expect(summary.accepted == 2)
        #expect(records.map(\.answers) == expected.map(\.answers))
        #expect(records.map(\.attributes) == expected.map(\.attributes))
        #expect(records.map(\.weight) == expected.map(\.weight))
    }

    @Test func rejectionsNameSheetRowAndColumnLetter() throws {
        let csv =
            miniHeader
            + "\nF1,2024,01,Hà Nội,01001,120.5,dat_dai,5,4,9,\n\nF2,2024,02,Hà Giang,02001,80,tu_phap,1,7,3,4\n"
        let url = try Fixtures.temporaryDirectory().appendingPathComponent("bad.xlsx")
        var rows = XLSXWriter.rows(fromCSV: csv)
        rows.insert([], at: 2)  // an empty row 3: the bad answer is on row 4, as Excel shows it
        try XLSXWriter.write([("Phiếu", rows)], to: url)
        let (summary, _) = try importMini(url)
        #expect(
            summary.rejections.first?.message(.en)
                == "bad.xlsx, sheet Phiếu, row 4, column s2 (I): '7' is not a code of list sat5 (1, 2, 3, 4, 5, 9)")
        #expect(summary.rowsRead == 2 && summary.accepted + summary.rejected == summary.rowsRead)
    }
}
