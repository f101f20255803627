import ArgumentParser

struct SampleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sample", abstract: "(not yet implemented)")
    func run() async throws { throw ExitCode(1) }
}
