import Foundation
import SIPASCore
import SIPASImport
import SIPASInstruments
import SIPASTestSupport
import Testing

@testable import SIPASStats

/// The pass is deterministic: SampleData/2024.csv accumulated on 1, 2 and 4 threads (records routed
/// by PSU) gives the same results, encoded as the same JSON byte for byte, by linearisation and by
/// the bootstrap, with the domains estimated on one thread or several.
struct ShardingTests {
    static func sample(breakdowns: [String] = ["sector", "province_code"], national: RollupSpec.NationalMethod? = nil)
        throws -> (AnalysisPlan, [ResponseRecord])
    {
        var instrument = try #require(try BuiltinInstruments.named("sipas-2023"))
        if let national { instrument.rollup.national = national }
        let plan = try AnalysisPlan(instrument: instrument, breakdowns: breakdowns)
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
        options.threads = 1
        let one = try Self.json(
            try SurveyEstimator.estimate(
                try SurveyAccumulator.accumulate(records, plan: plan, threads: 1), options: options))
        for threads in [2, 4] {
            let many = try SurveyAccumulator.accumulate(records, plan: plan, threads: threads)
            options.threads = threads
            #expect(try Self.json(try SurveyEstimator.estimate(many, options: options)) == one, "\(threads) threads")
        }
        // The single-threaded pass of the CLI (add in file order) gives the same bytes too.
        var serial = SurveyAccumulator(plan: plan)
        for record in records { try serial.add(record) }
        #expect(try Self.json(try SurveyEstimator.estimate(serial, options: options)) == one)
    }

    /// Raked to sex and agency-level margins (the sample's own counts × 1000): the same bytes too
    /// (pooled whole sample and sector domains, to keep the debug-build test short).
    @Test func calibratedSameJSONWithOneAndThreeThreads() throws {
        var (plan, records) = try Self.sample(breakdowns: ["sector"], national: .pooled)
        var margins: [PopulationMargin] = []
        for variable in ["sex", "agency_level"] {
            let index = try #require(plan.layout.attributeIndex(variable))
            var counts: [[String]: Double] = [:]
            for record in records { counts[[record.attributes[index]], default: 0] += 1000 }
            margins.append(PopulationMargin(variables: [variable], totals: counts))
        }
        try plan.calibrate(CalibrationSpec(method: .rake, margins: margins))
        var options = EstimationOptions()
        options.threads = 1
        let one = try Self.json(
            try SurveyEstimator.estimate(
                try SurveyAccumulator.accumulate(records, plan: plan, threads: 1), options: options))
        options.threads = 3
        let three = try Self.json(
            try SurveyEstimator.estimate(
                try SurveyAccumulator.accumulate(records, plan: plan, threads: 3), options: options))
        #expect(one == three)
        #expect(String(decoding: one, as: UTF8.self).contains("\"calibrated_weight_sum\""))
    }

    @Test func shardIsStableAndSpreadsPSUs() {
        let records = (0..<400).map { record(stratum: "s\($0 % 7)", cluster: "c\($0)", weight: 1, codes: [1]) }
        let shards = records.map { SurveyAccumulator.shard(of: $0, count: 4) }
        #expect(shards == records.map { SurveyAccumulator.shard(of: $0, count: 4) })
        #expect(Set(shards) == [0, 1, 2, 3])
        #expect(
            SurveyAccumulator.shard(of: record(stratum: "01", cluster: "00001", weight: 1, codes: [1]), count: 2)
                == SurveyAccumulator.shard(of: record(stratum: "01", cluster: "00001", weight: 2, codes: [3]), count: 2)
        )
    }

    /// The record's shard is the fast path's: ("01", "00001") goes to shard 3 of 4 and ("01",
    /// "00004") to shard 1 (Tests/Fixtures/psu-hash/values.txt).
    @Test func aRecordGoesToItsPSUHashShard() {
        #expect(
            SurveyAccumulator.shard(of: record(stratum: "01", cluster: "00001", weight: 1, codes: [1]), count: 4) == 3)
        #expect(
            SurveyAccumulator.shard(of: record(stratum: "01", cluster: "00004", weight: 1, codes: [1]), count: 4) == 1)
        #expect(FastShard.hash(record(stratum: "79", cluster: "26734", weight: 1, codes: [1])) == 0x6f9d_8a0a_93ed_39d4)
    }

    @Test func errorsFromAShardAreThrown() throws {
        let plan = try AnalysisPlan(instrument: oneItemInstrument())
        let records = [
            record(stratum: "a", cluster: "1", weight: 1, codes: [1]),
            record(stratum: "a", cluster: "2", weight: -1, codes: [1]),
        ]
        #expect(throws: StatsError.self) { try SurveyAccumulator.accumulate(records, plan: plan, threads: 2) }
    }
}
