import Foundation
import SIPASCore
import SIPASInstruments
import SIPASTestSupport
import Testing

@testable import SIPASImport

struct HeaderMatcherTests {
    let header = miniHeader.split(separator: ",").map(String.init)

    @Test func exactNamesNeedNoNote() throws {
        let match = try HeaderMatch.match(header: header + ["extra"], instrument: try miniInstrument(), file: "a.csv")
        #expect(match.notes.isEmpty && match.counts.isEmpty)
        #expect(match.unmatched == ["extra"])
        #expect(match.questionOfColumn.prefix(11).allSatisfy { $0 != nil })
        #expect(match.questionOfColumn[11] == nil)
    }

    @Test func looseNamesGroupPathsAndLabelsAreMatchedAndReported() throws {
        var loose = header
        loose[7] = "S1"  // case
        loose[8] = "grp-s2"  // ODK group path
        loose[9] = "Câu 3"  // Vietnamese label
        loose[10] = "item 4"  // English label, any case
        loose[0] = "services/form_id"  // Kobo group path
        let match = try HeaderMatch.match(header: loose, instrument: try miniInstrument(), file: "a.csv")
        #expect(
            match.notes == [
                "'services/form_id' → form_id (group path)", "'S1' → s1 (name, ignoring case and accents)",
                "'grp-s2' → s2 (group path)", "'Câu 3' → s3 (label)", "'item 4' → s4 (label)",
            ])
        #expect(
            match.counts == ["header: group path": 2, "header: name, ignoring case and accents": 1, "header: label": 2])
        #expect(match.unmatched.isEmpty)
    }

    @Test func twoColumnsForOneQuestionAreAnError() throws {
        #expect(
            throws: ImportError(
                .ambiguousColumns(question: "s1", columns: ["s1", "S1"]),
                at: .init(file: "a.csv", row: 1, column: "S1", columnIndex: 11))
        ) {
            try HeaderMatch.match(header: header + ["S1"], instrument: try miniInstrument(), file: "a.csv")
        }
    }

    @Test func aColumnMatchingTwoQuestionsEquallyIsAnError() throws {
        var instrument = try miniInstrument()
        instrument.questions[8].label = instrument.questions[7].label  // s1 and s2 share "Câu 1"
        var labelled = header
        labelled[7] = "Câu 1"
        labelled[8] = "s2"
        #expect(
            throws: ImportError(
                .ambiguousMatch(column: "Câu 1", questions: ["s1", "s2"]),
                at: .init(file: "a.csv", row: 1, column: "Câu 1", columnIndex: 7))
        ) {
            try HeaderMatch.match(header: labelled, instrument: instrument, file: "a.csv")
        }
    }

    @Test func missingRequiredQuestionsAreListedWithTheirLabels() throws {
        let short = header.filter { $0 != "form_id" && $0 != "s3" }
        let error = importError {
            _ = try HeaderMatch.match(header: short, instrument: try miniInstrument(), file: "a.csv")
        }
        #expect(
            error?.kind
                == .missingColumns(
                    [
                        .init(name: "form_id", label: .init(vi: "Mã phiếu", en: "Form id")),
                        .init(name: "s3", label: .init(vi: "Câu 3", en: "Item 3")),
                    ], header: short))
        #expect(
            error?.message(.vi).hasPrefix(
                "a.csv, row 1: thiếu cột bắt buộc: form_id (“Mã phiếu”), s3 (“Câu 3”). Tiêu đề của tệp: year, ") == true
        )
    }

    @Test(arguments: ["|", ":"])
    func aSingleColumnHeaderWithAnOddCharacterMeansTheWrongDelimiter(odd: String) throws {
        let single = [header.joined(separator: odd)]
        #expect(
            throws: ImportError(
                .wrongDelimiter(guess: odd), at: .init(file: "a.csv", row: 1, column: single[0], columnIndex: 0))
        ) {
            try HeaderMatch.match(header: single, instrument: try miniInstrument(), file: "a.csv")
        }
    }
}

/// ODK Central and KoboToolbox export shapes (research/ecosystem.md §1.2).
struct ODKExportTests {
    func odkInstrument() throws -> Instrument {
        try InstrumentLoader.load(contentsOf: Fixtures.url("import/odk-instrument.yaml"))
    }

