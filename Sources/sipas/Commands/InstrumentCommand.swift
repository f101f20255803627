import ArgumentParser
import Foundation
import SIPASCore
import SIPASInstruments
import SIPASReportJobs

/// `sipas instrument list | show NAME | check FILE`: the questionnaires sipas knows, and a checker
/// for instruments written by users.
struct InstrumentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "instrument",
        abstract:
            "List, show and check survey instruments (questionnaire definitions); import XLSForms; export collection forms.",
        discussion: """
            Built-in instruments are compiled into sipas; your own instruments are YAML files in the \
            same format (see Instruments/README.md). Check one with `sipas instrument check my.yaml`; \
            make an ODK / KoboToolbox form, a data-entry workbook or a paper form from it with \
            `sipas instrument export`.
            """,
        subcommands: [List.self, Show.self, Check.self, Import.self, Export.self]
    )

    /// Runs `body`, printing any error to standard error with its exit status.
    static func reporting(language: Language, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as ExitCode {
            throw error
        } catch {
            Console.message(ErrorReporter.message(for: error, language: language))
            throw ExitCode(ErrorReporter.exitCode(for: error))
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the built-in instruments: id, family, method version, years and title."
        )

        @Option(help: "Language of the titles: vi or en.")
        var lang: Language = .vi

        func run() async throws {
            try InstrumentCommand.reporting(language: lang) {
                let rows = try BuiltinInstruments.all().map { instrument in
                    [
                        instrument.id, instrument.family, instrument.methodVersion,
                        InstrumentText.years(instrument.years), instrument.title.text(lang),
                    ]
                }
                let header = [CLIMessage.idColumn, .familyColumn, .methodColumn, .yearsColumn, .titleColumn].map {
                    $0.text(lang)
                }
                try Console.emit(InstrumentText.columns([header] + rows), to: nil)
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show an instrument: areas, elements and items with their labels, scales, design and rollup."
        )

        @Argument(help: "A built-in instrument id (see `sipas instrument list`) or an instrument YAML file.")
        var name: String

        @Option(help: "Language of the labels: vi or en.")
        var lang: Language = .vi

        func run() async throws {
            try InstrumentCommand.reporting(language: lang) {
                let instrument = try InstrumentResolver.resolve(name)
                try Console.emit(InstrumentText.describe(instrument, language: lang), to: nil)
            }
        }
    }

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Check an instrument file; print each problem as file:line: message.",
            discussion: "Exit status: 0 when the file is usable, 65 when it has problems, 66 when it cannot be found."
        )

        @Argument(help: "The instrument YAML file (or a built-in id).")
        var file: String

        @OptionGroup var output: OutputFlags

        /// The problems and the summary: Vietnamese unless `--lang en`, like every command. The
        /// JSON's messages are English, for scripts.
        var lang: Language { output.lang ?? .vi }

        func run() async throws {
            try InstrumentCommand.reporting(language: lang) {
                let text: String
                if FileManager.default.fileExists(atPath: file) {
                    guard let data = FileManager.default.contents(atPath: file) else {
                        throw InstrumentError(file: file, line: nil, .cannotRead(detail: nil))
                    }
                    guard let decoded = String(data: data, encoding: .utf8) else {
                        throw InstrumentError(file: file, line: nil, .notUTF8)
                    }
                    text = decoded
                } else if let builtin = BuiltinInstruments.files.first(where: {
                    $0.name == file || $0.name == file + ".yaml"
                }) {
                    text = String(decoding: builtin.bytes, as: UTF8.self)
                } else {
                    throw CLIError.inputMissing(file)
                }
                let problems = Instrument.check(yaml: text, file: file)
                guard problems.isEmpty else {
                    // Problems are errors: on standard error in every format, even with --quiet.
                    for problem in problems { Console.message(problem.text(lang)) }
                    if output.json {
                        try OutputFlags.emitJSON(InstrumentCheckJSON(file: file, problems: problems, instrument: nil))
                    } else {
                        Console.message(CLIMessage.instrumentProblems(file: file, count: problems.count).text(lang))
                    }
                    throw ExitCode(ExitStatus.dataError)
                }
                let instrument = try InstrumentLoader.load(yaml: text, file: file)
                if output.json {
                    try OutputFlags.emitJSON(InstrumentCheckJSON(file: file, problems: [], instrument: instrument))
                } else if !output.quiet {
                    try Console.emit(InstrumentText.summary(instrument, language: lang) + "\n", to: nil)
                }
            }
        }
    }
}

/// Plain-text renderings of instruments for the terminal.
enum InstrumentText {
    static func years(_ range: YearRange?) -> String {
        guard let range else { return "–" }
        return range.to.map { "\(range.from)–\($0)" } ?? "\(range.from)–"
    }

    /// "OK: 98 questions, 58 scored (2 areas, 14 elements), 8 choice lists".
    static func summary(_ instrument: Instrument, language: Language = .en) -> String {
        let elements = instrument.areas.reduce(0) { $0 + $1.elements.count }
        return CLIMessage.instrumentSummary(
            questions: instrument.questions.count, scored: instrument.scoredQuestions.count,
            areas: instrument.areas.count, elements: elements, choiceLists: instrument.choices.count
        ).text(language)
    }

