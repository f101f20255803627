import ArgumentParser
import Foundation
import SIPASCore
import SIPASReportJobs
import SIPASStore
import SIPASStorePostgres
import SIPASWeb

/// `sipas serve`: the web front door over a survey store; `sipas serve user …` manages its accounts.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the survey store on the web: uploads, validation reports, batches, fieldwork progress.",
        discussion: """
            Example: sipas serve --store sipas.db --listen 127.0.0.1:8080
            The store and address may also come from SIPAS_STORE and SIPAS_LISTEN. Stops gracefully on \
            SIGTERM or Ctrl-C. Accounts: sipas serve user add NAME --role team --team TEAM --store sipas.db
            PostgreSQL: sipas serve --store postgres://WEB_ROLE@host/database, WEB_ROLE made by \
            sipas store setup --web WEB_ROLE; each request reads and loads as the account's team role.
            """,
        subcommands: [Start.self, UserCommand.self],
        defaultSubcommand: Start.self
    )

    struct Start: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "start", abstract: "Start the server (the default).")
        @OptionGroup var store: ServeStoreOption

        @Option(help: "HOST:PORT to listen on (default: SIPAS_LISTEN, else 127.0.0.1:8080).")
        var listen: String?

        @Flag(
            name: .customLong("secure-cookies"),
            help:
                "Served over HTTPS (directly or behind a TLS proxy): the session cookie is __Host-sipas, Secure, and HSTS is sent."
        )
        var secureCookies = false

        @Flag(
            name: .customLong("behind-proxy"),
            help: "Behind a reverse proxy on this machine: the client address is the X-Real-IP header.")
        var behindProxy = false

        @Option(name: .customLong("max-upload-mb"), help: "Largest upload in MiB.")
        var maxUploadMB = 64

        @Option(help: "With a PostgreSQL store: connections kept open to the server.")
        var connections = 8

        @Option(
            name: .customLong("upload-dir"),
            help:
                "Where uploads wait before acceptance (never served; default: a sipas-uploads folder in the temporary directory)."
        )
        var uploadDirectory: String?

        @Option(
            name: .customLong("upload-max-age-hours"),
            help: "Uploads and written reports untouched this long are deleted (at startup, then hourly).")
        var uploadMaxAgeHours = 24.0

        func validate() throws {
            guard uploadMaxAgeHours > 0 else { throw ValidationError("--upload-max-age-hours must be positive") }
        }

        func run() async throws {
            try await ErrorReporter.exit(language: store.lang) {
                _ = try store.location()
                let address = listen ?? ProcessInfo.processInfo.environment["SIPAS_LISTEN"] ?? "127.0.0.1:8080"
                let (host, port): (String, Int)
                do { (host, port) = try WebConfiguration.parseListen(address) } catch let error as WebConfigurationError
                {
                    throw ValidationError(error.message(store.lang))
                }
                var configuration = WebConfiguration(
                    host: host, port: port, secureCookies: secureCookies, behindProxy: behindProxy,
                    maxUploadBytes: max(1, maxUploadMB) << 20,
                    uploadDirectory: uploadDirectory.map { URL(fileURLWithPath: $0, isDirectory: true) })
                configuration.uploadMaxAgeSeconds = uploadMaxAgeHours * 3600
                configuration.storeLocation = try store.location()
                let opened = try await store.open(connections: connections)
                let services = try WebServices(store: opened, configuration: configuration)
                do { try await WebServer.run(services) } catch {
                    await opened.close()
                    throw error
                }
                await opened.close()
                return ExitStatus.ok
            }
        }
    }
}

/// `--store` of `sipas serve` and its subcommands (default: SIPAS_STORE).
struct ServeStoreOption: ParsableArguments {
    @Option(
        help:
            "The store: a SQLite file (created if absent) or a postgres://role@host/database URL (a member of sipas_web); default SIPAS_STORE."
    )
    var store: String?

    @Option(help: "Language of messages: vi or en.")
    var lang: Language = .vi

    func location() throws -> String {
        guard let location = store ?? ProcessInfo.processInfo.environment["SIPAS_STORE"], !location.isEmpty else {
            throw ValidationError(CLIMessage.storeRequired.text(lang))
        }
        return location
    }

    /// The store: a SQLite file, or a pool of `connections` to a PostgreSQL server.
    func open(connections: Int = 1) async throws -> any SurveyStoring {
        try await StoreLocation.open(try location(), connections: connections, language: lang)
    }
}
