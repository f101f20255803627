import Testing

@testable import SIPASCore

struct CrosswalkTests {
    @Test func readsOldAndNewCodesWhateverTheirPosition() throws {
        let walk = try Crosswalk(
            csv: "\u{FEFF}name,new_code,old_code\r\nA,26734,00001\r\nB,26734,00004\r\n\r\n", file: "c.csv")
        #expect(walk.newCodeOfOldCode == ["00001": "26734", "00004": "26734"])
    }

    @Test func quotedCodesAndBlankLinesAreRead() throws {
        let walk = try Crosswalk(
            csv: "old_code,new_code,note\n\"00001\",26734,\"merged, 2025\"\n\n00004,26734,\n", file: "c.csv")
        #expect(walk.newCodeOfOldCode == ["00001": "26734", "00004": "26734"])
        #expect(throws: Crosswalk.ReadError.badLine(file: "c.csv", line: 4)) {
            try Crosswalk(csv: "old_code,new_code\n1,2\n\n3\n", file: "c.csv")
        }
    }

    @Test func problemsNameTheRow() {
        #expect(throws: Crosswalk.ReadError.missingColumns(file: "c.csv")) {
            try Crosswalk(csv: "a,b\n1,2\n", file: "c.csv")
        }
        #expect(throws: Crosswalk.ReadError.badLine(file: "c.csv", line: 3)) {
            try Crosswalk(csv: "old_code,new_code\n1,2\n3\n", file: "c.csv")
        }
        #expect(throws: Crosswalk.ReadError.conflicting(file: "c.csv", line: 3, code: "1")) {
            try Crosswalk(csv: "old_code,new_code\n1,2\n1,3\n", file: "c.csv")
        }
    }
}
