import Foundation
import SIPASTestSupport
import Testing

/// `sipas analyze --store postgres://…`: the numbers of the same files, read from the store's
/// column chunks.
@Suite(.serialized) struct AnalyzeCommandPostgresTests {
    typealias CLI = CommandLineTests

    /// The JSON records' numbers keyed by group, indicator and statistic.
    static func numbers(_ json: String) throws -> [String: [Double]] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let records = try #require(object["records"] as? [[String: Any]])
        var out: [String: [Double]] = [:]
        for r in records {
            let key = ["group_variable", "group_value", "indicator", "statistic"].map { "\(r[$0] ?? "")" }.joined(
                separator: "|")
            out[key] = ["estimate", "se", "ci_low", "ci_high", "df", "n"].map {
                (r[$0] as? NSNumber)?.doubleValue ?? .nan
            }
        }
        return out
    }

    @Test func aStoreOnPostgresGivesTheNumbersOfItsFiles() throws {
        let directory = try Fixtures.temporaryDirectory()
        let db = try StoreCommandTests.database(in: directory)
        let first = try StoreCommandTests.fileWithOneRejection("hn.csv", in: directory)
        let second = try ImportCommandTests.part("hn-2.csv", rows: 41...60, in: directory)
        let load = try CLI.sipas(["import", first, second, "--store", db.team, "--accept-rejects"], in: directory)
        #expect(load.status == 0, "\(load.stderr)")
        let fromFiles = try CLI.sipas(["analyze", first, second, "--by", "sector", "--format", "json"], in: directory)
        #expect(fromFiles.status == 65, "one row is rejected: \(fromFiles.stderr)")
        let expected = try Self.numbers(fromFiles.stdout)
        for store in [db.team, db.analyst] {
            let run = try CLI.sipas(["analyze", "--store", store, "--by", "sector", "--format", "json"], in: directory)
            // The store's batches hold the rejected row, as the files do: exit 65 there too.
            #expect(run.status == 65, "\(store): \(run.stderr)")
            let actual = try Self.numbers(run.stdout)
            #expect(actual.count == expected.count && !actual.isEmpty)
            for (key, e) in expected {
                let a = try #require(actual[key], "\(key) missing")
                for (x, y) in zip(e, a) where !(x.isNaN && y.isNaN) {
                    #expect(abs(x - y) <= 1e-12 * max(1, abs(x)), "\(key): \(e) against \(a)")
                }
            }
        }
    }
}
