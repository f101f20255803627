import ArgumentParser
import SIPASImport

extension EncodingChoice: ExpressibleByArgument {}

/// How response files are read: options shared by `analyze`, `compare`, `report` and `validate`.
struct ImportFlags: ParsableArguments {
    @Option(help: "Text encoding of CSV files: auto (default: byte-order mark, else detected with a stated confidence), utf8, utf16, cp1258, tcvn3 or vni.")
    var encoding: EncodingChoice = .auto

    @Option(help: "Sheet of an .xlsx workbook: its name or 1-based position (default: the first sheet).")
    var sheet: String?

    @Flag(help: "No progress line on the terminal while reading long files.")
    var quiet = false

    var source: SourceOptions { SourceOptions(encoding: encoding, sheet: sheet) }
}
