import ArgumentParser
import Foundation
import SIPASCore
import SIPASStats

/// `sipas design allocate`: n forms (or clusters) across the strata of a frame.
struct DesignAllocateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "allocate",
        abstract: "Allocate a sample across strata (proportional, equal, square root, Neyman; minimum per stratum).",
        discussion: """
            N_h is the number of frame rows of each stratum, or the sum of --population; Neyman needs \
            --sd (one standard deviation per stratum). Strata below --minimum are raised to it and \
            strata above N_h capped, the rest shared again; integers by largest remainder. Each \
            stratum's margin of error (for --share, with its finite population correction) is shown. \
            The CSV output (columns stratum, population, sd, exact, forms, margin) is what \
            `sipas design draw --allocation FILE` reads.

            Examples:
              sipas design allocate --frame SampleData/frame-2025.csv --strata province_code --n 136 --rule sqrt --minimum 3
              sipas design allocate --frame strata.csv --strata stype --population schools --sd sd_api00 --n 200 --rule neyman --format csv --output alloc.csv
            """
    )

    @Option(help: "Frame CSV (one row per unit, or per stratum with --population).") var frame: String
    @Option(help: "Stratum column.") var strata: String
    @Option(help: "Column summed for N_h (default: each row counts 1).") var population: String?
    @Option(help: "Column of standard deviations, for Neyman.") var sd: String?
    @Option(help: "Total sample size.") var n: Int
    @Option(help: "proportional, equal, sqrt or neyman.") var rule: AllocationRule = .proportional
    @Option(help: "Minimum per stratum (at most N_h).") var minimum: Int = 0
    @Option(help: "Expected share in percent, for the margins of error.") var share: Double = 50
    @Option(help: "Confidence level in percent.") var confidence: Double = 95
    @Option(help: "Design effect, for the margins of error.") var deff: Double = 1
    @Option(help: "table, csv or json.") var format: DesignOutputFormat = .table
    @Option(name: [.short, .long], help: "Output file (default: standard output).") var output: String?
    @Option(help: "Language of messages and labels: vi or en.") var lang: Language = .vi

    func run() async throws {
        try DesignIO.run(lang) {
            guard minimum >= 0 else {
                throw DesignError(.usage, .minimumNegative(minimum))
            }
            let table = try DesignIO.readTable(frame)
            let totals = try table.stratumTotals(strata: strata, population: population, sd: sd)
            let allocation = try Allocation.allocate(
                n: n, rule: rule, strata: totals.names, populations: totals.populations,
                sds: totals.sds, minimum: minimum)
            let margins = try allocation.map { a -> Double? in
                a.forms > 0
                    ? try SampleSize.marginOfError(
                        n: Double(a.forms), share: share / 100, confidence: confidence / 100,
                        designEffect: deff, population: max(a.population, Double(a.forms))) * 100 : nil
            }
            let header = ["stratum", "population", "sd", "exact", "forms", "margin"]
            let rows: [[Any]] = zip(allocation, margins).map { a, e in
                [
                    a.stratum, a.population, a.sd.map { $0 as Any } ?? NSNull(), a.exact, a.forms,
                    e.map { $0 as Any } ?? NSNull(),
                ]
            }
            switch format {
            case .json: try DesignIO.write(try DesignIO.json(header, rows), to: output)
            case .csv:
                try DesignIO.write(
                    DesignIO.csv(
                        header,
                        zip(allocation, margins).map { a, e in
                            [
                                a.stratum, SampleDraw.number(a.population), a.sd.map(SampleDraw.number) ?? "",
                                SampleDraw.number(a.exact), String(a.forms), e.map(SampleDraw.number) ?? "",
                            ]
                        }), to: output)
            case .table:
                let titles = [
                    CLIMessage.stratum, .population, .standardDeviation, .exactAllocation, .sampleSize, .marginPoints,
                ].map { $0.text(lang) }
                let text = zip(allocation, margins).map { a, e in
                    [
                        a.stratum + (a.fixed ? " *" : ""), DesignIO.human(a.population, 0, lang),
                        a.sd.map { DesignIO.human($0, 2, lang) } ?? "",
                        DesignIO.human(a.exact, 3, lang), String(a.forms),
                        e.map { "±" + DesignIO.human($0, 2, lang) } ?? "",
                    ]
                }
                let note = CLIMessage.allocationNote(rule: rule.rawValue, n: n, minimum: minimum).text(lang) + "\n"
                try DesignIO.write(note + "\n" + DesignIO.table(titles, text), to: output)
            }
        }
    }
}
