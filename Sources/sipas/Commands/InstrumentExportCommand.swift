import ArgumentParser
import Foundation
import SIPASCore
import SIPASInstruments
import SIPASReport
import SIPASReportJobs

extension InstrumentExport.Format: ExpressibleByArgument {}

extension InstrumentCommand {
    /// `sipas instrument export NAME|FILE --format xlsform|entry-xlsx|html --output FILE`.
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write an instrument as an XLSForm, a data-entry workbook or a printable paper form.",
            discussion: """
                xlsform: survey, choices and settings sheets for ODK / KoboToolbox (labels in Vietnamese and \
                English, required, constraint, relevant, a group per area and element). entry-xlsx: a workbook \
                for keying paper forms: the header row the importer reads, drop-downs and ranges from the \
                instrument, a codes sheet and instructions in Vietnamese. html: an A4 paper questionnaire \
                with the codes beside each answer box (print it to PDF from a browser).
                """
        )

        @Argument(help: "A built-in instrument id (see `sipas instrument list`) or an instrument YAML file.")
        var name: String

        @Option(help: "xlsform, entry-xlsx or html.")
        var format: InstrumentExport.Format

        @Option(name: [.short, .long], help: "The file to write (html: standard output when absent).")
        var output: String?

        @Option(help: "Language of messages and of the paper form: vi or en.")
        var lang: Language = .vi

        func validate() throws {
            if format.isWorkbook && output == nil {
                throw ValidationError(CLIMessage.formatNeedsOutput(format: format.rawValue).text(lang))
            }
        }

        func run() async throws {
            try InstrumentCommand.reporting(language: lang) {
                let instrument = try InstrumentResolver.resolve(name)
                guard let output else {
                    try Console.emit(try PaperForm.html(instrument, language: lang), to: nil)
                    return
                }
                do {
                    try InstrumentExport.write(
                        instrument, format: format, to: URL(fileURLWithPath: output), language: lang)
                } catch let error as CocoaError {
                    throw CLIError.cannotWrite(path: output, reason: error.localizedDescription)
                }
            }
        }
    }
}
