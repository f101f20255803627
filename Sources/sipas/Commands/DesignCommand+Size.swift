import ArgumentParser
import Foundation
import SIPASCore
import SIPASStats

/// `sipas design size`: forms needed for a target margin of error, or the margin a size gives.
struct DesignSizeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "size",
        abstract: "Forms needed for a margin of error on a share (overall, or per stratum of a frame).",
        discussion: """
            n0 = z²p(1-p)/e², × deff, finite population correction n/(1+(n-1)/N), ÷ response rate, \
            rounded up once. With --n, the margin of error that n completed forms give instead.

            Examples:
              sipas design size --margin 3 --share 50
              sipas design size --margin 4 --share 80 --deff 1.5 --response-rate 0.9 --format json
              sipas design size --margin 5 --share 85 --frame SampleData/frame-2025.csv --strata province_code --population households
              sipas design size --n 600 --share 50 --deff 2
            """
    )

    @Option(help: "Margin of error in percentage points (e.g. 3).") var margin: Double?
    @Option(help: "Expected share in percent (50 is the safest).") var share: Double = 50
    @Option(help: "Confidence level in percent.") var confidence: Double = 95
    @Option(help: "Design effect of the clustering (1 + (b-1)·ρ).") var deff: Double = 1
    @Option(name: .customLong("response-rate"), help: "Expected response rate, a fraction in (0, 1].") var responseRate:
        Double = 1
    @Option(help: "Population size N (a number), or with --frame the column holding each row's population.")
    var population: String?
    @Option(help: "Completed forms: print the margin of error they give instead of a size.") var n: Int?
    @Option(help: "Frame CSV: one size per stratum (see docs/frames.md).") var frame: String?
    @Option(help: "With --frame: the stratum column (e.g. province_code).") var strata: String?
    @Option(help: "table, csv or json.") var format: DesignOutputFormat = .table
    @Option(name: [.short, .long], help: "Output file (default: standard output).") var output: String?
    @Option(help: "Language of messages and labels: vi or en.") var lang: Language = .vi

    func run() async throws {
        try DesignIO.run(lang) {
            if let n {
                let populationSize = try population.map { try number($0, "--population") }
                let e = try SampleSize.marginOfError(
                    n: Double(n), share: share / 100, confidence: confidence / 100, designEffect: deff,
                    population: populationSize)
                let header = ["n", "share", "deff", "population", "margin"]
                let row: [Any] = [n, share, deff, populationSize.map { $0 as Any } ?? NSNull(), e * 100]
                switch format {
                case .json: try DesignIO.write(try DesignIO.json(header, [row]), to: output)
                case .csv:
                    try DesignIO.write(DesignIO.csv(header, [row.map { "\($0 is NSNull ? "" : $0)" }]), to: output)
                case .table:
                    try DesignIO.write(
                        CLIMessage.marginWithForms(
                            n: n, margin: DesignIO.human(e * 100, 2, lang),
                            confidence: DesignIO.human(confidence, 0, lang)
                        ).text(lang) + "\n", to: output)
                }
                return
            }
            guard let margin else {
                throw DesignError(.usage, .marginNeeded)
            }
            var strataNames = ["all"]
            var populations: [Double?] = [nil]
            if let frame {
                let table = try DesignIO.readTable(frame)
                let totals = try table.stratumTotals(strata: strata, population: population, sd: nil)
                strataNames = totals.names
                populations = totals.populations
            } else if let population {
                populations = [try number(population, "--population")]
            }
            let results = try populations.map {
                try SampleSize.required(
                    SampleSizeSpec(
                        margin: margin / 100, share: share / 100, confidence: confidence / 100,
                        designEffect: deff, responseRate: responseRate, population: $0))
            }
            let header = ["stratum", "population", "n_srs", "n_deff", "n_fpc", "completes", "forms"]
            var rows: [[Any]] = zip(strataNames, zip(populations, results)).map { name, pair in
                [
                    name, pair.0.map { $0 as Any } ?? NSNull(), pair.1.simpleRandom, pair.1.afterDesignEffect,
                    pair.1.afterPopulation, pair.1.completes, pair.1.forms,
                ]
            }
            if results.count > 1 {
                rows.append([
                    CLIMessage.total.text(lang), populations.compactMap { $0 }.reduce(0, +), NSNull(), NSNull(),
                    NSNull(),
                    results.map(\.completes).reduce(0, +), results.map(\.forms).reduce(0, +),
                ])
            }
            switch format {
            case .json: try DesignIO.write(try DesignIO.json(header, rows), to: output)
            case .csv:
                try DesignIO.write(
                    DesignIO.csv(header, rows.map { $0.map { $0 is NSNull ? "" : "\($0)" } }), to: output)
            case .table:
                let titles = [
                    CLIMessage.stratum, .population, .srsSize, .afterDesignEffect, .afterFPC, .completes, .forms,
                ].map { $0.text(lang) }
                let text = rows.map { row in
                    row.enumerated().map { c, value -> String in
                        if value is NSNull { return "" }
                        if let d = value as? Double { return DesignIO.human(d, c == 1 ? 0 : 2, lang) }
                        return "\(value)"
                    }
                }
                let note =
                    CLIMessage.sizeNote(
                        z: DesignIO.human(results[0].z, 4, lang), margin: DesignIO.human(margin, 2, lang),
                        share: DesignIO.human(share, 1, lang), deff: DesignIO.human(deff, 2, lang),
                        responseRate: DesignIO.human(responseRate, 2, lang)
                    ).text(lang) + "\n"
                try DesignIO.write(note + "\n" + DesignIO.table(titles, text), to: output)
            }
        }
    }

    private func number(_ text: String, _ option: String) throws -> Double {
        guard let value = Double(text) else {
            throw DesignError(.usage, .optionNeedsNumber(option: option, text: text))
        }
        return value
    }
}
