import Testing

@testable import SIPASStats

struct DesignFieldworkProgressTests {
    @Test func countsPerLevelWithRatesAndLateGroups() {
        let planned = [["01", "a"], ["01", "a"], ["01", "b"], ["01", "b"], ["02", "c"], ["02", "c"]]
        let accepted = [["01", "a"], ["01", "a"], ["01", "b"], ["02", "c"], ["03", "z"]]
        let rejected = [["01", "b"], ["02", "c"]]
        let rows = FieldworkProgress.tabulate(
            levels: ["province", "commune"], planned: planned, accepted: accepted, rejected: rejected, threshold: 0.8)
        #expect(
            rows.map { $0.keys } == [["01"], ["01", "a"], ["01", "b"], ["02"], ["02", "c"], ["03"], ["03", "z"]])
        #expect(rows.map(\.planned) == [4, 2, 2, 2, 2, 0, 0])
        #expect(rows.map(\.received) == [4, 2, 2, 2, 2, 1, 1])
        #expect(rows.map(\.accepted) == [3, 2, 1, 1, 1, 1, 1])
        #expect(rows.map(\.rate) == [0.75, 1, 0.5, 0.5, 0.5, nil, nil])
        // Behind: below 80 %, or forms from a group that was never planned.
        #expect(rows.map(\.behind) == [true, false, true, true, true, true, true])
        #expect(rows.map(\.level) == ["province", "commune", "commune", "province", "commune", "province", "commune"])
    }

    @Test func reservesAreNotPlanned() throws {
        let table = FrameTable(
            file: "s.csv", header: ["p", "role"], rows: [["01", "main"], ["01", "reserve"], ["02", "main"]])
        #expect(try FieldworkProgress.keys(table, levels: ["p"], mainOnly: true) == [["01"], ["02"]])
        #expect(
            FieldworkProgress.keys(fields: [["x", "01"], ["y"]], header: ["q", "p"], levels: ["p"]) == [["01"], [""]])
        #expect(throws: DesignError.self) { try FieldworkProgress.keys(table, levels: ["commune"]) }
    }

    @Test func reservesOfBothKindsAreLeftOutOfThePlan() throws {
        // Row 2: a reserve household; row 3: a household of a reserve cluster; row 4: both main.
        let table = FrameTable(
            file: "s.csv", header: ["province", "reserve_rank", "role"],
            rows: [["01", "0", "main"], ["01", "0", "reserve"], ["02", "1", "main"], ["02", "0", "main"]])
        #expect(SampleDraw.reserveRows(table) == [false, true, true, false])
        #expect(try FieldworkProgress.keys(table, levels: ["province"], mainOnly: true) == [["01"], ["02"]])
        #expect(try FieldworkProgress.keys(table, levels: ["province"]).count == 4)
        let clustersOnly = FrameTable(
            file: "c.csv", header: ["id", "reserve_rank"], rows: [["a", "0"], ["b", "2"], ["c", ""]])
        #expect(SampleDraw.reserveRows(clustersOnly) == [false, true, false])
    }
}
