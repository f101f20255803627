import Foundation
import SIPASCore
import SIPASTestSupport
import Testing

@testable import SIPASImport

/// The rejects file is opened in a spreadsheet to fix the rows: no field of it can run as a formula.
struct RejectsWriterTests {
    @Test func fieldsThatWouldStartAFormulaAreQuoted() throws {
        let good = "F1,2024,01,Hà Nội,01001,120.5,dat_dai,5,4,9,\nF2,2024,02,Hà Giang,02001,80,tu_phap,1,2,3,4\n"
        let bad = "F3,2024,04,\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",04001,-2,dat_dai,@SUM(A1),4,4,4\n"
        let url = try temporaryFile("f.csv", miniHeader + "\n" + good + bad)
        let rejects = url.deletingLastPathComponent().appendingPathComponent("f.rejects.csv")
        let (summary, _) = try importMini(url, options: ImportOptions(rejectsURL: rejects, language: .en))
        #expect(summary.rejected == 1)
        let written = try String(contentsOf: rejects, encoding: .utf8)
        #expect(
            written == miniHeader + ",_row,_reasons\n"
                + "F3,2024,04,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",04001,'-2,dat_dai,'@SUM(A1),4,4,4,4,"
                + "\"s1: '@SUM(A1)' is not a code of list sat5 (1, 2, 3, 4, 5, 9); weight: '-2': the weight must be a positive number\"\n"
        )
    }

    @Test func theHeaderAndEveryFieldGoThroughTheSameRule() throws {
        let url = try Fixtures.temporaryDirectory().appendingPathComponent("w.rejects.csv")
        let writer = RejectsWriter(url: url, header: ["a", "=b"])
        try writer.write(["\u{0}x", "\tx"], row: 7, reasons: ["-r"])
        writer.close()
        #expect(try String(contentsOf: url, encoding: .utf8) == "a,'=b,_row,_reasons\n'\u{0}x,'\tx,7,'-r\n")
    }

    /// Given a device (`--rejects /dev/null`), the writer writes into it: the device stays a device
    /// (an atomic write would rename a regular file over it). A regular file is truncated in place.
    @Test func aDeviceStaysADeviceAndAFileIsTruncatedInPlace() throws {
        let writer = RejectsWriter(url: URL(fileURLWithPath: "/dev/null"), header: ["a"])
        try writer.write(["x"], row: 2, reasons: ["r"])
        writer.close()
        #expect(
            try FileManager.default.attributesOfItem(atPath: "/dev/null")[.type] as? FileAttributeType
                == .typeCharacterSpecial)
        let url = try Fixtures.temporaryDirectory().appendingPathComponent("old.rejects.csv")
        try Data(String(repeating: "old line\n", count: 50).utf8).write(to: url)
        let inode = try FileManager.default.attributesOfItem(atPath: url.path)[.systemFileNumber] as? Int
        let again = RejectsWriter(url: url, header: ["a"])
        try again.write(["x"], row: 2, reasons: ["r"])
        again.close()
        #expect(try String(contentsOf: url, encoding: .utf8) == "a,_row,_reasons\nx,2,r\n")
        #expect(try FileManager.default.attributesOfItem(atPath: url.path)[.systemFileNumber] as? Int == inode)
    }
}
