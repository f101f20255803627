import ArgumentParser
import Foundation
import SIPASCore
import SIPASReport
import SIPASStats

/// `sipas design draw`: the selected units, with their inclusion probabilities and design weights.
struct DesignDrawCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "draw",
        abstract:
            "Select units from a frame (PPS systematic, Tillé or maximum entropy, SRS), then households within clusters.",
        discussion: """
            Strata are taken in order of first appearance. pps-systematic: π ∝ size with certainty \
            units (π = 1) set aside, one start per stratum, frame order kept (sort the frame for \
            implicit stratification), as R sampling's UPsystematic. pps-tille: Tillé's elimination \
            method (R sampling's UPtille), without replacement with exactly those π. pps-maxentropy: \
            conditional Poisson (maximum-entropy) sampling, R sampling's UPmaxentropy, its working \
            probabilities solved to 1e-12. srs: simple random sampling without replacement. \
            --reserve-clusters r draws r reserve units per stratum at the same time: a second-phase \
            SRS of the units not selected (of positive size for PPS), column reserve_rank 1 … r in \
            the order they replace selected units that cannot be surveyed (0 for selected units); \
            they are drawn after the selection, which stays the same as without them. With --listed \
            and --per-cluster, households are drawn in each selected (and reserve) cluster with \
            --reserves more, shuffled: the first k are "main", the others "reserve" in the order to \
            use them. Random numbers: GSL mt19937 with --seed.

            Examples:
              sipas design draw --frame SampleData/frame-2025.csv --id commune_code --size households --strata province_code --n 136 --allocation sqrt --minimum 3 --method pps-systematic --seed 2025 --output communes.csv
              sipas design draw --frame SampleData/frame-2025.csv --id commune_code --size households --strata province_code --allocation alloc.csv --method pps-tille --seed 7 --listed households --per-cluster 20 --reserves 5 --output households.csv --excel households.xlsx
              sipas design draw --frame SampleData/frame-2025.csv --id commune_code --size households --strata province_code --n 136 --allocation equal --method pps-maxentropy --reserve-clusters 2 --seed 9 --output communes.csv
            """
    )

    @Option(help: "Frame CSV, one row per unit (see docs/frames.md).") var frame: String
    @Option(help: "Unit id column (unique).") var id: String
    @Option(help: "Size column for PPS (households, population …).") var size: String?
    @Option(help: "Total number of units (with a rule in --allocation).") var n: Int?
    @Option(help: "Stratum column (e.g. province_code).") var strata: String?
    @Option(help: "proportional, equal, sqrt, or an allocation CSV (stratum, forms) from `design allocate`.")
    var allocation: String = "proportional"
    @Option(help: "Minimum units per stratum, with a rule.") var minimum: Int = 0
    @Option(help: "pps-systematic, pps-tille, pps-maxentropy or srs.") var method: SelectionMethod
    @Option(help: "Random seed (GSL mt19937).") var seed: UInt = 1
    @Option(help: "Start u in [0, 1) of systematic PPS (one stratum); default: drawn from the seed.") var start: Double?
    @Option(help: "Column of listed households per cluster (second stage).") var listed: String?
    @Option(name: .customLong("per-cluster"), help: "Households to interview per selected cluster.") var perCluster:
        Int?
    @Option(help: "Reserve households per cluster, drawn at the same time.") var reserves: Int = 0
    @Option(
        name: .customLong("reserve-clusters"),
        help: "Reserve units per stratum (SRS of the units not selected), column reserve_rank.") var reserveClusters:
        Int = 0
    @Option(help: "Second stage: systematic or srs.") var within: HouseholdSelection.Method = .systematic
    @Option(name: [.short, .long], help: "Output CSV file.") var output: String
    @Option(help: "Also an Excel workbook, one sheet per stratum.") var excel: String?
    @Option(help: "Language of messages: vi or en.") var lang: Language = .vi

    func run() async throws {
        try DesignIO.run(lang) {
            guard (listed == nil) == (perCluster == nil) else {
                throw DesignError(.usage, .listedWithPerCluster)
            }
            guard reserves >= 0, reserveClusters >= 0, perCluster.map({ $0 > 0 }) ?? true, minimum >= 0 else {
                throw DesignError(.usage, .drawCounts)
            }
            let table = try DesignIO.readTable(frame)
            let rule = AllocationRule(rawValue: allocation)
            if rule == .neyman {
                throw DesignError(.usage, .neymanNeedsAllocationFile)
            }
            let fixed = try rule == nil ? SampleDraw.fixedSizes(try DesignIO.readTable(allocation)) : nil
            let spec = DrawSpec(
                id: id, size: size, strata: strata, n: n, rule: rule ?? .proportional, fixedSizes: fixed,
                minimum: minimum,
                method: method, start: start, seed: seed, listed: listed, perCluster: perCluster, reserves: reserves,
                within: within,
                reserveClusters: reserveClusters)
            let result = try SampleDraw.run(frame: table, spec: spec)
            try DesignIO.write(DesignIO.csv(result.header, result.rows), to: output)
            if let excel { try writeWorkbook(result, to: excel) }
            let units = result.strata.map(\.sampleSize).reduce(0, +)
            Console.message(
                CLIMessage.drawSummary(
                    output: output, units: units, frameRows: table.rows.count, strata: result.strata.count,
                    certainty: result.certaintyUnits, reserves: result.reserveUnits, rows: result.rows.count,
                    method: method.rawValue, seed: seed
                ).text(lang))
            if result.zeroSizes > 0 {
                Console.message(CLIMessage.zeroSizeUnits(result.zeroSizes).text(lang))
            }
        }
    }

    /// One sheet per stratum; probabilities and weights as numbers.
    private func writeWorkbook(_ result: DrawOutput, to path: String) throws {
        let numeric: [String: ReportColumn.Kind] = [
            "inclusion_probability": .probability, "design_weight": .score, "stage1_probability": .probability,
            "stage2_probability": .probability, "household": .integer, "reserve_order": .integer,
            "reserve_rank": .integer,
        ]
        let columns = result.header.map { ReportColumn($0, $0, numeric[$0] ?? .text) }
        let tables = result.strata.map { stratum in
            let rows = result.rows.indices.filter { result.strataOfRows[$0] == stratum.stratum }.map { r in
                result.rows[r].enumerated().map { c, text -> ReportValue in
                    numeric[result.header[c]] != nil ? ReportValue.of(Double(text)) : .text(text)
                }
            }
            return ReportTable(
                id: "stratum_\(stratum.stratum)", title: stratum.stratum, sheetName: stratum.stratum, columns: columns,
                rows: rows)
        }
        let report = AnnualReport(
            title: "sipas design draw", subtitle: frame, language: lang, year: "", previousYear: nil, minimumN: 0,
            tables: tables)
        do {
            try XLSXWriter.write(report, to: URL(fileURLWithPath: path))
        } catch {
            throw CLIError.cannotWrite(path: path, reason: error.localizedDescription)
        }
    }
}
