import ArgumentParser
import Foundation
import SIPASCore
import SIPASImport
import SIPASInstruments

extension InstrumentCommand {
    /// `sipas instrument import form.xlsx`: an ODK / KoboToolbox XLSForm as an instrument file.
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Convert an XLSForm (.xlsx: survey, choices, settings sheets) into an instrument YAML file.",
            discussion: """
                Names, types, Vietnamese and English labels (label::Vietnamese (vi), label::English (en)), \
                hints, choices, required, constraint and relevant are carried over exactly; every other \
                column and the groups are kept as comments. Add the SIPAS fields (scales, design, areas, \
                elements) by hand, then check the file with `sipas instrument check`.
                """
        )

        @Argument(help: "The XLSForm workbook (.xlsx).")
        var form: String

        @Option(name: [.short, .long], help: "Write the instrument to this file instead of standard output.")
        var output: String?

        @Option(help: "Language of messages: vi or en.")
        var lang: Language = .vi

        func run() async throws {
            try InstrumentCommand.reporting(language: lang) {
                guard FileManager.default.fileExists(atPath: form) else { throw CLIError.inputMissing(form) }
                let yaml = try XLSForm(url: URL(fileURLWithPath: form)).instrumentYAML()
                // The result must read back as an instrument before it is written.
                _ = try InstrumentLoader.load(yaml: yaml, file: output ?? "(output)")
                try Console.emit(yaml, to: output)
            }
        }
    }
}
