import SIPASCore
import Testing

@testable import SIPASStats

/// Margins CSV: header of variables then `population`; quotes and spaces trimmed; malformed files
/// are errors naming the file, row and column.
struct CalibrationSpecTests {
    @Test func parsesAMarginsFile() throws {
        let margin = try PopulationMargin.parse(
            csv: "\"province_code\", sex ,population\r\n01,1,4120000\r\n\"01\",2, 4310000.5\r\n\r\n")
        #expect(margin.variables == ["province_code", "sex"])
        #expect(margin.totals == [["01", "1"]: 4_120_000, ["01", "2"]: 4_310_000.5])
    }

    @Test(arguments: [
        "stype,count\nE,1\n",  // last column is not `population`
        "population\n5\n",  // no variable
        "stype,population\nE\n",  // missing field
        "stype,population\nE,-1\n",  // negative count
        "stype,population\nE,x\n",  // not a number
        "stype,population\nE,1\nE,2\n",  // the same level twice
    ])
    func malformedFilesAreErrors(text: String) {
        #expect(throws: StatsError.self) { try PopulationMargin.parse(csv: text) }
    }

    @Test func parseErrorsNameFileRowAndColumn() {
        #expect(
            throws: StatsError.invalid(
                .marginFieldCount(file: "m.csv", row: 3, header: ["stype", "population"], found: 1))
        ) {
            try PopulationMargin.parse(csv: "stype,population\nE,1\nH\n", file: "m.csv")
        }
        #expect(throws: StatsError.invalid(.marginPopulation(file: "m.csv", row: 4, column: 2, value: "x"))) {
            try PopulationMargin.parse(csv: "stype,population\nE,1\n\nH,x\n", file: "m.csv")
        }
        #expect(
            throws: StatsError.invalid(.marginLevelRepeated(file: "margins CSV", row: 3, level: ["E"], firstRow: 2))
        ) {
            try PopulationMargin.parse(csv: "stype,population\nE,1\nE,2\n")
        }
        #expect(throws: CSVReader.ReadError.unterminatedQuote(file: "m.csv", row: 2, column: 1)) {
            try PopulationMargin.parse(csv: "stype,population\n\"E,1\n", file: "m.csv")
        }
    }

    @Test func quotedFieldsMayHoldCommas() throws {
        let margin = try PopulationMargin.parse(csv: "group,population\n\"18-29, urban\",120\n")
        #expect(margin.totals == [["18-29, urban"]: 120])
    }
}
