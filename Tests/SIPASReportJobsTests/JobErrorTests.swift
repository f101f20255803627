import SIPASReportJobs
import SIPASTestSupport
import Testing

struct JobErrorTests {
    @Test("exit codes follow the README's table: 66 no input, 65 bad data, 1 an output that cannot be written")
    func exitCodes() {
        #expect(JobError.inputMissing("x.csv").exitCode == 66)
        #expect(JobError.unknownInstrument("x", available: ["a"]).exitCode == 66)
        #expect(JobError.strictRejected(rejected: 2, rowsRead: 10).exitCode == 65)
        #expect(JobError.cannotWrite(path: "/r", reason: "denied").exitCode == 1)
        #expect(
            JobError.unknownInstrument("x", available: ["a", "b"]).description
                == "no instrument named 'x' (built-in: a, b) and no such file")
        #expect(
            JobError.strictRejected(rejected: 2, rowsRead: 10).description
                == "--strict: 2 of 10 rows are invalid, so no row is accepted and no result is computed")
    }
}

struct JobErrorCatalogTests {
    @Test func everyErrorHasDistinctNFCTextInBothLanguagesAndAUniqueKey() {
        let errors: [JobError] = [
            .unknownInstrument("x", available: ["a", "b"]), .cannotWrite(path: "/r", reason: "denied"),
            .inputMissing("x.csv"),
            .strictRejected(rejected: 2, rowsRead: 10),
        ]
        #expect(MessageCatalogCheck.problems(errors) == [])
        #expect(
            MessageCatalogCheck.problems([
                JobMessage.crosswalkRegrouping(column: "province_code", merged: 29, file: "cw.csv"),
                .instrumentDetected(file: "a.csv", instrument: "sipas-2023", percent: 100),
                .storeSelection(location: "s.db", batches: 2, responses: 40, year: 2024, instrument: "sipas-2023"),
                .serverSumsOnly(location: "postgres://h/d"),
            ]) == [])
    }
}
