import ArgumentParser
import Foundation
import SIPASCore
import SIPASStats

/// `sipas design progress`: forms planned, received and accepted per province, commune, cluster.
struct DesignProgressCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "progress",
        abstract: "Field work against the plan: planned, received, accepted and response rate per group.",
        discussion: """
            Planned: the selection's rows (reserves left out). Accepted: the responses in force in \
            the store (or the rows of --responses). Received: accepted plus the rows the store \
            rejected (SQLite store). Groups whose accepted/planned is below --behind are marked.

            Example:
              sipas design progress --sample households.csv --store sipas.db --year 2025 --by province_code,commune_code
            """
    )

    @Option(help: "The selection CSV (from `design draw`).") var sample: String
    @Option(help: "A survey store (SQLite file or postgres:// URL).") var store: String?
    @Option(help: "Instead of a store: a responses CSV.") var responses: String?
    @Option(help: "Only this survey year (store).") var year: Int?
    @Option(help: "Only batches of this instrument (store).") var instrument: String?
    @Option(help: "Levels, comma-separated (e.g. province_code,commune_code).") var by: String
    @Option(help: "Response rate in percent below which a group is behind.") var behind: Double = 80
    @Option(help: "table, csv or json.") var format: DesignOutputFormat = .table
    @Option(name: [.short, .long], help: "Output file (default: standard output).") var output: String?
    @Option(help: "Language of messages and labels: vi or en.") var lang: Language = .vi

    func run() async throws {
        let levels = by.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
        var accepted: [[String]] = []
        var rejected: [[String]] = []
        do {
            guard (store == nil) != (responses == nil) else {
                throw DesignError(.usage, .storeOrResponses)
            }
            if let store {
                (accepted, rejected) = try await FieldworkKeys.fromStore(
                    store, year: year, instrument: instrument, levels: levels, language: lang)
            } else if let responses {
                accepted = try FieldworkProgress.keys(try DesignIO.readTable(responses), levels: levels)
            }
        } catch let error as DesignError {
            try DesignIO.run(lang) { throw error }
        } catch let exit as ExitCode {
            throw exit
        } catch {
            Console.message(ErrorReporter.message(for: error, language: lang))
            throw ExitCode(ErrorReporter.exitCode(for: error))
        }
        try DesignIO.run(lang) {
            let rows = try FieldworkKeys.annex(
                sample: sample, levels: levels, accepted: accepted, rejected: rejected, threshold: behind / 100
            ).rows
            let header = ["level", "group", "planned", "received", "accepted", "response_rate", "behind"]
            let records: [[Any]] = rows.map { r in
                [
                    r.level, r.keys.joined(separator: " / "), r.planned, r.received, r.accepted,
                    r.rate.map { $0 * 100 as Any } ?? NSNull(), r.behind,
                ]
            }
            switch format {
            case .json: try DesignIO.write(try DesignIO.json(header, records), to: output)
            case .csv:
                try DesignIO.write(
                    DesignIO.csv(
                        header,
                        rows.map { r in
                            [
                                r.level, r.keys.joined(separator: " / "), String(r.planned), String(r.received),
                                String(r.accepted),
                                r.rate.map { SampleDraw.number($0 * 100) } ?? "", r.behind ? "1" : "0",
                            ]
                        }), to: output)
            case .table:
                let titles =
                    [CLIMessage.groupColumn, .planned, .received, .acceptedColumn, .ratePercent].map { $0.text(lang) }
                    + [""]
                let text = rows.map { r in
                    [
                        String(repeating: "  ", count: r.keys.count - 1) + r.keys.last!, String(r.planned),
                        String(r.received), String(r.accepted),
                        r.rate.map { DesignIO.human($0 * 100, 1, lang) } ?? "–",
                        r.behind ? CLIMessage.behind.text(lang) : "",
                    ]
                }
                let late = rows.filter { $0.behind && $0.level == levels.last }.count
                let note =
                    CLIMessage.progressNote(
                        levels: levels.joined(separator: " › "), late: late, threshold: DesignIO.human(behind, 0, lang)
                    ).text(lang) + "\n"
                try DesignIO.write(note + "\n" + DesignIO.table(titles, text), to: output)
            }
        }
    }
}
