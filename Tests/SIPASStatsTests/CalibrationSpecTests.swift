import Testing
@testable import SIPASStats

/// Margins CSV: header of variables then `population`; quotes and spaces trimmed; malformed files
/// are errors naming the line.
struct CalibrationSpecTests {
    @Test func parsesAMarginsFile() throws {
        let margin = try PopulationMargin.parse(csv: "\"province_code\", sex ,population\r\n01,1,4120000\r\n\"01\",2, 4310000.5\r\n\r\n")
        #expect(margin.variables == ["province_code", "sex"])
        #expect(margin.totals == [["01", "1"]: 4_120_000, ["01", "2"]: 4_310_000.5])
    }

    @Test(arguments: [
        "stype,count\nE,1\n",            // last column is not `population`
        "population\n5\n",               // no variable
        "stype,population\nE\n",         // missing field
        "stype,population\nE,-1\n",      // negative count
        "stype,population\nE,x\n",       // not a number
        "stype,population\nE,1\nE,2\n",  // the same level twice
    ])
    func malformedFilesAreErrors(text: String) {
        #expect(throws: StatsError.self) { try PopulationMargin.parse(csv: text) }
    }

    @Test func parseErrorNamesTheLine() {
        #expect(throws: StatsError.invalidArgument("margins CSV line 3: expected 2 fields ending with a population count ≥ 0")) {
            try PopulationMargin.parse(csv: "stype,population\nE,1\nH\n")
        }
    }
}
