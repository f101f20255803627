import ArgumentParser

struct AnalyzeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "analyze", abstract: "(not yet implemented)")
    func run() async throws { throw ExitCode(1) }
}