    @Test func centralExportMetadataIsKeptAsideAndSplitColumnsAreRedundant() throws {
        // ODK Central: SubmissionDate first, group paths joined by "-", KEY and meta-instanceID last.
        let header =
            "SubmissionDate,form_id,year,province_code,province_name,commune_code,weight,sector,svc-s1,svc-s2,svc-s3,svc-s4,channels,channels/web,channels/phone,channels/office,office_wait,meta-instanceID,KEY"
        let row =
            "2024-05-17T08:30:00.000Z,F1,2024,01,Hà Nội,01001,10,dat_dai,4,4,4,4,web office,1,0,1,15,uuid:1,uuid:1"
        let (summary, records) = try importMini(
            try temporaryFile("central.csv", header + "\n" + row + "\n"), instrument: try odkInstrument())
        #expect(summary.accepted == 1 && records.count == 1)
        #expect(summary.metadataColumns == ["SubmissionDate", "meta-instanceID", "KEY"])
        #expect(summary.unmatchedColumns.isEmpty)
        #expect(summary.normalisations["metadata columns kept aside"] == 3)
        #expect(summary.normalisations["select_multiple split 0/1 columns kept aside"] == 3)
    }

    @Test func koboSplitColumnsBuildTheAnswerAndSkipLogicReadsIt() throws {
        // KoboToolbox: "/" group paths, _uuid/_submission_time metadata, only the split 0/1 columns.
        let header =
            "start,end,form_id,year,province_code,province_name,commune_code,weight,sector,svc/s1,svc/s2,svc/s3,svc/s4,channels/web,channels/phone,channels/office,office_wait,_id,_uuid,_submission_time,__version__"
        // Row 1: office chosen, so the wait is relevant. Row 2: web only, the wait answered although
        // skipped. Row 3: a channel that is not 0/1.
        let rows = [
            "2024-05-17,2024-05-17,F1,2024,01,Hà Nội,01001,10,dat_dai,4,4,4,4,0,0,1,15,1,u1,2024-05-17,v1",
            "2024-05-17,2024-05-17,F2,2024,01,Hà Nội,01001,10,dat_dai,4,4,4,4,1,0,0,20,2,u2,2024-05-17,v1",
            "2024-05-17,2024-05-17,F3,2024,01,Hà Nội,01001,10,dat_dai,4,4,4,4,1,x,0,,3,u3,2024-05-17,v1",
        ]
        let (summary, _) = try importMini(
            try temporaryFile("kobo.csv", header + "\n" + rows.joined(separator: "\n") + "\n"),
            instrument: try odkInstrument())
        #expect(summary.accepted == 1 && summary.rejected == 2)
        #expect(summary.metadataColumns == ["start", "end", "_id", "_uuid", "_submission_time", "__version__"])
        #expect(
            summary.rejections.map { $0.message(.en) } == [
                "kobo.csv, row 3, column office_wait (Q): '20' answered although skipped: relevant selected(${channels}, 'office') is false",
                "kobo.csv, row 4, column channels/phone (O): 'x' is not in list 0/1",
            ])
        #expect(summary.normalisations["select_multiple built from split 0/1 columns"] == 3)
    }
}

extension ODKExportTests {
    @Test func koboLabelHeadersWithGroupLabelsAreMatchedByTheQuestionLabel() throws {
        let header = [
            "Mã phiếu", "Năm", "Tỉnh", "Xã", "Trọng số", "Dịch vụ/Câu 1", "Dịch vụ/Câu 2", "Dịch vụ/Câu 3",
            "Dịch vụ/Item 4", "Kênh đã dùng",
        ]
        let match = try HeaderMatch.match(header: header, instrument: try odkInstrument(), file: "kobo-labels.csv")
        let instrument = try odkInstrument()
        #expect(
            header.indices.map { match.questionOfColumn[$0].map { instrument.questions[$0].name } } == [
                "form_id", "year", "province_code", "commune_code", "weight", "s1", "s2", "s3", "s4", "channels",
            ])
        #expect(match.counts["header: label"] == 10)
    }
}