    /// Left-aligned columns separated by two spaces; the first row is underlined.
    static func columns(_ rows: [[String]]) -> String {
        let count = rows.map(\.count).max() ?? 0
        let widths = (0..<count).map { c in rows.map { c < $0.count ? $0[c].count : 0 }.max() ?? 0 }
        func line(_ row: [String]) -> String {
            row.enumerated().map { c, cell in
                c == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[c] - cell.count)
            }.joined(separator: "  ")
        }
        guard let header = rows.first else { return "" }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return ([line(header), rule] + rows.dropFirst().map(line)).joined(separator: "\n") + "\n"
    }

    static func describe(_ instrument: Instrument, language lang: Language) -> String {
        func text(_ message: CLIMessage) -> String { message.text(lang) }
        var out: [String] = []
        out.append("\(instrument.title.text(lang))")
        out.append(
            "  id: \(instrument.id)   \(text(.family)): \(instrument.family)   "
                + "\(text(.method)): \(instrument.methodVersion)   \(text(.years)): \(years(instrument.years))")
        out.append("")
        out.append(text(.officialSources))
        out += instrument.provenance.official.map { "  • \($0)" }
        out.append(text(.reconstructed))
        out += instrument.provenance.reconstructed.map { "  • \($0)" }
        out.append("")
        out.append(text(.scales))
        for name in instrument.scales.keys.sorted() {
            let scale = instrument.scales[name]!
            let codes = (instrument.choices[name] ?? []).map { "\($0.name) \($0.label.text(lang))" }.joined(
                separator: "; ")
            out.append("  \(name): \(codes)")
            out.append(
                "    \(text(.satisfied)): \(scale.satisfied.map(String.init).joined(separator: ", "))   "
                    + "\(text(.excludedFromDenominator)): \(scale.excluded.map(String.init).joined(separator: ", "))")
        }
        let design = instrument.design
        out.append(text(.design))
        out.append(
            "  weight: \(design.weight ?? "–")   strata: \(design.strata ?? "–")   cluster: \(design.cluster ?? "–")   "
                + "fpc: \(design.fpc ?? "–")   lonely_psu: \(design.lonelyPSU.rawValue)")
        let rollup = instrument.rollup
        out.append(text(.rollup))
        out.append(
            "  element: \(rollup.element.rawValue)   area: \(rollup.area.rawValue)   overall: \(rollup.overall.rawValue)   "
                + "national: \(rollup.national.rawValue)" + (rollup.unit.map { " (unit: \($0))" } ?? ""))
        out.append("\(text(.defaultBreakdowns)): \(instrument.breakdowns.joined(separator: ", "))")
        out.append("")
        let scored = instrument.scoredQuestions
        for area in instrument.areas {
            out.append("\(text(.area)) \(area.name): \(area.label.text(lang))")
            for element in area.elements {
                out.append("  \(text(.element)) \(element.name): \(element.label.text(lang))")
                for q in scored where q.area == area.name && q.element == element.name {
                    out.append("    " + item(q, instrument: instrument, language: lang))
                }
            }
        }
        let placed = Set(instrument.elementsWithAreas.map { "\($0.area.name)/\($0.element.name)" })
        let loose = scored.filter { !placed.contains("\($0.area ?? "")/\($0.element ?? "")") }
        if !loose.isEmpty {
            out.append(text(.overallItems))
            out += loose.map { "  " + item($0, instrument: instrument, language: lang) }
        }
        out.append("")
        out.append(text(.attributes))
        out += instrument.attributeQuestions.map { "  " + item($0, instrument: instrument, language: lang) }
        let info = instrument.questions.filter { instrument.role(of: $0) == .info }
        if !info.isEmpty {
            out.append(text(.otherQuestions))
            out += info.map { "  " + item($0, instrument: instrument, language: lang) }
        }
        return out.joined(separator: "\n") + "\n"
    }

    private static func item(_ q: Question, instrument: Instrument, language: Language) -> String {
        var tags = [q.type.description]
        let role = instrument.role(of: q)
        if role == .elementOverall || role == .overall { tags.append(role.rawValue) }
        if let criterion = q.criterion { tags.append("criterion \(criterion)") }
        if q.required { tags.append("required") }
        if let lookup = q.lookup { tags.append("lookup \(lookup)") }
        if let constraint = q.constraint { tags.append("constraint \(constraint)") }
        if let relevant = q.relevant { tags.append("relevant \(relevant)") }
        return "\(q.name)  \(q.label.text(language))  [\(tags.joined(separator: "; "))]"
    }
}

/// `sipas instrument check --format json` (docs/json.md, `$defs/instrument_check`).
struct InstrumentCheckJSON: Encodable {
    struct Problem: Encodable {
        var file: String
        /// The YAML line (1-based), when the problem has one.
        var line: Int?
        /// The checker's message (English).
        var message: String
    }

    /// The counts of a usable instrument.
    struct Counts: Encodable {
        var id: String
        var questions: Int
        var scored: Int
        var areas: Int
        var elements: Int
        var choiceLists: Int
    }

    var command = "instrument check"
    var file: String
    var ok: Bool
    var problems: [Problem]
    var instrument: Counts?

    init(file: String, problems: [InstrumentError], instrument: Instrument?) {
        self.file = file
        ok = problems.isEmpty
        self.problems = problems.map { Problem(file: $0.file, line: $0.line, message: $0.message) }
        self.instrument = instrument.map {
            Counts(
                id: $0.id, questions: $0.questions.count, scored: $0.scoredQuestions.count, areas: $0.areas.count,
                elements: $0.areas.reduce(0) { $0 + $1.elements.count }, choiceLists: $0.choices.count)
        }
    }
}
