import Foundation
import SIPASTestSupport
import Testing

/// `sipas analyze` on public real-world survey data it was not built on, against R `survey` 4.1-1
/// (Tests/Fixtures/r-real: the data, the instruments, the R scripts and the 372 reference values):
/// NHANES 2009–2010 (15 strata, PSU codes 1 and 2 repeated in every stratum, missing answers, shares
/// from 0.45 % to 99.55 %, race × age domains where PSUs hold no answer), YRBS 2015 (two PSUs with no
/// answer to the item: df 41, not 39), BEPS (a simple random sample of 1–5 ratings with roll-ups), the
/// jackknife and a raked design. Estimates and SEs within 1e-8 (relative), CI limits within 1e-6, df
/// and n equal.
struct AnalyzeCommandRealDataTests {
    typealias CLI = CommandLineTests
    static let directory = Fixtures.url("r-real")

    struct Reference {
        var options: [String]
        var group: String, indicator: String, statistic: String, method: String
        var estimate: Double, se: Double, df: Int?, low: Double?, high: Double?, n: Int
    }

    static let references: [String: [Reference]] = {
        let text = (try? String(contentsOf: directory.appendingPathComponent("reference.csv"), encoding: .utf8)) ?? ""
        var byCase: [String: [Reference]] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            // The group value of the crossing race*agecat holds a comma ("1*(0,19]"): fields are
            // split from both ends around it.
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let tail = Array(f.suffix(9))
            let head = Array(f.prefix(3))
            let value = f[3..<(f.count - 9)].joined(separator: ",")
            byCase[head[0], default: []].append(
                Reference(
                    options: head[1].split(separator: " ").map(String.init),
                    group: "\(head[2])=\(value)", indicator: tail[0], statistic: tail[1], method: tail[2],
                    estimate: Double(tail[3])!, se: Double(tail[4])!, df: Int(tail[5]),
                    low: Double(tail[6]), high: Double(tail[7]), n: Int(tail[8])!))
        }
        return byCase
    }()

    static let cases: [(name: String, data: String, instrument: String)] = [
        ("nhanes", "nhanes.csv", "nhanes.yaml"), ("nhanes-normal", "nhanes.csv", "nhanes-normal.yaml"),
        ("nhanes-jackknife", "nhanes.csv", "nhanes.yaml"), ("nhanes-rake", "nhanes.csv", "nhanes.yaml"),
        ("yrbs", "yrbs.csv", "yrbs.yaml"), ("beps", "beps.csv", "beps.yaml"),
    ]

    /// sipas's JSON records, keyed as the references are (shares in percent there, proportions here).
    static func analyse(_ data: String, _ instrument: String, options: [String], method: String) throws -> [String:
        [String: Any]]
    {
        let run = try CLI.sipas(
            ["analyze", data, "--instrument", instrument, "--format", "json", "--ci", method] + options,
            in: directory)
        #expect(run.status == 0, "\(run.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let records = try #require(document["records"] as? [[String: Any]])
        var keyed: [String: [String: Any]] = [:]
        for record in records {
            let group = "\(record["group_variable"] ?? "")=\(record["group_value"] ?? "")"
            keyed["\(group)|\(record["indicator"] ?? "")|\(record["statistic"] ?? "")"] = record
        }
        return keyed
    }

    @Test(arguments: cases)
    func matchesRSurvey(_ name: String, _ data: String, _ instrument: String) throws {
        let references = try #require(Self.references[name])
        let runs = Dictionary(grouping: references) { $0.method == "t" ? "logit" : $0.method }
        var compared = 0
        for (method, rows) in runs {
            let records = try Self.analyse(data, instrument, options: rows[0].options, method: method)
            for reference in rows {
                let key = "\(reference.group)|\(reference.indicator)|\(reference.statistic)"
                let record = try #require(records[key], "\(name) \(method): no record \(key)")
                let scale = reference.statistic == "share" ? 100.0 : 1.0
                let number = { (field: String) in (record[field] as? Double).map { $0 / scale } }
                let label = "\(name) --ci \(method) \(key)"
                #expect(
                    Self.close(number("estimate"), reference.estimate, 1e-8),
                    "\(label): estimate \(String(describing: number("estimate"))) R \(reference.estimate)")
                #expect(
                    Self.close(number("se"), reference.se, 1e-8),
                    "\(label): se \(String(describing: number("se"))) R \(reference.se)")
                // Jackknife domains: R's replicate df differs by design (Tests/Fixtures/r-real/README.md).
                if let low = reference.low, let high = reference.high {
                    #expect(
                        Self.close(number("ci_low"), low, 1e-6),
                        "\(label): ci_low \(String(describing: number("ci_low"))) R \(low)")
                    #expect(
                        Self.close(number("ci_high"), high, 1e-6),
                        "\(label): ci_high \(String(describing: number("ci_high"))) R \(high)")
                }
                if let df = reference.df {
                    #expect(record["df"] as? Int == df, "\(label): df \(record["df"] ?? "nil") R \(df)")
                }
                #expect(record["n"] as? Int == reference.n, "\(label): n \(record["n"] ?? "nil") R \(reference.n)")
                compared += 1
            }
        }
        #expect(compared == references.count)
    }

    static func close(_ value: Double?, _ reference: Double, _ tolerance: Double) -> Bool {
        guard let value else { return false }
        return abs(value - reference) <= tolerance * max(abs(reference), 1e-300)
    }
}
