import ArgumentParser
import Foundation
import SIPASCore
import SIPASReportJobs
import SIPASStore
import SIPASStorePostgres

/// The store `sipas store batches|show|export` read.
struct StoreOptionGroup: ParsableArguments {
    @Option(help: "The store: a SQLite file or a postgres://user@host/database URL (read as that role).")
    var store: String

    /// Runs `body` on the opened store (a SQLite file must exist: these commands never create one),
    /// read as the connected role, reporting any error in `lang` with its exit status.
    func run(language lang: Language, _ body: (any SurveyStoring) async throws -> Void) async throws {
        try await ErrorReporter.exit(language: lang) {
            try await StoreLocation.with(store, existing: true, language: lang) { try await body($0) }
            return ExitStatus.ok
        }
    }
}

/// `sipas store batches|show|export`: what a store holds.
struct StoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "List, show and export the batches of a survey store.",
        subcommands: [Batches.self, Show.self, Export.self, Setup.self]
    )

    struct Batches: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "batches", abstract: "List every batch: team, file, digest, rows, time; replaced ones marked.")
        @OptionGroup var options: StoreOptionGroup
        @OptionGroup var output: OutputFlags

        func run() async throws {
            try await options.run(language: output.language) { store in
                func text(_ message: CLIMessage) -> String { message.text(output.language) }
                let batches = try await store.batches(as: .connected)
                if output.json {
                    return try OutputFlags.emitJSON(StoreBatchesJSON(batches: batches.map(BatchJSON.init)))
                }
                var lines = [text(.batchColumns)]
                for b in batches {
                    let status = text(b.replacedBy.map(CLIMessage.replacedBy) ?? .inForce)
                    lines.append(
                        [
                            String(b.id), b.name, b.team, b.fileName, String(b.sha256.prefix(12)), b.instrumentID,
                            String(b.rowsRead), String(b.accepted), String(b.rejected), b.loadedAt, status,
                        ].joined(separator: "\t"))
                }
                try Console.emit(lines.joined(separator: "\n") + "\n", to: nil)
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "One batch: where it came from, its counts and its rejected rows with reasons.")
        @OptionGroup var options: StoreOptionGroup
        @OptionGroup var output: OutputFlags
        @Argument(help: "Batch name or number.")
        var batch: String

        func run() async throws {
            try await options.run(language: output.language) { store in
                func text(_ message: CLIMessage) -> String { message.text(output.language) }
                let b = try await store.batch(batch, as: .connected)
                let rejections = try await store.rejections(of: b, as: .connected).rows
                if output.json {
                    return try OutputFlags.emitJSON(
                        StoreShowJSON(
                            batch: BatchJSON(b), rejections: rejections.map { .init(row: $0.row, reasons: $0.reasons) })
                    )
                }
                var out = """
                    \(text(.batchHeading(id: b.id, name: b.name)))
                    \(text(.teamLabel)): \(b.team)
                    \(text(.fileLabel)): \(b.fileName)
                    SHA-256: \(b.sha256)
                    \(text(.instrumentLabel)): \(b.instrumentID) (\(b.methodVersion))
                    \(text(.batchCounts(rowsRead: b.rowsRead, accepted: b.accepted, rejected: b.rejected)))
                    \(text(.loadedLabel)): \(b.loadedAt)
                    \(text(.statusLabel)): \(text(b.replacedBy.map(CLIMessage.replacedByBatch) ?? .inForce))

                    """
                for r in rejections { out += "  \(text(.rejectedRow(row: r.row, reasons: r.reasons)))\n" }
                try Console.emit(out, to: nil)
            }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "The responses in force as CSV (batch, file, row, design columns, attributes, answers).")
        @OptionGroup var options: StoreOptionGroup
        @Option(help: "Language of messages: vi or en.")
        var lang: Language = .vi
        @Option(help: "Only this survey year.")
        var year: Int?
        @Option(help: "Only batches of this instrument (needed when the store holds several).")
        var instrument: String?
        @Option(name: [.short, .long], help: "Write to this file instead of standard output.")
        var output: String?

        func run() async throws {
            try await options.run(language: lang) { store in
                let selection = try await store.select(
                    ResponseSelection(
                        year: year, instrumentID: instrument.map { (try? InstrumentResolver.resolve($0).id) ?? $0 }),
                    as: .connected)
                let layout = try InstrumentResolver.resolve(selection.instrumentID).recordLayout
                try Console.emit(
                    try await store.exportCSV(selection, year: year, layout: layout, as: .connected), to: output)
            }
        }
    }

    struct Setup: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "setup",
            abstract: "PostgreSQL store (as its administrator): create the tables, and a team or analyst role.",
            discussion:
                "Example: sipas store setup --store postgres://sipas_admin@127.0.0.1/sipas --team hanoi --provinces 01 --password …"
        )
        @Option(help: "The store: a postgres://administrator@host/database URL.")
        var store: String
        @Option(help: "Create (or update) this team's login role.")
        var team: String?
        @Option(help: "With --team: the province codes the team may load and read, comma-separated.")
        var provinces: String?
        @Option(help: "Create (or update) this analyst's login role (reads every batch).")
        var analyst: String?
        @Option(help: "Create (or update) the login role `sipas serve` connects as (member of sipas_web).")
        var web: String?
        @Option(help: "Password of the role created.")
        var password: String?
        @Option(help: "Language of messages: vi or en.")
        var lang: Language = .vi

        func run() async throws {
            func text(_ message: CLIMessage) -> String { message.text(lang) }
            do {
                guard StoreLocation.isPostgres(store) else {
                    throw StoreError(
                        .cannotOpen(reason: StoreMessage.postgresURLNeeded.text(lang)),
                        store: store)
                }
                let opened = try await PostgresStore.connect(store, migrate: true)
                defer { Task { await opened.close() } }
                Console.message(text(.storeReady(location: opened.location)))
                if let team {
                    let codes = splitList(provinces ?? "")
                    try await opened.createTeam(team, password: password, provinces: codes)
                    Console.message(text(.teamProvinces(team: team, provinces: codes)))
                }
                if let analyst {
                    try await opened.createAnalyst(analyst, password: password)
                    Console.message(text(.analystRole(analyst)))
                }
                if let web {
                    try await opened.createWebServer(web, password: password)
                    Console.message(text(.webServerRole(web)))
                }
            } catch {
                Console.message(ErrorReporter.message(for: error, language: lang))
                throw ExitCode(ErrorReporter.exitCode(for: error))
            }
        }
    }
}
