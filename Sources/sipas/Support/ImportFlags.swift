import ArgumentParser
import SIPASImport

extension EncodingChoice: ExpressibleByArgument {}

/// How response files are read: the encoding and the sheet (`analyze`, `compare`, `report`,
/// `validate`).
struct SourceFlags: ParsableArguments {
    @Option(
        help:
            "Text encoding of CSV files: auto (default: byte-order mark, else detected with a stated confidence), utf8, utf16, cp1258, tcvn3 or vni."
    )
    var encoding: EncodingChoice = .auto

    @Option(help: "Sheet of an .xlsx workbook: its name or 1-based position (default: the first sheet).")
    var sheet: String?

    var source: SourceOptions { SourceOptions(encoding: encoding, sheet: sheet) }
}

/// How response files are read, and whether a progress line is drawn: `analyze`, `compare` and
/// `report` (`validate` takes `--quiet` from ``OutputFlags``).
struct ImportFlags: ParsableArguments {
    @OptionGroup var sourceFlags: SourceFlags

    @Flag(help: "No progress line on the terminal while reading long files.")
    var quiet = false

    var encoding: EncodingChoice { sourceFlags.encoding }
    var sheet: String? { sourceFlags.sheet }
    var source: SourceOptions { sourceFlags.source }
}
