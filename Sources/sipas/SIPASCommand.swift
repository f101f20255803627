import ArgumentParser

@main
struct SIPASCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sipas",
        abstract: "Chỉ số hài lòng — design-based satisfaction indices for SIPAS and sector surveys.",
        subcommands: [
            AnalyzeCommand.self, CompareCommand.self, ReportCommand.self, ValidateCommand.self, ImportCommand.self,
            StoreCommand.self, InstrumentCommand.self, SampleCommand.self, DesignCommand.self, ServeCommand.self,
        ]
    )
}
