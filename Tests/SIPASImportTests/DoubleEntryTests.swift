import Foundation
import SIPASCore
import SIPASInstruments
import SIPASTestSupport
import Testing

@testable import SIPASImport

/// Two keyings of the same forms with known differences.
struct DoubleEntryTests {
    static let header = "form_id,province_code,commune_code,weight,s1,s2,s3,s4,keyer_id"
    /// First keying: A1–A4 and A5 (only here); A1 by keyer k1, the rest by k2.
    static let first =
        header
        + "\nA1,01,c1,1,4,5,3,9,k1\nA2,01,c1,1,4,4,4,4,k2\nA3,01,c2,1.5,2,3, 5 ,1,k2\nA4,01,c2,1,5,5,5,5,k2\nA5,01,c2,1,1,1,1,1,k2\n"
    /// Second keying: A2 s3 keyed 5 for 4, A3's weight as 1.50 and s3 without spaces (equal), A4 s4
    /// left blank, A5 missing, A6 only here, A1 twice.
    static let second =
        header
        + "\nA1,01,c1,1,4,5,3,9,k3\nA2,01,c1,1,4,4,5,4,k3\nA3,01,c2,1.50,2,3,5,1,k3\nA4,01,c2,1,5,5,5,,k3\nA6,01,c1,1,2,2,2,2,k3\nA1,01,c1,1,4,5,3,9,k3\n"

    @Test func differencesFormsKeyedOnceAndKeyerRatesAreReported() throws {
        let a = try temporaryFile("first.csv", Self.first)
        let b = try temporaryFile("second.csv", Self.second)
        let c = try DoubleEntryComparison.compare(first: a, second: b, instrument: try miniInstrument())
        // A1 is keyed twice in the second file, so it is left out; A2, A3, A4 are paired.
        #expect(c.duplicatesInSecond == [.init(id: "A1", row: 2), .init(id: "A1", row: 7)])
        #expect(c.formsCompared == 3 && c.fieldsCompared == 3 * 8)
        #expect(
            c.differences == [
                .init(
                    formId: "A2", column: "s3", first: "4", second: "5", firstRow: 3, secondRow: 3, firstKeyer: "k2",
                    secondKeyer: "k3"),
                .init(
                    formId: "A4", column: "s4", first: "5", second: "", firstRow: 5, secondRow: 5, firstKeyer: "k2",
                    secondKeyer: "k3"),
            ])
        #expect(c.onlyInFirst == [.init(id: "A5", row: 6)] && c.onlyInSecond == [.init(id: "A6", row: 6)])
        #expect(c.columnsOnlyInFirst.isEmpty && !c.agrees)
        #expect(
            c.keyers == [
                .init(file: "first.csv", keyer: "k2", fields: 24, agreeing: 22),
                .init(file: "second.csv", keyer: "k3", fields: 24, agreeing: 22),
            ])
        #expect(
            c.report(language: .en) == """
                Double entry: first.csv and second.csv: 3 forms, 24 fields compared; 2 differ (8.3 %)
                  Differing fields (form, column: first | second):
                    form A2, column s3: '4' | '5' (rows 3 | 3; keyers k2 | k3)
                    form A4, column s4: '5' | (blank) (rows 5 | 5; keyers k2 | k3)
                  Forms only in first.csv (1): A5 (row 6)
                  Forms only in second.csv (1): A6 (row 6)
                  Ids keyed more than once (not compared) in second.csv (2): A1 (row 2), A1 (row 7)
                  Agreement by keyer:
                    k2 (first.csv): 22/24 fields agree, 91.7 %
                    k3 (second.csv): 22/24 fields agree, 91.7 %


                """)
    }

    @Test func identicalKeyingsAgreeAndAColumnMissingFromOneIsListed() throws {
        let a = try temporaryFile("a.csv", Self.first)
        let same = try DoubleEntryComparison.compare(first: a, second: a, instrument: try miniInstrument())
        #expect(same.agrees && same.differences.isEmpty && same.formsCompared == 5)
        #expect(
            same.keyers.map(\.rate) == [100, 100, 100, 100] && same.keyers.map(\.keyer) == ["k1", "k2", "k1", "k2"])
        let fewer = try temporaryFile(
            "b.csv", "form_id,province_code,commune_code,weight,s1,s2,s3,s4,sector\nA1,01,c1,1,4,5,3,9,dat_dai\n")
        let c = try DoubleEntryComparison.compare(first: a, second: fewer, instrument: try miniInstrument())
        #expect(c.columnsOnlyInSecond == ["sector"] && c.columnsOnlyInFirst.isEmpty)
        #expect(
            c.keyers.map(\.keyer) == ["k1", ""]
                && c.report(language: .vi).contains("    ? (b.csv): 8/8 ô khớp, 100,0 %\n"))
    }

    /// A choice picked from the entry workbook's drop-down ("4 – Hài lòng") agrees with the code
    /// keyed by hand; a code with another code's label is compared as keyed, so it differs.
    @Test func aPickedEntryAgreesWithItsCode() throws {
        let first = Self.header + "\nA1,01,c1,1,4,5,3,9,k1\nA2,01,c1,1,4,4,4,4,k1\n"
        let second =
            Self.header + "\nA1,01,c1,1,4 – Hài lòng,5 - Rất hài lòng,3,9,k2\nA2,01,c1,1,4 – Rất hài lòng,4,4,4,k2\n"
        let c = try DoubleEntryComparison.compare(
            first: try temporaryFile("p1.csv", first), second: try temporaryFile("p2.csv", second),
            instrument: try miniInstrument())
        #expect(c.formsCompared == 2)
        #expect(
            c.differences == [
                .init(
                    formId: "A2", column: "s1", first: "4", second: "4 – Rất hài lòng", firstRow: 3, secondRow: 3,
                    firstKeyer: "k1", secondKeyer: "k2")
            ])
    }

    @Test func aFileWithoutTheIdColumnIsATypedError() throws {
        let a = try temporaryFile("a.csv", Self.first)
        let noId = try temporaryFile("noid.csv", "province_code,commune_code,weight,s1,s2,s3,s4\n01,c1,1,4,5,3,9\n")
        let error = importError {
            _ = try DoubleEntryComparison.compare(first: a, second: noId, instrument: try miniInstrument())
        }
        #expect(error?.location == SourceLocation(file: "noid.csv", row: 1))
        if case .missingColumns(let missing, _) = error?.kind {
            #expect(missing.map(\.name) == ["form_id"])
        } else {
            Issue.record("\(String(describing: error))")
        }
    }
}
