import Foundation
import SIPASCore
import SIPASImport
import SIPASInstruments
import SIPASTestSupport
import Testing
@testable import SIPASStats

/// The pass is deterministic: SampleData/2024.csv accumulated on 1, 2 and 4 threads (records routed
/// by PSU) gives the same results, encoded as the same JSON byte for byte, by linearisation and by
/// the bootstrap.
struct ShardingTests {
    static func sample() throws -> (AnalysisPlan, [ResponseRecord]) {
        let instrument = try #require(try BuiltinInstruments.named("sipas-2023"))
        let plan = try AnalysisPlan(instrument: instrument, breakdowns: ["sector", "province_code"])
        var records: [ResponseRecord] = []
        let file = Fixtures.repositoryRoot.appendingPathComponent("SampleData/2024.csv")
        _ = try CSVImporter(instrument: instrument).run(file: file) { records.append($0) }
        return (plan, records)
    }

    static func json(_ result: AnalysisResult) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(result)
    }

    @Test(arguments: [VarianceMethod.linearization, .bootstrap])
    func sameJSONWithOneTwoAndFourThreads(variance: VarianceMethod) throws {
        let (plan, records) = try Self.sample()
        #expect(records.count > 1000)
        var options = EstimationOptions(variance: variance)
        options.replicates = 50
        let one = try Self.json(try SurveyEstimator.estimate(try SurveyAccumulator.accumulate(records, plan: plan, threads: 1), options: options))
        for threads in [2, 4] {
            let many = try SurveyAccumulator.accumulate(records, plan: plan, threads: threads)
            #expect(try Self.json(try SurveyEstimator.estimate(many, options: options)) == one, "\(threads) threads")
        }
        // The single-threaded pass of the CLI (add in file order) gives the same bytes too.
        var serial = SurveyAccumulator(plan: plan)
        for record in records { try serial.add(record) }
        #expect(try Self.json(try SurveyEstimator.estimate(serial, options: options)) == one)
    }

    @Test func shardIsStableAndSpreadsPSUs() {
        let records = (0..<400).map { record(stratum: "s\($0 % 7)", cluster: "c\($0)", weight: 1, codes: [1]) }
        let shards = records.map { SurveyAccumulator.shard(of: $0, count: 4) }
        #expect(shards == records.map { SurveyAccumulator.shard(of: $0, count: 4) })
        #expect(Set(shards) == [0, 1, 2, 3])
        #expect(SurveyAccumulator.shard(of: record(stratum: "01", cluster: "00001", weight: 1, codes: [1]), count: 2)
                == SurveyAccumulator.shard(of: record(stratum: "01", cluster: "00001", weight: 2, codes: [3]), count: 2))
    }

    @Test func errorsFromAShardAreThrown() throws {
        let plan = try AnalysisPlan(instrument: oneItemInstrument())
        let records = [record(stratum: "a", cluster: "1", weight: 1, codes: [1]), record(stratum: "a", cluster: "2", weight: -1, codes: [1])]
        #expect(throws: StatsError.self) { try SurveyAccumulator.accumulate(records, plan: plan, threads: 2) }
    }
}
