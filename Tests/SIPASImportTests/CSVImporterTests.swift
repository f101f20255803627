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
        #expect(
            summary.layout.attributeNames == ["form_id", "year", "province_code", "commune_code", "weight", "sector"])
        #expect(summary.layout.items == ["s1", "s2", "s3", "s4"])
        #expect(records[1].attributes == ["F2", "2024", "02", "02001", "80", "tu_phap"])
        #expect(summary.designNotes.isEmpty)
        #expect(summary.normalisations.isEmpty)
    }

    @Test func outOfRangeCodeIsRejectedWithFileRowColumnValueAndRule() throws {
        let url = try temporaryFile(
            "b.csv", miniHeader + "\n" + good + "F3,2024,04,Cao Bằng,04001,50,dat_dai,4,7,4,4\n")
        let rejects = url.deletingLastPathComponent().appendingPathComponent("b.rejects.csv")
        let (summary, records) = try importMini(url, options: ImportOptions(rejectsURL: rejects))
        #expect(summary.rowsRead == 3 && summary.accepted == 2 && summary.rejected == 1)
        #expect(records.count == 2)
        let rejection = try #require(summary.rejections.first)
        #expect(
            rejection.message(.en) == "b.csv, row 4, column s2 (I): '7' is not a code of list sat5 (1, 2, 3, 4, 5, 9)")
        #expect(
            rejection.message(.vi)
                == "b.csv, row 4, column s2 (I): '7' không phải mã của danh sách sat5 (1, 2, 3, 4, 5, 9)")
        #expect(rejection.question == "s2")
        #expect(summary.rejectionsByRule == ["out of range": 1])
        let written = try String(contentsOf: rejects, encoding: .utf8)
        #expect(
            written == miniHeader
                + ",_row,_reasons\nF3,2024,04,Cao Bằng,04001,50,dat_dai,4,7,4,4,4,\"s2: '7' không phải mã của danh sách sat5 (1, 2, 3, 4, 5, 9)\"\n"
        )
    }

    @Test func labelsAndDecimalCodesAreConvertedAndCounted() throws {
        let row =
            "F4,2024,1,Hà Nội,01001,10,Đất đai,Hài lòng,hai long,4.0,Very satisfied\nF5,2024,01,X,01001,10,Land,Không biết / không trả lời, 3 ,4,5\n"
        let (summary, records) = try importMini(try temporaryFile("c.csv", miniHeader + "\n" + row))
        #expect(summary.accepted == 2)
        #expect(records[0].answers == [.code(4), .code(4), .code(4), .code(5)])
        #expect(records[1].answers == [.excluded(code: 9), .code(3), .code(4), .code(5)])
        #expect(records[0].attributes[2] == "01")
        #expect(records[0].attributes[5] == "dat_dai" && records[1].attributes[5] == "dat_dai")
        #expect(summary.normalisations["label → code"] == 6)
        #expect(summary.normalisations["number → code"] == 1)
        #expect(summary.normalisations["province code padded"] == 1)
        #expect(summary.normalisations["trimmed spaces"] == 1)
    }

    @Test func provinceAliasesAreResolvedAndEachIsCountedInTheSummary() throws {
        let rows = [
            "F6,2024,Daklak,X,66001,10,dat_dai,4,4,4,4", "F7,2024,Daklak,X,66001,10,dat_dai,4,4,4,4",
            "F8,2024,TP.HCM,X,79001,10,dat_dai,4,4,4,4", "F9,2024,Tỉnh Kon Tum,X,62001,10,dat_dai,4,4,4,4",
            "F10,2025,Kontum,X,51001,10,dat_dai,4,4,4,4", "F11,2024,Hà Nội,X,01001,10,dat_dai,4,4,4,4",
        ]
        let (summary, records) = try importMini(
            try temporaryFile("aliases.csv", miniHeader + "\n" + rows.joined(separator: "\n") + "\n"))
        #expect(summary.accepted == 6)
        #expect(records.map { $0.attributes[2] } == ["66", "66", "79", "62", "51", "01"])
        #expect(summary.normalisations["province alias → code: 'Daklak' → 66"] == 2)
        #expect(summary.normalisations["province alias → code: 'TP.HCM' → 79"] == 1)
        #expect(summary.normalisations["province alias → code: 'Tỉnh Kon Tum' → 62"] == 1)
        #expect(summary.normalisations["former province → new code: 'Kontum' → 51 (Quảng Ngãi)"] == 1)
        #expect(summary.normalisations["province name → code"] == 1)
    }

    @Test(arguments: [
        ("F5,2024,99,X,99001,10,dat_dai,4,4,4,4", "column province_code (C): '99' is not a province code in 2024"),
        ("F5,2025,06,X,06001,10,dat_dai,4,4,4,4", "column province_code (C): '06' is not a province code in 2025"),
        ("F5,2024,01,X,01001,0,dat_dai,4,4,4,4", "column weight (F): '0': the weight must be a positive number"),
        ("F5,2024,01,X,01001,abc,dat_dai,4,4,4,4", "column weight (F): 'abc' is not a number (decimal)"),
        (",2024,01,X,01001,10,dat_dai,4,4,4,4", "column form_id (A): required but blank"),
        ("F5,2024,01,X,01001,10,nong_nghiep,4,4,4,4", "column sector (G): 'nong_nghiep' is not in list sector"),
        ("F5,2024,01,X,01001,10,dat_dai,4,4,4", "the row has 10 fields, the header 11"),
        ("F5,2024,01,X,01001,10,dat_dai,4,4,4,4,5,6", "the row has 13 fields, the header 11"),
        ("F1,2024,01,X,01001,10,dat_dai,4,4,4,4", "column form_id (A): respondent id 'F1' repeats row 2"),
        ("F5,2024,01,X,01001,10,dat_dai,4,4,0,4", "column s3 (J): '0' is not a code of list sat5 (1, 2, 3, 4, 5, 9)"),
    ])
    func badRowsNameTheirRule(row: String, expected: String) throws {
        let (summary, _) = try importMini(try temporaryFile("d.csv", miniHeader + "\n" + good + row + "\n"))
        #expect(summary.rejected == 1 && summary.accepted == 2)
        let message = try #require(summary.rejections.first).message(.en)
        #expect(message == "d.csv, row 4, " + expected || message == "d.csv, row 4: " + expected, "\(message)")
    }

    @Test func aRowBreakingSeveralRulesListsThemAll() throws {
        let url = try temporaryFile("m.csv", miniHeader + "\n" + good + "F1,2024,99,X,99001,-1,dat_dai,7,4,4,4\n")
        let rejects = url.deletingLastPathComponent().appendingPathComponent("m.rejects.csv")
        let (summary, _) = try importMini(url, options: ImportOptions(rejectsURL: rejects, language: .en))
        #expect(summary.rejected == 1)
        #expect(summary.rejections.map(\.rule.key) == ["unknown province", "out of range", "weight", "duplicate id"])
        #expect(summary.rejectionsByRule.values.reduce(0, +) == 4)
        let written = try String(contentsOf: rejects, encoding: .utf8)
        #expect(
            written.contains("province_code: '99' is not a province code in 2024; s1: '7' is not a code of list sat5"))
    }

    @Test func skipRulesConstraintsAndRequiredWhenRelevant() throws {
        var instrument = try miniInstrument()
        instrument.questions[instrument.questions.firstIndex { $0.name == "visits" }!].required = true
        let header = miniHeader + ",used,visits,phone"
        let base = "2024,01,X,01001,10,dat_dai,4,4,4,4"
        let rows = [
            "F1,\(base),1,3,0912345678",  // used, visits given: accepted
            "F2,\(base),2,,",  // not used, visits skipped: accepted (required only when relevant)
            "F3,\(base),2,3,",  // not used but visits answered
            "F4,\(base),1,,",  // used, visits blank although required
            "F5,\(base),Có,99,12345",  // label → code; visits out of its constraint; phone fails regex
        ]
        let (summary, records) = try importMini(
            try temporaryFile("r.csv", ([header] + rows).joined(separator: "\n") + "\n"), instrument: instrument)
        #expect(records.map(\.location.row) == [2, 3])
        #expect(
            summary.rejections.map { $0.message(.en) } == [
                "r.csv, row 4, column visits (M): '3' answered although skipped: relevant ${used} = '1' is false",
                "r.csv, row 5, column visits (M): required but blank",
                "r.csv, row 6, column visits (M): '99' breaks the constraint . >= 1 and . <= 50",
                "r.csv, row 6, column phone (N): '12345' breaks the constraint regex(., '^0[0-9]{9}$') and string-length(.) = 10",
            ])
        #expect(
            summary.rejections[0].message(.vi).hasSuffix(
                "'3' được trả lời dù câu hỏi phải bỏ qua: điều kiện relevant ${used} = '1' sai"))
    }

    @Test func aSkipRuleReadingAnAbsentColumnIsNotCheckedAndSaysSo() throws {
        let (summary, _) = try importMini(
            try temporaryFile("s.csv", miniHeader + ",visits\nF1,2024,01,X,01001,10,dat_dai,4,4,4,4,3\n"))
        #expect(summary.accepted == 1)
        #expect(
            summary.designNotes == [
                "điều kiện relevant của visits không kiểm được (thiếu cột used); câu này không bị coi là bắt buộc"
            ])
    }

    @Test func everyRowIsAcceptedOrRejectedAndBlankRowsAreCounted() throws {
        let text =
            "\u{FEFF}" + miniHeader + ",note\r\n"
            + "F1,2024,01,\"Hà Nội, \"\"thủ đô\"\"\",01001,1,dat_dai,5,5,5,5,\"two\r\nlines\"\r\n"
            + "\r\n"
            + ",,,,,,,,,,,\r\n"
            + "F2,2024,01,X,01001,1,dat_dai,5,5,5\r\n"
            + " F3 ,2024,01,X,01001,1,dat_dai,5,5,5,6,x\r\n"
            + "F4,2024,01,X,01001,1,dat_dai,5,5,5,5,\r\n"
        let url = try temporaryFile("p.csv", text)
        let rejects = url.deletingLastPathComponent().appendingPathComponent("p.rejects.csv")
        let (summary, records) = try importMini(url, options: ImportOptions(rejectsURL: rejects, language: .en))
        #expect(summary.rowsRead == 4 && summary.accepted == 2 && summary.rejected == 2)
        #expect(summary.isBalanced)
        #expect(summary.blankLines == 2)
        #expect(records.map(\.location.row) == [2, 7])
        #expect(summary.rejections.map(\.location.row) == [5, 6])
        #expect(summary.unmatchedColumns == ["note"])
        #expect(summary.encoding == .utf8BOM)
        let lines = try String(contentsOf: rejects, encoding: .utf8).components(separatedBy: "\n")
        #expect(lines.count == 4)  // header, two rejects, final newline
        #expect(lines[1] == "F2,2024,01,X,01001,1,dat_dai,5,5,5,,,5,\"the row has 10 fields, the header 12\"")
        #expect(
            lines[2]
                == " F3 ,2024,01,X,01001,1,dat_dai,5,5,5,6,x,6,\"s4: '6' is not a code of list sat5 (1, 2, 3, 4, 5, 9)\""
        )
    }

    @Test func trailingDelimitersInHeaderAndRowsAreCounted() throws {
        let (summary, records) = try importMini(
            try temporaryFile("e.csv", miniHeader + ",\n F1 ,2024,01,Hà Nội,01001,10,dat_dai,4,4,4,4,\n"))
        #expect(summary.accepted == 1)
        #expect(records[0].attributes[0] == "F1")
        #expect(summary.unmatchedColumns.isEmpty)
        #expect(
            summary.normalisations == ["trimmed spaces": 1, "trailing delimiter in header": 1, "trailing delimiter": 1])
    }

    @Test func absentDesignColumnsAreStatedAndAssumed() throws {
        var instrument = try miniInstrument()
        for i in instrument.questions.indices
        where ["weight", "commune_code", "province_code"].contains(instrument.questions[i].name) {
            instrument.questions[i].required = false
        }
        let (summary, records) = try importMini(
            try temporaryFile("n.csv", "form_id,s1,s2,s3,s4\nF1,4,4,4,4\nF2,1,1,1,1\n"), instrument: instrument,
            options: ImportOptions(language: .en))
        #expect(records.map(\.weight) == [1, 1])
        #expect(records.map(\.stratum) == ["", ""])
        #expect(records.map(\.cluster) == ["row 2", "row 3"])
        #expect(
            summary.designNotes == [
                "no weight column (weight): every row has weight 1", "no strata column (province_code): one stratum",
                "no cluster column (commune_code): every row is its own primary sampling unit",
            ])
    }

    @Test func missingColumnStopsTheFileNamingQuestionLabelAndHeader() throws {
        let header = miniHeader.replacingOccurrences(of: ",s4", with: "")
        let error = importError {
            try importMini(try temporaryFile("f.csv", header + "\nF1,2024,01,X,01001,10,dat_dai,4,4,4\n"))
        }
        #expect(
            error?.kind
                == .missingColumns(
                    [.init(name: "s4", label: .init(vi: "Câu 4", en: "Item 4"))],
                    header: header.components(separatedBy: ",")))
        #expect(
            error?.message(.en) == "f.csv, row 1: required columns missing: s4 (“Item 4”). The file's header: "
                + header.replacingOccurrences(of: ",", with: ", "))
    }

    @Test func windows1258BytesNameRowColumnAndOffset() throws {
        // "Hà Nội" as Excel's plain CSV writes it on Vietnamese Windows (`iconv -f utf-8 -t cp1258`).
        let cp1258: [UInt8] = [0x48, 0xE0, 0x20, 0x4E, 0xF4, 0xF2, 0x69]
        let before = Array((miniHeader + "\nF1,2024,01,").utf8)
        let bytes = before + cp1258 + Array(",01001,10,dat_dai,4,4,4,4\n".utf8)
        let error = importError { try importMini(try temporaryFile("g.csv", bytes)) }
        #expect(
            error
                == ImportError(
                    .notUTF8(byteOffset: before.count + 1, bytes: [0xE0, 0x20, 0x4E]),
                    at: .init(file: "g.csv", row: 2, column: "province_name", columnIndex: 3)))
        let message = try #require(error).message(.en)
        #expect(
            message.hasPrefix(
                "g.csv, row 2, column province_name (D): bytes E0 20 4E (byte offset \(before.count + 1) of the file) are not UTF-8"
            ))
        #expect(message.contains("Windows-1258"))
    }

    @Test func utf16FileReadsTheSameRecordsAsUTF8() throws {
        let text = miniHeader + "\n" + good
        let plain = try importMini(try temporaryFile("u8.csv", text)).1
        let (summary, records) = try importMini(
            try temporaryFile("u16.csv", utf16(text.replacingOccurrences(of: ",", with: "\t"), bigEndian: false)))
        #expect(summary.encoding == .utf16LE && summary.delimiter == 9)
        #expect(records.map(\.answers) == plain.map(\.answers))
        #expect(records.map(\.attributes) == plain.map(\.attributes))
    }

    @Test func wholeFileProblems() throws {
        let text = miniHeader.replacingOccurrences(of: ",", with: "|") + "\n"
        let wrong = importError { try importMini(try temporaryFile("h.csv", text)) }
        #expect(wrong?.kind == .wrongDelimiter(guess: "|"))
        #expect(wrong?.message(.en).contains("the delimiter looks wrong") == true)
        #expect(importError { try importMini(try temporaryFile("h.csv", "")) }?.kind == .emptyFile)
        #expect(importError { try importMini(URL(fileURLWithPath: "/nonexistent/x.csv")) }?.kind == .fileNotFound)
        let open = importError { try importMini(try temporaryFile("q.csv", miniHeader + "\nF1,2024,01,\"Hà\n")) }
        #expect(
            open
                == ImportError(
                    .unterminatedQuote(line: 2),
                    at: .init(file: "q.csv", row: 2, column: "province_name", columnIndex: 3)))
    }

    @Test func semicolonAndTabFilesReadTheSameAnswers() throws {
        let comma = try importMini(try temporaryFile("i.csv", miniHeader + "\n" + good)).1
        for delimiter in [";", "\t"] {
            let (summary, other) = try importMini(
                try temporaryFile("i.csv", (miniHeader + "\n" + good).replacingOccurrences(of: ",", with: delimiter)))
            #expect(summary.delimiter == delimiter.utf8.first)
            #expect(comma.map(\.answers) == other.map(\.answers))
            #expect(comma.map(\.attributes) == other.map(\.attributes))
        }
    }

    @Test func reportedRejectionsAreCappedButAllCounted() throws {
        let bad = (3...7).map { "F\($0),2024,01,X,01001,10,dat_dai,7,4,4,4\n" }.joined()
        let (summary, _) = try importMini(
            try temporaryFile("k.csv", miniHeader + "\n" + good + bad), options: ImportOptions(maxReportedRejections: 2)
        )
        #expect(summary.rejected == 5 && summary.rejections.count == 2)
        #expect(summary.rejectionsByRule["out of range"] == 5)
    }

    @Test func badExpressionFailsAtLoadNamingTheQuestion() throws {
        var instrument = try miniInstrument()
        instrument.questions[7].constraint = ". >> 3"
        let error = importError { _ = try CSVImporter(instrument: instrument) }
        guard case .badExpression(let question, let expression, _) = error?.kind else {
            Issue.record("expected badExpression, got \(String(describing: error))")
            return
        }
        #expect(question == "s1" && expression == ". >> 3")
    }
}

struct ImportProgressTests {
    @Test func progressIsReportedEveryIntervalWithTheShareOfBytesRead() throws {
        let rows = (1...50).map { "F\($0),2024,01,Hà Nội,01001,10,dat_dai,4,4,4,4" }.joined(separator: "\n")
        let importer = try CSVImporter(instrument: try miniInstrument())
        importer.progressInterval = 10
        var calls: [(Int, Double?)] = []
        importer.onProgress = { calls.append(($0, $1)) }
        let summary = try importer.run(file: try temporaryFile("p.csv", miniHeader + "\n" + rows + "\n")) { _ in }
        #expect(summary.accepted == 50)
        #expect(calls.map(\.0) == [10, 20, 30, 40, 50])
        let fractions = calls.compactMap(\.1)
        #expect(fractions.count == 5 && fractions == fractions.sorted() && fractions.allSatisfy { $0 > 0 && $0 <= 1 })
    }
}
