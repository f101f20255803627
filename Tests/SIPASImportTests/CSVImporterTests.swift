import Foundation
import SIPASCore
import Testing
@testable import SIPASImport

struct CSVImporterTests {
    let good = "F1,2024,01,Hà Nội,01001,120.5,dat_dai,5,4,9,\nF2,2024,02,Hà Giang,02001,80,tu_phap,1,2,3,4\n"

    @Test func validRowsBecomeRecords() throws {
        let (summary, records) = try importMini(try temporaryFile("a.csv", miniHeader + "\n" + good))
        #expect(summary.rowsRead == 2 && summary.accepted == 2 && summary.rejected == 0)
        #expect(records[0].answers == [.code(5), .code(4), .excluded(code: 9), .blank])
        #expect(records[0].weight == 120.5)
        #expect(records[0].stratum == "01" && records[0].cluster == "01001")
        #expect(records[0].location == SIPASCore.SourceLocation(file: "a.csv", row: 2))
        #expect(summary.layout.attributeNames == ["form_id", "year", "province_code", "commune_code", "weight", "sector"])
        #expect(records[1].attributes == ["F2", "2024", "02", "02001", "80", "tu_phap"])
    }

    @Test func outOfRangeCodeIsRejectedWithFileRowColumnValueAndRule() throws {
        let url = try temporaryFile("b.csv", miniHeader + "\n" + good + "F3,2024,04,Cao Bằng,04001,50,dat_dai,4,7,4,4\n")
        let rejects = url.deletingLastPathComponent().appendingPathComponent("b.rejects.csv")
        let (summary, records) = try importMini(url, options: ImportOptions(rejectsURL: rejects))
        #expect(summary.rowsRead == 3 && summary.accepted == 2 && summary.rejected == 1)
        #expect(records.count == 2)
        let rejection = try #require(summary.rejections.first)
        #expect(rejection.message(.en) == "b.csv, row 4, column s2 (I): '7' is not a code of list sat5 (1, 2, 3, 4, 5, 9)")
        #expect(rejection.message(.vi) == "b.csv, row 4, column s2 (I): '7' không phải mã của danh sách sat5 (1, 2, 3, 4, 5, 9)")
        let written = try String(contentsOf: rejects, encoding: .utf8)
        #expect(written == miniHeader + ",_row,_reasons\nF3,2024,04,Cao Bằng,04001,50,dat_dai,4,7,4,4,4,\"s2: '7' không phải mã của danh sách sat5 (1, 2, 3, 4, 5, 9)\"\n")
    }

    @Test func labelsAndDecimalCodesAreConvertedAndCounted() throws {
        let row = "F4,2024,1,Hà Nội,01001,10,Đất đai,Hài lòng,hai long,4.0,Very satisfied\n"
        let (summary, records) = try importMini(try temporaryFile("c.csv", miniHeader + "\n" + row))
        #expect(summary.accepted == 1)
        #expect(records[0].answers == [.code(4), .code(4), .code(4), .code(5)])
        #expect(records[0].attributes[2] == "01")
        #expect(records[0].attributes[5] == "dat_dai")
        #expect(summary.normalisations["label → code"] == 4)
        #expect(summary.normalisations["number → code"] == 1)
        #expect(summary.normalisations["province code padded"] == 1)
    }

    @Test(arguments: [
        ("F5,2024,99,X,99001,10,dat_dai,4,4,4,4", "column province_code (C): '99' is not a province code in 2024"),
        ("F5,2025,06,X,06001,10,dat_dai,4,4,4,4", "column province_code (C): '06' is not a province code in 2025"),
        ("F5,2024,01,X,01001,0,dat_dai,4,4,4,4", "column weight (F): '0': the weight must be a positive number"),
        ("F5,2024,01,X,01001,abc,dat_dai,4,4,4,4", "column weight (F): 'abc' is not a number (decimal)"),
        (",2024,01,X,01001,10,dat_dai,4,4,4,4", "column form_id (A): required but blank"),
        ("F5,2024,01,X,01001,10,nong_nghiep,4,4,4,4", "column sector (G): 'nong_nghiep' is not in list sector"),
        ("F5,2024,01,X,01001,10,dat_dai,4,4,4", "the row has 10 fields, the header 11"),
        ("F1,2024,01,X,01001,10,dat_dai,4,4,4,4", "column form_id (A): respondent id 'F1' repeats row 2"),
    ])
    func badRowsNameTheirRule(row: String, expected: String) throws {
        let (summary, _) = try importMini(try temporaryFile("d.csv", miniHeader + "\n" + good + row + "\n"))
        #expect(summary.rejected == 1 && summary.accepted == 2)
        let message = try #require(summary.rejections.first).message(.en)
        #expect(message.hasSuffix(expected), "\(message)")
        #expect(message.hasPrefix("d.csv, row 4"))
    }

    @Test func trailingDelimiterAndSpacesAreCounted() throws {
        let (summary, records) = try importMini(try temporaryFile("e.csv", miniHeader + "\n F1 ,2024,01,Hà Nội,01001,10,dat_dai,4,4,4,4,\n"))
        #expect(summary.accepted == 1)
        #expect(records.count == 1)
        #expect(summary.normalisations["trimmed spaces"] == 1)
        #expect(summary.normalisations["trailing delimiter"] == 1)
    }

    @Test func missingColumnStopsTheFile() throws {
        let header = miniHeader.replacingOccurrences(of: ",s4", with: "")
        #expect(throws: ImportError(.missingColumns(["s4"]), at: .init(file: "f.csv", row: 1))) {
            try importMini(try temporaryFile("f.csv", header + "\nF1,2024,01,X,01001,10,dat_dai,4,4,4\n"))
        }
    }

    @Test func windows1258BytesNameRowAndColumn() throws {
        // "Hà Nội" as Excel's plain CSV writes it on Vietnamese Windows (iconv -t CP1258).
        let cp1258: [UInt8] = [0x48, 0x61, 0xCC, 0x20, 0x4E, 0xF4, 0xF2, 0x69]
        let bytes = Array((miniHeader + "\nF1,2024,01,").utf8) + cp1258 + Array(",01001,10,dat_dai,4,4,4,4\n".utf8)
        #expect(throws: ImportError(.notUTF8(byteOffset: 2, bytes: [0xCC, 0x20]), at: .init(file: "g.csv", row: 2, column: "province_name", columnIndex: 3))) {
            try importMini(try temporaryFile("g.csv", bytes))
        }
    }

    @Test func wrongDelimiterIsNamed() throws {
        let text = miniHeader.replacingOccurrences(of: ",", with: "|") + "\n"
        #expect(throws: ImportError.self) { try importMini(try temporaryFile("h.csv", text)) }
        do { _ = try importMini(try temporaryFile("h.csv", text)) } catch let error as ImportError {
            #expect(error.kind == .wrongDelimiter(guess: "|"))
        }
    }

    @Test func semicolonFileReadsTheSameAnswers() throws {
        let comma = try importMini(try temporaryFile("i.csv", miniHeader + "\n" + good)).1
        let semicolon = try importMini(try temporaryFile("i.csv", (miniHeader + "\n" + good).replacingOccurrences(of: ",", with: ";"))).1
        #expect(comma.map(\.answers) == semicolon.map(\.answers))
        #expect(comma.map(\.attributes) == semicolon.map(\.attributes))
    }
}
