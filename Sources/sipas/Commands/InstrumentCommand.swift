import ArgumentParser

struct InstrumentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "instrument", abstract: "(not yet implemented)")
    func run() async throws { throw ExitCode(1) }
}
