import ArgumentParser
import Foundation
import SIPASCore
import SIPASReportJobs
import SIPASStore
import SIPASStorePostgres
import SIPASWeb

extension WebAccount.Role: ExpressibleByArgument {}

/// `sipas serve user add|list|disable`: the accounts of the web front door, kept in the store.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Add, list and disable web accounts.",
        subcommands: [Add.self, List.self, Disable.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract:
                "Add an account; the password is read from SIPAS_PASSWORD, else from the first line of standard input.",
            discussion:
                "Example: echo 'mat-khau-dai' | sipas serve user add lan --role team --team bac-giang --provinces 24 --store sipas.db"
        )
        @Argument(help: "Account name (sign-in name).")
        var name: String
        @Option(help: "team (a survey team member), analyst or admin.")
        var role: WebAccount.Role
        @Option(help: "The team of a team member (the batches it loads and sees).")
        var team: String = ""
        @Option(help: "Province codes of the team's fieldwork, comma-separated.")
        var provinces: String = ""
        @OptionGroup var store: ServeStoreOption

        func validate() throws {
            func text(_ message: CLIMessage) -> String { message.text(store.lang) }
            if role == .team && team.isEmpty { throw ValidationError(text(.roleTeamNeedsTeam)) }
            if role != .team && !team.isEmpty { throw ValidationError(text(.teamNeedsRoleTeam)) }
            if name.isEmpty || name.count > 64 { throw ValidationError(text(.accountNameLength)) }
        }

        func run() async throws {
            try await ErrorReporter.exit(language: store.lang) {
                func text(_ message: CLIMessage) -> String { message.text(store.lang) }
                let password =
                    ProcessInfo.processInfo.environment["SIPAS_PASSWORD"] ?? readLine(strippingNewline: true) ?? ""
                if let problem = Passwords.problem(password, language: store.lang) { throw ValidationError(problem) }
                if role == .team, StoreLocation.isPostgres(try store.location()), !PostgresStore.isRoleName(team) {
                    throw ValidationError(text(.postgresTeamRole(team: team)))
                }
                let opened = try await store.open()
                defer { Task { await opened.close() } }
                if try await opened.account(named: name) != nil {
                    throw ValidationError(text(.accountExists(name)))
                }
                let hash = await Passwords.hash(password, cost: WebConfiguration().bcryptCost)
                let codes = provinces.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
                    !$0.isEmpty
                }
                let added = try await opened.addAccount(
                    WebAccount(name: name, passwordHash: hash, role: role, team: team, provinces: codes))
                Console.message(text(.accountAdded(name: added.name, role: added.role.rawValue, team: team)))
                return ExitStatus.ok
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List the accounts (never their passwords).")
        @OptionGroup var store: ServeStoreOption

        func run() async throws {
            try await ErrorReporter.exit(language: store.lang) {
                func text(_ message: CLIMessage) -> String { message.text(store.lang) }
                var lines = [text(.accountColumns)]
                let opened = try await store.open()
                defer { Task { await opened.close() } }
                for a in try await opened.accounts() {
                    let status = text(a.disabled ? .accountDisabled : .accountActive)
                    lines.append(
                        [a.name, a.role.rawValue, a.team, a.provinces.joined(separator: ","), status, a.createdAt]
                            .joined(separator: "\t"))
                }
                try Console.emit(lines.joined(separator: "\n") + "\n", to: nil)
                return ExitStatus.ok
            }
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "disable", abstract: "Disable an account and end its sessions.")
        @Argument(help: "Account name.")
        var name: String
        @OptionGroup var store: ServeStoreOption

        func run() async throws {
            try await ErrorReporter.exit(language: store.lang) {
                func text(_ message: CLIMessage) -> String { message.text(store.lang) }
                let opened = try await store.open()
                defer { Task { await opened.close() } }
                guard try await opened.setAccount(name, disabled: true) else {
                    throw ValidationError(text(.noAccount(name)))
                }
                Console.message(text(.accountDisabledNow(name)))
                return ExitStatus.ok
            }
        }
    }
}
